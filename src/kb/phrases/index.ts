/**
 * The phrase set for a content language: the module `phrases/{lang}.ts` when it exists (the build
 * lists the modules present in `generated/phrase-modules.ts`), else English.
 */
import { PHRASE_MODULES } from "../generated/phrase-modules.ts";
import { en } from "./en.ts";
import type { Phrases } from "./types.ts";

export type { Phrases, Side, UnregisteredText } from "./types.ts";

/** Phrases of `lang`, or English when sipwhy has none for it. */
export function phrasesFor(lang: string): Phrases {
	return PHRASE_MODULES[lang] ?? en;
}

/** Whether `lang` has its own derived sentences (else they are English, and pages mark them so). */
export function hasPhrases(lang: string): boolean {
	return PHRASE_MODULES[lang] !== undefined;
}
