/**
 * `parseMessage`: one SIP message (RFC 3261 §7, §20, §25) from a string or bytes. It never throws
 * on input: every violation goes to `errors` with a byte offset, recoverable oddities to
 * `warnings`, and whatever could be decoded is returned so that sloppy real traffic can still be
 * analysed.
 */
import { parseUri } from "./uri.ts";
import { type NameAddr, parseCSeq, parseNameAddr, parseVia, splitList, type Via } from "./values.ts";

/** A problem with its offset (bytes for byte input, characters for string input). */
export interface Problem {
	message: string;
	offset: number;
}

/** Key of the raw text kept beside parsed values (symbol keys stay out of JSON). */
export const RAW: unique symbol = Symbol.for("sipwhy.raw");

/** One header line as received (folded lines joined with a space). */
export interface Header {
	/** Name as written. */
	name: string;
	value: string;
	offset: number;
	/** The header exactly as written, continuation lines included (line breaks as CRLF). */
	[RAW]?: string;
}

/** What the serializer needs to reproduce a message byte for byte. */
export interface RawParts {
	startLine: string;
	/** Body bytes (byte input) or text (string input), exactly as Content-Length cut them. */
	body: Uint8Array | string;
}

/** A parsed SIP message (the contract's `parse --json` shape). */
export interface SipMessage {
	ok: boolean;
	kind: "request" | "response" | null;
	method?: string;
	uri?: string;
	status?: number;
	reason?: string;
	version: string | null;
	headers: Header[];
	body?: string;
	callId: string | null;
	cseq: { seq: number; method: string } | null;
	from: NameAddr | null;
	to: NameAddr | null;
	via: Via[];
	contact: { uri: string; displayName: string | null; params: Record<string, string | null> }[];
	contentLength: number | null;
	maxForwards: number | null;
	errors: Problem[];
	warnings: Problem[];
	[RAW]?: RawParts;
}

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

const COMPACT: Record<string, string> = {
	i: "call-id",
	m: "contact",
	e: "content-encoding",
	l: "content-length",
	c: "content-type",
	f: "from",
	s: "subject",
	k: "supported",
	t: "to",
	v: "via",
	o: "event",
	u: "allow-events",
	r: "refer-to",
	b: "referred-by",
	x: "session-expires",
	y: "identity",
	a: "accept-contact",
};

/** Full lower-case name of a header name (compact forms expanded). */
export function canonicalName(name: string): string {
	const lower = name.toLowerCase();
	return COMPACT[lower] ?? lower;
}

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const DECODER = new TextDecoder();

function utf8Length(s: string): number {
	// ASCII fast path; otherwise count UTF-8 bytes without allocating.
	let n = s.length;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) n += 1;
		else if (c >= 0xd800 && c <= 0xdbff) {
			n += 2;
			i++;
		} else n += 2;
	}
	return n;
}

const EMPTY_LINE = /\r?\n\r?\n/;

/** Index of the empty line ending the headers, and the length of the line breaks. */
function findHeadEnd(text: string): { end: number; sep: number } {
	const m = EMPTY_LINE.exec(text);
	return m ? { end: m.index, sep: m[0].length } : { end: -1, sep: 0 };
}

/**
 * Parses one SIP message. Bytes are decoded as UTF-8 for the headers; the body is cut by
 * Content-Length in bytes.
 */
