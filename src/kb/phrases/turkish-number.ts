/**
 * Turkish case suffixes after a number written in digits. The suffix follows how the number is
 * read aloud (603 "altı yüz üç" → 603'ü, 202 "iki yüz iki" → 202'yi), so it is derived from the
 * last spoken word: vowel harmony picks the vowel, a final vowel needs a buffer consonant, a
 * final voiceless consonant hardens d → t.
 */

const UNITS = ["", "bir", "iki", "üç", "dört", "beş", "altı", "yedi", "sekiz", "dokuz"];
const TENS = ["", "on", "yirmi", "otuz", "kırk", "elli", "altmış", "yetmiş", "seksen", "doksan"];

/** Grammatical cases we inflect numbers into. */
export type TurkishCase = "accusative" | "dative" | "genitive" | "locative" | "ablative" | "instrumental";

/** The last word of the number as spoken in Turkish. */
export function lastSpokenWord(n: number): string {
	const abs = Math.abs(Math.trunc(n));
	if (abs === 0) return "sıfır";
	if (abs % 10 !== 0) return UNITS[abs % 10] as string;
	if (abs % 100 !== 0) return TENS[(abs % 100) / 10] as string;
	if (abs % 1000 !== 0) return "yüz";
	if (abs % 1_000_000 !== 0) return "bin";
	return "milyon";
}

const BACK = new Set(["a", "ı", "o", "u"]);
const VOWELS = new Set(["a", "e", "ı", "i", "o", "ö", "u", "ü"]);
const VOICELESS = new Set(["ç", "f", "h", "k", "p", "s", "ş", "t"]);

function lastVowel(word: string): string {
	for (let i = word.length - 1; i >= 0; i--) if (VOWELS.has(word[i] as string)) return word[i] as string;
	return "e";
}

/** Four-way harmony vowel (ı, i, u, ü) after a word. */
function highVowel(word: string): string {
	const v = lastVowel(word);
	if (v === "a" || v === "ı") return "ı";
	if (v === "e" || v === "i") return "i";
	if (v === "o" || v === "u") return "u";
	return "ü";
}

/** Two-way harmony vowel (a, e) after a word. */
function lowVowel(word: string): string {
	return BACK.has(lastVowel(word)) ? "a" : "e";
}

/** The suffix (without apostrophe) that `n` takes in the given case. */
export function turkishSuffix(n: number, grammaticalCase: TurkishCase): string {
	const word = lastSpokenWord(n);
	const end = word[word.length - 1] as string;
	const endsInVowel = VOWELS.has(end);
	const d = VOICELESS.has(end) ? "t" : "d";
	switch (grammaticalCase) {
		case "accusative":
			return `${endsInVowel ? "y" : ""}${highVowel(word)}`;
		case "dative":
			return `${endsInVowel ? "y" : ""}${lowVowel(word)}`;
		case "genitive":
			return `${endsInVowel ? "n" : ""}${highVowel(word)}n`;
		case "locative":
			return `${d}${lowVowel(word)}`;
		case "ablative":
			return `${d}${lowVowel(word)}n`;
		case "instrumental":
			return `${endsInVowel ? "y" : ""}l${lowVowel(word)}`;
	}
}

/** `n` with its Turkish case suffix: inflect(603, "accusative") → "603'ü". */
export function inflect(n: number, grammaticalCase: TurkishCase): string {
	return `${n}'${turkishSuffix(n, grammaticalCase)}`;
}
