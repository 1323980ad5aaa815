/**
 * A check that Turkish text inflects numbers by pronunciation: "603'ü" passes, "603'u" fails.
 * It looks only at what any suffix must get right: the buffer consonant after a vowel, d/t after
 * a voiceless consonant, and vowel harmony of the first vowel.
 */
import { lastSpokenWord } from "./turkish-number.ts";

const VOWELS = "aeıioöuü";
const BACK = "aıou";
const VOICELESS = "çfhkpsşt";

function lastVowel(word: string): string {
	for (let i = word.length - 1; i >= 0; i--) if (VOWELS.includes(word[i] as string)) return word[i] as string;
	return "e";
}

/** Why `suffix` cannot follow the number `n` in Turkish, or null when it can. */
export function suffixProblem(n: number, suffix: string): string | null {
	const word = lastSpokenWord(n);
	const end = word[word.length - 1] as string;
	const s = suffix.toLocaleLowerCase("tr");
	const first = s[0];
	if (!first) return null;
	if (VOWELS.includes(end) && VOWELS.includes(first)) return `${n}'${suffix}: needs a buffer consonant after "${word}"`;
	if ((first === "d" || first === "t") && (first === "t") !== VOICELESS.includes(end))
		return `${n}'${suffix}: "${word}" takes ${VOICELESS.includes(end) ? "t" : "d"}`;
	const v = [...s].find((c) => VOWELS.includes(c));
	if (!v) return null;
	const lv = lastVowel(word);
	const back = BACK.includes(lv);
	if (BACK.includes(v) !== back) return `${n}'${suffix}: vowel harmony with "${word}"`;
	if ("ıiuü".includes(v)) {
		const rounded = "ouöü".includes(lv);
		const want = back ? (rounded ? "u" : "ı") : rounded ? "ü" : "i";
		if (v !== want) return `${n}'${suffix}: "${word}" takes ${want}`;
	}
	return null;
}

/** Every badly inflected number in a Turkish text. */
export function turkishNumberProblems(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\d{3})['’](\p{L}+)/gu)) {
		const p = suffixProblem(Number(m[1]), m[2] as string);
		if (p) out.push(p);
	}
	return out;
}
