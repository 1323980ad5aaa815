/**
 * Values from captures shown to a person: header values are hostile input. A terminal obeys
 * control characters (ESC [2J clears the screen, OSC 0 retitles the window, OSC 8 plants a
 * link), and every display obeys Unicode bidirectional controls (an RLO makes "moc.live" read
 * as "evil.com"). These functions turn both into visible escapes such as `\x1b` or `\u202e`.
 */

/** Bidirectional formatting characters: embeddings and overrides, isolates, and the three marks. */
function isBidi(n: number): boolean {
	return (n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069) || n === 0x200e || n === 0x200f || n === 0x61c;
}

/** C0 controls, DEL and C1 controls. */
function isControl(n: number): boolean {
	return n < 0x20 || (n >= 0x7f && n <= 0x9f);
}

/** What to make visible: bidi only, every control, or every control but line feed and tab. */
type Mode = "bidi" | "controls" | "lines";

function needsEscape(n: number, mode: Mode): boolean {
	if (isBidi(n)) return true;
	if (mode === "bidi" || !isControl(n)) return false;
	return mode === "controls" || (n !== 0x0a && n !== 0x09);
}

function escapeChar(n: number): string {
	return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
}

function clean(text: string, mode: Mode): string {
	let i = 0;
	while (i < text.length && !needsEscape(text.charCodeAt(i), mode)) i++;
	if (i === text.length) return text;
	let out = text.slice(0, i);
	for (; i < text.length; i++) {
		const n = text.charCodeAt(i);
		out += needsEscape(n, mode) ? escapeChar(n) : text[i];
	}
	return out;
}

/** Bidi controls made visible (`\\u202e`); for HTML, CSV and the web page, which do not run C0/C1. */
export function neutralizeBidi(text: string): string {
	return clean(text, "bidi");
}

/** Every control character (C0, DEL, C1) and bidi control made visible: a one-line value for a terminal. */
export function visible(text: string): string {
	return clean(text, "controls");
}

/**
 * Multi-line text (a whole SIP message) for a terminal: CRLF becomes a line end, tabs and line
 * feeds stay, every other control (a lone CR too, which would overwrite the line) is made visible.
 */
export function visibleLines(text: string): string {
	return clean(text.replace(/\r\n/g, "\n"), "lines");
}

/**
 * A copy of `value` with `clean` applied to every string inside it (objects and arrays copied,
 * other values kept): one pass at the boundary where captured data enters a display. Only plain
 * data (what JSON would hold) is walked; class instances and byte arrays are kept as they are.
 */
export function mapStrings<T>(value: T, clean: (s: string) => string): T {
	if (typeof value === "string") return clean(value) as T;
	if (Array.isArray(value)) return value.map((v) => mapStrings(v, clean)) as T;
	if (value !== null && typeof value === "object" && isPlain(value)) {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, clean);
		return out as T;
	}
	return value;
}

function isPlain(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** DEL, C1 and bidi controls: what JSON.stringify leaves raw (it escapes only C0). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text like JSON.stringify's, with DEL, C1 and bidi controls written as \u escapes too: the
 * same value for a program, and nothing a terminal or a viewer would obey for a person.
 */
export function safeJson(value: unknown, indent?: number): string {
	const text = JSON.stringify(value, null, indent);
	RAW_IN_JSON.lastIndex = 0;
	return RAW_IN_JSON.test(text)
		? text.replace(RAW_IN_JSON, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
		: text;
}
