/** `explain(code)`: everything sipwhy knows about one response code, in one language. */
import { type Citation, parseCite } from "./citation.ts";
import { type AckRule, CLASS_RULES, classOf, type ResponseClass, type Scope, treatedAs } from "./classes.ts";
import type { CodeStatus, DialogEffect, Method, Q850Basis, RetryKind, Sender } from "./enums.ts";
import { InputError, parseCode } from "./errors.ts";
import { isLanguage, LANGUAGES } from "./locales.ts";
import { phrasesFor } from "./phrases/index.ts";
import type { CodeProse } from "./phrases/types.ts";
import { contentLanguages, entry, q850Name, slug } from "./registry.ts";
import type { KbCode } from "./types.ts";

/** Structured facts of a code (the contract's `facts`). */
export interface Facts {
	final: boolean;
	/** Requests it typically answers (`any` = every method). */
	methods: Method[];
	senders: Sender[];
	requiredHeaders: string[];
	optionalHeaders: string[];
	/** A proxy that receives it cancels its other branches (2xx, 6xx). */
	endsForking: boolean;
	/** How a client may retry, in the reader's language. */
	retry: string;
	retryKind: RetryKind;
	/** RFC 5057 effect on a dialog. */
	dialogEffect: DialogEffect;
	/** How the UAC acknowledges it when it answers an INVITE. */
	ack: AckRule;
	scope: Scope;
	/**
	 * RFC 3398: ISUP cause sent for this code, and causes mapped to it, with their names; `basis`
	 * says where `toCause` comes from (the table, §8.2.6.1's default rule, the Warning header …).
	 */
	q850: { toCause: number | null; basis: Q850Basis; fromCauses: number[]; names: Record<string, string> };
}

/** The answer to `explain`: the contract's fields plus the rest of the entry (and its prose). */
export interface Explanation extends CodeProse {
	code: number;
	reason: string;
	class: ResponseClass;
	status: CodeStatus;
	/** Section that defines the code. */
	rfc: Citation;
	slug: string;
	facts: Facts;
	/** The citation of each fact; header citations keyed by header name. */
	citations: {
		final: Citation;
		methods: Citation;
		senders: Citation;
		endsForking: Citation;
		retry: Citation;
		dialogEffect: Citation;
		ack: Citation;
		scope: Citation;
		q850: Citation[];
		headers: Record<string, Citation>;
	};
	/** Raw example message (CRLF line ends). */
	example: string | null;
	related: number[];
	/** Language asked for. */
	lang: string;
	/** Language the prose is written in (English where a translation is missing). */
	contentLang: string;
	/** For unregistered codes: the code a compliant agent treats it as (RFC 3261 §8.1.3.2). */
	treatedAs?: number;
	deprecatedBy?: Citation;
	renamedFrom?: { reason: string; by: Citation };
}

/** Options shared by the explaining functions. */
export interface LangOptions {
	/** Language of the answer; `en` by default. */
	lang?: string;
}

/** Validates a language option; throws InputError naming the language when it is not offered. */
export function checkLanguage(lang: string | undefined): string {
	const l = lang ?? "en";
	if (!isLanguage(l)) throw new InputError(`unknown language "${l}" (offered: ${LANGUAGES.join(", ")})`);
	return l;
}

/** The language the content is shown in for a requested language. */
export function contentLanguageFor(lang: string): string {
	return contentLanguages().includes(lang) ? lang : "en";
}

function q850Facts(toCause: number | null, basis: Q850Basis, fromCauses: number[]) {
	const names: Record<string, string> = {};
	for (const c of [...(toCause === null ? [] : [toCause]), ...fromCauses]) names[String(c)] = q850Name(c);
	return { toCause, basis, fromCauses, names };
}