export function parseMessage(input: string | Uint8Array, options: ParseOptions = {}): SipMessage {
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const errors: Problem[] = [];
	const warnings: Problem[] = [];
	const msg: SipMessage = {
		ok: false,
		kind: null,
		version: null,
		headers: [],
		callId: null,
		cseq: null,
		from: null,
		to: null,
		via: [],
		contact: [],
		contentLength: null,
		maxForwards: null,
		errors,
		warnings,
	};
	const bytes = typeof input === "string" ? null : input;
	// Only the head is decoded; a huge body is never turned into a string here.
	let text: string;
	let byteBodyStart = 0;
	if (bytes) {
		const limit = Math.min(bytes.length, limits.maxHeaderBytes + 4);
		let headEnd = -1;
		let first = 0;
		while (first < limit && (bytes[first] === 13 || bytes[first] === 10)) first++;
		for (let i = first; i + 1 < limit; i++) {
			if (bytes[i] === 10 && (bytes[i + 1] === 10 || (bytes[i + 1] === 13 && bytes[i + 2] === 10))) {
				headEnd = i + (bytes[i + 1] === 10 ? 2 : 3);
				break;
			}
		}
		byteBodyStart = headEnd < 0 ? bytes.length : headEnd;
		text = DECODER.decode(bytes.subarray(0, headEnd < 0 ? limit : headEnd));
	} else text = input as string;

	let pos = 0;
	while (text.startsWith("\r\n", pos) || text.startsWith("\n", pos)) pos += text[pos] === "\r" ? 2 : 1;
	if (pos > 0) warnings.push({ message: "empty lines before the start line (ignored)", offset: 0 });

	const { end: headEndRaw, sep } = findHeadEnd(text.slice(pos));
	let headEnd = headEndRaw < 0 ? text.length : pos + headEndRaw;
	if (headEndRaw < 0) {
		if (text.length - pos > limits.maxHeaderBytes) {
			errors.push({ message: `headers longer than ${limits.maxHeaderBytes} bytes without an empty line`, offset: pos });
			return msg;
		}
		warnings.push({ message: "no empty line after the headers", offset: text.length });
		headEnd = text.length;
	} else if (headEnd - pos > limits.maxHeaderBytes) {
		errors.push({ message: `headers longer than ${limits.maxHeaderBytes} bytes`, offset: pos });
		return msg;
	}
	const head = text.slice(pos, headEnd);
	if (/\n/.test(head.replace(/\r\n/g, "")) || sep === 2 || sep === 3)
		warnings.push({ message: "lines end with a bare LF instead of CRLF", offset: pos });
	const bareCr = /\r(?!\n)/.exec(head);
	if (bareCr) errors.push({ message: "bare CR in the headers", offset: pos + bareCr.index });

	// Lines with their offsets.
	const lines: { text: string; offset: number }[] = [];
	for (let i = 0; i <= head.length; ) {
		let j = head.indexOf("\n", i);
		if (j < 0) j = head.length;
		const line = head.slice(i, j > i && head[j - 1] === "\r" ? j - 1 : j);
		lines.push({ text: line, offset: pos + i });
		i = j + 1;
		if (j === head.length) break;
	}
	const start = lines[0] ?? { text: "", offset: pos };
	parseStartLine(start.text, start.offset, msg);
	msg[RAW] = { startLine: start.text, body: "" };

	// Headers, unfolding continuation lines.
	let count = 0;
	for (let k = 1; k < lines.length; k++) {
		const line = lines[k] as { text: string; offset: number };
		const first = line.text.charCodeAt(0);
		if (first === 32 || first === 9) {
			const prev = msg.headers[msg.headers.length - 1];
			if (prev) {
				prev.value = `${prev.value} ${line.text.trim()}`.trim();
				prev[RAW] = `${prev[RAW]}\r\n${line.text}`;
			} else errors.push({ message: "continuation line before any header", offset: line.offset });
			continue;
		}
		if (++count > limits.maxHeaders) {
			errors.push({ message: `more than ${limits.maxHeaders} header lines`, offset: line.offset });
			break;
		}
		if (line.text.length > limits.maxHeaderLength) {
			errors.push({ message: `header line longer than ${limits.maxHeaderLength} bytes`, offset: line.offset });
			continue;
		}
		const colon = line.text.indexOf(":");
		if (colon < 0) {
			errors.push({ message: `not a header line: "${line.text.slice(0, 40)}"`, offset: line.offset });
			continue;
		}
		const name = line.text.slice(0, colon).trimEnd();
		if (!TOKEN.test(name)) {
			errors.push({ message: `bad header name "${name.slice(0, 40)}"`, offset: line.offset });
			continue;
		}
		if (/(?<!\\)\0/.test(line.text)) errors.push({ message: `NUL byte in ${name}`, offset: line.offset });
		msg.headers.push({ name, value: line.text.slice(colon + 1).trim(), offset: line.offset, [RAW]: line.text });
	}

	decodeFields(msg);

	// Body, cut by Content-Length (in bytes).
	const bodyStart = headEndRaw < 0 ? text.length : headEnd + sep;
	if (bytes) cutBody(msg, bytes.subarray(byteBodyStart), byteBodyStart, options.stream === true);
	else {
		const rest = input as string;
		cutBodyText(msg, rest.slice(bodyStart), bodyStart, options.stream === true);
	}

	msg.ok = errors.length === 0;
	return msg;
}

