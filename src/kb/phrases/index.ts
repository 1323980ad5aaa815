/** The phrase set for a content language (English for any language without its own). */
import { en } from "./en.ts";
import { tr } from "./tr.ts";
import type { Phrases } from "./types.ts";

export type { Phrases, Side, UnregisteredText } from "./types.ts";

const BY_LANG: Record<string, Phrases> = { en, tr };

/** Phrases of `lang`, or English when sipwhy has none for it. */
export function phrasesFor(lang: string): Phrases {
	return BY_LANG[lang] ?? en;
}
