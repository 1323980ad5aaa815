/**
 * Validation of the raw data files against the schema and against each other. Used by the
 * build (`scripts/build-kb.ts`) and by the tests; never at run time.
 */
import { canonicalName } from "../sip/parse-message.ts";
import { CodeFacts, CodeText, PairText, Q850Names, Registry, RuleDoc, SearchSynonyms } from "./schema.ts";
import type { KbCode, KnowledgeBase } from "./types.ts";
import { words } from "./words.ts";

/** Raw contents of `data/`, as read from disk. */
export interface RawData {
	registry: unknown;
	q850: unknown;
	facts: Record<string, unknown>;
	text: Record<string, Record<string, unknown>>;
	pairs: Record<string, Record<string, unknown>>;
	examples: Record<string, string>;
	/** Troubleshooting pages per language and rule id (may be empty). */
	rules?: Record<string, Record<string, unknown>>;
	/** Curated search vocabulary per language (may be empty). */
	searchSynonyms?: Record<string, unknown>;
}

const DOUBLED = /(?<![\p{L}\p{N}-])(\p{L}{2,})\s+\1(?![\p{L}\p{N}-])/iu;
const MARKDOWN = /\*\*|`|^\s*#|\[[^\]]*\]\(|^\s*[-*] /m;
const PLACEHOLDER = /\bTODO\b|\bTBD\b|\bXXX\b|lorem ipsum|\{\w*\}|\$\{|\bFIXME\b/i;
const TURKISH_LETTER = /[çğıöşüÇĞİÖŞÜ]/;

/** Problems with one piece of prose, or [] when it reads clean. */
export function proseProblems(text: string, lang: string): string[] {
	const out: string[] = [];
	const doubled = DOUBLED.exec(text);
	if (doubled) out.push(`doubled word "${doubled[0]}"`);
	if (MARKDOWN.test(text)) out.push("raw markdown");
	if (PLACEHOLDER.test(text)) out.push("placeholder text");
	if (/\s{2,}/.test(text.trim())) out.push("double space");
	if (/\.\.\.|…/.test(text)) out.push("ellipsis (text looks cut)");
	if (lang === "tr" && !TURKISH_LETTER.test(text) && text.length > 40) out.push("does not read as Turkish");
	if (lang === "en" && /[ğışİ]/.test(text)) out.push("Turkish letters in English text");
	return out;
}

function zodProblems(where: string, error: { issues: { path: PropertyKey[]; message: string }[] }): string[] {
	return error.issues.map((i) => `${where}: ${i.path.join(".") || "(root)"}: ${i.message}`);
}

/** Problems with an example message for a code, or []. */
export function exampleProblems(code: number, reason: string, facts: CodeFacts, example: string): string[] {
	const out: string[] = [];
	const head = example.split(/\r?\n\r?\n/, 1)[0] ?? "";
	const body = example.slice(example.search(/\r?\n\r?\n/) + (example.includes("\r\n\r\n") ? 4 : 2));
	const lines = head.split(/\r?\n/);
	if (lines[0] !== `SIP/2.0 ${code} ${reason}`)
		out.push(`status line is "${lines[0]}", want "SIP/2.0 ${code} ${reason}"`);
	const headers = new Map<string, string>();
	for (const line of lines.slice(1)) {
		const colon = line.indexOf(":");
		if (colon <= 0) {
			out.push(`not a header line: "${line}"`);
			continue;
		}
		headers.set(canonicalName(line.slice(0, colon).trim()), line.slice(colon + 1).trim());
	}
	for (const h of ["via", "from", "to", "call-id", "cseq", "content-length"])
		if (!headers.has(h)) out.push(`missing ${h} header`);
	for (const h of facts.requiredHeaders)
		if (!headers.has(h.name.toLowerCase())) out.push(`missing required ${h.name} header`);
	const cseqMethod = headers.get("cseq")?.split(/\s+/)[1];
	const methods = facts.methods.value;
	if (cseqMethod && !methods.includes("any") && !methods.includes(cseqMethod as never))
		out.push(`CSeq method ${cseqMethod} is not one of the code's methods (${methods.join(", ")})`);
	const length = Number(headers.get("content-length"));
	const bodyBytes = new TextEncoder().encode(body.replace(/\r?\n/g, "\r\n")).length;
	if (Number.isFinite(length) && length !== bodyBytes)
		out.push(`Content-Length ${length} but the body has ${bodyBytes} bytes (CRLF line ends)`);
	if (!/^(\S+@)?\S+/.test(headers.get("call-id") ?? "")) out.push("empty Call-ID");
	return out;
}

