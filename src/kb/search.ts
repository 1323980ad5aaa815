/**
 * `search(words)`: find codes by number, partial number, reason phrase or meaning, in every
 * content language at once, typo-tolerant (folding in `words.ts`: "KİMLİK", "kimlik" and
 * "kımlık" match).
 *
 * Ranking: what people mean first (the curated `data/search-synonyms/{lang}.json`: "busy" →
 * 486, 600, 603, 480), then BM25 over reason phrase (weighted most), summary and prose.
 *
 * The work per query is bounded (SEARCH_LIMITS) so that no text costs more than a few
 * milliseconds: at most 8 distinct words and 8 numbers are searched, each word is expanded to at
 * most 12 indexed words by prefix (3 letters or more) and typo (4 letters or more, one typo up to
 * 7 letters, two from 8); typo candidates are the indexed words of a near length whose letters
 * could be that close, and at most 3000 edit distances are computed per query. The index is our
 * own (about 8000 words over ~160 documents) so that every step is counted.
 */
import { checkLanguage, explain } from "./explain.ts";
import { contentLanguages, entries, entry, searchSynonyms } from "./registry.ts";
import { fold, words } from "./words.ts";

export { fold } from "./words.ts";

/** One search hit. */
export interface SearchHit {
	code: number;
	reason: string;
	score: number;
}

/** Options of `search`. */
export interface SearchOptions {
	/** Language of the reason phrase of unregistered codes (all content languages are searched). */
	lang?: string;
	/** At most this many hits (default 10). */
	limit?: number;
}

/** The bounds that keep one query cheap. */
export const SEARCH_LIMITS = {
	/** Characters of the query read; the rest is ignored. */
	maxQueryLength: 200,
	/** Distinct words searched; later words are ignored. */
	maxTerms: 8,
	/** Distinct numbers looked up. */
	maxNumbers: 8,
	/** Indexed words one query word may expand to (prefix and typo matches together). */
	maxExpansions: 12,
	/** Words shorter than this are matched exactly. */
	minPrefixLength: 3,
	/** Words shorter than this get no typo tolerance. */
	minFuzzyLength: 4,
	/** Words longer than this are matched exactly (no indexed word is that long). */
	maxExpandLength: 24,
	/** Edit distances computed per query, at most (typo search stops there). */
	maxDistances: 3000,
} as const;

const FIELDS = ["reason", "summary", "body"] as const;
const BOOST = [4, 2, 1];
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.4;
const [K1, B, D] = [1.2, 0.7, 0.5];

interface Doc {
	code: number;
	lengths: number[];
}

interface Index {
	docs: Doc[];
	/** word → postings [doc, field, term frequency]. */
	postings: Map<string, [number, number, number][]>;
	/** Every indexed word, sorted (prefix search). */
	sorted: string[];
	/** Indexed words by length, with the letter mask of each (typo search). */
	byLength: Map<number, { words: string[]; masks: Int32Array }>;
	averageLength: number[];
	spellings: Map<string, string>;
	meanings: { words: string[]; codes: number[] }[];
	/** Folded words of each code's reason phrase. */
	reasons: Map<number, string[]>;
}

let index: Index | undefined;

