import assert from "node:assert/strict";
import { test } from "node:test";
import { contentLanguages, documentedRules, entries, hasOwnRuleDoc, ruleDoc } from "../kb/registry.ts";
import { translationProblems } from "../kb/translation-check.ts";
import { TEXTS } from "./diagnose.ts";
import { RULE_IDS } from "./rule-ids.ts";
import type { FindingTexts } from "./texts/types.ts";

/** Parameters that make every finding text say something (each text reads only the ones it needs). */
const SAMPLE: Record<string, string | number> = {
	method: "INVITE",
	code: 486,
	count: 3,
	realm: "example.com",
	retransmissions: 7,
	hop: "10.0.0.1 → 10.0.0.2",
	contact: "sip:bob@10.0.0.2",
	over: 32,
	sent: 7,
	to: "10.0.0.2:5060",
	reason: "Busy Here",
};

test("the content languages include en and tr, and each has finding texts", () => {
	assert.ok(contentLanguages().includes("en") && contentLanguages().includes("tr"));
	for (const lang of contentLanguages()) assert.ok(TEXTS[lang], `src/diagnose/texts/${lang}.ts`);
});

/** Every content language, and any other language whose finding texts arrived first. */
const withTexts = () => [...new Set([...contentLanguages(), ...Object.keys(TEXTS)])].sort();

test("every language with finding texts has the text of every rule, and no other", () => {
	for (const lang of withTexts()) {
		const texts: Partial<FindingTexts> = TEXTS[lang] ?? {};
		for (const id of RULE_IDS) assert.equal(typeof texts[id], "function", `${lang} ${id}`);
		assert.deepEqual(Object.keys(texts).sort(), [...RULE_IDS].sort(), lang);
	}
});

test("every finding text is translated: not English, its script, the English codes and names kept", () => {
	const en: Partial<FindingTexts> = TEXTS.en ?? {};
	const reasons = entries().map((e) => e.reason);
	for (const lang of withTexts()) {
		if (lang === "en") continue;
		const problems: string[] = [];
		for (const id of RULE_IDS) {
			const mine = TEXTS[lang]?.[id]?.(SAMPLE);
			const english = en[id]?.(SAMPLE);
			if (!mine || !english) continue;
			const pick = (w: { text: string; fix?: string }) => ({ text: w.text, ...(w.fix ? { fix: w.fix } : {}) });
			for (const p of translationProblems(pick(english), pick(mine), lang, { reasons }))
				problems.push(`${lang} ${id}: ${p}`);
		}
		assert.deepEqual(problems, [], lang);
	}
});

test("every rule has a troubleshooting page, and a content language's own pages are translated", () => {
	assert.deepEqual(documentedRules(), [...RULE_IDS].sort());
	for (const lang of contentLanguages())
		for (const id of RULE_IDS) {
			assert.ok(ruleDoc(id, lang), `${lang} ${id}`);
			if (lang !== "en" && hasOwnRuleDoc(id, lang))
				assert.notEqual(ruleDoc(id, lang)?.summary, ruleDoc(id, "en")?.summary, `${lang} ${id} is translated`);
		}
	assert.ok(
		RULE_IDS.every((id) => hasOwnRuleDoc(id, "tr")),
		"tr has every rule page",
	);
});
