/**
 * Schema of the knowledge base in `data/`. The build (`scripts/build-kb.ts`) and the tests
 * validate every data file against it; runtime code only imports the inferred types (zod is a
 * devDependency: a value import from here breaks the installed package). The vocabularies come
 * from `enums.ts`.
 */
import { z } from "zod";
import { CODE_STATUSES, DIALOG_EFFECTS, METHODS, Q850_BASES, RETRY_KINDS, SENDERS } from "./enums.ts";

/** An RFC citation written as `RFC3261 §21.4.24`, `RFC3398 §8.2.6.1` or just `RFC8197`. */
export const Cite = z.string().regex(/^RFC\d{3,5}( §(\d+(\.\d+)*|[A-Z](\.\d+)*))?$/, "cite as 'RFC3261 §21.4.24'");

/** Who typically generates a response. */
export const Sender = z.enum(SENDERS);

/** SIP request methods a response can answer (`any` = every method). */
export const Method = z.enum(METHODS);

/** How a client may retry after this response (see `RETRY_KINDS`). */
export const RetryKind = z.enum(RETRY_KINDS);

/** Effect of the response on a dialog (see `DIALOG_EFFECTS`). */
export const DialogEffect = z.enum(DIALOG_EFFECTS);

const HeaderRef = z.strictObject({
	name: z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/),
	cite: Cite,
});

/**
 * Where the ISUP cause for a SIP code comes from in RFC 3398 §8.2.6.1: `listed` in its table;
 * `default`, the rule for codes the table does not list (cause 31 "Normal, unspecified");
 * `warning`, the table says the Warning header decides (488, 606); `unmapped`, the table gives
 * no cause (487); `not-a-rejection`, the code is not a 4xx–6xx rejection (1xx–3xx).
 */
export const Q850Basis = z.enum(Q850_BASES);

/** The facts of one code: `data/codes/NNN.json`. Every fact carries its citation. */
export const CodeFacts = z.strictObject({
	code: z.number().int().min(100).max(699),
	/** Section that defines the code. */
	defined: Cite,
	status: z.enum(CODE_STATUSES),
	deprecatedBy: Cite.optional(),
	renamedFrom: z.strictObject({ reason: z.string().min(1), by: Cite }).optional(),
	/** `also`: further sections behind some of the methods (e.g. the RFC that defines the method). */
	methods: z.strictObject({ value: z.array(Method).min(1), cite: Cite, also: z.array(Cite).optional() }),
	senders: z.strictObject({ value: z.array(Sender).min(1), cite: Cite }),
	requiredHeaders: z.array(HeaderRef),
	optionalHeaders: z.array(HeaderRef),
	retry: z.strictObject({ kind: RetryKind, cite: Cite }),
	dialogEffect: z.strictObject({
		value: DialogEffect,
		cite: Cite,
		/** Set for 408 and 481: RFC 3261 §12.2.1.2 still tells the UAC to end the dialog after one to a mid-dialog request. */
		uacShouldTerminate: Cite.optional(),
		/**
		 * Set for 199: it ends the one early dialog its To tag names while the INVITE goes on
		 * (RFC 6228). It never answers a request inside a dialog, so no RFC 5057 category applies
		 * and `value` is `none`.
		 */
		endsEarlyDialog: z.literal(true).optional(),
	}),
	/**
	 * RFC 3398: `toCause` is §8.2.6.1 (this SIP code → ISUP cause) and `toCauseBasis` says whether
	 * the table lists it or the default rule gives it; `fromCauses` is §7.2.4.1 (causes → this code).
	 */
	q850: z.strictObject({
		toCause: z.number().int().min(1).max(127).nullable(),
		toCauseBasis: Q850Basis,
		fromCauses: z.array(z.number().int().min(1).max(127)),
	}),
	/**
	 * Every product setting, module, variable or cause name the code's text uses, with where it was
	 * checked; `unchecked` marks a name nobody has looked up in that product's source or docs yet.
	 */
	settings: z
		.array(
			z.strictObject({
				name: z.string().regex(/^[A-Za-z][\w.-]*$/),
				product: z.string().min(3),
				source: z.string().min(3),
				unchecked: z.literal(true).optional(),
			}),
		)
		.optional(),
	related: z.array(z.number().int().min(100).max(699)),
});

/**
 * A whole sentence: it ends with a full stop, question or exclamation mark, colon or closing
 * bracket or quote, in the punctuation of its script (。！？）」 for Japanese and Chinese, ؟ for
 * Arabic, । for Hindi); Thai marks no sentence end, so a Thai sentence may end with a letter.
 */
