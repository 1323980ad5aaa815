/**
 * Header-value grammar shared by the structured parsers: splitting comma lists only where the
 * grammar allows (never inside quotes or <…>), name-addr / addr-spec (RFC 3261 §20.10, §25.1),
 * Via (§20.42), CSeq (§20.16) and generic parameters.
 */
import { hostProblem, parseUri } from "./uri.ts";

const SIP_URI = /^sips?:/i;

/** Why the host of a sip/sips URI is invalid (RFC 3261 §25.1, RFC 5118), or null; other schemes pass. */
export function uriHostProblem(uri: string): string | null {
	if (!SIP_URI.test(uri)) return null;
	return hostProblem(parseUri(uri)?.host ?? "");
}

/** A name-addr or addr-spec with its header parameters (From, To, Contact, Route …). */
export interface NameAddr {
	displayName: string | null;
	/** The URI as written; `parseUri` decodes it. */
	uri: string;
	tag: string | null;
	params: Record<string, string | null>;
}

/** One Via value. */
export interface Via {
	protocol: string;
	transport: string;
	host: string;
	port: number | null;
	branch: string | null;
	received: string | null;
	rport: number | null | true;
	params: Record<string, string | null>;
}

/** A problem found while decoding one value (offsets are added by the caller). */
export type Complain = (message: string) => void;

/**
 * Where the problems found while decoding a header's value go: a parsed message records them at
 * the header's offset. Values keep the sink, the header number and a label, not a closure, so a
 * message kept in memory carries no function per field.
 */
export interface ProblemSink {
	problemIn(header: number, label: string, message: string): void;
}

/** A sink that hands every problem to `complain`. */
export function sinkOf(complain: Complain): ProblemSink {
	return { problemIn: (_header, _label, message) => complain(message) };
}

/**
 * @internal One parameter of `text` from `start` on, found in passing: its value, null for a flag,
 * undefined when absent, or false when only the full decode can tell (quoted strings may hide a
 * ";", white space where it could matter, text before the first ";").
 */
export function findParam(t: string, start: number, name: string): string | null | undefined | false {
	const n = t.length;
	const len = name.length;
	let i = start;
	if (i >= n) return undefined;
	// A control, white space or non-ASCII character at the end is trimmed by the full decode.
	const last = t.charCodeAt(n - 1);
	if (t.charCodeAt(i) !== 59 || last <= 32 || last >= 127 || t.indexOf('"', i) >= 0) return false;
	for (;;) {
		const a = i + 1;
		let j = t.indexOf(";", a);
		if (j < 0) j = n;
		const c0 = t.charCodeAt(a);
		if (c0 === 32 || c0 === 9) return false;
		if ((c0 | 32) === name.charCodeAt(0) && a + len <= j) {
			let k = 1;
			for (; k < len; k++) if ((t.charCodeAt(a + k) | 32) !== name.charCodeAt(k)) break;
			if (k === len) {
				const e = a + len;
				if (e === j) return null;
				const c = t.charCodeAt(e);
				if (c === 61) {
					const v0 = t.charCodeAt(e + 1);
					const v1 = t.charCodeAt(j - 1);
					if (v0 === 32 || v0 === 9 || v1 === 32 || v1 === 9) return false;
					return t.slice(e + 1, j);
				}
				if (c === 32 || c === 9) return false;
			}
		}
		if (j >= n) return undefined;
		i = j;
	}
}

/** @internal Every parameter of `text` from `start` on (trimmed as JavaScript trims). */
export function paramsFrom(t: string, start: number, complain: Complain): Record<string, string | null> {
	return parseParams(start === 0 ? t.trim() : start < t.length ? t.slice(start).trim() : "", complain);
}