function buildIndex(): Index {
	const docs: Doc[] = [];
	const postings = new Map<string, [number, number, number][]>();
	for (const e of entries())
		for (const lang of contentLanguages()) {
			const t = e.text[lang];
			if (!t) continue;
			const texts = [e.reason, t.summary, [t.description, t.whenYouSeeIt, ...t.commonCauses, t.useWhen].join(" ")];
			const doc = docs.length;
			const lengths: number[] = [];
			texts.forEach((text, field) => {
				const counts = new Map<string, number>();
				// Numbers of one to three digits are looked up as codes, never as words.
				const ws = words(text).filter((w) => !/^\d{1,3}$/.test(w));
				for (const w of ws) counts.set(w, (counts.get(w) ?? 0) + 1);
				lengths.push(ws.length);
				for (const [w, n] of counts) {
					const list = postings.get(w);
					if (list) list.push([doc, field, n]);
					else postings.set(w, [[doc, field, n]]);
				}
			});
			docs.push({ code: e.code, lengths });
		}
	const sorted = [...postings.keys()].sort();
	const lists = new Map<number, string[]>();
	for (const w of sorted) {
		const list = lists.get(w.length);
		if (list) list.push(w);
		else lists.set(w.length, [w]);
	}
	const byLength = new Map([...lists].map(([len, ws]) => [len, { words: ws, masks: Int32Array.from(ws, letterMask) }]));
	const averageLength = FIELDS.map(
		(_, f) => docs.reduce((s, d) => s + (d.lengths[f] ?? 0), 0) / Math.max(1, docs.length),
	);
	const spellings = new Map<string, string>();
	// A phrase several languages list (loanwords: "timeout", "codec") is one meaning, English's
	// when English has it: counted once per language it would outweigh every other meaning.
	const byPhrase = new Map<string, Index["meanings"][number]>();
	const synonyms = searchSynonyms();
	const langs = Object.keys(synonyms).sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)));
	for (const lang of langs) {
		const s = synonyms[lang];
		if (!s) continue;
		for (const [from, to] of Object.entries(s.spellings)) spellings.set(fold(from), fold(to));
		for (const [phrase, codes] of Object.entries(s.meanings)) {
			const ws = words(phrase, false);
			const key = ws.join(" ");
			if (!byPhrase.has(key)) byPhrase.set(key, { words: ws, codes });
		}
	}
	const meanings: Index["meanings"] = [...byPhrase.values()];
	const reasons = new Map(entries().map((e) => [e.code, words(e.reason)]));
	return { docs, postings, sorted, byLength, averageLength, spellings, meanings, reasons };
}

/** The letters of a word as bits (code unit mod 31): one edit changes at most two bits. */
function letterMask(word: string): number {
	let m = 0;
	for (let i = 0; i < word.length; i++) m |= 1 << (word.charCodeAt(i) % 31);
	return m;
}

/** Set bits of a 32-bit number. */
function bitCount(x: number): number {
	let v = x - ((x >>> 1) & 0x55555555);
	v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
	return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

const rowA = new Int32Array(SEARCH_LIMITS.maxExpandLength + 4);
const rowB = new Int32Array(SEARCH_LIMITS.maxExpandLength + 4);

/**
 * Edit distance of a and b (Levenshtein) if it is at most `max`, else max + 1. Only the band of
 * width 2·max+1 around the diagonal is computed, and it stops at the first row beyond `max`.
 * Both words are at most maxExpandLength + max long.
 */
export function boundedDistance(a: string, b: string, max: number): number {
	const n = a.length;
	const m = b.length;
	const over = max + 1;
	if (Math.abs(n - m) > max || m + 2 > rowA.length) return over;
	let prev = rowA;
	let cur = rowB;
	for (let j = 0; j <= m; j++) prev[j] = j <= max ? j : over;
	if (m + 1 < prev.length) prev[m + 1] = over;
	for (let i = 1; i <= n; i++) {
		const lo = Math.max(1, i - max);
		const hi = Math.min(m, i + max);
		cur[0] = i <= max ? i : over;
		if (lo > 1) cur[lo - 1] = over;
		let best = lo === 1 ? (cur[0] as number) : over;
		const ch = a.charCodeAt(i - 1);
		for (let j = lo; j <= hi; j++) {
			let v = (prev[j - 1] as number) + (ch === b.charCodeAt(j - 1) ? 0 : 1);
			const up = (prev[j] as number) + 1;
			if (up < v) v = up;
			const left = (cur[j - 1] as number) + 1;
			if (left < v) v = left;
			if (v > over) v = over;
			cur[j] = v;
			if (v < best) best = v;
		}
		if (hi < m) cur[hi + 1] = over;
		if (best > max) return over;
		[prev, cur] = [cur, prev];
	}
	return Math.min(prev[m] as number, over);
}

/** One indexed word a query word is matched against, with the weight of that match. */
export interface Expansion {
	word: string;
	weight: number;
	kind: "exact" | "prefix" | "typo";
}

/** What a query is turned into: the numbers and words searched, and the work that costs. */
export interface QueryPlan {
	numbers: string[];
	terms: { term: string; expansions: Expansion[] }[];
	/** Folded query words, after spellings, for the curated meanings (at most maxTerms). */
	words: string[];
	/** Query words left out because of maxTerms. */
	dropped: number;
	/** Indexed words looked at while looking for typos (a letter-mask test each). */
	comparisons: number;
	/** Of those, edit distances computed (the costly step). */
	distances: number;
}

function expand(ix: Index, term: string, plan: QueryPlan): Expansion[] {
	const L = SEARCH_LIMITS;
	const out: Expansion[] = [];
	if (ix.postings.has(term)) out.push({ word: term, weight: 1, kind: "exact" });
	if (term.length > L.maxExpandLength) return out;
	const seen = new Set([term]);
	if (term.length >= L.minPrefixLength) {
		// Binary search for the first indexed word ≥ term; prefix matches follow it in order.
		let lo = 0;
		let hi = ix.sorted.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if ((ix.sorted[mid] as string) < term) lo = mid + 1;
			else hi = mid;
		}
		const found: string[] = [];
		for (let i = lo; i < ix.sorted.length; i++) {
			const w = ix.sorted[i] as string;
			if (!w.startsWith(term)) break;
			if (w !== term) found.push(w);
			// Enough candidates to keep the shortest (closest) ones without walking the whole run.
			if (found.length >= 8 * L.maxExpansions) break;
		}
		found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
		for (const w of found.slice(0, L.maxExpansions - out.length)) {
			seen.add(w);
			out.push({
				word: w,
				weight: (PREFIX_WEIGHT * w.length) / (w.length + 0.3 * (w.length - term.length)),
				kind: "prefix",
			});
		}
	}
	if (term.length >= L.minFuzzyLength && out.length < L.maxExpansions) {
		const max = term.length >= 8 ? 2 : 1;
		const typos: [string, number][] = [];
		const mask = letterMask(term);
		for (let len = term.length - max; len <= term.length + max; len++) {
			const bucket = ix.byLength.get(len);
			if (!bucket) continue;
			plan.comparisons += bucket.words.length;
			for (let i = 0; i < bucket.words.length; i++) {
				// Words whose letters differ too much cannot be `max` edits away: skipped cheaply.
				if (bitCount(mask ^ (bucket.masks[i] as number)) > 2 * max) continue;
				const w = bucket.words[i] as string;
				if (seen.has(w)) continue;
				if (plan.distances >= L.maxDistances) break;
				plan.distances++;
				const d = boundedDistance(term, w, max);
				if (d <= max) typos.push([w, d]);
			}
		}
		typos.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1));
		for (const [w, d] of typos.slice(0, L.maxExpansions - out.length))
			out.push({ word: w, weight: (FUZZY_WEIGHT * w.length) / (w.length + d), kind: "typo" });
	}
	return out;
}

