/**
 * Values from captures shown to a person: header values are hostile input. A terminal obeys
 * control characters (ESC [2J clears the screen, OSC 0 retitles the window, OSC 8 plants a
 * link), and every display obeys Unicode bidirectional controls (an RLO makes "moc.live" read
 * as "evil.com"). These functions turn both into visible escapes such as `\x1b` or `\u202e`.
 */

/** Bidirectional formatting characters: embeddings and overrides, isolates, and the three marks. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0 controls, DEL, C1 controls and the bidi characters. */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same without line feed and tab, for multi-line text such as a whole message. */
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escape(ch: string): string {
	const n = ch.charCodeAt(0);
	return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
}

/** Bidi controls made visible (`\u202e`); for HTML, CSV and the web page, which do not run C0/C1. */
export function neutralizeBidi(text: string): string {
	return text.replace(BIDI, escape);
}

/** Every control character (C0, DEL, C1) and bidi control made visible: a one-line value for a terminal. */
export function visible(text: string): string {
	return text.replace(CONTROLS, escape);
}

/**
 * Multi-line text (a whole SIP message) for a terminal: CRLF becomes a line end, tabs and line
 * feeds stay, every other control (a lone CR too, which would overwrite the line) is made visible.
 */
export function visibleLines(text: string): string {
	return text.replace(/\r\n/g, "\n").replace(CONTROLS_BUT_LINES, escape);
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
