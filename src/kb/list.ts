/** `listCodes()`: the registry as a list. */
import { type Citation, parseCite } from "./citation.ts";
import { CLASS_RULES, classOf, type ResponseClass } from "./classes.ts";
import type { CodeStatus } from "./enums.ts";
import { InputError } from "./errors.ts";
import { entries, slug } from "./registry.ts";

/** One row of the code list. */
export interface CodeSummary {
	code: number;
	reason: string;
	class: ResponseClass;
	final: boolean;
	rfc: Citation;
	status: CodeStatus;
	slug: string;
}

/** Options of `listCodes`. */
export interface ListOptions {
	/** Only this class, e.g. `4xx` (or `4`). */
	class?: string;
	/** Also list the unregistered codes sipwhy documents (409, 411 …). */
	includeUnregistered?: boolean;
}

/** Normalises a class filter (`4xx`, `4XX`, `4`) or throws InputError. */
export function parseClass(input: string): ResponseClass {
	const m = /^([1-6])(xx)?$/i.exec(input.trim());
	if (!m) throw new InputError(`"${input}" is not a response class (1xx … 6xx)`);
	return `${m[1]}xx` as ResponseClass;
}

/** Every code in the IANA registry, in order, optionally one class only. */
export function listCodes(options: ListOptions = {}): CodeSummary[] {
	const cls = options.class === undefined ? undefined : parseClass(options.class);
	return entries()
		.filter((e) => (options.includeUnregistered || e.status !== "unregistered") && (!cls || classOf(e.code) === cls))
		.map((e) => ({
			code: e.code,
			reason: e.reason,
			class: classOf(e.code),
			final: CLASS_RULES[classOf(e.code)].final,
			rfc: parseCite(e.defined),
			status: e.status,
			slug: slug(e.reason),
		}));
}
