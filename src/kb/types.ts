/** Shapes of the generated knowledge base (see `schema.ts` for the data files they come from). */
import type { CodeFacts, CodeText, PairText, RuleDoc } from "./schema.ts";

export type { CodeStatus, DialogEffect, Method, Q850Basis, RetryKind, Sender } from "./enums.ts";
export type { CodeFacts, CodeText, PairText, RuleDoc } from "./schema.ts";

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
	/** Languages whose content is complete. */
	languages: string[];
	codes: KbCode[];
	q850: Record<string, string>;
	/** Curated pairs per language, keyed `A-B` with A < B. */
	pairs: Record<string, Record<string, PairText>>;
	/** Troubleshooting pages of the diagnosis rules, per language and rule id. */
	rules: Record<string, Record<string, RuleDoc>>;
}
