/**
 * Checks of a translation against its English original, field by field: nothing empty or left in
 * English, the language's own script, every technical token of the English kept, as many list
 * items. Used by `validate.ts` at build and test time for every content language other than en.
 */
import { METHODS } from "./enums.ts";

/** How a language's prose is recognised: a script every sentence has, or common words and letters. */
interface ScriptTest {
	/** Human name for the message. */
	name: string;
	/** Characters of the script (or diacritics) any real sentence of the language contains. */
	letters?: RegExp;
	/** Short words nearly every sentence has (Latin-script languages), lower case. */
	words?: string[];
}

const SCRIPTS: Record<string, ScriptTest> = {
	ru: { name: "Cyrillic", letters: /\p{Script=Cyrillic}/u },
	ar: { name: "Arabic script", letters: /\p{Script=Arabic}/u },
	hi: { name: "Devanagari", letters: /\p{Script=Devanagari}/u },
	th: { name: "Thai script", letters: /\p{Script=Thai}/u },
	// Japanese prose always has kana between the kanji; kanji alone would pass Chinese.
	ja: { name: "kana", letters: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
	ko: { name: "Hangul", letters: /\p{Script=Hangul}/u },
	"zh-hans": { name: "Han characters", letters: /\p{Script=Han}/u },
	tr: {
		name: "Turkish",
		letters: /[çğıöşüÇĞİÖŞÜ]/,
		words: ["ve", "bir", "ile", "bu", "için", "da", "de", "değil", "olarak", "ya", "veya"],
	},
	de: {
		name: "German",
		letters: /[äöüßÄÖÜ]/,
		words: [
			"der",
			"die",
			"das",
			"und",
			"oder",
			"ist",
			"nicht",
			"ein",
			"eine",
			"mit",
			"den",
			"dem",
			"wird",
			"auf",
			"für",
			"von",
			"zu",
			"bei",
			"ohne",
		],
	},
	fr: {
		name: "French",
		letters: /[éèêàçùâîôûëïœÉÈÀÇ]/,
		words: [
			"le",
			"la",
			"les",
			"des",
			"et",
			"ou",
			"est",
			"une",
			"un",
			"pas",
			"du",
			"pour",
			"que",
			"dans",
			"au",
			"aux",
			"sans",
			"sur",
		],
	},
	es: {
		name: "Spanish",
		letters: /[áéíóúñ¿¡ÁÉÍÓÚÑ]/,
		words: [
			"el",
			"la",
			"los",
			"las",
			"de",
			"que",
			"y",
			"o",
			"es",
			"una",
			"un",
			"por",
			"con",
			"para",
			"se",
			"del",
			"en",
			"al",
			"sin",
			"ni",
			"su",
		],
	},
	pt: {
		name: "Portuguese",
		letters: /[ãõçáéíóúâêôàÃÕÇÁÉÍÓÚ]/,
		words: [
			"o",
			"os",
			"as",
			"de",
			"que",
			"e",
			"ou",
			"um",
			"uma",
			"não",
			"para",
			"com",
			"do",
			"da",
			"em",
			"ao",
			"no",
			"na",
			"sem",
		],
	},
	id: {
		name: "Indonesian",
		words: [
			"yang",
			"dan",
			"di",
			"ke",
			"dari",
			"tidak",
			"ini",
			"itu",
			"untuk",
			"dengan",
			"pada",
			"atau",
			"adalah",
			"akan",
		],
	},
	vi: {
		name: "Vietnamese",
		letters: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ]/i,
	},
};

/**
 * Texts with fewer letters (tokens removed) are not asked to show their script: "SDP", "Proxy
 * (vekil)". A Latin-script sentence needs more, since a short one may lack every listed word and
 * diacritic ("istemciden s beklemesini istedi").
 */
const SCRIPT_MIN_LETTERS = 12;
const LATIN_MIN_LETTERS = 40;

/** Languages whose prose is tested for its script or words. */
export const SCRIPT_CHECKED = Object.keys(SCRIPTS);

/**
 * Whether `text` reads as language `lang`, as a problem or null. Short texts and languages without
 * a test pass. Technical tokens and the registered reason phrases (`reasons`) are removed first,
 * so "INVITE" or "Not Acceptable Here" does not count as a word.
 */
export function scriptProblem(text: string, lang: string, reasons: readonly string[] = []): string | null {
	const test = SCRIPTS[lang];
	if (!test) return null;
	let prose = text;
	// Longest first, so "Not Acceptable Here" goes whole before "Not Acceptable".
	for (const r of [...reasons].sort((a, b) => b.length - a.length)) prose = prose.split(r).join(" ");
	prose = prose.replace(TOKEN_SHAPES, " ");
	const min = test.words ? LATIN_MIN_LETTERS : SCRIPT_MIN_LETTERS;
	if ((prose.match(/\p{L}/gu) ?? []).length < min) return null;
	if (test.letters?.test(prose)) return null;
	if (test.words) {
		const words = new Set(prose.toLowerCase().split(/[^\p{L}]+/u));
		if (test.words.some((w) => words.has(w))) return null;
	}
	return `does not read as ${test.name} (${lang})`;
}

