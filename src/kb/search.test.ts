import assert from "node:assert/strict";
import { test } from "node:test";
import { fold, search } from "./search.ts";

const top = (q: string, n = 3) =>
	search(q)
		.slice(0, n)
		.map((h) => h.code);

test("a full code ranks itself first, a partial number lists its codes", () => {
	assert.equal(search("486")[0]?.code, 486);
	const p = search("48", { limit: 20 }).map((h) => h.code);
	assert.deepEqual(p.slice(0, 3), [480, 481, 482]);
	assert.ok(p.every((c) => String(c).startsWith("48")));
});

test("meaning, in English and Turkish, typo-tolerant", () => {
	assert.ok(top("busy").includes(486), `busy → ${top("busy")}`);
	assert.ok(top("busy", 5).includes(600));
	assert.ok(top("meşgul").includes(486), `meşgul → ${top("meşgul")}`);
	assert.equal(top("declin")[0], 603);
	assert.equal(top("decline")[0], 603);
	assert.ok(top("codec", 5).includes(488), `codec → ${top("codec", 5)}`);
	assert.ok(
		top("kimlik doğrulama", 5).some((c) => c === 401 || c === 407),
		`kimlik doğrulama → ${top("kimlik doğrulama", 5)}`,
	);
	assert.ok(top("timeout").includes(408), `timeout → ${top("timeout")}`);
	assert.ok(top("zaman aşımı", 5).includes(408), `zaman aşımı → ${top("zaman aşımı", 5)}`);
	assert.ok(
		top("transfer", 5).some((c) => c === 202 || c === 429),
		`transfer → ${top("transfer", 5)}`,
	);
	assert.ok(top("Not Acceptable Here").includes(488));
});

test("Turkish-aware folding", () => {
	assert.equal(fold("KİMLİK"), "kimlik");
	assert.equal(fold("KIMLIK"), "kimlik");
	assert.equal(fold("kımlık"), "kimlik");
	assert.equal(fold("Meşgul"), "mesgul");
	assert.deepEqual(top("MEŞGUL"), top("meşgul"));
});

test("hostile queries return results or nothing, never throw", () => {
	for (const q of ["", "   ", "<script>alert(1)</script>", "a".repeat(100_000), "((((", "*", "\u0000", "%00"])
		assert.ok(Array.isArray(search(q)));
});