/** Parameters of a name-addr from `start` on, trimmed of SIP white space (SP, HTAB, CR, LF) only. */
function nameAddrParams(t: string, start: number, complain: Complain): Record<string, string | null> {
	let a = start;
	let b = t.length;
	while (a < b && isSpace(t.charCodeAt(a))) a++;
	while (b > a && isSpace(t.charCodeAt(b - 1))) b--;
	return parseParams(a === 0 && b === t.length ? t : t.slice(a, b), complain);
}

/** @internal What decoding a Via's protocol and sent-by gives (null: malformed). */
export interface SentBy {
	protocol: string;
	transport: string;
	host: string;
	port: number | null;
	/** Where the parameters start. */
	paramsAt: number;
}

const MALFORMED_VIA: SentBy = { protocol: "", transport: "", host: "", port: null, paramsAt: -1 };

/**
 * One Via value, decoded on first read; its branch is found without decoding the rest.
 * ViaValue and NameAddrValue repeat their few lines of plumbing (text, sink, parameters) on
 * purpose: a shared base class makes those paths polymorphic, and parsing got 7% slower.
 */
export class ViaValue implements Via {
	#value: string;
	#sink: ProblemSink;
	#header: number;
	#label: string;
	#sentBy: SentBy | undefined;
	#paramsAt = -1;
	#params: Record<string, string | null> | undefined;

	constructor(value: string, sink: ProblemSink, header = 0, label = "Via") {
		this.#value = value;
		this.#sink = sink;
		this.#header = header;
		this.#label = label;
	}

