/**
 * `search(words)`: find codes by number, partial number, reason phrase or meaning, in every
 * content language at once, typo-tolerant. Folding is Turkish-aware: İ/I/ı/i and the
 * accented letters fold together, so "KİMLİK", "kimlik" and "kimlık" all match.
 */
import MiniSearch from "minisearch";
import { checkLanguage } from "./explain.ts";
import { contentLanguages, entries } from "./registry.ts";

/** One search hit. */
export interface SearchHit {
	code: number;
	reason: string;
	score: number;
}

/** Folds case and diacritics the same way for every language. */
export function fold(term: string): string {
	return term.replace(/[İIı]/g, "i").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Splits text into words; a hyphenated word is also indexed joined ("time-out" → "timeout"). */
function tokenize(text: string): string[] {
	const out: string[] = [];
	for (const word of text.split(/[^\p{L}\p{N}-]+/u)) {
		if (!word) continue;
		const parts = word.split("-").filter(Boolean);
		out.push(...parts);
		if (parts.length > 1) out.push(parts.join(""));
	}
	return out;
}

interface Doc {
	id: string;
	code: string;
	reason: string;
	summary: string;
	body: string;
}

let index: MiniSearch<Doc> | undefined;

function buildIndex(): MiniSearch<Doc> {
	const ms = new MiniSearch<Doc>({
		fields: ["code", "reason", "summary", "body"],
		storeFields: ["code"],
		tokenize,
		processTerm: (t) => {
			const f = fold(t);
			return f.length > 0 ? f : null;
		},
	});
	const docs: Doc[] = [];
	for (const e of entries())
		for (const lang of contentLanguages()) {
			const t = e.text[lang];
			if (!t) continue;
			docs.push({
				id: `${e.code}/${lang}`,
				code: String(e.code),
				reason: e.reason,
				summary: t.summary,
				body: [t.description, t.whenYouSeeIt, ...t.commonCauses, t.useWhen].join(" "),
			});
		}
	ms.addAll(docs);
	return ms;
}

/** Options of `search`. */
export interface SearchOptions {
	lang?: string;
	/** At most this many hits (default 10). */
	limit?: number;
}

/**
 * Finds codes, best first. A full code ranks itself first; a partial number ("48") lists the codes
 * that start with it; words are matched by prefix and with small typos against reason phrases
 * (weighted most), summaries and texts in every content language.
 */
export function search(query: string, options: SearchOptions = {}): SearchHit[] {
	checkLanguage(options.lang);
	const limit = options.limit ?? 10;
	const q = query.trim().slice(0, 200);
	if (!q) return [];
	const byCode = new Map(entries().map((e) => [e.code, e]));
	const scores = new Map<number, number>();
	const add = (code: number, score: number) => scores.set(code, Math.max(scores.get(code) ?? 0, score));

	const numbers = q.match(/\b\d{1,3}\b/g) ?? [];
	for (const n of numbers) {
		for (const e of entries()) {
			const c = String(e.code);
			if (c === n) add(e.code, 1000);
			else if (n.length < 3 && c.startsWith(n)) add(e.code, 500 - e.code / 1000);
		}
	}
	const words = q.replace(/\b\d{1,3}\b/g, " ").trim();
	if (words) {
		index ??= buildIndex();
		const hits = index.search(words, {
			boost: { reason: 4, summary: 2, code: 1, body: 1 },
			prefix: (term) => term.length >= 3,
			fuzzy: (term) => (term.length >= 5 ? 0.2 : term.length >= 4 ? 1 : 0),
			combineWith: "AND",
		});
		const loose =
			hits.length > 0
				? []
				: index.search(words, { boost: { reason: 4, summary: 2 }, prefix: true, fuzzy: 0.2, combineWith: "OR" });
		for (const h of [...hits, ...loose]) add(Number(h.code), h.score);
	}
	return [...scores.entries()]
		.sort((x, y) => y[1] - x[1] || x[0] - y[0])
		.slice(0, limit)
		.map(([code, score]) => ({ code, reason: byCode.get(code)?.reason ?? "", score: Math.round(score * 100) / 100 }));
}
