import assert from "node:assert/strict";
import { test } from "node:test";
import { compare, SameCodeError } from "./compare.ts";
import { InputError } from "./errors.ts";
import { turkishNumberProblems } from "./phrases/turkish-check.ts";
import { curatedPairs, entries } from "./registry.ts";
import { proseProblems } from "./validate.ts";

const CURATED = [
	[401, 407],
	[401, 403],
	[486, 600],
	[486, 603],
	[600, 603],
	[480, 486],
	[408, 480],
	[404, 604],
	[404, 410],
	[488, 606],
	[415, 488],
	[500, 503],
	[480, 503],
	[301, 302],
	[482, 483],
	[200, 202],
	[202, 204],
	[408, 487],
	[408, 481],
	[603, 607],
	[607, 608],
	[202, 603],
	[180, 183],
	[183, 199],
	[100, 180],
	[180, 181],
	[200, 204],
	[302, 305],
	[403, 404],
	[403, 407],
	[404, 480],
	[408, 504],
	[480, 487],
	[481, 487],
	[486, 487],
	[487, 603],
	[500, 502],
	[503, 504],
	[503, 600],
	[420, 421],
	[422, 423],
	[429, 433],
	[403, 608],
	[405, 501],
	[491, 500],
	[403, 603],
	[404, 484],
	[413, 513],
	[481, 489],
	[502, 504],
	[603, 608],
];

test("every pair compares in en and tr with whole, clean sentences", () => {
	const codes = entries().map((e) => e.code);
	let pairs = 0;
	for (let i = 0; i < codes.length; i++)
		for (let j = i + 1; j < codes.length; j++)
			for (const lang of ["en", "tr"]) {
				const c = compare(codes[i] as number, codes[j] as number, { lang });
				pairs++;
				assert.ok(c.differences.length >= 1, `${codes[i]}/${codes[j]} ${lang}: no differences`);
				for (const t of [...c.differences, c.whenToUseWhich]) {
					assert.deepEqual(proseProblems(t, lang), [], `${codes[i]}/${codes[j]} ${lang}: ${t}`);
					assert.doesNotMatch(t, /undefined|null|NaN|\[object/, t);
					assert.match(t, /[.!?)]$/, `not a whole sentence: ${t}`);
					if (lang === "tr") assert.deepEqual(turkishNumberProblems(t), [], t);
				}
			}
	assert.ok(pairs > 6000);
});

test("the pairs people confuse are curated in every content language", () => {
	const have = new Set(curatedPairs().map(([a, b]) => `${a}-${b}`));
	for (const [a, b] of CURATED) {
		assert.ok(have.has(`${a}-${b}`), `${a}-${b} not curated`);
		for (const lang of ["en", "tr"]) {
			const c = compare(b as number, a as number, { lang });
			assert.equal(c.curated, true);
			assert.equal(c.a.code, a, "lower code first");
		}
	}
});

test("differences are derived from facts", () => {
	const c = compare(401, 407);
	assert.ok(
		c.differences.some((d) => /401 must carry WWW-Authenticate, while 407 must carry Proxy-Authenticate/.test(d)),
	);
	const f = compare(486, 603);
	assert.ok(
		f.differences.some((d) => /^603 ends forking/.test(d)),
		"6xx ends forking",
	);
	assert.ok(f.differences.some((d) => /cause 17 \(User busy\).*cause 21 \(Call rejected\)/.test(d)));
	const t = compare(200, 486, { lang: "tr" });
	assert.ok(
		t.differences.some((d) => d.includes("uçtan uca")),
		"ACK difference in Turkish",
	);
	const g = compare(180, 481);
	assert.equal(g.curated, false);
	assert.ok(g.whenToUseWhich.includes(g.a.useWhen) && g.whenToUseWhich.includes(g.b.useWhen));
});

test("Turkish sentences inflect numbers by pronunciation", () => {
	const c = compare(202, 603, { lang: "tr" });
	const all = c.differences.join(" ");
	assert.match(all, /202'yi|603'ü|603'ten|202'den|202'nin|603'ün/);
	assert.deepEqual(turkishNumberProblems(all), []);
});

test("a code compared with itself is a usage error, in any spelling", () => {
	for (const [x, y] of [
		[486, 486],
		["486", 486],
		[" 603", "603 "],
	] as const)
		assert.throws(
			() => compare(x, y),
			(e: unknown) => e instanceof SameCodeError && e instanceof InputError && e.code === Number(String(x).trim()),
		);
	assert.throws(() => compare(486, 486, { lang: "tr" }), /two different codes, not 486 twice/);
	assert.throws(
		() => compare(486, "abc"),
		(e: unknown) => e instanceof InputError && !(e instanceof SameCodeError),
	);
});
