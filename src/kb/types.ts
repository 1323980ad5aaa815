/** Shapes of the generated knowledge base (see `schema.ts` for the data files they come from). */
import type {
	CodeFacts,
	CodeText,
	GlossaryText,
	PairText,
	RegistryProvenance,
	RuleDoc,
	SearchSynonyms,
} from "./schema.ts";

export type { CodeStatus, DialogEffect, Method, Q850Basis, RetryKind, Sender } from "./enums.ts";
export type { CodeFacts, CodeText, GlossaryText, PairText, RuleDoc } from "./schema.ts";

/** One code as stored in the generated table: its facts, its text per language, its example. */
export interface KbCode extends CodeFacts {
	reason: string;
	/** IANA registry reference column. */
	reference: string[];
	text: Record<string, CodeText>;
	/** Raw example message with CRLF line ends. */
	example: string;
}

/** The whole validated knowledge base. */
export interface KnowledgeBase {
	source: string;
	reviewed: string;
	/** Where the registry transcription comes from and when it was last checked against IANA's export. */
	provenance: RegistryProvenance;
	/** Languages whose content is complete. */
	languages: string[];
	codes: KbCode[];
	q850: Record<string, string>;
	/** Curated pairs per language, keyed `A-B` with A < B. */
	pairs: Record<string, Record<string, PairText>>;
	/** Troubleshooting pages of the diagnosis rules, per language and rule id. */
	rules: Record<string, Record<string, RuleDoc>>;
	/** Curated search vocabulary per language (`data/search-synonyms/{lang}.json`). */
	searchSynonyms: Record<string, SearchSynonyms>;
	/** Glossary per language and term id (`data/glossary/{lang}.json`); `cite`/`cs` only in en. */
	glossary: Record<string, Record<string, GlossaryText>>;
}
