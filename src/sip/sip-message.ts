/**
 * `SipMessage`: a parsed SIP message (RFC 3261 §7). The scanner in parse-message.ts records where
 * the start line, the header lines and the body are; values are decoded, the body cut and the RFC
 * checks run (message-checks.ts) only when a reader asks.
 */
import { canonicalName, compactOf, TRACKED, trackedHeader } from "./header-names.ts";
import { checkMessage } from "./message-checks.ts";
import { type NameAddr, NameAddrValue, parseCSeq, splitList, type Via, ViaValue } from "./values.ts";

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

// A body keeps a leading byte-order mark: it is part of the content Content-Length counts.
const BODY_DECODER = new TextDecoder("utf-8", { ignoreBOM: true });
const NON_ASCII = /[\u0080-\uffff]/;
const VIA_COMPACT = compactOf("via");
const CONTACT_COMPACT = compactOf("contact");

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
		switch (trackedHeader(this.#text, lineStart, nameEnd - lineStart)) {
			case 0:
				break;
			case TRACKED.callId:
				if (this.#callIdAt < 0) this.#callIdAt = n;
				break;
			case TRACKED.cseq:
				if (this.#cseqAt < 0) this.#cseqAt = n;
				break;
			case TRACKED.from:
				if (this.#fromAt < 0) this.#fromAt = n;
				break;
			case TRACKED.to:
				if (this.#toAt < 0) this.#toAt = n;
				break;
			case TRACKED.via:
				if (this.#viaFirst < 0) this.#viaFirst = n;
				this.#viaLast = n;
				break;
			case TRACKED.contact:
				if (this.#contactFirst < 0) this.#contactFirst = n;
				this.#contactLast = n;
				break;
			case TRACKED.contentLength:
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
		const compact = compactOf(full);
		const out: string[] = [];
		for (let n = 0; n < this.#count; n++) if (this.#is(n, full, compact)) out.push(this.#value(n));
		return out;
	}

	/** Every header with this name (compact forms included), in order. */
	all(name: string): Header[] {
		const full = canonicalName(name);
		const compact = compactOf(full);
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
		const compact = compactOf(full);
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
				if (n !== this.#viaFirst && n !== last && !this.#is(n, "via", VIA_COMPACT)) continue;
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
				if (n !== this.#contactFirst && n !== last && !this.#is(n, "contact", CONTACT_COMPACT)) continue;
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
		checkMessage(this, this.#text, this.#headEnd, errors, warnings);
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