function parseStartLine(line: string, offset: number, msg: SipMessage): void {
	const { errors } = msg;
	if (/^SIP\//i.test(line)) {
		msg.kind = "response";
		const m = /^(SIP\/\d+\.\d+) (\d+)(?: (.*))?$/i.exec(line);
		if (!m) {
			errors.push({ message: `malformed status line "${line.slice(0, 60)}"`, offset });
			const loose = /^(\S+)\s+(\d+)\s*(.*)$/.exec(line);
			if (loose) {
				msg.version = loose[1] as string;
				const status = Number(loose[2]);
				if ((loose[2] as string).length === 3) msg.status = status;
				msg.reason = loose[3] as string;
			}
			return;
		}
		msg.version = m[1] as string;
		if ((m[2] as string).length !== 3 || Number(m[2]) < 100 || Number(m[2]) > 699)
			errors.push({ message: `status code ${m[2]} is outside 100–699`, offset: offset + (m[1] as string).length + 1 });
		else msg.status = Number(m[2]);
		msg.reason = m[3] ?? "";
		if (m[3] === undefined) msg.warnings.push({ message: "no space after the status code", offset });
	} else {
		msg.kind = "request";
		const parts = line.split(" ");
		if (parts.length !== 3 || parts.some((p) => p === "")) {
			errors.push({
				message:
					parts.length > 3 && parts.at(-1) === ""
						? "trailing whitespace on the request line"
						: "the request line must be Method SP Request-URI SP SIP-Version",
				offset,
			});
		}
		const loose = line.trim().split(/\s+/);
		const method = loose[0] ?? "";
		msg.method = method;
		msg.uri = loose.length >= 3 ? loose.slice(1, -1).join(" ") : (loose[1] ?? "");
		msg.version = loose.length >= 3 ? (loose.at(-1) as string) : null;
		if (!TOKEN.test(method)) errors.push({ message: `bad method "${method.slice(0, 40)}"`, offset });
		const uri = msg.uri;
		if (uri.startsWith("<")) errors.push({ message: "the Request-URI must not be enclosed in <>", offset });
		else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uri))
			errors.push({ message: `bad Request-URI "${uri.slice(0, 60)}"`, offset });
		if (/^sips?:/i.test(uri) && Object.keys(parseUri(uri)?.headers ?? {}).length > 0)
			errors.push({ message: "headers (?…) are not allowed in a Request-URI", offset });
		if (msg.version === null) errors.push({ message: "missing SIP version on the request line", offset });
	}
	if (msg.version !== null && msg.version.toUpperCase() !== "SIP/2.0")
		errors.push({ message: `unsupported SIP version "${msg.version}" (505)`, offset });
}

function decodeFields(msg: SipMessage): void {
	const { errors, warnings } = msg;
	const all = (name: string) => msg.headers.filter((h) => canonicalName(h.name) === name);
	const at = (h: Header) => (message: string) => errors.push({ message: `${h.name}: ${message}`, offset: h.offset });

	const callIds = all("call-id");
	if (callIds.length > 1) errors.push({ message: "more than one Call-ID", offset: (callIds[1] as Header).offset });
	if (callIds[0]) msg.callId = callIds[0].value || null;

	const cseqs = all("cseq");
	if (cseqs.length > 1) errors.push({ message: "more than one CSeq", offset: (cseqs[1] as Header).offset });
	if (cseqs[0]) {
		msg.cseq = parseCSeq(cseqs[0].value, at(cseqs[0]));
		if (msg.kind === "request" && msg.cseq && msg.method && msg.cseq.method !== msg.method)
			errors.push({
				message: `CSeq method ${msg.cseq.method} does not match the request method ${msg.method}`,
				offset: cseqs[0].offset,
			});
	}

	for (const name of ["from", "to"] as const) {
		const hs = all(name);
		if (hs.length > 1)
			errors.push({ message: `more than one ${name === "from" ? "From" : "To"}`, offset: (hs[1] as Header).offset });
		if (hs[0]) msg[name] = parseNameAddr(hs[0].value, at(hs[0]));
	}

	for (const h of all("via"))
		for (const v of splitList(h.value)) {
			if (!v) {
				errors.push({ message: "Via: empty value", offset: h.offset });
				continue;
			}
			msg.via.push(parseVia(v, at(h)));
		}

	for (const h of all("contact"))
		for (const v of splitList(h.value)) {
			if (!v) {
				errors.push({ message: "Contact: empty value", offset: h.offset });
				continue;
			}
			if (v === "*") {
				msg.contact.push({ uri: "*", displayName: null, params: {} });
				continue;
			}
			const na = parseNameAddr(v, at(h));
			msg.contact.push({ uri: na.uri, displayName: na.displayName, params: na.params });
		}

	const lengths = all("content-length");
	if (lengths.length > 1)
		errors.push({ message: "more than one Content-Length", offset: (lengths[1] as Header).offset });
	if (lengths[0]) {
		const v = lengths[0].value;
		if (!/^\d+$/.test(v))
			errors.push({
				message: `Content-Length "${v.slice(0, 20)}" is not a non-negative number`,
				offset: lengths[0].offset,
			});
		else msg.contentLength = Number(v);
	}

	const mf = all("max-forwards")[0];
	if (mf) {
		if (!/^\d+$/.test(mf.value))
			errors.push({ message: `Max-Forwards "${mf.value.slice(0, 20)}" is not a number`, offset: mf.offset });
		else if (Number(mf.value) > 255)
			errors.push({ message: `Max-Forwards ${mf.value} is larger than 255`, offset: mf.offset });
		else msg.maxForwards = Number(mf.value);
	}
	for (const h of all("expires"))
		if (!/^\d+$/.test(h.value) || Number(h.value) > 0xffffffff)
			errors.push({ message: `Expires "${h.value.slice(0, 20)}" is not a number up to 2^32-1`, offset: h.offset });
	for (const c of msg.contact) {
		const e = c.params.expires;
		if (e !== undefined && (e === null || !/^\d+$/.test(e) || Number(e) > 0xffffffff))
			errors.push({ message: `Contact expires "${e}" is not a number up to 2^32-1`, offset: 0 });
	}

	for (const h of all("retry-after")) {
		const n = /^(\d+)/.exec(h.value);
		if (!n || Number(n[1]) > 0xffffffff)
			errors.push({ message: `Retry-After "${h.value.slice(0, 20)}" is not a number up to 2^32-1`, offset: h.offset });
	}
	for (const h of all("warning"))
		for (const w of splitList(h.value))
			if (!/^\d{3}\s/.test(w))
				errors.push({ message: `Warning "${w.slice(0, 20)}" does not start with a 3-digit code`, offset: h.offset });
	for (const h of all("date"))
		if (!/GMT$/.test(h.value))
			warnings.push({ message: `Date "${h.value.slice(0, 40)}" is not in GMT`, offset: h.offset });

	// Mandatory headers (RFC 3261 §8.1.1): To, From, CSeq, Call-ID, Via (+ Max-Forwards for requests).
	const missing = ["to", "from", "cseq", "call-id", "via"].filter((n) => all(n).length === 0);
	if (missing.length) errors.push({ message: `missing mandatory header(s): ${missing.join(", ")}`, offset: 0 });
	if (msg.kind === "request" && all("max-forwards").length === 0)
		warnings.push({ message: "request without Max-Forwards", offset: 0 });
}

