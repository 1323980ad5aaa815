/**
 * `parseMessage`: one SIP message (RFC 3261 §7, §20, §25) from a string or bytes. It never throws
 * on input: every violation goes to `errors` with a byte offset, recoverable oddities to
 * `warnings`, and whatever could be decoded is returned so that sloppy real traffic can still be
 * analysed. This file is the scanner; the message is sip-message.ts, the checks message-checks.ts,
 * the header names header-names.ts.
 */
import { SipMessage } from "./sip-message.ts";

export { canonicalName } from "./header-names.ts";
export { type ContactValue, type Header, type Problem, RAW, type RawParts, SipMessage } from "./sip-message.ts";

/** Limits that keep hostile input cheap. */
export interface ParseLimits {
	/** Bytes of headers (start line included); default 64 KiB. */
	maxHeaderBytes: number;
	/** Header lines; default 256. */
	maxHeaders: number;
	/** Bytes of one header line; default 16 KiB. */
	maxHeaderLength: number;
}

/** Options of `parseMessage`. */
export interface ParseOptions {
	limits?: Partial<ParseLimits>;
	/** Input came from a stream (TCP/TLS/WS): a missing Content-Length is an error (RFC 3261 §18.3). */
	stream?: boolean;
}

/** Default limits. */
export const DEFAULT_LIMITS: ParseLimits = { maxHeaderBytes: 65536, maxHeaders: 256, maxHeaderLength: 16384 };

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });
/** Byte input up to this size (a UDP datagram's) may be decoded whole. */
const WHOLE_DECODE_LIMIT = 65535;

/** The bytes as text when they are valid UTF-8, else null (as long as the bytes only if all ASCII). */
function utf8Text(bytes: Uint8Array): string | null {
	try {
		return STRICT_UTF8.decode(bytes);
	} catch {
		return null;
	}
}
const DECODER = new TextDecoder();

/**
 * Parses one SIP message. Bytes are decoded as UTF-8 for the headers; the body is cut by
 * Content-Length in bytes. Never throws on input.
 */
export function parseMessage(input: string | Uint8Array, options: ParseOptions = {}): SipMessage {
	const limits = options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
	const msg = new SipMessage();
	// Bytes of a datagram's size that are all ASCII (nearly every message) are read as text: one
	// decode, offsets the same in bytes and characters, and the message keeps no reference to the
	// caller's buffer. Others keep the byte path, which copies the body (UTF-8 text, binary bodies).
	if (typeof input !== "string" && input.length <= WHOLE_DECODE_LIMIT) {
		const text = utf8Text(input);
		if (text !== null && text.length === input.length) input = text;
	}
	const bytes = typeof input === "string" ? null : input;
	// Only the head of byte input is decoded; a huge body is never turned into a string here.
	let text: string;
	// Where the body starts in byte input (-1: no empty line within the head limit).
	let byteHeadEnd = -1;
	if (bytes) {
		const limit = Math.min(bytes.length, limits.maxHeaderBytes + 4);
		byteHeadEnd = bodyOffsetIn(bytes, limit);
		text = DECODER.decode(bytes.subarray(0, byteHeadEnd < 0 ? limit : byteHeadEnd));
	} else text = input as string;
	msg.setText(text);
	msg.beginHeaders();

	let pos = 0;
	while (pos < text.length && (text.charCodeAt(pos) === 13 || text.charCodeAt(pos) === 10)) pos++;
	if (pos > 0) msg.problem("warning", "empty lines before the start line (ignored)", 0);

	// One pass over the lines: start line, headers (unfolding continuations), the empty line.
	const maxEnd = pos + limits.maxHeaderBytes;
	let bareLf = false;
	let bodyStart = -1;
	let count = 0;
	let i = pos;
	let started = false;
	let last = -1;
	let dropRest = false;
	const n = text.length;
	while (i < n) {
		if (i > maxEnd) {
			msg.problem("error", `headers longer than ${limits.maxHeaderBytes} bytes`, pos);
			msg.seal();
			return msg;
		}
		let j = text.indexOf("\n", i);
		const hasLf = j >= 0;
		if (!hasLf) j = n;
		const crlf = j > i && text.charCodeAt(j - 1) === 13;
		if (hasLf && !crlf) bareLf = true;
		const end = crlf ? j - 1 : j;
		const lineStart = i;
		i = hasLf ? j + 1 : j;
		if (end === lineStart && hasLf) {
			bodyStart = i;
			break;
		}
		if (!started) {
			started = true;
			const line = text.slice(lineStart, end);
			parseStartLine(line, lineStart, msg);
			msg.setStartLine(line);
			continue;
		}
		if (dropRest) continue;
		const c0 = text.charCodeAt(lineStart);
		if (c0 === 32 || c0 === 9) {
			if (last >= 0) msg.fold(last, text.slice(lineStart, end));
			else msg.problem("error", "continuation line before any header", lineStart);
			continue;
		}
		last = -1;
		if (++count > limits.maxHeaders) {
			msg.problem("error", `more than ${limits.maxHeaders} header lines`, lineStart);
			dropRest = true;
			continue;
		}
		if (end - lineStart > limits.maxHeaderLength) {
			msg.problem("error", `header line longer than ${limits.maxHeaderLength} bytes`, lineStart);
			continue;
		}
		const colon = text.indexOf(":", lineStart);
		if (colon < 0 || colon >= end) {
			msg.problem("error", `not a header line: "${text.slice(lineStart, Math.min(end, lineStart + 40))}"`, lineStart);
			continue;
		}
		let vs = colon + 1;
		while (vs < end && (text.charCodeAt(vs) === 32 || text.charCodeAt(vs) === 9)) vs++;
		let ve = end;
		while (ve > vs && (text.charCodeAt(ve - 1) === 32 || text.charCodeAt(ve - 1) === 9)) ve--;
		let ne = colon;
		while (ne > lineStart && (text.charCodeAt(ne - 1) === 32 || text.charCodeAt(ne - 1) === 9)) ne--;
		last = msg.addLine(lineStart, ne, vs, ve);
	}
	msg.seal();
	msg.setHeadEnd(bodyStart < 0 ? n : bodyStart);
	if (bareLf) msg.problem("warning", "lines end with a bare LF instead of CRLF", pos);
	if (!started) msg.problem("error", "empty message", 0);
	if (bodyStart < 0) msg.problem("warning", "no empty line after the headers", n);

	const second = msg.contentLengthOffset(1);
	if (second >= 0) msg.problem("error", "more than one Content-Length", second);
	const length = msg.contentLengthNumber();
	if (length >= 0) msg.contentLength = length;
	else if (length === -2) {
		const cl = msg.contentLengthValue() as string;
		if (!/^\d+$/.test(cl))
			msg.problem(
				"error",
				`Content-Length "${cl.slice(0, 20)}" is not a non-negative number`,
				msg.contentLengthOffset(0),
			);
		else msg.contentLength = Number(cl);
	}
	// A byte body is copied: the input may be a view into a large capture buffer.
	if (bodyStart >= 0) {
		if (bytes) {
			// The body's bytes are copied: the input may be a view into a large capture buffer.
			// (The text found its empty line within the head limit, so the byte scan did too.)
			const at = byteHeadEnd >= 0 ? byteHeadEnd : bytes.length;
			msg.setBodySource(bytes.slice(at), at, options.stream === true);
		} else msg.setBodySource(input, bodyStart, options.stream === true);
	}
	return msg;
}

