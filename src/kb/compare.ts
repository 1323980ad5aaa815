/** `compare(a, b)`: how two codes differ, in whole sentences derived from their facts. */
import { formatCite, parseCite } from "./citation.ts";
import { InputError, parseCode } from "./errors.ts";
import { checkLanguage, contentLanguageFor, type Explanation, explain, type LangOptions } from "./explain.ts";
import { phrasesFor, type Side } from "./phrases/index.ts";
import { curatedPair, entry } from "./registry.ts";

/** The answer to `compare`. */
export interface Comparison {
	a: Explanation;
	b: Explanation;
	/** Key differences, most important first: curated ones, then those derived from facts. */
	differences: string[];
	whenToUseWhich: string;
	/** Whether a person wrote the comparison (true) or it was derived from facts only. */
	curated: boolean;
	lang: string;
	contentLang: string;
	/** Set to "en" when the content language has not written this curated pair yet and its English text is shown. */
	curatedLang?: string;
}

/** Both codes given to compare are the same: a usage mistake (the CLI exits 2, the site shows the code's page). */
export class SameCodeError extends InputError {
	override name = "SameCodeError";
	constructor(readonly code: number) {
		super(`compare needs two different codes, not ${code} twice`);
	}
}

function side(e: Explanation): Side {
	// The entry whose facts the explanation shows (the stand-in for an unregistered code).
	const facts = entry(e.code) ?? entry(e.treatedAs ?? e.code);
	const s: Side = {
		code: e.code,
		class: e.class,
		status: e.status,
		methods: e.facts.methods,
		senders: e.facts.senders,
		requiredHeaders: e.facts.requiredHeaders,
		retryKind: e.facts.retryKind,
		dialogEffect: e.facts.dialogEffect,
		ack: e.facts.ack,
		endsForking: e.facts.endsForking,
		q850To:
			e.facts.q850.toCause === null
				? null
				: { cause: e.facts.q850.toCause, name: e.facts.q850.names[String(e.facts.q850.toCause)] ?? "" },
		q850Basis: facts?.q850.toCauseBasis ?? "not-a-rejection",
	};
	const teardown = facts?.dialogEffect.uacShouldTerminate;
	if (teardown) s.uacShouldTerminate = formatCite(parseCite(teardown));
	if (facts?.dialogEffect.endsEarlyDialog) s.endsEarlyDialog = true;
	if (e.deprecatedBy) s.deprecatedBy = formatCite(e.deprecatedBy);
	if (e.treatedAs !== undefined) s.treatedAs = e.treatedAs;
	return s;
}

const sameSet = <T>(x: T[], y: T[]) => x.length === y.length && x.every((v) => y.includes(v));
const answersInvite = (s: Side) => s.methods.includes("INVITE") || s.methods.includes("any");

/** The fact-derived differences between two sides, as sentences in `lang`. */
export function derivedDifferences(a: Side, b: Side, lang: string): string[] {
	const p = phrasesFor(lang);
	const out: string[] = [];
	out.push(a.class === b.class ? p.sameClass(a, b) : p.classes(a, b));
	if (a.endsForking !== b.endsForking) out.push(a.endsForking ? p.forking(a, b) : p.forking(b, a));
	if (!sameSet(a.senders, b.senders)) out.push(p.senders(a, b));
	if (!sameSet(a.methods, b.methods)) out.push(p.methods(a, b));
	if (!sameSet(a.requiredHeaders, b.requiredHeaders)) out.push(p.requiredHeaders(a, b));
	if (a.retryKind !== b.retryKind) out.push(p.retry(a, b));
	const effectDiffers =
		a.dialogEffect !== b.dialogEffect ||
		Boolean(a.endsEarlyDialog) !== Boolean(b.endsEarlyDialog) ||
		a.uacShouldTerminate !== b.uacShouldTerminate;
	if (effectDiffers) out.push(p.dialogEffect(a, b));
	if (a.ack !== b.ack && answersInvite(a) && answersInvite(b)) out.push(p.ack(a, b));
	const q850Differs = (a.q850To?.cause ?? null) !== (b.q850To?.cause ?? null) || a.q850Basis !== b.q850Basis;
	const bothReleaseNothing = a.q850Basis === "not-a-rejection" && b.q850Basis === "not-a-rejection";
	if (q850Differs && !bothReleaseNothing) out.push(p.q850(a, b));
	for (const s of [a, b]) {
		const line = p.status(s);
		if (line) out.push(line);
	}
	return out;
}

/**
 * Compares two codes in a language. The lower code comes first (`a`). Key differences start with
 * the curated ones for pairs people confuse, then the ones derived from the facts; "when to use
 * which" is curated for those pairs and assembled from each code's own `useWhen` sentence otherwise.
 * Throws InputError for a bad code or language, and SameCodeError when both are the same code.
 */
export function compare(first: string | number, second: string | number, options: LangOptions = {}): Comparison {
	const lang = checkLanguage(options.lang);
	const code = parseCode(first);
	if (code === parseCode(second)) throw new SameCodeError(code);
	const x = explain(first, { lang });
	const y = explain(second, { lang });
	const [a, b] = x.code <= y.code ? [x, y] : [y, x];
	const contentLang = contentLanguageFor(lang);
	const own = curatedPair(a.code, b.code, contentLang);
	// A pair the content language has not written yet: the English text, marked by curatedLang.
	const curated = own ?? curatedPair(a.code, b.code, "en");
	const sa = side(a);
	const sb = side(b);
	const differences = [...(curated?.keyDifferences ?? []), ...derivedDifferences(sa, sb, contentLang)];
	const advice = phrasesFor(contentLang).scopeAdvice(sa, sb);
	const whenToUseWhich = curated?.whenToUseWhich ?? [a.useWhen, b.useWhen, ...(advice ? [advice] : [])].join(" ");
	return {
		a,
		b,
		differences,
		whenToUseWhich,
		curated: curated !== undefined,
		lang,
		contentLang,
		...(curated && !own ? { curatedLang: "en" } : {}),
	};
}
