/**
 * Validation of the raw data files against the schema and against each other. Used by the
 * build (`scripts/build-kb.ts`) and by the tests; never at run time.
 */
import { canonicalName } from "../sip/parse-message.ts";
import { literalPrefix } from "./glossary-match.ts";
import { isLanguage } from "./locales.ts";
import {
	CodeFacts,
	CodeText,
	Glossary,
	type GlossaryText,
	PairText,
	Q850Names,
	Registry,
	RuleDoc,
	SearchSynonyms,
} from "./schema.ts";
import { translationProblems } from "./translation-check.ts";
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
	/** The term list of a language (`docs/terms-{lang}.md`, markdown), where one exists. */
	terms?: Record<string, string>;
	/** Curated search vocabulary per language (may be empty). */
	searchSynonyms?: Record<string, unknown>;
	/** The glossary per language (`data/glossary/{lang}.json`). */
	glossary?: Record<string, unknown>;
	/**
	 * Languages that have their code modules: derived sentences (`src/kb/phrases/{lang}.ts`) and
	 * finding texts (`src/diagnose/texts/{lang}.ts`). Unset: not checked.
	 */
	modules?: { phrases: string[]; findingTexts: string[] };
}

/** One row of a term list: the one term to use and the forms that must not appear. */
export interface TermRule {
	english: string;
	term: string;
	forbidden: { form: string; pattern: RegExp }[];
	/** Phrases removed before the check (protocol tokens, glosses after the term). */
	allowed: string[];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function formPattern(form: string): RegExp {
	const stem = form.endsWith("*");
	const body = escapeRegExp(stem ? form.slice(0, -1) : form).replace(/\s+/g, "\\s+");
	const start = "(?<![\\p{L}\\p{N}_-])";
	const rest = stem ? "\\p{L}*(?![\\p{L}\\p{N}=_-])" : "(?:['’]\\p{L}+)?(?![\\p{L}\\p{N}=_-])";
	return new RegExp(`${start}${body}${rest}`, "iu");
}

/**
 * Reads the table of a term list (`docs/terms-tr.md`): rows `| English | term | forbidden forms |
 * allowed phrases |`, forms separated by commas, a trailing `*` marking a stem. Throws on a row
 * that does not have four cells, so a broken list fails the build instead of checking nothing.
 */
export function parseTermTable(markdown: string): TermRule[] {
	const rows = markdown.split("\n").filter((l) => /^\|/.test(l.trim()));
	const out: TermRule[] = [];
	for (const row of rows.slice(2)) {
		const cells = row
			.trim()
			.replace(/^\||\|$/g, "")
			.split("|")
			.map((c) => c.trim());
		if (cells.length !== 4) throw new Error(`term list row needs 4 cells: ${row}`);
		const [english, term, forbidden, allowed] = cells as [string, string, string, string];
		const list = (cell: string, sep: RegExp) =>
			cell
				.split(sep)
				.map((f) => f.trim())
				.filter(Boolean);
		out.push({
			english,
			term,
			forbidden: list(forbidden, /,\s*/).map((form) => ({ form, pattern: formPattern(form) })),
			// Allowed phrases are separated by ";" because a phrase may hold a comma ("presence, dialog").
			allowed: list(allowed, /;\s*/),
		});
	}
	if (out.length === 0) throw new Error("term list has no rows");
	return out;
}

/**
 * The forbidden forms of a term list found in one text, as problems, or []. Registered reason
 * phrases, text in double quotes and the allowed phrases of each row are not checked.
 */
export function termProblems(text: string, rules: TermRule[], reasons: readonly string[] = []): string[] {
	let t = text.replace(/"[^"]*"|«[^»]*»/g, " ");
	for (const r of reasons) t = t.split(r).join(" ");
	for (const rule of rules)
		for (const phrase of rule.allowed) t = t.replace(new RegExp(escapeRegExp(phrase), "giu"), " ");
	const out: string[] = [];
	for (const rule of rules)
		for (const { form, pattern } of rule.forbidden) {
			const m = pattern.exec(t);
			if (m) out.push(`"${m[0]}" is a forbidden form of ${rule.english} (${form}); use "${rule.term}"`);
		}
	return out;
}

const DOUBLED = /(?<![\p{L}\p{N}-])(\p{L}{2,})\s+\1(?![\p{L}\p{N}-])/iu;
const MARKDOWN = /\*\*|`|^\s*#|\[[^\]]*\]\(|^\s*[-*] /m;
// Case-sensitive: Spanish and Portuguese "todo" is a word, not a to-do.
const PLACEHOLDER = /\bTODO\b|\bTBD\b|\bXXX\b|[Ll]orem ipsum|\{\w*\}|\$\{|\bFIXME\b/;
const TURKISH_LETTER = /[çğıöşüÇĞİÖŞÜ]/;
/** Turkish doubles these on purpose: "atlama atlama" (hop by hop), "satır satır" (line by line). */
const TURKISH_REDUPLICATION = new Set(["atlama", "satır", "adım", "tek", "ayrı", "yavaş"]);

/** Problems with one piece of prose, or [] when it reads clean. */
export function proseProblems(text: string, lang: string): string[] {
	const out: string[] = [];
	const doubled = DOUBLED.exec(text);
	if (doubled && !(lang === "tr" && TURKISH_REDUPLICATION.has((doubled[1] ?? "").toLocaleLowerCase("tr"))))
		out.push(`doubled word "${doubled[0]}"`);
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
 * Problems with a code's RFC 3398 §8.2.6.1 mapping, or []: only 4xx–6xx rejections map to a
 * cause, the default rule always gives 31 "Normal, unspecified", and the Warning-decided (488,
 * 606) and unmapped (487) codes carry no fixed cause.
 */
export function q850Problems(f: Pick<CodeFacts, "code" | "q850">): string[] {
	const { toCause, toCauseBasis } = f.q850;
	const out: string[] = [];
	if (f.code < 400 !== (toCauseBasis === "not-a-rejection"))
		out.push(`basis ${toCauseBasis} does not fit a ${Math.floor(f.code / 100)}xx response`);
	if (toCauseBasis === "default" && toCause !== 31) out.push("the default rule of RFC 3398 §8.2.6.1 gives cause 31");
	if (toCauseBasis === "listed" && toCause === null) out.push("a listed mapping needs its cause");
	if (toCauseBasis !== "listed" && toCauseBasis !== "default" && toCause !== null)
		out.push(`basis ${toCauseBasis} has no fixed cause`);
	return out;
}

/** Names with an underscore (fr_inv_timer, allow_transfer, USER_BUSY): the shape of a product setting. */
const SETTING_NAME = /(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w-])/g;

/**
 * Problems between a code's `settings` and its texts, or []: every setting-shaped name a text
 * uses must be listed with where it was checked, and every listed name must appear in a text.
 */
export function settingProblems(f: Pick<CodeFacts, "settings">, text: Record<string, CodeText>): string[] {
	const listed = new Set((f.settings ?? []).map((s) => s.name));
	const all = Object.values(text)
		.flatMap((t) => Object.values(t).flat())
		.join("\n");
	const out: string[] = [];
	for (const name of new Set(all.match(SETTING_NAME) ?? []))
		if (!listed.has(name)) out.push(`${name} is used in the text but not listed with its source`);
	for (const name of listed) if (!all.includes(name)) out.push(`${name} is listed but no text uses it`);
	return out;
}

/**
 * Validates everything and assembles the knowledge base. With `only`, checks just those codes
 * (and pairs among them) so an author can validate the entries they are writing.
 */
export function validateKnowledge(
	raw: RawData,
	options: { only?: Set<number> } = {},
): { kb: KnowledgeBase; problems: string[]; gaps: string[] } {
	const problems: string[] = [];
	/** What a content language lacks and is served in English with a note until written (see KB-AUTHORING.md). */
	const gaps: string[] = [];
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
				glossary: {},
			},
			problems,
			gaps,
		};

	const languages = Object.keys(raw.text).sort();
	for (const lang of languages)
		if (!isLanguage(lang))
			problems.push(`data/text/${lang}: ${lang} is not a language sipwhy offers (src/kb/locales.ts)`);
	const termRules: Record<string, TermRule[]> = {};
	for (const [lang, markdown] of Object.entries(raw.terms ?? {})) {
		try {
			termRules[lang] = parseTermTable(markdown);
		} catch (e) {
			problems.push(`docs/terms-${lang}.md: ${(e as Error).message}`);
		}
	}
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
	const reasons = registry.data.codes.map((c) => c.reason);
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
		for (const p of q850Problems(f)) problems.push(`${where}: q850: ${p}`);
		if (f.dialogEffect.endsEarlyDialog && (entry.code >= 200 || f.dialogEffect.value !== "none"))
			problems.push(`${where}: only a provisional response with effect none can end an early dialog`);
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
			problems.push(...fieldProblems(tWhere, t.data, lang, termRules[lang], reasons));
			if (lang !== "en" && text.en)
				for (const p of translationProblems(text.en, t.data, lang, { reasons })) problems.push(`${tWhere}: ${p}`);
			if (!new RegExp(`\\b${entry.code}\\b`).test(t.data.useWhen))
				problems.push(`${tWhere}: useWhen must name ${entry.code}`);
			text[lang] = t.data;
		}
		for (const p of settingProblems(f, text)) problems.push(`${where}: settings: ${p}`);
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
			problems.push(...fieldProblems(where, p.data, lang, termRules[lang], reasons));
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
			const { codes: _codes, cites: _cites, ...prose } = r.data;
			problems.push(...fieldProblems(where, prose, lang, termRules[lang], reasons));
			for (const c of r.data.codes) if (!known.has(c)) problems.push(`${where}: unknown code ${c}`);
			rules[lang][id] = r.data;
		}
	}
	const glossary = glossaryOf(raw.glossary ?? {}, languages, problems, termRules, reasons);
	for (const [kind, byLang] of [
		["pairs", pairs],
		["rules", rules],
	] as const)
		for (const lang of Object.keys(byLang))
			if (!languages.includes(lang))
				problems.push(`data/${kind}/${lang}: ${lang} is not a content language (data/text/${lang}/ comes first)`);
	for (const lang of languages) {
		if (lang === "en") continue;
		for (const [key, p] of Object.entries(pairs[lang] ?? {})) {
			const en = pairs.en?.[key];
			if (!en) problems.push(`data/pairs/${lang}/${key}.json: no English original (data/pairs/en/${key}.json)`);
			else
				for (const pr of translationProblems(en, p, lang, { reasons }))
					problems.push(`data/pairs/${lang}/${key}.json: ${pr}`);
		}
		for (const [id, r] of Object.entries(rules[lang] ?? {})) {
			const en = rules.en?.[id];
			if (!en) problems.push(`data/rules/${lang}/${id}.json: no English original (data/rules/en/${id}.json)`);
			else {
				for (const pr of translationProblems(en, r, lang, { same: ["codes", "cites"], reasons }))
					problems.push(`data/rules/${lang}/${id}.json: ${pr}`);
				if (r.codes.join() !== en.codes.join() || r.cites.join() !== en.cites.join())
					problems.push(`data/rules/${lang}/${id}.json: codes and cites must be the English ones`);
			}
		}
	}
	if (!only) gaps.push(...completenessGaps(languages, { pairs, rules, glossary }));
	// Derived sentences and finding texts are code: until a language has them they are English.
	if (raw.modules)
		for (const lang of languages) {
			if (!raw.modules.phrases.includes(lang))
				gaps.push(`${lang}: src/kb/phrases/${lang}.ts missing (derived sentences)`);
			if (!raw.modules.findingTexts.includes(lang))
				gaps.push(
					`${lang}: src/diagnose/texts/${lang}.ts missing (finding texts; src/diagnose/rule-ids.test.ts fails)`,
				);
		}

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
			glossary,
		},
		problems,
		gaps,
	};
}

/**
 * Prose, then term-list problems of every string field of one record (lists item by item), each
 * as "where: field[i]: problem".
 */
function fieldProblems(
	where: string,
	record: Record<string, unknown>,
	lang: string,
	terms: TermRule[] | undefined,
	reasons: readonly string[],
): string[] {
	const out: string[] = [];
	for (const [field, value] of Object.entries(record)) {
		const items = Array.isArray(value) ? value : [value];
		items.forEach((item, i) => {
			if (typeof item !== "string") return;
			const at = `${where}: ${field}${Array.isArray(value) ? `[${i}]` : ""}`;
			for (const p of proseProblems(item, lang)) out.push(`${at}: ${p}`);
			if (terms) for (const p of termProblems(item, terms, reasons)) out.push(`${at}: ${p} (docs/terms-${lang}.md)`);
		});
	}
	return out;
}

/**
 * Validates `data/glossary/{lang}.json`: schema, English for every content language's terms,
 * `cite`/`cs` only in English, patterns that compile and start with three plain characters, prose
 * and term-list checks, and the per-language checks against the English term.
 */
function glossaryOf(
	raw: Record<string, unknown>,
	languages: string[],
	problems: string[],
	termRules: Record<string, TermRule[]>,
	reasons: readonly string[],
): Record<string, Record<string, GlossaryText>> {
	const out: Record<string, Record<string, GlossaryText>> = {};
	if (raw.en === undefined) problems.push("data/glossary/en.json: missing");
	for (const [lang, value] of Object.entries(raw).sort(([a], [b]) => (a === "en" ? -1 : b === "en" ? 1 : 0))) {
		const where = `data/glossary/${lang}.json`;
		if (!languages.includes(lang)) {
			problems.push(`${where}: ${lang} is not a content language (data/text/${lang}/ comes first)`);
			continue;
		}
		const g = Glossary.safeParse(value);
		if (!g.success) {
			problems.push(...zodProblems(where, g.error));
			continue;
		}
		for (const [id, t] of Object.entries(g.data)) {
			const at = `${where}: ${id}`;
			const en = out.en?.[id];
			if (lang !== "en") {
				if (!en) problems.push(`${at}: no such term in data/glossary/en.json`);
				if (t.cite !== undefined || t.cs !== undefined) problems.push(`${at}: cite and cs are set in en.json only`);
			}
			for (const alt of t.match) {
				try {
					new RegExp(alt, "iu");
				} catch (e) {
					problems.push(`${at}: match ${alt}: ${(e as Error).message}`);
					continue;
				}
				if (literalPrefix(alt).length !== 3)
					problems.push(`${at}: match ${alt} must start with three plain characters (the linker's key)`);
			}
			problems.push(...fieldProblems(at, { term: t.term, def: t.def }, lang, termRules[lang], reasons));
			if (en)
				for (const p of translationProblems({ term: en.term, def: en.def }, { term: t.term, def: t.def }, lang, {
					mayEqual: ["term"],
					reasons,
				}))
					problems.push(`${at}: ${p}`);
		}
		out[lang] = g.data;
	}
	return out;
}

/**
 * What each content language other than English lacks, one line per kind: the curated pairs, rule
 * pages and glossary terms English has. These are served in English with a note per item; a
 * missing code text is a problem instead (see docs/KB-AUTHORING.md).
 */
export function completenessGaps(
	languages: readonly string[],
	kb: Pick<KnowledgeBase, "pairs" | "rules" | "glossary">,
): string[] {
	const out: string[] = [];
	const lacking = (what: string, lang: string, all: string[], present: Record<string, unknown> | undefined) => {
		const missing = all.filter((k) => !present?.[k]);
		if (missing.length)
			out.push(
				`${lang}: ${missing.length} of ${all.length} ${what} missing: ${missing.slice(0, 12).join(", ")}${missing.length > 12 ? ", …" : ""}`,
			);
	};
	for (const lang of languages) {
		if (lang === "en") continue;
		lacking("curated pairs (data/pairs/)", lang, Object.keys(kb.pairs.en ?? {}), kb.pairs[lang]);
		lacking("rule pages (data/rules/)", lang, Object.keys(kb.rules.en ?? {}), kb.rules[lang]);
		lacking("glossary terms (data/glossary/)", lang, Object.keys(kb.glossary.en ?? {}), kb.glossary[lang]);
	}
	return out;
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