const METHOD_NAMES = METHODS.filter((m) => m !== "any");
/** Header names without a hyphen that are plain English words too: counted only mid-sentence. */
const ONE_WORD_HEADERS = [
	"Via",
	"Contact",
	"Allow",
	"Require",
	"Supported",
	"Unsupported",
	"Expires",
	"Warning",
	"Route",
	"Reason",
	"Server",
	"Accept",
	"Authorization",
	"Identity",
	"Privacy",
	"Event",
	"Path",
	"Diversion",
	"Timestamp",
	"Priority",
];

/** Everything a translation keeps as written: codes, classes, RFC numbers, sections, headers, methods, setting names. */
const TOKEN_SHAPES = new RegExp(
	[
		"RFC\\s?\\d{3,5}",
		"§\\s?[\\dA-Z]+(?:\\.\\d+)*",
		"(?<![\\w.,])[1-6](?:\\d\\d|xx)(?![\\w]|[.,]\\d)",
		"\\b[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)+\\b",
		"\\bCSeq\\b",
		`\\b(?:${METHOD_NAMES.join("|")})\\b`,
		"(?<![\\w.-])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\\w-])",
	].join("|"),
	"g",
);

/**
 * The technical tokens of an English text that a translation must keep: response codes and
 * classes (486, 4xx), RFC numbers ("RFC 3261" read as RFC3261), sections (§21.4.24), header names
 * (Call-ID, WWW-Authenticate; Contact or Via only mid-sentence), method names, setting names.
 */
export function technicalTokens(english: string): string[] {
	const out = new Set<string>();
	// A plural of a header name ("Call-IDs", "User-Agents") asks for the name.
	for (const m of english.matchAll(TOKEN_SHAPES)) out.add(m[0].replace(/\s+/g, "").replace(/(?<=-\w+)s$/, ""));
	for (const h of ONE_WORD_HEADERS)
		for (const m of english.matchAll(new RegExp(`(?<=[\\p{L}\\p{N},;(] )${h}(?![\\p{L}\\d-])`, "gu"))) out.add(m[0]);
	return [...out];
}

/** Tokens of `english` missing from `translation` (spacing inside "RFC 3261" and "§ 12" ignored). */
export function missingTokens(english: string, translation: string): string[] {
	const squeezed = translation.replace(/RFC\s+(?=\d)/g, "RFC").replace(/§\s+/g, "§");
	return technicalTokens(english).filter((t) => {
		// The first letter in either case: "Re-INVITE" opening an English title is "re-INVITE" mid-sentence.
		const body = t
			.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
			.replace(/^[A-Za-z]/, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
		const re = new RegExp(`(?<![A-Za-z0-9])${body}s?(?![A-Za-z0-9]|\\.\\d)`);
		return !re.test(squeezed);
	});
}

/**
 * Whether a text is made of technical tokens, registered reason phrases and punctuation only
 * ("REGISTER", "Request-URI", "482 Loop Detected"): such a text is the same in every language.
 */
function onlyTokens(text: string, reasons: readonly string[]): boolean {
	let t = text;
	for (const r of reasons) t = t.split(r).join(" ");
	return !/\p{Ll}{3}/u.test(t.replace(TOKEN_SHAPES, " "));
}

/** One field's value: a sentence or a list of them. */
type FieldValue = string | readonly string[] | number | readonly number[] | undefined;

/**
 * Problems of one translated record against its English original, each as "field[i]: problem".
 * `same` names fields that are legitimately identical (code lists, citations, patterns); those are
 * skipped entirely; `mayEqual` fields may equal the English (a glossary term kept in English);
 * `reasons` are the registered reason phrases, kept in English everywhere. Checked per item: not empty, not equal to the English (unless it is made of
 * technical tokens only), the script of the language, the English item's technical tokens; and per
 * list: as many items as the English.
 */
export function translationProblems(
	english: Record<string, FieldValue>,
	translation: Record<string, FieldValue>,
	lang: string,
	options: { same?: readonly string[]; mayEqual?: readonly string[]; reasons?: readonly string[] } = {},
): string[] {
	const out: string[] = [];
	for (const [field, enValue] of Object.entries(english)) {
		if (options.same?.includes(field) || enValue === undefined) continue;
		if (typeof enValue === "number" || (Array.isArray(enValue) && typeof enValue[0] === "number")) continue;
		const value = translation[field];
		if (value === undefined) {
			out.push(`${field}: missing (English has it)`);
			continue;
		}
		const enItems = (Array.isArray(enValue) ? enValue : [enValue]) as string[];
		const items = (Array.isArray(value) ? value : [value]) as string[];
		if (Array.isArray(enValue) && items.length !== enItems.length)
			out.push(`${field}: ${items.length} items, English has ${enItems.length}`);
		items.forEach((item, i) => {
			const at = Array.isArray(value) ? `${field}[${i}]` : field;
			const en = enItems[i];
			if (typeof item !== "string" || item.trim() === "") {
				out.push(`${at}: empty`);
				return;
			}
			if (
				en !== undefined &&
				item.trim() === en.trim() &&
				!onlyTokens(en, options.reasons ?? []) &&
				!options.mayEqual?.includes(field)
			)
				out.push(`${at}: same as the English`);
			const script = scriptProblem(item, lang, options.reasons);
			if (script) out.push(`${at}: ${script}`);
			if (en !== undefined) {
				const missing = missingTokens(en, item);
				if (missing.length) out.push(`${at}: lacks ${missing.join(", ")} (kept as written in the English)`);
			}
		});
	}
	return out;
}