function parseStartLine(line: string, offset: number, msg: SipMessage): void {
	if (
		line.length >= 4 &&
		(line.charCodeAt(0) | 32) === 115 &&
		(line.charCodeAt(1) | 32) === 105 &&
		(line.charCodeAt(2) | 32) === 112 &&
		line.charCodeAt(3) === 47
	) {
		msg.kind = "response";
		const sp1 = line.indexOf(" ");
		const sp2 = sp1 < 0 ? -1 : line.indexOf(" ", sp1 + 1);
		msg.version = sp1 === 7 && line.startsWith("SIP/2.0") ? "SIP/2.0" : sp1 < 0 ? line : line.slice(0, sp1);
		const codeEnd = sp2 < 0 ? line.length : sp2;
		let status = 0;
		let digits = 0;
		for (let k = sp1 + 1; sp1 >= 0 && k < codeEnd; k++) {
			const c = line.charCodeAt(k);
			if (c < 48 || c > 57) {
				digits = -1;
				break;
			}
			if (digits < 10) status = status * 10 + (c - 48);
			digits++;
		}
		if (digits <= 0) {
			msg.problem("error", `malformed status line "${line.slice(0, 60)}"`, offset);
			return;
		}
		if (digits !== 3 || status < 100 || status > 699)
			msg.problem("error", `status code ${line.slice(sp1 + 1, codeEnd)} is outside 100–699`, offset + sp1 + 1);
		else msg.status = status;
		msg.reason = sp2 < 0 ? "" : line.slice(sp2 + 1);
		if (sp2 < 0) msg.problem("warning", "no space after the status code", offset);
	} else {
		msg.kind = "request";
		const sp1 = line.indexOf(" ");
		const sp2 = sp1 < 0 ? -1 : line.indexOf(" ", sp1 + 1);
		// "Method SP URI SP SIP/2.0": the usual line needs no search for a third space.
		const usual = sp1 > 0 && sp2 > sp1 + 1 && line.length - sp2 === 8 && line.endsWith("SIP/2.0");
		const strict = usual || (sp1 > 0 && sp2 > sp1 + 1 && line.indexOf(" ", sp2 + 1) < 0 && sp2 < line.length - 1);
		if (strict) {
			msg.method = line.slice(0, sp1);
			msg.uri = line.slice(sp1 + 1, sp2);
			msg.version = usual ? "SIP/2.0" : line.slice(sp2 + 1);
		} else {
			msg.problem(
				"error",
				/\s$/.test(line)
					? "trailing whitespace on the request line"
					: "the request line must be Method SP Request-URI SP SIP-Version",
				offset,
			);
			const loose = line.trim().split(/\s+/);
			msg.method = loose[0] ?? "";
			msg.uri = loose.length >= 3 ? loose.slice(1, -1).join(" ") : (loose[1] ?? "");
			msg.version = loose.length >= 3 ? (loose.at(-1) as string) : null;
		}
		if (msg.version === null) msg.problem("error", "missing SIP version on the request line", offset);
	}
	const v = msg.version;
	if (v !== null && v !== "SIP/2.0" && v.toUpperCase() !== "SIP/2.0")
		msg.problem("error", `unsupported SIP version "${v}" (505)`, offset);
}

/** Index just past the first empty line in `bytes[0, limit)` (leading empty lines skipped), or -1. */
function bodyOffsetIn(bytes: Uint8Array, limit: number): number {
	let i = 0;
	while (i < limit && (bytes[i] === 13 || bytes[i] === 10)) i++;
	for (; i + 1 < limit; i++)
		if (bytes[i] === 10 && (bytes[i + 1] === 10 || (bytes[i + 1] === 13 && bytes[i + 2] === 10)))
			return i + (bytes[i + 1] === 10 ? 2 : 3);
	return -1;
}
