/** Lookup over the generated knowledge base: one table, a few obvious functions. */
import { classOf, type ResponseClass } from "./classes.ts";
import { KB } from "./generated/kb-data.ts";
import type { GlossaryText, KbCode } from "./types.ts";

const byCode = new Map<number, KbCode>(KB.codes.map((c) => [c.code, c]));

/** The knowledge base entry for a code, registered or listed as unregistered, or undefined. */
export function entry(code: number): KbCode | undefined {
	return byCode.get(code);
}

/** Every entry, in code order. */
export function entries(): readonly KbCode[] {
	return KB.codes;
}

/** Languages whose content is complete. */
export function contentLanguages(): readonly string[] {
	return KB.languages;
}

/** Q.850 cause name, e.g. 17 → "User busy". */
export function q850Name(cause: number): string {
	return KB.q850[String(cause)] ?? `cause ${cause}`;
}

/** Curated comparison text for a pair in a language, if one was written. */
export function curatedPair(a: number, b: number, lang: string) {
	const [lo, hi] = a < b ? [a, b] : [b, a];
	return KB.pairs[lang]?.[`${lo}-${hi}`];
}

/** Every curated pair as [lower, higher]. */
export function curatedPairs(): [number, number][] {
	return Object.keys(KB.pairs.en ?? {}).map((k) => k.split("-").map(Number) as [number, number]);
}

/** URL slug of a reason phrase: "Call/Transaction Does Not Exist" → "call-transaction-does-not-exist". */
export function slug(reason: string): string {
	return reason
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, "-")
		.replace(/^-|-$/g, "");
}

/** Codes of one class, in order. */
export function codesOfClass(cls: ResponseClass): KbCode[] {
	return KB.codes.filter((c) => classOf(c.code) === cls);
}

/** Registry provenance. */
export const REGISTRY_SOURCE = { source: KB.source, reviewed: KB.reviewed };

/** The troubleshooting page of a diagnosis rule in a language (English when missing), or undefined. */
export function ruleDoc(rule: string, lang: string) {
	return KB.rules[lang]?.[rule] ?? KB.rules.en?.[rule];
}

/** Whether a language has written the troubleshooting page of a rule itself (else it is shown in English). */
export function hasOwnRuleDoc(rule: string, lang: string): boolean {
	return KB.rules[lang]?.[rule] !== undefined;
}

/** Ids of every documented diagnosis rule. */
export function documentedRules(): string[] {
	return Object.keys(KB.rules.en ?? {}).sort();
}

/** Curated search vocabulary (spellings, meanings) per content language. */
export function searchSynonyms() {
	return KB.searchSynonyms;
}

/** One glossary term as a page shows it: its id, its facts, and its words in `lang`. */
export interface GlossaryEntry extends GlossaryText {
	id: string;
	/** The language the words are in: the one asked for, or "en" where that language lacks the term. */
	lang: string;
}

/**
 * Every glossary term in a content language, in the English file's order; a term the language
 * has not written yet comes in English (its `lang` says so). `cite` and `cs` are the English ones.
 */
export function glossaryTerms(lang: string): GlossaryEntry[] {
	const en = KB.glossary.en ?? {};
	const own = KB.glossary[lang] ?? {};
	return Object.entries(en).map(([id, e]) => {
		const t = own[id];
		const words = t ? { term: t.term, def: t.def, match: t.match } : { term: e.term, def: e.def, match: e.match };
		return {
			id,
			...(e.cite ? { cite: e.cite } : {}),
			...(e.cs ? { cs: e.cs } : {}),
			...words,
			lang: t ? lang : "en",
		};
	});
}