/**
 * Validates everything and assembles the knowledge base. With `only`, checks just those codes
 * (and pairs among them) so an author can validate the entries they are writing.
 */
export function validateKnowledge(
	raw: RawData,
	options: { only?: Set<number> } = {},
): { kb: KnowledgeBase; problems: string[] } {
	const problems: string[] = [];
	const only = options.only;
	const wanted = (code: number) => !only || only.has(code);

	const registry = Registry.safeParse(raw.registry);
	if (!registry.success) problems.push(...zodProblems("data/registry.json", registry.error));
	const q850 = Q850Names.safeParse(raw.q850);
	if (!q850.success) problems.push(...zodProblems("data/q850.json", q850.error));
	if (!registry.success || !q850.success)
		return {
			kb: {
				source: "",
				reviewed: "",
				provenance: { export: "", method: "transcribed", retrieved: null, sha256: null },
				languages: [],
				codes: [],
				q850: {},
				pairs: {},
				rules: {},
				searchSynonyms: {},
			},
			problems,
		};

	const languages = Object.keys(raw.text).sort();
	const listed = [
		...registry.data.codes.map((c) => ({ ...c, registered: true })),
		...registry.data.unregistered.map((c) => ({
			...c,
			reference: [] as string[],
			deprecated: false,
			registered: false,
		})),
	].sort((a, b) => a.code - b.code);
	const known = new Set(listed.map((c) => c.code));
	const codes: KbCode[] = [];

	for (const entry of listed) {
		if (!wanted(entry.code)) continue;
		const where = `data/codes/${entry.code}.json`;
		const rawFacts = raw.facts[String(entry.code)];
		if (rawFacts === undefined) {
			problems.push(`${where}: missing`);
			continue;
		}
		const facts = CodeFacts.safeParse(rawFacts);
		if (!facts.success) {
			problems.push(...zodProblems(where, facts.error));
			continue;
		}
		const f = facts.data;
		if (f.code !== entry.code) problems.push(`${where}: code ${f.code} in file named ${entry.code}`);
		if (!entry.registered && f.status !== "unregistered")
			problems.push(`${where}: listed as unregistered but status is ${f.status}`);
		if (entry.registered && f.status === "unregistered") problems.push(`${where}: registered code marked unregistered`);
		if (entry.deprecated && f.status !== "deprecated") problems.push(`${where}: the registry marks it deprecated`);
		if (f.status === "deprecated" && !f.deprecatedBy) problems.push(`${where}: deprecated without deprecatedBy`);
		const isProvisional = entry.code < 200;
		if (isProvisional && f.retry.kind !== "none") problems.push(`${where}: a provisional response has retry kind none`);
		for (const r of f.related) {
			if (!known.has(r)) problems.push(`${where}: related code ${r} is not in the knowledge base`);
			if (r === entry.code) problems.push(`${where}: related to itself`);
		}
		const text: Record<string, CodeText> = {};
		for (const lang of languages) {
			const tWhere = `data/text/${lang}/${entry.code}.json`;
			const rawText = raw.text[lang]?.[String(entry.code)];
			if (rawText === undefined) {
				problems.push(`${tWhere}: missing`);
				continue;
			}
			const t = CodeText.safeParse(rawText);
			if (!t.success) {
				problems.push(...zodProblems(tWhere, t.error));
				continue;
			}
			if (t.data.summary.length > 200) problems.push(`${tWhere}: summary longer than 200 characters`);
			for (const [field, value] of Object.entries(t.data)) {
				const items = Array.isArray(value) ? value : [value];
				items.forEach((item, i) => {
					for (const p of proseProblems(item, lang))
						problems.push(`${tWhere}: ${field}${Array.isArray(value) ? `[${i}]` : ""}: ${p}`);
				});
			}
			if (!new RegExp(`\\b${entry.code}\\b`).test(t.data.useWhen))
				problems.push(`${tWhere}: useWhen must name ${entry.code}`);
			text[lang] = t.data;
		}
		const example = raw.examples[String(entry.code)];
		if (example === undefined) problems.push(`data/examples/${entry.code}.sip: missing`);
		else
			for (const p of exampleProblems(entry.code, entry.reason, f, example))
				problems.push(`data/examples/${entry.code}.sip: ${p}`);
		codes.push({
			...f,
			reason: entry.reason,
			reference: entry.reference,
			text,
			example: (example ?? "").replace(/\r?\n/g, "\r\n"),
		});
	}

	const pairs: Record<string, Record<string, ReturnType<typeof PairText.parse>>> = {};
	for (const [lang, files] of Object.entries(raw.pairs)) {
		pairs[lang] = {};
		for (const [key, value] of Object.entries(files)) {
			const where = `data/pairs/${lang}/${key}.json`;
			const m = /^(\d{3})-(\d{3})$/.exec(key);
			if (!m) {
				problems.push(`${where}: name must be A-B`);
				continue;
			}
			const a = Number(m[1]);
			const b = Number(m[2]);
			if (!wanted(a) || !wanted(b)) continue;
			if (a >= b) problems.push(`${where}: lower code first`);
			if (!known.has(a) || !known.has(b)) problems.push(`${where}: unknown code`);
			const p = PairText.safeParse(value);
			if (!p.success) {
				problems.push(...zodProblems(where, p.error));
				continue;
			}
			for (const [field, v] of Object.entries(p.data)) {
				const items = Array.isArray(v) ? v : [v];
				for (const item of items)
					for (const pr of proseProblems(item, lang)) problems.push(`${where}: ${field}: ${pr}`);
			}
			pairs[lang][key] = p.data;
		}
	}
	const rules: Record<string, Record<string, ReturnType<typeof RuleDoc.parse>>> = {};
	for (const [lang, files] of Object.entries(raw.rules ?? {})) {
		rules[lang] = {};
		for (const [id, value] of Object.entries(files)) {
			const where = `data/rules/${lang}/${id}.json`;
			const r = RuleDoc.safeParse(value);
			if (!r.success) {
				problems.push(...zodProblems(where, r.error));
				continue;
			}
			for (const [field, v] of Object.entries(r.data)) {
				if (field === "codes" || field === "cites") continue;
				const items = Array.isArray(v) ? v : [v];
				for (const item of items)
					for (const pr of proseProblems(String(item), lang)) problems.push(`${where}: ${field}: ${pr}`);
			}
			for (const c of r.data.codes) if (!known.has(c)) problems.push(`${where}: unknown code ${c}`);
			rules[lang][id] = r.data;
		}
	}
	if (!only)
		for (const lang of Object.keys(rules))
			for (const id of Object.keys(rules.en ?? {}))
				if (!rules[lang]?.[id]) problems.push(`data/rules/${lang}/${id}.json: missing (exists in en)`);
	if (!only)
		for (const lang of Object.keys(pairs))
			for (const key of Object.keys(pairs.en ?? {}))
				if (!pairs[lang]?.[key]) problems.push(`data/pairs/${lang}/${key}.json: missing (exists in en)`);

	const searchSynonyms = synonymsOf(raw.searchSynonyms ?? {}, languages, known, problems);

	return {
		kb: {
			source: registry.data.source,
			reviewed: registry.data.reviewed,
			provenance: registry.data.provenance,
			searchSynonyms,
			languages,
			codes,
			q850: q850.data,
			pairs,
			rules,
		},
		problems,
	};
}

