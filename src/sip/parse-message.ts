/**
 * `parseMessage`: one SIP message (RFC 3261 §7, §20, §25) from a string or bytes. It never throws
 * on input: every violation goes to `errors` with a byte offset, recoverable oddities to
 * `warnings`, and whatever could be decoded is returned so that sloppy real traffic can still be
 * analysed.
 */
import { hostProblem, parseUri } from "./uri.ts";
import { type NameAddr, NameAddrValue, parseCSeq, splitList, uriHostProblem, type Via, ViaValue } from "./values.ts";

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
	raw?: string;
}

/** What the serializer needs to reproduce a message byte for byte. */
export interface RawParts {
	startLine: string;
	/** Body bytes (byte input) or text (string input), exactly as Content-Length cut them. */
	body: Uint8Array | string;
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

// Header names repeat from message to message: remember the canonical form of the ones seen.
const NAME_CACHE = new Map<string, string>();

/** Full lower-case name of a header name (compact forms expanded). */
export function canonicalName(name: string): string {
	// The names most messages carry, as stacks usually spell them, skip the cache.
	switch (name) {
		case "Via":
			return "via";
		case "From":
			return "from";
		case "To":
			return "to";
		case "Call-ID":
			return "call-id";
		case "CSeq":
			return "cseq";
		case "Contact":
			return "contact";
		case "Max-Forwards":
			return "max-forwards";
		case "Content-Length":
			return "content-length";
		case "Content-Type":
			return "content-type";
		case "User-Agent":
			return "user-agent";
		case "Server":
			return "server";
		case "Allow":
			return "allow";
		case "Supported":
			return "supported";
		case "Route":
			return "route";
		case "Record-Route":
			return "record-route";
	}
	const cached = NAME_CACHE.get(name);
	if (cached !== undefined) return cached;
	const lower = name.toLowerCase();
	const full = COMPACT[lower] ?? lower;
	if (NAME_CACHE.size < 2048) NAME_CACHE.set(name, full);
	return full;
}

const CALL_ID = 1;
const CSEQ = 2;
const FROM = 3;
const TO = 4;
const VIA = 5;
const CONTACT = 6;
const CONTENT_LENGTH = 7;

/** The character at `i`, lower-cased if it is a letter (other characters may change: callers compare with letters). */
function lc(text: string, i: number): number {
	return text.charCodeAt(i) | 0x20;
}

/**
 * Which of Call-ID, CSeq, From, To, Via, Contact, Content-Length (full or compact) the name at
 * `start` is; 0 for others. Spelled out letter by letter: this runs for every header line.
 */
function knownHeader(text: string, s: number, len: number): number {
	const c = lc(text, s);
	switch (len) {
		case 1:
			return c === 105
				? CALL_ID
				: c === 102
					? FROM
					: c === 116
						? TO
						: c === 118
							? VIA
							: c === 109
								? CONTACT
								: c === 108
									? CONTENT_LENGTH
									: 0;
		case 2:
			return c === 116 && lc(text, s + 1) === 111 ? TO : 0;
		case 3:
			return c === 118 && lc(text, s + 1) === 105 && lc(text, s + 2) === 97 ? VIA : 0;
		case 4:
			if (c === 102) return lc(text, s + 1) === 114 && lc(text, s + 2) === 111 && lc(text, s + 3) === 109 ? FROM : 0;
			return c === 99 && lc(text, s + 1) === 115 && lc(text, s + 2) === 101 && lc(text, s + 3) === 113 ? CSEQ : 0;
		case 7: {
			if (c !== 99) return 0;
			const c1 = lc(text, s + 1);
			if (c1 === 97)
				return lc(text, s + 2) === 108 &&
					lc(text, s + 3) === 108 &&
					text.charCodeAt(s + 4) === 45 &&
					lc(text, s + 5) === 105 &&
					lc(text, s + 6) === 100
					? CALL_ID
					: 0;
			return c1 === 111 &&
				lc(text, s + 2) === 110 &&
				lc(text, s + 3) === 116 &&
				lc(text, s + 4) === 97 &&
				lc(text, s + 5) === 99 &&
				lc(text, s + 6) === 116
				? CONTACT
				: 0;
		}
		case 14:
			return c === 99 &&
				lc(text, s + 1) === 111 &&
				lc(text, s + 2) === 110 &&
				lc(text, s + 3) === 116 &&
				lc(text, s + 4) === 101 &&
				lc(text, s + 5) === 110 &&
				lc(text, s + 6) === 116 &&
				text.charCodeAt(s + 7) === 45 &&
				lc(text, s + 8) === 108 &&
				lc(text, s + 9) === 101 &&
				lc(text, s + 10) === 110 &&
				lc(text, s + 11) === 103 &&
				lc(text, s + 12) === 116 &&
				lc(text, s + 13) === 104
				? CONTENT_LENGTH
				: 0;
	}
	return 0;
}

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

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const DECODER = new TextDecoder();
// A body keeps a leading byte-order mark: it is part of the content Content-Length counts.
const BODY_DECODER = new TextDecoder("utf-8", { ignoreBOM: true });
const NON_ASCII = /[\u0080-\uffff]/;
const BARE_CR = /\r(?!\n)/g;

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

/** A Contact value (`*` has uri "*"). */
export interface ContactValue {
	uri: string;
	displayName: string | null;
	params: Record<string, string | null>;
}

const NONE: Header[] = [];
const NO_LINES: number[] = [];
// Header positions are written here while a message is parsed (parsing is synchronous), then
// copied once at their size: a kept message holds no spare capacity.
const SCRATCH: number[] = [];
const COMPACT_OF: Record<string, string> = Object.fromEntries(Object.entries(COMPACT).map(([k, v]) => [v, k]));

/**
 * A parsed SIP message (the contract's `parse --json` shape). Parsing finds the start line, the
 * header lines and the body; header values, Call-ID, CSeq, From, To, Via, Contact and the RFC
 * checks behind `errors`/`ok` are decoded the first time they are read, so code that needs three
 * fields does not pay for twenty. `JSON.stringify` gives every field.
 */
export class SipMessage {
	kind: "request" | "response" | null = null;
	method?: string;
	uri?: string;
	status?: number;
	reason?: string;
	version: string | null = null;
	contentLength: number | null = null;
	#startLine: string | undefined;
	#rawBody: Uint8Array | string = "";
	#body: string | undefined;
	// The input, kept until the body is cut from it on first read (most readers never need it).
	#bodySource: string | Uint8Array | undefined;
	#bodyAt = 0;
	#stream = false;

