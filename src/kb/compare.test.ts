import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { compare, SameCodeError } from "./compare.ts";
import { InputError } from "./errors.ts";
import { explain } from "./explain.ts";
import { hasPhrases } from "./phrases/index.ts";
import { turkishNumberProblems } from "./phrases/turkish-check.ts";
import { contentLanguages, curatedPair, curatedPairs, entries } from "./registry.ts";
import { translationProblems } from "./translation-check.ts";
import { parseTermTable, proseProblems, termProblems } from "./validate.ts";

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

test("408 and 481: the compare line and the texts agree on RFC 5057 §5.1 and RFC 3261 §12.2.1.2", () => {
	for (const lang of ["en", "tr"]) {
		const c = compare(408, 481, { lang });
		const line = c.differences.find((d) => d.includes("RFC 5057"));
		assert.ok(line, `${lang}: no dialog-effect line`);
		assert.equal(line.match(/RFC 3261 §12\.2\.1\.2/g)?.length, 2, `${lang}: ${line}`);
		// The 408 text states the same two rules as the derived line.
		const text = c.a.description;
		assert.match(text, /RFC 5057 §5\.1/, lang);
		assert.match(text, /RFC 3261 §12\.2\.1\.2/, lang);
		assert.doesNotMatch(text, /408 tells the UAC that it should end the dialog/);
	}
	const en = compare(408, 481).differences.join(" ");
	assert.match(en, /408 fails only that transaction/);
	assert.match(en, /481 ends the usage/);
});

test("199 is compared as ending one early dialog, not the whole dialog", () => {
	const line = compare(180, 199).differences.find((d) => d.includes("199") && /dialog/.test(d)) ?? "";
	assert.match(line, /199 ends the one early dialog its To tag names/);
	assert.doesNotMatch(line, /199 ends the whole dialog/);
	assert.doesNotMatch(line, /RFC 5057/);
});

test("the Q.850 line says when a cause comes from RFC 3398's default rule", () => {
	const en = compare(412, 486).differences.join(" ");
	assert.match(en, /412 becomes Q\.850 cause 31 \(Normal, unspecified\) by RFC 3398's default rule/);
	assert.match(en, /486 becomes Q\.850 cause 17 \(User busy\) by the table/);
	assert.match(compare(412, 486, { lang: "tr" }).differences.join(" "), /varsayılan kuralıyla/);
	const none = compare(487, 488).differences.join(" ");
	assert.match(none, /487 maps to no cause in the table/);
	assert.match(none, /488 has no fixed cause, because the table lets its Warning header decide/);
});

test("derived Turkish sentences use the terms of docs/terms-tr.md", () => {
	const rules = parseTermTable(readFileSync(join(import.meta.dirname, "..", "..", "docs", "terms-tr.md"), "utf8"));
	const codes = entries().map((e) => e.code);
	const pairs: [number, number][] = [...CURATED.map(([a, b]) => [a, b] as [number, number])];
	for (let i = 0; i + 1 < codes.length; i++) pairs.push([codes[i] as number, codes[i + 1] as number]);
	for (const [a, b] of pairs) {
		const c = compare(a, b, { lang: "tr" });
		// Only the derived sentences: curated ones are checked with the data.
		const derived = c.differences.slice(curatedPair(a, b, "tr")?.keyDifferences.length ?? 0);
		for (const d of derived) assert.deepEqual(termProblems(d, rules), [], `${a}-${b}: ${d}`);
	}
	const unknown = explain(499, { lang: "tr" });
	for (const t of [unknown.description, unknown.whenYouSeeIt, ...unknown.howToFix, ...unknown.misdiagnoses])
		assert.deepEqual(termProblems(t, rules), [], t);
});

test("derived sentences of every content language with phrases: translated, in its script, the English tokens kept, its term list", () => {
	const codes = entries().map((e) => e.code);
	const pairs: [number, number][] = [...CURATED.map(([a, b]) => [a, b] as [number, number])];
	for (let i = 0; i + 1 < codes.length; i++) pairs.push([codes[i] as number, codes[i + 1] as number]);
	const reasons = entries().map((e) => e.reason);
	const docs = join(import.meta.dirname, "..", "..", "docs");
	assert.ok(hasPhrases("tr"), "Turkish has its phrases, so the loop below checks something");
	for (const lang of contentLanguages()) {
		// A language without its phrases derives English sentences (listed by the build, marked on pages).
		if (lang === "en" || !hasPhrases(lang)) continue;
		const termFile = join(docs, `terms-${lang}.md`);
		const terms = existsSync(termFile) ? parseTermTable(readFileSync(termFile, "utf8")) : undefined;
		const problems: string[] = [];
		for (const [a, b] of pairs) {
			const mine = compare(a, b, { lang });
			const english = compare(a, b, { lang: "en" });
			const derived = mine.differences.slice(curatedPair(a, b, lang)?.keyDifferences.length ?? 0);
			const enDerived = english.differences.slice(curatedPair(a, b, "en")?.keyDifferences.length ?? 0);
			for (const p of translationProblems({ derived: enDerived }, { derived }, lang, { reasons }))
				problems.push(`${a}-${b}: ${p}`);
			if (terms) for (const d of derived) for (const p of termProblems(d, terms)) problems.push(`${a}-${b}: ${p}`);
		}
		assert.deepEqual(problems, [], lang);
	}
});