function cutBody(msg: SipMessage, rest: Uint8Array, offset: number, stream: boolean): void {
	const len = msg.contentLength;
	if (len === null) {
		if (stream) msg.errors.push({ message: "no Content-Length on a stream transport (RFC 3261 §18.3)", offset });
		if (rest.length) msg.body = DECODER.decode(rest);
		setRawBody(msg, rest);
		return;
	}
	if (len > rest.length) {
		msg.errors.push({ message: `Content-Length ${len} is larger than the ${rest.length} bytes of body`, offset });
		if (rest.length) msg.body = DECODER.decode(rest);
		return;
	}
	if (len > 0) msg.body = DECODER.decode(rest.subarray(0, len));
	setRawBody(msg, rest.subarray(0, len));
	if (rest.length > len)
		msg.warnings.push({ message: `${rest.length - len} bytes after the body (discarded)`, offset: offset + len });
}

function cutBodyText(msg: SipMessage, rest: string, offset: number, stream: boolean): void {
	const len = msg.contentLength;
	if (len === null) {
		if (stream) msg.errors.push({ message: "no Content-Length on a stream transport (RFC 3261 §18.3)", offset });
		if (rest.length) msg.body = rest;
		setRawBody(msg, rest);
		return;
	}
	const restBytes = utf8Length(rest);
	if (len > restBytes) {
		msg.errors.push({ message: `Content-Length ${len} is larger than the ${restBytes} bytes of body`, offset });
		if (rest.length) msg.body = rest;
		return;
	}
	if (restBytes === rest.length) {
		if (len > 0) msg.body = rest.slice(0, len);
		setRawBody(msg, rest.slice(0, len));
		if (rest.length > len)
			msg.warnings.push({ message: `${rest.length - len} bytes after the body (discarded)`, offset: offset + len });
		return;
	}
	const encoded = new TextEncoder().encode(rest);
	if (len > 0) msg.body = DECODER.decode(encoded.subarray(0, len));
	setRawBody(msg, encoded.subarray(0, len));
	if (encoded.length > len)
		msg.warnings.push({ message: `${encoded.length - len} bytes after the body (discarded)`, offset: offset + len });
}

function setRawBody(msg: SipMessage, body: Uint8Array | string): void {
	const raw = msg[RAW];
	if (raw) raw.body = body;
}