	#complain(): Complain {
		return (message) => this.#sink.problemIn(this.#header, this.#label, message);
	}

	#decoded(): SentBy {
		if (this.#sentBy === undefined) this.#sentBy = decodeVia(this.#value, this.#complain()) ?? MALFORMED_VIA;
		return this.#sentBy;
	}

	#at(): number {
		if (this.#paramsAt < 0) {
			const v = this.#value;
			// A sent-by has no ";" (IPv6 references neither): in the usual "SIP/2.0/UDP host…" the
			// parameters start at the first one. Anything else asks the full decode (a malformed
			// Via has no parameters).
			let at = v.indexOf(";");
			if (at >= 0 && !usualVia(v, at)) at = this.#decoded().paramsAt;
			this.#paramsAt = at < 0 ? v.length : at;
		}
		return this.#paramsAt;
	}

	#find(name: string): string | null | undefined {
		if (this.#params !== undefined) return this.#params[name];
		const found = findParam(this.#value, this.#at(), name);
		return found === false ? this.params[name] : found;
	}

	get protocol(): string {
		return this.#decoded().protocol;
	}

	get transport(): string {
		return this.#decoded().transport;
	}

	get host(): string {
		return this.#decoded().host;
	}

	get port(): number | null {
		return this.#decoded().port;
	}

	get branch(): string | null {
		return this.#find("branch") ?? null;
	}

	get received(): string | null {
		return this.#find("received") ?? null;
	}

	get rport(): number | null | true {
		const rp = this.#find("rport");
		return rp === undefined ? null : rp === null ? true : /^\d+$/.test(rp) ? Number(rp) : null;
	}

	get params(): Record<string, string | null> {
		if (this.#params === undefined) this.#params = paramsFrom(this.#value, this.#at(), this.#complain());
		return this.#params;
	}

	/** Plain data. */
	toJSON(): Via {
		return {
			protocol: this.protocol,
			transport: this.transport,
			host: this.host,
			port: this.port,
			branch: this.branch,
			received: this.received,
			rport: this.rport,
			params: this.params,
		};
	}
}

/** @internal What decoding a name-addr or addr-spec gives. */
export interface Addr {
	displayName: string | null;
	uri: string;
	/** Where the header parameters start. */
	paramsAt: number;
}

/** A name-addr or addr-spec, decoded on first read; its tag is found without decoding the rest. */
export class NameAddrValue implements NameAddr {
	#value: string;
	#sink: ProblemSink;
	#header: number;
	#label: string;
	#addr: Addr | undefined;
	#paramsAt = -1;
	#params: Record<string, string | null> | undefined;

	constructor(value: string, sink: ProblemSink, header = 0, label = "") {
		this.#value = value;
		this.#sink = sink;
		this.#header = header;
		this.#label = label;
	}

	#complain(): Complain {
		return (message) => this.#sink.problemIn(this.#header, this.#label, message);
	}

	#decoded(): Addr {
		if (this.#addr === undefined) this.#addr = decodeNameAddr(this.#value, this.#complain());
		return this.#addr;
	}

	#at(): number {
		if (this.#paramsAt < 0) {
			const v = this.#value;
			let at: number;
			// Found the way the full decode finds it: after a quoted display name, "<" starts a
			// name-addr (its parameters follow ">"); otherwise the first ";" starts them (addr-spec).
			let from = 0;
			if (v.charCodeAt(0) === 34) {
				// The closing quote: the first one not escaped (an escaped one, or none, takes the full decode).
				const q = v.indexOf('"', 1);
				from = q < 0 || v.charCodeAt(q - 1) === 92 ? v.length + 1 : q + 1;
			}
			const lt = from > v.length ? -1 : v.indexOf("<", from);
			if (from > v.length || (from > 0 && lt < 0) || isSpace(v.charCodeAt(0))) at = this.#decoded().paramsAt;
			else if (lt >= 0 && (from > 0 || v.lastIndexOf(";", lt) < 0)) {
				const gt = v.indexOf(">", lt);
				at = gt < 0 ? v.length : gt + 1;
			} else {
				const semi = v.indexOf(";");
				at = semi < 0 ? v.length : semi;
			}
			this.#paramsAt = at;
		}
		return this.#paramsAt;
	}

	get displayName(): string | null {
		return this.#decoded().displayName;
	}

	get uri(): string {
		return this.#decoded().uri;
	}

	get tag(): string | null {
		if (this.#params !== undefined) return this.#params.tag ?? null;
		const found = findParam(this.#value, this.#at(), "tag");
		return (found === false ? this.params.tag : found) ?? null;
	}

	get params(): Record<string, string | null> {
		if (this.#params === undefined) this.#params = nameAddrParams(this.#value, this.#at(), this.#complain());
		return this.#params;
	}

	/** Plain data. */
	toJSON(): NameAddr {
		return { displayName: this.displayName, uri: this.uri, tag: this.tag, params: this.params };
	}
}

/** Splits a header value at top-level commas; keeps empty items so callers can flag them. */
export function splitList(value: string): string[] {
	if (value.indexOf(",") < 0) return [value.trim()];
	const out: string[] = [];
	let start = 0;
	let quoted = false;
	let angle = false;
	for (let i = 0; i < value.length; i++) {
		const c = value.charCodeAt(i);
		if (quoted) {
			if (c === 92) i++;
			else if (c === 34) quoted = false;
		} else if (c === 34) quoted = true;
		else if (c === 60) angle = true;
		else if (c === 62) angle = false;
		else if (c === 44 && !angle) {
			out.push(value.slice(start, i).trim());
			start = i + 1;
		}
	}
	out.push(value.slice(start).trim());
	return out;
}

/** Lower-cases a parameter name; the common all-lower-case names are returned as they are. */
function lower(name: string): string {
	return name === "tag" || name === "branch" || name === "lr" || name === "rport" || name === "received"
		? name
		: name.toLowerCase();
}

/** Parses `;name=value` parameters (values may be quoted strings). */
export function parseParams(text: string, complain: Complain): Record<string, string | null> {
	const params: Record<string, string | null> = {};
	if (text.length === 0) return params;
	if (text.indexOf('"') < 0 && text.charCodeAt(0) === 59) {
		// No quoted strings: scan segments between semicolons without splitting.
		const n = text.length;
		let i = 1;
		while (i <= n) {
			let j = text.indexOf(";", i);
			if (j < 0) j = n;
			let a = i;
			let b = j;
			while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
			while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
			if (a === b) complain("empty parameter");
			else {
				const eq = text.indexOf("=", a);
				if (eq < 0 || eq >= b) {
					const n = lower(text.slice(a, b));
					if (!(n in params)) params[n] = null;
				} else {
					let ne = eq;
					while (ne > a && (text.charCodeAt(ne - 1) === 32 || text.charCodeAt(ne - 1) === 9)) ne--;
					let vs = eq + 1;
					while (vs < b && (text.charCodeAt(vs) === 32 || text.charCodeAt(vs) === 9)) vs++;
					const n = lower(text.slice(a, ne));
					if (ne === a) complain("parameter without a name");
					else if (!(n in params)) params[n] = text.slice(vs, b);
				}
			}
			i = j + 1;
		}
		return params;
	}
	let i = 0;
	while (i < text.length) {
		if (text[i] !== ";") {
			complain(`unexpected "${text.slice(i, i + 10)}" in parameters`);
			break;
		}
		i++;
		let j = i;
		let quoted = false;
		for (; j < text.length; j++) {
			const c = text[j];
			if (quoted) {
				if (c === "\\") j++;
				else if (c === '"') quoted = false;
			} else if (c === '"') quoted = true;
			else if (c === ";") break;
		}
		if (quoted) complain("unterminated quoted string in a parameter");
		const part = text.slice(i, j).trim();
		if (!part) complain("empty parameter");
		else {
			const eq = part.indexOf("=");
			const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
			let value = eq < 0 ? null : part.slice(eq + 1).trim();
			if (value?.startsWith('"') && value.endsWith('"') && value.length >= 2) value = unquote(value);
			if (!name) complain("parameter without a name");
			else if (!(name in params)) params[name] = value; // a repeated parameter: the first one counts
		}
		i = j;
	}
	return params;
}

/** The content of a quoted string, with backslash escapes resolved. */
export function unquote(q: string): string {
	const inner = q.slice(1, -1);
	return inner.indexOf("\\") < 0 ? inner : inner.replace(/\\([\s\S])/g, "$1");
}

const TOKENS = /^[A-Za-z0-9\-.!%*_+`'~ \t]+$/;

/** Whether `s` starts with a URI scheme and a colon (RFC 3986 scheme). */
function hasScheme(s: string): boolean {
	const c0 = s.charCodeAt(0) | 0x20;
	if (c0 < 97 || c0 > 122) return false;
	for (let i = 1; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 58) return true;
		const l = c | 0x20;
		if (!((l >= 97 && l <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46)) return false;
	}
	return false;
}

/** A name-addr or addr-spec with header params (From, To, Contact …), decoded when first read. */
export function parseNameAddr(value: string, complain: Complain): NameAddr {
	return new NameAddrValue(value, sinkOf(complain));
}

/** @internal Decodes a name-addr or addr-spec (scanned by hand: it runs for every From and To). */
export function decodeNameAddr(value: string, complain: Complain): Addr {
	let a = 0;
	let b = value.length;
	while (a < b && isSpace(value.charCodeAt(a))) a++;
	while (b > a && isSpace(value.charCodeAt(b - 1))) b--;
	let displayName: string | null = null;
	let p = a;
	let uri = "";
	let paramsAt = value.length;
	if (value.charCodeAt(p) === 34) {
		let i = p + 1;
		for (; i < b; i++) {
			const c = value.charCodeAt(i);
			if (c === 92) i++;
			else if (c === 34) break;
		}
		if (i >= b) {
			complain("unterminated quoted display name");
			const lt = value.indexOf("<", p);
			displayName = value.slice(p + 1, lt < 0 || lt > b ? b : lt).trim();
			p = lt < 0 || lt > b ? b : lt;
		} else {
			displayName = unquote(value.slice(p, i + 1));
			p = i + 1;
			while (p < b && isSpace(value.charCodeAt(p))) p++;
		}
	}
	const ltAt = value.indexOf("<", p);
	const lt = ltAt >= b ? -1 : ltAt;
	const semiAt = value.indexOf(";", p);
	const semi = semiAt >= b ? -1 : semiAt;
	if (lt >= 0 && (semi < 0 || lt < semi || displayName !== null)) {
		if (displayName === null && lt > p) {
			const dn = value.slice(p, lt).trim();
			if (dn) {
				displayName = dn;
				if (!TOKENS.test(dn)) complain(`display name "${dn}" must be quoted`);
			}
		}
		const gtAt = value.indexOf(">", lt);
		if (gtAt < 0 || gtAt >= b) {
			complain("missing > after the URI");
			uri = value.slice(lt + 1, b).trim();
		} else {
			uri = value.slice(lt + 1, gtAt);
			let r = gtAt + 1;
			while (r < b && isSpace(value.charCodeAt(r))) r++;
			paramsAt = r;
			if (uri.indexOf(" ") >= 0 || uri.indexOf("\t") >= 0) {
				complain("whitespace inside <URI>");
				uri = uri.trim();
			}
		}
	} else {
		// addr-spec: parameters after the URI belong to the header (RFC 3261 §20.10).
		const cut = semi < 0 ? b : semi;
		uri = value.slice(p, cut).trim();
		paramsAt = cut;
		if (uri.includes("?")) complain("a URI with headers (?) must be enclosed in <>");
		if (/[\s,]/.test(uri)) complain(`"${uri}" is not a valid addr-spec`);
	}
	if (uri !== "*" && !hasScheme(uri)) complain(`"${uri}" is not a URI`);
	return { displayName, uri, paramsAt };
}

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 13 || c === 10;
}

/** One Via value: `SIP/2.0/UDP host:port;branch=…`, decoded when first read. */
export function parseVia(value: string, complain: Complain): Via {
	return new ViaValue(value, sinkOf(complain));
}

/**
 * Whether the text before `semi` is the usual well-formed `SIP/2.0/TRANSPORT SP sent-by` (no IPv6
 * reference), which the full decode accepts with its parameters starting at `semi`.
 */
function usualVia(v: string, semi: number): boolean {
	if (!v.startsWith("SIP/2.0/")) return false;
	const sp = v.indexOf(" ", 8);
	if (sp <= 8 || sp >= semi) return false;
	for (let k = 8; k < sp; k++) {
		const c = v.charCodeAt(k);
		if (c === 47 || c === 9) return false;
	}
	let host = sp + 1;
	while (host < semi && isSpace(v.charCodeAt(host))) host++;
	const c = v.charCodeAt(host);
	return host < semi && c > 32 && c < 127 && c !== 91;
}

/** The three letters after "SIP/2.0/" as a shared string when they name a common transport. */
function knownTransport(value: string): string {
	const t = value.charCodeAt(8);
	if (t === 85 && value.startsWith("UDP", 8)) return "UDP";
	if (t === 84 && value.startsWith("TCP", 8)) return "TCP";
	if (t === 84 && value.startsWith("TLS", 8)) return "TLS";
	return value.slice(8, 11);
}

/** @internal Decodes a Via's protocol and sent-by (LWS allowed around the slashes); null when malformed. */
export function decodeVia(value: string, complain: Complain): SentBy | null {
	const n = value.length;
	let i = 0;
	let ok = true;
	const parts = ["SIP", "2.0", ""];
	// The usual "SIP/2.0/UDP host…" takes a short cut; anything else the general path below.
	const sp = value.startsWith("SIP/2.0/") ? value.indexOf(" ", 8) : -1;
	const transportFast = sp === 11 ? knownTransport(value) : sp > 8 ? value.slice(8, sp) : "";
	if (sp > 8 && transportFast.indexOf("/") < 0 && transportFast.indexOf(";") < 0 && transportFast.indexOf("\t") < 0) {
		parts[2] = transportFast;
		i = sp;
	} else
		for (let k = 0; k < 3; k++) {
			while (i < n && isSpace(value.charCodeAt(i))) i++;
			const s = i;
			while (i < n) {
				const c = value.charCodeAt(i);
				if (isSpace(c) || c === 59 || (k < 2 && c === 47)) break;
				i++;
			}
			parts[k] = value.slice(s, i);
			if (s === i) ok = false;
			if (k < 2) {
				while (i < n && isSpace(value.charCodeAt(i))) i++;
				if (value.charCodeAt(i) !== 47) ok = false;
				else i++;
			}
		}
	const beforeSentBy = i;
	while (i < n && isSpace(value.charCodeAt(i))) i++;
	if (i === beforeSentBy) ok = false;
	const sentByStart = i;
	if (value.charCodeAt(i) !== 91) {
		// No IPv6 reference: the sent-by ends at the first ";".
		const semi = value.indexOf(";", i);
		i = semi < 0 ? n : semi;
	} else {
		let bracket = false;
		while (i < n) {
			const c = value.charCodeAt(i);
			if (c === 91) bracket = true;
			else if (c === 93) bracket = false;
			else if (c === 59 && !bracket) break;
			i++;
		}
	}
	const sentBy = value.slice(sentByStart, i).trim();
	if (!ok || !sentBy) {
		complain(`malformed Via "${value.trim().slice(0, 40)}"`);
		return null;
	}
	let host = sentBy;
	let port: number | null = null;
	const close = sentBy.charCodeAt(0) === 91 ? sentBy.indexOf("]") : -1;
	if (close < 0 && sentBy.charCodeAt(0) === 91) complain(`malformed Via sent-by "${sentBy}"`);
	const colon = sentBy.indexOf(":", Math.max(close, 0));
	if (colon >= 0) {
		host = sentBy.slice(0, colon).trim();
		let num = 0;
		let k = colon + 1;
		while (k < sentBy.length && isSpace(sentBy.charCodeAt(k))) k++;
		const d0 = k;
		for (; k < sentBy.length; k++) {
			const c = sentBy.charCodeAt(k);
			if (c < 48 || c > 57) break;
			num = num * 10 + (c - 48);
		}
		let e = k;
		while (e < sentBy.length && isSpace(sentBy.charCodeAt(e))) e++;
		if (k > d0 && k - d0 <= 5 && e === sentBy.length && num <= 65535) port = num;
		else complain(`bad Via port "${sentBy.slice(colon + 1).trim()}"`);
	}
	if (!host) complain("Via sent-by: empty host");
	const protocol = parts[0] === "SIP" && parts[1] === "2.0" ? "SIP/2.0" : `${parts[0]}/${parts[1]}`.toUpperCase();
	const transport = parts[2] as string;
	return {
		protocol,
		transport: transport === "UDP" || transport === "TCP" || transport === "TLS" ? transport : transport.toUpperCase(),
		host,
		port,
		paramsAt: i,
	};
}

/** CSeq: sequence number (≤ 2^32 − 1) and method. */
export function parseCSeq(value: string, complain: Complain): { seq: number; method: string } | null {
	// Digits, white space, a method token: scanned by hand (this runs for every message).
	const n = value.length;
	let i = 0;
	while (i < n && isSpace(value.charCodeAt(i))) i++;
	const d0 = i;
	while (i < n && value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) i++;
	const d1 = i;
	while (i < n && isSpace(value.charCodeAt(i))) i++;
	const m0 = i;
	while (i < n && !isSpace(value.charCodeAt(i))) i++;
	const m1 = i;
	while (i < n && isSpace(value.charCodeAt(i))) i++;
	if (d1 === d0 || m0 === d1 || m1 === m0 || i !== n) {
		complain(`malformed CSeq "${value.trim().slice(0, 40)}"`);
		return null;
	}
	const digits = value.slice(d0, d1);
	const seq = Number(digits);
	if (seq > 0xffffffff) complain(`CSeq number ${digits} is larger than 2^32-1`);
	return { seq, method: value.slice(m0, m1) };
}
