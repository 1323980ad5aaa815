import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isLanguage, LANGUAGES, resolveLanguage } from "./locales.ts";

test("resolveLanguage: case, regions and Chinese scripts", () => {
	const cases: [string, string | null][] = [
		["tr", "tr"],
		["TR", "tr"],
		["tr-TR", "tr"],
		["tr_TR", "tr"],
		["pt-BR", "pt"],
		["en-GB", "en"],
		["zh", "zh-hans"],
		["zh-CN", "zh-hans"],
		["zh-Hans", "zh-hans"],
		["ZH-HANS", "zh-hans"],
		["zh-Hans-CN", "zh-hans"],
		["zh-TW", null],
		["zh-Hant", null],
		["xx", null],
		["", null],
		["tr-", null],
		["../tr", null],
	];
	for (const [tag, want] of cases) assert.equal(resolveLanguage(tag), want, tag);
	for (const l of LANGUAGES) assert.equal(resolveLanguage(l.toUpperCase()), l);
	fc.assert(fc.property(fc.string(), (s) => resolveLanguage(s) === null || isLanguage(resolveLanguage(s) as string)));
});
