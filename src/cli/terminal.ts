/** Terminal output: colours that respect NO_COLOR and pipes, display widths, and word wrapping. */
import pc from "picocolors";
import type { ResponseClass } from "../kb/classes.ts";

/**
 * Whether to colour: never when NO_COLOR is set (no-color.org), always when FORCE_COLOR is set
 * (and not "0"), otherwise only on a terminal. CI=true does not colour a pipe.
 */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
	if (env.NO_COLOR) return false;
	if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
	return isTTY && env.TERM !== "dumb";
}

/** Colour functions; plain identity functions when colour is off. */
export const color = pc.createColors(colorEnabled());

/** Colours a string by response class (1xx blue … 6xx magenta). */
export function classColor(cls: ResponseClass, text: string): string {
	switch (cls) {
		case "1xx":
			return color.blue(text);
		case "2xx":
			return color.green(text);
		case "3xx":
			return color.cyan(text);
		case "4xx":
			return color.yellow(text);
		case "5xx":
			return color.red(text);
		case "6xx":
			return color.magenta(text);
	}
}

/** Width to wrap at: the terminal's, capped for readability. */
export function width(): number {
	const cols = process.stdout.columns;
	return Math.max(40, Math.min(cols && cols > 0 ? cols : 80, 100));
}

/**
 * East Asian Wide and Fullwidth ranges (Unicode UAX #11, EastAsianWidth.txt W and F): Hangul
 * Jamo leads, CJK punctuation and symbols, kana, CJK ideographs, Yi, Hangul syllables,
 * compatibility and fullwidth forms, the common emoji blocks, the supplementary ideograph planes.
 */
const WIDE: readonly [number, number][] = [
	[0x1100, 0x115f],
	[0x231a, 0x231b],
	[0x2329, 0x232a],
	[0x23e9, 0x23ec],
	[0x23f0, 0x23f0],
	[0x23f3, 0x23f3],
	[0x25fd, 0x25fe],
	[0x2614, 0x2615],
	[0x2648, 0x2653],
	[0x267f, 0x267f],
	[0x2693, 0x2693],
	[0x26a1, 0x26a1],
	[0x26aa, 0x26ab],
	[0x26bd, 0x26be],
	[0x26c4, 0x26c5],
	[0x26ce, 0x26ce],
	[0x26d4, 0x26d4],
	[0x26ea, 0x26ea],
	[0x26f2, 0x26f3],
	[0x26f5, 0x26f5],
	[0x26fa, 0x26fa],
	[0x26fd, 0x26fd],
	[0x2705, 0x2705],
	[0x270a, 0x270b],
	[0x2728, 0x2728],
	[0x274c, 0x274c],
	[0x274e, 0x274e],
	[0x2753, 0x2755],
	[0x2757, 0x2757],
	[0x2795, 0x2797],
	[0x27b0, 0x27b0],
	[0x27bf, 0x27bf],
	[0x2b1b, 0x2b1c],
	[0x2b50, 0x2b50],
	[0x2b55, 0x2b55],
	[0x2e80, 0x303e],
	[0x3041, 0x33ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xa000, 0xa4cf],
	[0xa960, 0xa97f],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xfe10, 0xfe19],
	[0xfe30, 0xfe6f],
	[0xff00, 0xff60],
	[0xffe0, 0xffe6],
	[0x16fe0, 0x16fe4],
	[0x17000, 0x18cff],
	[0x1b000, 0x1b2ff],
	[0x1f004, 0x1f004],
	[0x1f0cf, 0x1f0cf],
	[0x1f18e, 0x1f18e],
	[0x1f191, 0x1f19a],
	[0x1f200, 0x1f251],
	[0x1f300, 0x1f64f],
	[0x1f680, 0x1f6ff],
	[0x1f7e0, 0x1f7eb],
	[0x1f90c, 0x1f9ff],
	[0x1fa70, 0x1faff],
	[0x20000, 0x2fffd],
	[0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
	if (cp < 0x1100) return false;
	let lo = 0;
	let hi = WIDE.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const [a, b] = WIDE[mid] as [number, number];
		if (cp < a) hi = mid - 1;
		else if (cp > b) lo = mid + 1;
		else return true;
	}
	return false;
}

/** Characters that take no column: combining marks, format controls (ZWJ, bidi marks), Hangul vowel and final jamo. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u1160-\u11ff\ud7b0-\ud7ff]/u;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/**
 * Columns a string takes in a terminal: East Asian Wide and Fullwidth characters 2, combining
 * marks and format controls 0, control characters 0, the rest 1; colour escapes are not counted.
 */
export function displayWidth(text: string): number {
	let w = 0;
	for (const ch of text.replace(ANSI, "")) {
		const cp = ch.codePointAt(0) as number;
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
		if (cp < 0x300) w += 1;
		else if (ZERO_WIDTH.test(ch)) continue;
		else w += isWide(cp) ? 2 : 1;
	}
	return w;
}

/** Scripts written without spaces between words: a line may break inside a space-separated run. */
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

/**
 * The pieces a line may break between: words between spaces, and inside a run of Japanese,
 * Chinese or Thai its words (Intl.Segmenter), punctuation kept with the word before it.
 */
function pieces(text: string): { text: string; space: boolean }[] {
	const out: { text: string; space: boolean }[] = [];
	for (const word of text.split(/\s+/)) {
		if (!word) continue;
		if (!NO_SPACE_SCRIPT.test(word)) {
			out.push({ text: word, space: true });
			continue;
		}
		let first = true;
		for (const s of segmenter.segment(word)) {
			const last = out[out.length - 1];
			// Closing punctuation (、。」) and Latin runs glued to a word stay on its line.
			if (!first && last && (!s.isWordLike || /^[\p{P}\p{S}]/u.test(s.segment))) last.text += s.segment;
			else out.push({ text: s.segment, space: first });
			first = false;
		}
	}
	return out;
}

/**
 * Wraps `text` to the width, every line starting with `indent`; later lines use `hang`. Widths
 * are display columns (a kanji takes two), and Japanese, Chinese and Thai break between words.
 */
export function wrap(text: string, indent = "  ", hang = indent, max = width()): string {
	const lines: string[] = [];
	let line = indent;
	let used = displayWidth(indent);
	let empty = true;
	for (const p of pieces(text)) {
		const w = displayWidth(p.text);
		const gap = empty || !p.space ? 0 : 1;
		if (!empty && used + gap + w > max) {
			lines.push(line);
			line = hang + p.text;
			used = displayWidth(hang) + w;
		} else {
			line += (gap ? " " : "") + p.text;
			used += gap + w;
		}
		empty = false;
	}
	lines.push(line);
	return lines.join("\n");
}

/**
 * Rows of label and value, the values in one column after the widest label (at least 22
 * columns, at most 32); a label wider than that stands on its own line and its value goes below,
 * so a long label never runs into its value.
 */
export function labelledRows(rows: readonly [string, string][], max = width()): string {
	const widest = Math.max(0, ...rows.map(([label]) => displayWidth(label)));
	const col = Math.min(Math.max(22, widest + 2), 32);
	const hang = " ".repeat(col + 2);
	return rows
		.map(([label, value]) => {
			const pad = col - displayWidth(label);
			if (pad >= 2) return wrap(value, `  ${label}${" ".repeat(pad)}`, hang, max);
			return `  ${label}\n${wrap(value, hang, hang, max)}`;
		})
		.join("\n");
}

/** A section heading. */
export function heading(text: string): string {
	return color.bold(text);
}