/**
 * Validates `data/search-synonyms/{lang}.json`: schema, a file per content language, known codes
 * without repeats, spellings of one word to another word, meanings that are words at all.
 */
function synonymsOf(
	raw: Record<string, unknown>,
	languages: string[],
	known: Set<number>,
	problems: string[],
): Record<string, SearchSynonyms> {
	const out: Record<string, SearchSynonyms> = {};
	for (const lang of languages)
		if (raw[lang] === undefined)
			problems.push(`data/search-synonyms/${lang}.json: missing (every content language has one)`);
	for (const [lang, value] of Object.entries(raw)) {
		const where = `data/search-synonyms/${lang}.json`;
		if (!languages.includes(lang)) problems.push(`${where}: ${lang} is not a content language`);
		const r = SearchSynonyms.safeParse(value);
		if (!r.success) {
			problems.push(...zodProblems(where, r.error));
			continue;
		}
		for (const [from, to] of Object.entries(r.data.spellings)) {
			const [a, b] = [words(from, false), words(to, false)];
			if (a.length !== 1 || b.length !== 1)
				problems.push(`${where}: spellings: "${from}" → "${to}" must be one word each`);
			else if (a[0] === b[0]) problems.push(`${where}: spellings: "${from}" → "${to}" is the same word once folded`);
		}
		for (const [phrase, codes] of Object.entries(r.data.meanings)) {
			if (words(phrase, false).length === 0) problems.push(`${where}: meanings: "${phrase}" has no word`);
			for (const c of codes) if (!known.has(c)) problems.push(`${where}: meanings: "${phrase}": unknown code ${c}`);
			if (new Set(codes).size !== codes.length)
				problems.push(`${where}: meanings: "${phrase}": a code is listed twice`);
		}
		out[lang] = r.data;
	}
	return out;
}