function fromEntry(e: KbCode, lang: string, extra: Partial<Explanation> = {}): Explanation {
	const contentLang = contentLanguageFor(lang);
	const text = e.text[contentLang] ?? (e.text.en as NonNullable<KbCode["text"]["en"]>);
	const cls = classOf(e.code);
	const rules = CLASS_RULES[cls];
	const headers: Record<string, Citation> = {};
	for (const h of [...e.requiredHeaders, ...e.optionalHeaders]) headers[h.name] = parseCite(h.cite);
	const out: Explanation = {
		code: e.code,
		reason: e.reason,
		class: cls,
		status: e.status,
		rfc: parseCite(e.defined),
		slug: slug(e.reason),
		facts: {
			final: rules.final,
			methods: e.methods.value,
			senders: e.senders.value,
			requiredHeaders: e.requiredHeaders.map((h) => h.name),
			optionalHeaders: e.optionalHeaders.map((h) => h.name),
			endsForking: rules.endsForking,
			retry: text.retry,
			retryKind: e.retry.kind,
			dialogEffect: e.dialogEffect.value,
			ack: rules.ack,
			scope: rules.scope,
			q850: q850Facts(e.q850.toCause, e.q850.toCauseBasis, e.q850.fromCauses),
		},
		citations: {
			final: parseCite(rules.cites.final),
			methods: parseCite(e.methods.cite),
			senders: parseCite(e.senders.cite),
			endsForking: parseCite(rules.cites.endsForking),
			retry: parseCite(e.retry.cite),
			dialogEffect: parseCite(e.dialogEffect.cite),
			ack: parseCite(rules.cites.ack),
			scope: parseCite(rules.cites.scope),
			q850: [parseCite("RFC3398 §8.2.6.1"), parseCite("RFC3398 §7.2.4.1")],
			headers,
		},
		summary: text.summary,
		description: text.description,
		whenYouSeeIt: text.whenYouSeeIt,
		howToFix: text.howToFix,
		commonCauses: text.commonCauses,
		misdiagnoses: text.misdiagnoses,
		useWhen: text.useWhen,
		example: e.example || null,
		related: e.related,
		lang,
		contentLang,
		...extra,
	};
	if (e.status === "unregistered") out.treatedAs = treatedAs(e.code);
	if (e.deprecatedBy) out.deprecatedBy = parseCite(e.deprecatedBy);
	if (e.renamedFrom) out.renamedFrom = { reason: e.renamedFrom.reason, by: parseCite(e.renamedFrom.by) };
	return out;
}

/**
 * Explains a response code in a language. Codes in the registry (and the unregistered ones sipwhy
 * documents) get their entry; any other code in 100–699 is explained as unregistered, with the
 * facts of the code a compliant agent treats it as (RFC 3261 §8.1.3.2).
 * Throws InputError for a value that is not a code in 100–699 or an unknown language.
 */
export function explain(code: string | number, options: LangOptions = {}): Explanation {
	const lang = checkLanguage(options.lang);
	const n = parseCode(code);
	const e = entry(n);
	if (e) return fromEntry(e, lang);
	const standIn = treatedAs(n);
	const base = entry(standIn);
	if (!base) throw new InputError(`no entry for ${standIn}, which ${n} is treated as`);
	const contentLang = contentLanguageFor(lang);
	const p = phrasesFor(contentLang);
	const baseReason = base.reason;
	const unknown = p.unregistered(n, standIn, baseReason);
	const out = fromEntry(base, lang, {
		code: n,
		reason: unknown.reason,
		class: classOf(n),
		status: "unregistered",
		rfc: parseCite("RFC3261 §8.1.3.2"),
		slug: "unregistered",
		summary: unknown.summary,
		description: unknown.description,
		whenYouSeeIt: unknown.whenYouSeeIt,
		howToFix: unknown.howToFix,
		commonCauses: unknown.commonCauses,
		misdiagnoses: unknown.misdiagnoses,
		useWhen: unknown.useWhen,
		example: null,
		related: [standIn],
	});
	out.treatedAs = standIn;
	return out;
}
