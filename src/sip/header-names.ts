/**
 * SIP header names: each one's full name and its compact form (RFC 3261 §7.3.3, §20; RFC 3265
 * §7.2, RFC 3515 §2.1, RFC 3892, RFC 4028, RFC 8224, RFC 3841), spelled once. The parser also
 * records where the headers every reader wants (Call-ID, CSeq, From, To, Via, Contact,
 * Content-Length) are while it scans, so their position is found without a search.
 */

/** A header name as stacks usually write it, and its one-letter compact form if it has one. */
export interface HeaderName {
	name: string;
	compact?: string;
	/** Recorded by position while parsing (see `trackedHeader`). */
	tracked?: true;
}

/** Every header name sipwhy knows by name; the tracked ones first. */
export const HEADER_NAMES: readonly HeaderName[] = [
	{ name: "Call-ID", compact: "i", tracked: true },
	{ name: "CSeq", tracked: true },
	{ name: "From", compact: "f", tracked: true },
	{ name: "To", compact: "t", tracked: true },
	{ name: "Via", compact: "v", tracked: true },
	{ name: "Contact", compact: "m", tracked: true },
	{ name: "Content-Length", compact: "l", tracked: true },
	{ name: "Content-Encoding", compact: "e" },
	{ name: "Content-Type", compact: "c" },
	{ name: "Subject", compact: "s" },
	{ name: "Supported", compact: "k" },
	{ name: "Event", compact: "o" },
	{ name: "Allow-Events", compact: "u" },
	{ name: "Refer-To", compact: "r" },
	{ name: "Referred-By", compact: "b" },
	{ name: "Session-Expires", compact: "x" },
	{ name: "Identity", compact: "y" },
	{ name: "Accept-Contact", compact: "a" },
	{ name: "Max-Forwards" },
	{ name: "User-Agent" },
	{ name: "Server" },
	{ name: "Allow" },
	{ name: "Route" },
	{ name: "Record-Route" },
];

/** The tracked headers, numbered from 1 in the order of HEADER_NAMES (0: any other name). */
export const TRACKED = { callId: 1, cseq: 2, from: 3, to: 4, via: 5, contact: 6, contentLength: 7 } as const;

/** Full lower-case name by compact form ("i" → "call-id"). */
const FULL_OF: Record<string, string> = {};
/** Compact form by full lower-case name ("call-id" → "i"). */
const COMPACT_OF: Record<string, string> = {};
// Header names repeat from message to message: remember the canonical form of the ones seen,
// starting with the usual spellings of the known names.
const NAME_CACHE = new Map<string, string>();
/** Tracked names by length, lower case, with their number. */
const TRACKED_BY_LENGTH: [string, number][][] = [];
/** Tracked header number by compact form's char code (lower case). */
const TRACKED_COMPACT: number[] = new Array(128).fill(0);

HEADER_NAMES.forEach((h, i) => {
	const full = h.name.toLowerCase();
	NAME_CACHE.set(h.name, full);
	NAME_CACHE.set(full, full);
	if (h.compact) {
		FULL_OF[h.compact] = full;
		COMPACT_OF[full] = h.compact;
	}
	if (h.tracked) {
		const same = TRACKED_BY_LENGTH[full.length] ?? [];
		same.push([full, i + 1]);
		TRACKED_BY_LENGTH[full.length] = same;
		if (h.compact) TRACKED_COMPACT[h.compact.charCodeAt(0)] = i + 1;
	}
});

/** Full lower-case name of a header name (compact forms expanded). */
export function canonicalName(name: string): string {
	const cached = NAME_CACHE.get(name);
	if (cached !== undefined) return cached;
	const lower = name.toLowerCase();
	const full = FULL_OF[lower] ?? lower;
	if (NAME_CACHE.size < 2048) NAME_CACHE.set(name, full);
	return full;
}

/** The compact form of a full lower-case name, or undefined. */
export function compactOf(full: string): string | undefined {
	return COMPACT_OF[full];
}

/**
 * Which tracked header (TRACKED) the name at `text[s, s + len)` is, full or compact, any case;
 * 0 for others. It runs for every header line, so it compares char codes and allocates nothing
 * (a header name holds letters, digits and "-", and `| 0x20` lower-cases letters only).
 */
export function trackedHeader(text: string, s: number, len: number): number {
	if (len === 1) {
		const c = text.charCodeAt(s) | 0x20;
		return c < 128 ? (TRACKED_COMPACT[c] as number) : 0;
	}
	const candidates = TRACKED_BY_LENGTH[len];
	if (candidates === undefined) return 0;
	for (const [name, id] of candidates) {
		let k = 0;
		while (k < len && (text.charCodeAt(s + k) | 0x20) === name.charCodeAt(k)) k++;
		if (k === len) return id;
	}
	return 0;
}