/** Turns a query into the bounded work `search` does (exported so that the bounds are tested). */
export function planQuery(query: string): QueryPlan {
	index ??= buildIndex();
	const ix = index;
	const L = SEARCH_LIMITS;
	const q = query.slice(0, L.maxQueryLength);
	const plan: QueryPlan = { numbers: [], terms: [], words: [], dropped: 0, comparisons: 0, distances: 0 };
	const numbers = new Set<string>();
	const terms: string[] = [];
	for (const raw of words(q, false)) {
		if (/^\d{1,3}$/.test(raw)) {
			if (numbers.size < L.maxNumbers) numbers.add(raw);
			continue;
		}
		const w = ix.spellings.get(raw) ?? raw;
		if (terms.includes(w)) continue;
		if (terms.length >= L.maxTerms) plan.dropped++;
		else terms.push(w);
	}
	plan.numbers = [...numbers];
	plan.words = terms;
	plan.terms = terms.map((term) => ({ term, expansions: expand(ix, term, plan) }));
	return plan;
}

/** Whether a query word stands for a word of a curated meaning. */
function meansWord(ix: Index, queryWord: string, word: string, last: boolean): boolean {
	if (queryWord === word) return true;
	// A suffix on a word of five letters or more ("codecs", "meşguldü").
	if (word.length >= 5 && queryWord.startsWith(word)) return true;
	// The last word, still being typed ("unauth"), unless it is a word of its own ("code" ≠ "codec").
	return last && queryWord.length >= 4 && word.startsWith(queryWord) && !ix.postings.has(queryWord);
}

/** BM25 score of each document for one query word (best of its expansions). */
function termScores(ix: Index, expansions: Expansion[]): Map<number, number> {
	const out = new Map<number, number>();
	const n = ix.docs.length;
	for (const x of expansions) {
		const list = ix.postings.get(x.word) ?? [];
		const perField = [0, 0, 0];
		for (const [, f] of list) perField[f] = (perField[f] as number) + 1;
		const scores = new Map<number, number>();
		for (const [doc, f, tf] of list) {
			const df = perField[f] as number;
			const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
			const len = ix.docs[doc]?.lengths[f] ?? 0;
			const norm = tf + K1 * (1 - B + (B * len) / (ix.averageLength[f] || 1));
			const s = x.weight * (BOOST[f] as number) * idf * (D + (tf * (K1 + 1)) / norm);
			scores.set(doc, (scores.get(doc) ?? 0) + s);
		}
		for (const [doc, s] of scores) if (s > (out.get(doc) ?? 0)) out.set(doc, s);
	}
	return out;
}

