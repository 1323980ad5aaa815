import assert from "node:assert/strict";
import { test } from "node:test";
import { inflect, lastSpokenWord } from "./turkish-number.ts";

test("last spoken word follows Turkish number reading", () => {
	assert.equal(lastSpokenWord(603), "üç");
	assert.equal(lastSpokenWord(480), "seksen");
	assert.equal(lastSpokenWord(500), "yüz");
	assert.equal(lastSpokenWord(410), "on");
});

test("accusative follows pronunciation", () => {
	const want: Record<number, string> = {
		202: "202'yi",
		603: "603'ü",
		486: "486'yı",
		480: "480'i",
		500: "500'ü",
		401: "401'i",
		404: "404'ü",
		410: "410'u",
		430: "430'u",
		440: "440'ı",
		606: "606'yı",
		607: "607'yi",
		608: "608'i",
		305: "305'i",
		183: "183'ü",
		100: "100'ü",
	};
	for (const [n, s] of Object.entries(want)) assert.equal(inflect(Number(n), "accusative"), s, n);
});

test("dative, genitive, locative, ablative, instrumental", () => {
	assert.equal(inflect(486, "dative"), "486'ya");
	assert.equal(inflect(480, "dative"), "480'e");
	assert.equal(inflect(401, "dative"), "401'e");
	assert.equal(inflect(202, "genitive"), "202'nin");
	assert.equal(inflect(603, "genitive"), "603'ün");
	assert.equal(inflect(486, "genitive"), "486'nın");
	assert.equal(inflect(410, "genitive"), "410'un");
	assert.equal(inflect(603, "locative"), "603'te");
	assert.equal(inflect(404, "locative"), "404'te");
	assert.equal(inflect(401, "locative"), "401'de");
	assert.equal(inflect(486, "ablative"), "486'dan");
	assert.equal(inflect(603, "ablative"), "603'ten");
	assert.equal(inflect(440, "ablative"), "440'tan");
	assert.equal(inflect(486, "instrumental"), "486'yla");
	assert.equal(inflect(401, "instrumental"), "401'le");
});

import { suffixProblem, turkishNumberProblems } from "./turkish-check.ts";

test("the checker accepts right suffixes and rejects wrong ones", () => {
	for (const ok of [
		"603'ü",
		"603'te",
		"603'ten",
		"202'yi",
		"202'nin",
		"486'ya",
		"480'e",
		"401'in",
		"410'u",
		"500'ün",
		"404'te",
		"486'lar",
		"603'le",
		"487'yle",
	])
		assert.deepEqual(turkishNumberProblems(ok), [], ok);
	for (const bad of ["603'u", "603'de", "202'i", "486'a", "480'a", "410'i", "500'un", "404'de"])
		assert.equal(turkishNumberProblems(bad).length, 1, bad);
	assert.equal(suffixProblem(486, "yı"), null);
});