	/** The body (UTF-8 decoded), cut by Content-Length; undefined when there is none. */
	get body(): string | undefined {
		if (this.#bodySource !== undefined) this.#cutBody();
		return this.#body;
	}

	/** Replaces the body (`serialize` writes the new one). */
	set body(body: string | undefined) {
		if (this.#bodySource !== undefined) this.#cutBody();
		this.#body = body;
	}

	/** What the serializer needs: the start line and the body exactly as received. */
	get [RAW](): RawParts | undefined {
		if (this.#bodySource !== undefined) this.#cutBody();
		return this.#startLine === undefined ? undefined : { startLine: this.#startLine, body: this.#rawBody };
	}

	/** @internal the body: the text input and where the body starts in it, or the body's bytes and their offset. */
	setBodySource(input: string | Uint8Array, at: number, stream: boolean): void {
		this.#bodySource = input;
		this.#bodyAt = at;
		this.#stream = stream;
	}

	/** @internal the body as text. */
	setBody(body: string): void {
		this.#body = body;
	}

	#cutBody(): void {
		const input = this.#bodySource as string | Uint8Array;
		this.#bodySource = undefined;
		const at = this.#bodyAt;
		if (typeof input === "string") {
			cutBodyText(this, at === 0 ? input : input.slice(at), at, this.#stream);
			return;
		}
		// Byte input keeps a copy of its body alone, starting at byte `at` of the input.
		cutBody(this, input, at, this.#stream);
	}

	/** @internal the start line as received. */
	setStartLine(line: string): void {
		this.#startLine = line;
	}

	/** @internal the body as Content-Length cut it. */
	setRawBody(body: Uint8Array | string): void {
		this.#rawBody = body;
	}
	/** The text the header positions point into. */
	#text = "";
	#headEnd = 0;
	// The first two Content-Length headers (-1: none); a second one is an error.
	#lengthAt = -1;
	#secondLengthAt = -1;
	/** Per header: line start, name end, value start, value end. */
	#idx: number[] = NO_LINES;
	#count = 0;
	/** Values and raw text of folded headers, by header number. */
	#folded: Map<number, { value: string; raw: string }> | undefined;
	#headers: Header[] | undefined;
	// Allocated on the first problem: most messages have none.
	#errors: Problem[] | undefined;
	#warnings: Problem[] | undefined;
	#validated = false;
	#callId: string | null | undefined;
	#cseq: { seq: number; method: string } | null | undefined;
	#from: NameAddr | null | undefined;
	#to: NameAddr | null | undefined;
	#via: Via[] | undefined;
	#topVia: Via | null | undefined;
	#contact: ContactValue[] | undefined;
	#maxForwards: number | null | undefined;
	// Header numbers of the fields every reader wants, recorded while parsing (-1: none).
	#callIdAt = -1;
	#cseqAt = -1;
	#fromAt = -1;
	#toAt = -1;
	#viaFirst = -1;
	#viaLast = -1;
	#contactFirst = -1;
	#contactLast = -1;

	/** @internal sets the text header positions point into. */
	setText(text: string): void {
		this.#text = text;
	}

	/** @internal where the head ends in the text (bare CRs are looked for before it). */
	setHeadEnd(end: number): void {
		this.#headEnd = end;
	}

	/** @internal adds a header line by position while parsing (name end without trailing blanks); returns its number. */
	addLine(lineStart: number, nameEnd: number, valueStart: number, valueEnd: number): number {
		const idx = this.#idx;
		const n = this.#count++;
		idx[4 * n] = lineStart;
		idx[4 * n + 1] = nameEnd;
		idx[4 * n + 2] = valueStart;
		idx[4 * n + 3] = valueEnd;
		// The headers every reader wants are recorded as they go by.
		switch (knownHeader(this.#text, lineStart, nameEnd - lineStart)) {
			case 0:
				break;
			case CALL_ID:
				if (this.#callIdAt < 0) this.#callIdAt = n;
				break;
			case CSEQ:
				if (this.#cseqAt < 0) this.#cseqAt = n;
				break;
			case FROM:
				if (this.#fromAt < 0) this.#fromAt = n;
				break;
			case TO:
				if (this.#toAt < 0) this.#toAt = n;
				break;
			case VIA:
				if (this.#viaFirst < 0) this.#viaFirst = n;
				this.#viaLast = n;
				break;
			case CONTACT:
				if (this.#contactFirst < 0) this.#contactFirst = n;
				this.#contactLast = n;
				break;
			case CONTENT_LENGTH:
				if (this.#lengthAt < 0) this.#lengthAt = n;
				else if (this.#secondLengthAt < 0) this.#secondLengthAt = n;
		}
		return n;
	}

	/** @internal the value of the first Content-Length header, or undefined. */
	contentLengthValue(): string | undefined {
		return this.#lengthAt < 0 ? undefined : this.#value(this.#lengthAt);
	}

	/** @internal the first Content-Length as a number read in place: -1 if absent, -2 if not plain digits. */
	contentLengthNumber(): number {
		const n = this.#lengthAt;
		if (n < 0) return -1;
		if (this.#folded?.has(n)) return -2;
		const idx = this.#idx;
		const text = this.#text;
		const end = idx[4 * n + 3] as number;
		let i = idx[4 * n + 2] as number;
		if (i === end || end - i > 15) return -2;
		let v = 0;
		for (; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c < 48 || c > 57) return -2;
			v = v * 10 + (c - 48);
		}
		return v;
	}

	/** @internal where a header starts: the first Content-Length (which = 0) or the second (1); -1 if none. */
	contentLengthOffset(which: 0 | 1): number {
		const n = which === 0 ? this.#lengthAt : this.#secondLengthAt;
		return n < 0 ? -1 : (this.#idx[4 * n] as number);
	}

	/** @internal a continuation line of header `n` (RFC 3261 §7.3.1 folding). */
	fold(n: number, line: string): void {
		this.#folded ??= new Map();
		const prev = this.#folded.get(n) ?? { value: this.#value(n), raw: this.#raw(n) };
		const joined = `${prev.value} ${line.replace(/^[ \t]+|[ \t]+$/g, "")}`.replace(/^[ \t]+|[ \t]+$/g, "");
		this.#folded.set(n, { value: joined, raw: `${prev.raw}\r\n${line}` });
	}

	/** @internal header positions go to the shared scratch array until `seal`. */
	beginHeaders(): void {
		this.#idx = SCRATCH;
		this.#count = 0;
	}

	/** @internal the parse is over: the positions move from the scratch array to one of their own size. */
	seal(): void {
		if (this.#idx === SCRATCH) this.#idx = this.#count === 0 ? NO_LINES : SCRATCH.slice(0, 4 * this.#count);
	}

	/** @internal records a problem found while parsing. */
	problem(kind: "error" | "warning", message: string, offset: number): void {
		if (kind === "error") this.#errorList().push({ message, offset });
		else this.#warningList().push({ message, offset });
	}

	#errorList(): Problem[] {
		if (this.#errors === undefined) this.#errors = [];
		return this.#errors;
	}

	#warningList(): Problem[] {
		if (this.#warnings === undefined) this.#warnings = [];
		return this.#warnings;
	}

	#value(n: number): string {
		const f = this.#folded?.get(n);
		return f ? f.value : this.#text.slice(this.#idx[4 * n + 2], this.#idx[4 * n + 3]);
	}

	#raw(n: number): string {
		const f = this.#folded?.get(n);
		if (f) return f.raw;
		const idx = this.#idx;
		let end = idx[4 * n + 3] as number;
		const text = this.#text;
		while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
		return text.slice(idx[4 * n], end);
	}

	/** Whether header `n` has the full name `full` (lower case) or the compact form `compact`. */
	#is(n: number, full: string, compact: string | undefined): boolean {
		const idx = this.#idx;
		const start = idx[4 * n] as number;
		const len = (idx[4 * n + 1] as number) - start;
		const text = this.#text;
		if (len === 1) return compact !== undefined && (text.charCodeAt(start) | 0x20) === compact.charCodeAt(0);
		if (len !== full.length) return false;
		for (let k = 0; k < len; k++) if ((text.charCodeAt(start + k) | 0x20) !== full.charCodeAt(k)) return false;
		return true;
	}

	/** Header lines as received (folded lines joined with a space). */
	get headers(): Header[] {
		if (this.#headers === undefined) {
			const out: Header[] = [];
			const idx = this.#idx;
			for (let n = 0; n < this.#count; n++) {
				let nameEnd = idx[4 * n + 1] as number;
				const start = idx[4 * n] as number;
				while (
					nameEnd > start &&
					(this.#text.charCodeAt(nameEnd - 1) === 32 || this.#text.charCodeAt(nameEnd - 1) === 9)
				)
					nameEnd--;
				out.push({ name: this.#text.slice(start, nameEnd), value: this.#value(n), offset: start, raw: this.#raw(n) });
			}
			this.#headers = out;
		}
		return this.#headers;
	}

	/** Values of every header with this name (compact forms included), in order. */
	values(name: string): string[] {
		const full = canonicalName(name);
		const compact = COMPACT_OF[full];
		const out: string[] = [];
		for (let n = 0; n < this.#count; n++) if (this.#is(n, full, compact)) out.push(this.#value(n));
		return out;
	}

	/** Every header with this name (compact forms included), in order. */
	all(name: string): Header[] {
		const full = canonicalName(name);
		const compact = COMPACT_OF[full];
		let out: Header[] | undefined;
		for (let n = 0; n < this.#count; n++) {
			if (!this.#is(n, full, compact)) continue;
			if (!out) out = [];
			out.push(this.headers[n] as Header);
		}
		return out ?? NONE;
	}

	/** The first header with this name, or undefined. */
	first(name: string): Header | undefined {
		const n = this.#firstIndex(canonicalName(name));
		return n < 0 ? undefined : this.headers[n];
	}

	/** The value of the first header with this name, or undefined. */
	value(name: string): string | undefined {
		const n = this.#firstIndex(canonicalName(name));
		return n < 0 ? undefined : this.#value(n);
	}

	#firstIndex(full: string): number {
		const compact = COMPACT_OF[full];
		for (let n = 0; n < this.#count; n++) if (this.#is(n, full, compact)) return n;
		return -1;
	}

	/** @internal a problem found while decoding header `header`'s value. */
	problemIn(header: number, label: string, message: string): void {
		this.#errorList().push({ message: `${label}: ${message}`, offset: this.#idx[4 * header] as number });
	}

	#complainAt(n: number, label: string): (message: string) => void {
		return (message) => this.problemIn(n, label, message);
	}

	get callId(): string | null {
		if (this.#callId === undefined) {
			const n = this.#callIdAt;
			this.#callId = n < 0 ? null : this.#value(n) || null;
		}
		return this.#callId;
	}

	get cseq(): { seq: number; method: string } | null {
		if (this.#cseq === undefined) {
			const n = this.#cseqAt;
			this.#cseq = n < 0 ? null : (this.#plainCSeq(n) ?? parseCSeq(this.#value(n), this.#complainAt(n, "CSeq")));
		}
		return this.#cseq;
	}

	/** CSeq `digits SP method` read in place (the usual form); anything else is left to parseCSeq. */
	#plainCSeq(n: number): { seq: number; method: string } | null {
		if (this.#folded?.has(n)) return null;
		const idx = this.#idx;
		const text = this.#text;
		const end = idx[4 * n + 3] as number;
		let i = idx[4 * n + 2] as number;
		const d0 = i;
		let seq = 0;
		for (; i < end; i++) {
			const c = text.charCodeAt(i);
			if (c < 48 || c > 57) break;
			seq = seq * 10 + (c - 48);
		}
		if (i === d0 || i - d0 > 9 || text.charCodeAt(i) !== 32) return null;
		const m0 = i + 1;
		for (i = m0; i < end; i++) if (text.charCodeAt(i) <= 32) return null;
		return m0 < end ? { seq, method: text.slice(m0, end) } : null;
	}

	get from(): NameAddr | null {
		if (this.#from === undefined) {
			const n = this.#fromAt;
			this.#from = n < 0 ? null : new NameAddrValue(this.#value(n), this, n, "From");
		}
		return this.#from;
	}

	get to(): NameAddr | null {
		if (this.#to === undefined) {
			const n = this.#toAt;
			this.#to = n < 0 ? null : new NameAddrValue(this.#value(n), this, n, "To");
		}
		return this.#to;
	}

	/** The top Via (the one transactions are matched on), without decoding the others. */
	get topVia(): Via | null {
		if (this.#via !== undefined) return this.#via[0] ?? null;
		if (this.#topVia === undefined) {
			const n = this.#viaFirst;
			const value = n < 0 ? "" : this.#value(n);
			this.#topVia =
				n < 0 ? null : value.indexOf(",") < 0 ? new ViaValue(value, this, n, "Via") : (this.via[0] ?? null);
		}
		return this.#topVia;
	}

	get via(): Via[] {
		if (this.#via === undefined) {
			const out: Via[] = [];
			for (let n = this.#viaFirst, last = this.#viaLast; n >= 0 && n <= last; n++) {
				if (n !== this.#viaFirst && n !== last && !this.#is(n, "via", "v")) continue;
				const value = this.#value(n);
				if (value.indexOf(",") < 0)
					out.push(n === this.#viaFirst && this.#topVia ? this.#topVia : new ViaValue(value, this, n, "Via"));
				else
					for (const v of splitList(value)) {
						if (!v) this.problemIn(n, "Via", "empty value");
						else out.push(new ViaValue(v, this, n, "Via"));
					}
			}
			this.#via = out;
		}
		return this.#via;
	}

	get contact(): ContactValue[] {
		if (this.#contact === undefined) {
			const out: ContactValue[] = [];
			for (let n = this.#contactFirst, last = this.#contactLast; n >= 0 && n <= last; n++) {
				if (n !== this.#contactFirst && n !== last && !this.#is(n, "contact", "m")) continue;
				for (const v of splitList(this.#value(n))) {
					if (!v) this.problemIn(n, "Contact", "empty value");
					else if (v === "*") out.push({ uri: "*", displayName: null, params: {} });
					else out.push(new NameAddrValue(v, this, n, "Contact")); // decoded when read
				}
			}
			this.#contact = out;
		}
		return this.#contact;
	}

	get maxForwards(): number | null {
		if (this.#maxForwards === undefined) {
			const v = this.value("max-forwards");
			this.#maxForwards = v !== undefined && /^\d+$/.test(v) && Number(v) <= 255 ? Number(v) : null;
		}
		return this.#maxForwards;
	}

	/** RFC violations, with offsets. Reading it runs every check. */
	get errors(): Problem[] {
		this.#validate();
		return this.#errorList();
	}

	/** Recoverable oddities, with offsets. */
	get warnings(): Problem[] {
		this.#validate();
		return this.#warningList();
	}

	/** No errors. */
	get ok(): boolean {
		return this.errors.length === 0;
	}

	/** Every field, decoded, as plain data. */
	toJSON(): Record<string, unknown> {
		const out: Record<string, unknown> = { ok: this.ok, kind: this.kind };
		if (this.method !== undefined) out.method = this.method;
		if (this.uri !== undefined) out.uri = this.uri;
		if (this.status !== undefined) out.status = this.status;
		if (this.reason !== undefined) out.reason = this.reason;
		Object.assign(out, {
			version: this.version,
			headers: this.headers.map((h) => ({ name: h.name, value: h.value, offset: h.offset })),
		});
		if (this.body !== undefined) out.body = this.body;
		Object.assign(out, {
			callId: this.callId,
			cseq: this.cseq,
			from: this.from,
			to: this.to,
			via: this.via,
			contact: this.contact,
			contentLength: this.contentLength,
			maxForwards: this.maxForwards,
			errors: this.errors,
			warnings: this.warnings,
		});
		return out;
	}

	#validate(): void {
		if (this.#validated) return;
		this.#validated = true;
		if (this.#bodySource !== undefined) this.#cutBody();
		const errors = this.#errorList();
		const warnings = this.#warningList();
		// A CR not followed by LF inside the head (RFC 3261 §7: lines end with CRLF).
		for (const m of this.#text.matchAll(BARE_CR)) {
			if (m.index >= this.#headEnd) break;
			errors.push({ message: "bare CR in the headers", offset: m.index });
		}
		if (this.kind === "request") requestLineProblems(this.method ?? "", this.uri ?? "", errors);
		for (const h of this.headers) {
			if (!TOKEN.test(h.name)) errors.push({ message: `bad header name "${h.name.slice(0, 40)}"`, offset: h.offset });
			if (h.value.includes("\0") && /(?<!\\)\0/.test(h.value))
				errors.push({ message: `NUL byte in ${h.name}`, offset: h.offset });
		}
		const once = (name: string, label: string) => {
			const hs = this.all(name);
			if (hs.length > 1) errors.push({ message: `more than one ${label}`, offset: (hs[1] as Header).offset });
		};
		once("call-id", "Call-ID");
		// callid = word [ "@" word ] (RFC 3261 §25.1): at least one character.
		const callIdHeader = this.first("call-id");
		if (callIdHeader && callIdHeader.value.trim() === "")
			errors.push({ message: "empty Call-ID (RFC 3261 §25.1: callid = word)", offset: callIdHeader.offset });
		if (this.kind === "request") {
			// Every Via of a request MUST carry a branch (§8.1.1.7); RFC 2543 elements omit it, and their
			// transactions are then matched the old way (§17.2.3), which is fragile.
			const via = this.via;
			const noBranch = via.flatMap((v, i) => (v.branch === null ? [i] : []));
			const viaAt = this.first("via")?.offset ?? 0;
			if (noBranch.length)
				warnings.push({
					message: `Via${noBranch.length > 1 ? "s" : ""} ${noBranch.join(", ")} without a branch (RFC 3261 §8.1.1.7 requires one; an RFC 2543 element left it out)`,
					offset: viaAt,
				});
			// A UAC MUST put a tag in From (§8.1.1.3). A sender whose top Via has the RFC 3261 magic
			// cookie claims to follow it, so a missing tag is an error; an RFC 2543 request (RFC 4475
			// §3.3.15 says to accept it) only gets a warning.
			const from = this.from;
			if (from && from.tag === null) {
				const rfc3261 = via[0]?.branch?.startsWith("z9hG4bK") === true;
				(rfc3261 ? errors : warnings).push({
					message: rfc3261
						? "From has no tag (RFC 3261 §8.1.1.3: a request's From MUST carry one)"
						: "From has no tag (RFC 3261 §8.1.1.3 requires one; an RFC 2543 element left it out)",
					offset: this.first("from")?.offset ?? 0,
				});
			}
		}
		once("cseq", "CSeq");
		once("from", "From");
		once("to", "To");
		const cseq = this.cseq;
		if (this.kind === "request" && cseq && this.method && cseq.method !== this.method)
			errors.push({
				message: `CSeq method ${cseq.method} does not match the request method ${this.method}`,
				offset: (this.first("cseq") as Header).offset,
			});
		// URI hosts are checked here, not while decoding, so reading a tag stays cheap.
		for (const [label, na] of [
			["From", this.from],
			["To", this.to],
		] as const) {
			const hp = na ? uriHostProblem(na.uri) : null;
			if (hp) errors.push({ message: `${label}: ${hp}`, offset: this.first(label)?.offset ?? 0 });
		}
		// Parameters are decoded on demand; decoding them all here records their problems.
		for (const v of this.via) {
			void v.params;
			const hp = v.host ? hostProblem(v.host) : null;
			if (hp) errors.push({ message: `Via: sent-by: ${hp}`, offset: this.first("via")?.offset ?? 0 });
		}
		void this.from?.params;
		void this.to?.params;
		for (const c of this.contact) {
			const hp = uriHostProblem(c.uri);
			if (hp) errors.push({ message: `Contact: ${hp}`, offset: this.first("contact")?.offset ?? 0 });
			const e = c.params.expires;
			if (e !== undefined && (e === null || !/^\d+$/.test(e) || Number(e) > 0xffffffff))
				errors.push({
					message: `Contact expires "${e}" is not a number up to 2^32-1`,
					offset: this.first("contact")?.offset ?? 0,
				});
		}
		const mf = this.first("max-forwards");
		if (mf) {
			if (!/^\d+$/.test(mf.value))
				errors.push({ message: `Max-Forwards "${mf.value.slice(0, 20)}" is not a number`, offset: mf.offset });
			else if (Number(mf.value) > 255)
				errors.push({ message: `Max-Forwards ${mf.value} is larger than 255`, offset: mf.offset });
		}
		for (const h of this.all("expires"))
			if (!/^\d+$/.test(h.value) || Number(h.value) > 0xffffffff)
				errors.push({ message: `Expires "${h.value.slice(0, 20)}" is not a number up to 2^32-1`, offset: h.offset });
		for (const h of this.all("retry-after")) {
			const m = /^(\d+)/.exec(h.value);
			if (!m || Number(m[1]) > 0xffffffff)
				errors.push({
					message: `Retry-After "${h.value.slice(0, 20)}" is not a number up to 2^32-1`,
					offset: h.offset,
				});
		}
		for (const h of this.all("warning"))
			for (const w of splitList(h.value))
				if (!/^\d{3}\s/.test(w))
					errors.push({ message: `Warning "${w.slice(0, 20)}" does not start with a 3-digit code`, offset: h.offset });
		// SIP-date is an rfc1123-date, always in GMT (RFC 3261 §20.17, §25.1; RFC 4475 §3.1.2.17).
		for (const h of this.all("date"))
			if (!/GMT$/.test(h.value))
				errors.push({ message: `Date "${h.value.slice(0, 40)}" is not in GMT`, offset: h.offset });
		// Mandatory headers (RFC 3261 §8.1.1): To, From, CSeq, Call-ID, Via (+ Max-Forwards for requests).
		if (this.kind !== null) {
			const missing = ["to", "from", "cseq", "call-id", "via"].filter((n) => this.#firstIndex(n) < 0);
			if (missing.length) errors.push({ message: `missing mandatory header(s): ${missing.join(", ")}`, offset: 0 });
			if (this.kind === "request" && this.#firstIndex("max-forwards") < 0)
				warnings.push({ message: "request without Max-Forwards", offset: 0 });
		}
		errors.sort((a, b) => a.offset - b.offset);
	}
}

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

/** Method and Request-URI checks (RFC 3261 §25.1, RFC 4475 §3.1.2.7/§3.1.2.11, RFC 5118). */
function requestLineProblems(method: string, uri: string, errors: Problem[]): void {
	// The request line is always where the message starts after leading empty lines; offset 0 is close enough.
	if (!TOKEN.test(method)) errors.push({ message: `bad method "${method.slice(0, 40)}"`, offset: 0 });
	if (uri.startsWith("<")) errors.push({ message: "the Request-URI must not be enclosed in <>", offset: 0 });
	else if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(uri))
		errors.push({ message: `bad Request-URI "${uri.slice(0, 60)}"`, offset: 0 });
	else if (/^sips?:/i.test(uri)) {
		const parsed = parseUri(uri);
		if (parsed && Object.keys(parsed.headers).length > 0)
			errors.push({ message: "headers (?…) are not allowed in a Request-URI", offset: 0 });
		const hp = parsed ? hostProblem(parsed.host) : null;
		if (hp) errors.push({ message: `Request-URI: ${hp}`, offset: 0 });
	}
}

function cutBody(msg: SipMessage, rest: Uint8Array, offset: number, stream: boolean): void {
	const len = msg.contentLength;
	if (len === null) {
		if (stream) msg.problem("error", "no Content-Length on a stream transport (RFC 3261 §18.3)", offset);
		if (rest.length) msg.setBody(BODY_DECODER.decode(rest));
		msg.setRawBody(rest);
		return;
	}
	if (len > rest.length) {
		msg.problem("error", `Content-Length ${len} is larger than the ${rest.length} bytes of body`, offset);
		if (rest.length) msg.setBody(BODY_DECODER.decode(rest));
		msg.setRawBody(rest);
		return;
	}
	if (len > 0) msg.setBody(BODY_DECODER.decode(rest.subarray(0, len)));
	msg.setRawBody(rest.subarray(0, len));
	if (rest.length > len) msg.problem("warning", `${rest.length - len} bytes after the body (discarded)`, offset + len);
}

function cutBodyText(msg: SipMessage, rest: string, offset: number, stream: boolean): void {
	const len = msg.contentLength;
	if (len === null) {
		if (stream) msg.problem("error", "no Content-Length on a stream transport (RFC 3261 §18.3)", offset);
		if (rest.length) msg.setBody(rest);
		msg.setRawBody(rest);
		return;
	}
	const restBytes = NON_ASCII.test(rest) ? utf8Length(rest) : rest.length;
	if (len > restBytes) {
		msg.problem("error", `Content-Length ${len} is larger than the ${restBytes} bytes of body`, offset);
		if (rest.length) msg.setBody(rest);
		msg.setRawBody(rest);
		return;
	}
	if (restBytes === rest.length) {
		const body = rest.length === len ? rest : rest.slice(0, len);
		if (len > 0) msg.setBody(body);
		msg.setRawBody(body);
		if (rest.length > len)
			msg.problem("warning", `${rest.length - len} bytes after the body (discarded)`, offset + len);
		return;
	}
	const encoded = new TextEncoder().encode(rest);
	const body = BODY_DECODER.decode(encoded.subarray(0, len));
	if (len > 0) msg.setBody(body);
	msg.setRawBody(encoded.subarray(0, len));
	// Offsets into text count characters: the body's, not its bytes.
	if (encoded.length > len)
		msg.problem("warning", `${encoded.length - len} bytes after the body (discarded)`, offset + body.length);
}
