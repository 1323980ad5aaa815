/**
 * Recognising SIP by content, on any port: a start line that looks like a SIP request line
 * (`METHOD uri SIP/2.0`) or status line (`SIP/2.0 200 OK`), checked on bytes without decoding.
 */

/** Longest start line looked at (a Request-URI can be long, not endless). */
export const MAX_START_LINE = 8192;

// Token characters of RFC 3261 §25.1: alphanumerics and -.!%*_+`'~
const TOKEN = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~") TOKEN[c.charCodeAt(0)] = 1;

function isDigit(c: number | undefined): boolean {
	return c !== undefined && c >= 48 && c <= 57;
}

/** True if b[o…] is `SIP/d.d` (case-insensitive letters). */
function isVersion(b: Uint8Array, o: number): boolean {
	return (
		((b[o] as number) | 32) === 115 &&
		((b[o + 1] as number) | 32) === 105 &&
		((b[o + 2] as number) | 32) === 112 &&
		b[o + 3] === 47 &&
		isDigit(b[o + 4]) &&
		b[o + 5] === 46 &&
		isDigit(b[o + 6])
	);
}

/** True if the line `b[start, end)` (no LF; a trailing CR or blanks allowed) is a SIP start line. */
export function isSipStartLine(b: Uint8Array, start: number, end: number): boolean {
	while (end > start && (b[end - 1] === 13 || b[end - 1] === 32 || b[end - 1] === 9)) end--;
	const n = end - start;
	if (n < 11) return false;
	// Status line: SIP/2.0 SP 3DIGIT [SP reason]
	if (isVersion(b, start))
		return (
			b[start + 7] === 32 &&
			isDigit(b[start + 8]) &&
			isDigit(b[start + 9]) &&
			isDigit(b[start + 10]) &&
			(n === 11 || b[start + 11] === 32)
		);
	// Request line: token SP uri SP SIP/2.0, the URI absolute (it has a colon).
	if (n < 15 || b[end - 8] !== 32 || !isVersion(b, end - 7)) return false;
	let i = start;
	while (i < end && (b[i] as number) < 128 && TOKEN[b[i] as number]) i++;
	if (i === start || b[i] !== 32) return false;
	while (i < end && b[i] === 32) i++;
	let colon = false;
	for (; i < end - 8; i++) {
		const c = b[i] as number;
		if (c === 58) colon = true;
		else if (c <= 32 || c === 127) return c === 32 && colon && onlySpaces(b, i, end - 8);
	}
	return colon;
}

function onlySpaces(b: Uint8Array, from: number, to: number): boolean {
	for (let i = from; i < to; i++) if (b[i] !== 32) return false;
	return true;
}

/** True if `b` starts, after any CR/LF, with a SIP start line ended by LF. */
export function looksLikeSip(b: Uint8Array): boolean {
	let start = 0;
	while (start < b.length && (b[start] === 13 || b[start] === 10)) start++;
	// Fast refusal of binary payloads (RTP …): a start line begins with a token or "SIP/".
	const c0 = b[start];
	if (c0 === undefined || c0 >= 128 || !TOKEN[c0]) return false;
	const limit = Math.min(b.length, start + MAX_START_LINE);
	for (let i = start; i < limit; i++) {
		const c = b[i] as number;
		if (c === 10) return isSipStartLine(b, start, i);
		if (c < 9) return false;
	}
	return false;
}

/** True for a SIP keep-alive datagram: one to four bytes of CR and LF (RFC 5626 §4.4.1), or a lone NUL. */
export function isKeepAlive(b: Uint8Array): boolean {
	if (b.length === 0 || b.length > 4) return false;
	if (b.length === 1 && b[0] === 0) return true;
	for (const c of b) if (c !== 13 && c !== 10) return false;
	return true;
}