const Sentence = z
	.string()
	.min(8)
	.refine((s) => /(?:[.!?:)»"”’。！？）」』؟।॥]|\p{Script=Thai})$/u.test(s.trim()), "must end as a sentence (., !, ?)");

/** The text of one code in one language: `data/text/{lang}/NNN.json`. */
export const CodeText = z.strictObject({
	/** One line: what the code says, for lists and meta descriptions. */
	summary: Sentence,
	description: Sentence,
	whenYouSeeIt: Sentence,
	/** Ordered, concrete steps. */
	howToFix: z.array(Sentence).min(2),
	commonCauses: z.array(Sentence).min(1),
	/** Mistakes people make when reading this code. */
	misdiagnoses: z.array(Sentence).min(1),
	/** How a client may retry, one or two sentences. */
	retry: Sentence,
	/** A whole sentence naming the code, saying when to send (or expect) it; used in comparisons. */
	useWhen: Sentence,
});

/** Curated comparison of two codes in one language: `data/pairs/{lang}/A-B.json` (A < B). */
export const PairText = z.strictObject({
	/** Differences facts alone cannot express, as whole sentences, most important first. */
	keyDifferences: z.array(Sentence).min(1),
	whenToUseWhich: Sentence,
});

/** A troubleshooting page for one diagnosis rule: `data/rules/{lang}/{rule}.json`. */
export const RuleDoc = z.strictObject({
	/** Short title, e.g. "Authentication loop". */
	title: z.string().min(3).max(80),
	/** One or two sentences: what the finding means. */
	summary: Sentence,
	/** What the user sees (in the call, in the trace). */
	symptoms: z.array(Sentence).min(2),
	/** Why it happens, most common first. */
	causes: z.array(Sentence).min(2),
	/** What to check, in order, with concrete headers and settings. */
	check: z.array(Sentence).min(2),
	/** Status codes involved (their pages are linked). */
	codes: z.array(z.number().int().min(100).max(699)),
	/** RFC sections behind the rule. */
	cites: z.array(Cite).min(1),
});

/**
 * One glossary term in one language: an entry of `data/glossary/{lang}.json`, keyed by the term's
 * id. `cite` and `cs` are facts of the term, set in `en.json` only; the other languages give the
 * words and the patterns that find the term in their own prose.
 */
export const GlossaryText = z.strictObject({
	/** RFC section that defines the term (en.json only). */
	cite: Cite.optional(),
	/** Match case-sensitively: acronyms, header and method names (en.json only). */
	cs: z.literal(true).optional(),
	/** The term as a heading, e.g. "Dialog", "Diyalog". */
	term: z.string().min(2).max(80),
	/** The definition: whole sentences. */
	def: Sentence,
	/**
	 * Regular expression sources (flags u, plus i unless `cs`) matched where a word starts; each
	 * starts with three plain characters, the key the linker files it under.
	 */
	match: z.array(z.string().min(3)).min(1),
});

/** The glossary of one language: `data/glossary/{lang}.json`, term id → text. */
export const Glossary = z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "id in kebab-case"), GlossaryText);

/** Where the registry transcription comes from: `provenance` in `data/registry.json`. */
export const RegistryProvenance = z.strictObject({
	/** IANA's machine-readable export of the sub-registry (CSV), the file scripts/fetch-registry.ts reads. */
	export: z.string().url(),
	/** How `codes` was last produced: by hand from the web page, or checked against the export file. */
	method: z.enum(["transcribed", "export"]),
	/** Date the export file was read and found equal (YYYY-MM-DD); null while it never was. */
	retrieved: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.nullable(),
	/** SHA-256 of that export file; null while it never was read. */
	sha256: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.nullable(),
});

/** The IANA registry as transcribed: `data/registry.json`. */
export const Registry = z.object({
	source: z.string().url(),
	reviewed: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
	provenance: RegistryProvenance,
	codes: z.array(
		z.strictObject({
			code: z.number().int().min(100).max(699),
			reason: z.string().min(1),
			reference: z.array(z.string().regex(/^RFC\d+$/)).min(1),
			deprecated: z.boolean().optional(),
		}),
	),
	unregistered: z.array(z.strictObject({ code: z.number().int(), reason: z.string().min(1) })),
});

/** Curated search vocabulary of one language: `data/search-synonyms/{lang}.json`. */
export const SearchSynonyms = z.strictObject({
	$comment: z.string().optional(),
	/** A query word (key) is searched as another spelling (value). */
	spellings: z.record(z.string().min(2), z.string().min(2)),
	/** A word or phrase (key) → the codes people mean by it, most likely first. */
	meanings: z.record(z.string().min(2), z.array(z.number().int().min(100).max(699)).min(1).max(8)),
});

/** Q.850 cause names: `data/q850.json`. */
export const Q850Names = z.record(z.string().regex(/^(\d+|\$comment)$/), z.string().min(1));

export type CodeFacts = z.infer<typeof CodeFacts>;
export type CodeText = z.infer<typeof CodeText>;
export type PairText = z.infer<typeof PairText>;
export type Registry = z.infer<typeof Registry>;
export type RuleDoc = z.infer<typeof RuleDoc>;
export type SearchSynonyms = z.infer<typeof SearchSynonyms>;
export type GlossaryText = z.infer<typeof GlossaryText>;
export type RegistryProvenance = z.infer<typeof RegistryProvenance>;
export type Sender = z.infer<typeof Sender>;
export type Method = z.infer<typeof Method>;
export type RetryKind = z.infer<typeof RetryKind>;
export type DialogEffect = z.infer<typeof DialogEffect>;
