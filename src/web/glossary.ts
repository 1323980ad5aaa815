/**
 * The linker that turns the first mention of each glossary term in a page's prose into a link to
 * its definition. The terms themselves are data: `data/glossary/{lang}.json`.
 */
import { literalPrefix } from "../kb/glossary-match.ts";
import { type GlossaryEntry, glossaryTerms } from "../kb/registry.ts";
import { isolateLtr, isRtl } from "./bidi.ts";
import { type Html, html, join } from "./html.ts";

export type { GlossaryEntry } from "../kb/registry.ts";

/** One alternative of a term: a sticky regular expression tried only where a word starts with its prefix. */
interface Matcher {
	id: string;
	re: RegExp;
}

const indexes = new Map<string, Map<number, Matcher[]>>();

/** Letters and digits, cheaply: ASCII ones, and every code point above Latin-1's symbols except general punctuation. */
function isWordChar(c: number): boolean {
	return (
		(c >= 97 && c <= 122) ||
		(c >= 65 && c <= 90) ||
		(c >= 48 && c <= 57) ||
		(c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && !(c >= 0x3000 && c <= 0x303f))
	);
}

/** A character code lower-cased (ASCII fast; others through String#toLowerCase). */
function lower(c: number): number {
	if (c >= 65 && c <= 90) return c + 32;
	if (c < 128) return c;
	return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** The first three characters of `text` from `at`, lower-cased, packed into one number. */
function keyAt(text: string, at: number): number {
	return (
		lower(text.charCodeAt(at)) * 0x100000000 +
		lower(text.charCodeAt(at + 1) || 0) * 0x10000 +
		lower(text.charCodeAt(at + 2) || 0)
	);
}

/** Languages written without spaces between words: a term may start after any letter of theirs. */
const NO_SPACES = new Set(["ja", "zh-hans", "th"]);

/** Terms of a language filed by prefix, so a page's text is scanned once, not once per term. */
function index(lang: string): Map<number, Matcher[]> {
	let map = indexes.get(lang);
	if (!map) {
		map = new Map();
		for (const t of glossaryTerms(lang))
			for (const alt of t.match) {
				const prefix = literalPrefix(alt);
				if (prefix.length !== 3)
					throw new Error(`glossary ${t.id}: pattern ${alt} must start with three plain characters`);
				const key = keyAt(prefix, 0);
				// Without spaces between words, a term ends where another script or punctuation starts.
				const end = NO_SPACES.has(lang) ? "(?![A-Za-z0-9_])" : "(?![\\p{L}\\p{N}_])";
				const m = { id: t.id, re: new RegExp(`(?:${alt})${end}`, t.cs ? "uy" : "iuy") };
				map.set(key, [...(map.get(key) ?? []), m]);
			}
		indexes.set(lang, map);
	}
	return map;
}

/**
 * Glossary entries of a content language sorted by their term; a term the language lacks comes
 * in English (`lang: "en"`), for the page to mark.
 */
export function glossaryEntries(lang: string): GlossaryEntry[] {
	const collator = new Intl.Collator(lang);
	return glossaryTerms(lang).sort((a, b) => collator.compare(a.term, b.term));
}

/**
 * Links the first mention of each glossary term on a page. One Linker per page: a term linked
 * once is not linked again. Text is escaped; only the anchors are markup.
 */
export class Linker {
	private readonly used = new Set<string>();
	constructor(
		private readonly contentLang: string,
		private readonly href: (id: string) => string,
	) {}

	/** Escaped text with links on the first mention of each term not linked yet. */
	link(text: string): Html {
		const found: { start: number; end: number; id: string }[] = [];
		const map = index(this.contentLang);
		const seen = new Set<string>();
		const noSpaces = NO_SPACES.has(this.contentLang);
		let prev = 32;
		for (let at = 0; at < text.length; at++) {
			const c = text.charCodeAt(at);
			const start =
				isWordChar(c) && ((!isWordChar(prev) && prev !== 95 && prev !== 45) || (noSpaces && prev >= 0x0e00));
			prev = c;
			if (!start) continue;
			const list = map.get(keyAt(text, at));
			if (!list) continue;
			for (const m of list) {
				if (this.used.has(m.id) || seen.has(m.id)) continue;
				m.re.lastIndex = at;
				const hit = m.re.exec(text);
				if (!hit || hit[0].length === 0) continue;
				seen.add(m.id);
				found.push({ start: at, end: at + hit[0].length, id: m.id });
			}
		}
		// In right-to-left prose, codes, RFC sections and header names keep their left-to-right order.
		const words = isRtl(this.contentLang) ? isolateLtr : (t: string) => html`${t}`;
		if (found.length === 0) return words(text);
		found.sort((a, b) => a.start - b.start || b.end - a.end);
		const parts: Html[] = [];
		let at = 0;
		for (const f of found) {
			if (f.start < at) continue;
			this.used.add(f.id);
			parts.push(
				html`${words(text.slice(at, f.start))}<a class="term" href="${this.href(f.id)}">${words(text.slice(f.start, f.end))}</a>`,
			);
			at = f.end;
		}
		parts.push(words(text.slice(at)));
		return join(parts);
	}
}