/**
 * Finds codes, best first. A code in 100–699 ranks itself first, registered or not (an
 * unregistered one is explained as the code it is treated as); a partial number ("48") lists
 * the codes that start with it; words rank the curated meanings first, then matches in reason
 * phrases, summaries and texts in every content language, by prefix and with small typos.
 */
export function search(query: string, options: SearchOptions = {}): SearchHit[] {
	const lang = checkLanguage(options.lang);
	const limit = options.limit ?? 10;
	if (!query.trim()) return [];
	index ??= buildIndex();
	const ix = index;
	const plan = planQuery(query);
	const scores = new Map<number, number>();
	const add = (code: number, score: number) => scores.set(code, Math.max(scores.get(code) ?? 0, score));

	for (const n of plan.numbers) {
		const value = Number(n);
		if (n.length === 3) {
			if (value >= 100 && value <= 699) add(value, 1000);
			continue;
		}
		for (const e of entries()) if (String(e.code).startsWith(n)) add(e.code, 500 - e.code / 1000);
	}

	if (plan.terms.length > 0) {
		// Every word must match (AND); when no document has them all, any word will do (OR).
		const perTerm = plan.terms.map((t) => termScores(ix, t.expansions));
		const combine = (all: boolean) => {
			const byDoc = new Map<number, number>();
			for (const [doc] of perTerm.reduce((a, b) => (a.size <= b.size ? a : b))) byDoc.set(doc, 0);
			if (!all) for (const m of perTerm) for (const [doc] of m) byDoc.set(doc, 0);
			for (const doc of [...byDoc.keys()]) {
				let sum = 0;
				for (const m of perTerm) {
					const s = m.get(doc);
					if (s === undefined && all) {
						byDoc.delete(doc);
						break;
					}
					sum += s ?? 0;
				}
				if (byDoc.has(doc)) byDoc.set(doc, sum);
			}
			return byDoc;
		};
		let byDoc = combine(true);
		if (byDoc.size === 0) byDoc = combine(false);
		// Text scores scaled to at most 10, so that a curated meaning (20 a step) always leads.
		const text = new Map<number, number>();
		for (const [doc, s] of byDoc) {
			const code = ix.docs[doc]?.code as number;
			text.set(code, Math.max(text.get(code) ?? 0, s));
		}
		const top = Math.max(0, ...text.values());
		const meaning = new Map<number, number>();
		// Which query words some matched meaning accounts for.
		const covered = new Set<number>();
		for (const m of ix.meanings) {
			const used: number[] = [];
			const matched = m.words.every((w) => {
				const i = plan.words.findIndex((q, k) =>
					meansWord(ix, q, w, k === plan.words.length - 1 && plan.dropped === 0),
				);
				if (i >= 0) used.push(i);
				return i >= 0;
			});
			if (!matched) continue;
			for (const i of used) covered.add(i);
			m.codes.forEach((code, rank) => {
				meaning.set(code, (meaning.get(code) ?? 0) + 20 * (m.codes.length - rank));
			});
		}
		// When the curated meanings leave a word unexplained, a reason phrase that holds every word
		// of the query is what was asked for ("busy everywhere" → 600 rather than 486).
		if (covered.size < plan.words.length)
			for (const [code, reasonWords] of ix.reasons)
				if (plan.words.every((w) => reasonWords.includes(w))) meaning.set(code, (meaning.get(code) ?? 0) + 25);
		for (const code of new Set([...text.keys(), ...meaning.keys()])) {
			const t = top > 0 ? (10 * (text.get(code) ?? 0)) / top : 0;
			add(code, Math.min(499, t + (meaning.get(code) ?? 0)));
		}
	}
	return [...scores.entries()]
		.sort((x, y) => y[1] - x[1] || x[0] - y[0])
		.slice(0, limit)
		.map(([code, score]) => ({
			code,
			reason: entry(code)?.reason ?? explain(code, { lang }).reason,
			score: Math.round(score * 100) / 100,
		}));
}
