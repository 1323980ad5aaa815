/**
 * Header-value grammar shared by the structured parsers: splitting comma lists only where the
 * grammar allows (never inside quotes or <…>), name-addr / addr-spec (RFC 3261 §20.10, §25.1),
 * Via (§20.42), CSeq (§20.16) and generic parameters.
 */
import { parseUri, type Uri } from "./uri.ts";

/** A name-addr or addr-spec with its header parameters (From, To, Contact, Route …). */
export interface NameAddr {
	displayName: string | null;
	uri: string;
	parsedUri: Uri | null;
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

/** Splits a header value at top-level commas; keeps empty items so callers can flag them. */
export function splitList(value: string): string[] {
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

/** Parses `;name=value` parameters (values may be quoted strings). */
export function parseParams(text: string, complain: Complain): Record<string, string | null> {
	const params: Record<string, string | null> = {};
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
			else params[name] = value;
		}
		i = j;
	}
	return params;
}

/** The content of a quoted string, with backslash escapes resolved. */
export function unquote(q: string): string {
	return q.slice(1, -1).replace(/\\([\s\S])/g, "$1");
}

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

/** Parses a name-addr or addr-spec with header params. */
export function parseNameAddr(value: string, complain: Complain): NameAddr {
	let v = value.trim();
	let displayName: string | null = null;
	let uri = "";
	let rest = "";
	if (v.startsWith('"')) {
		let i = 1;
		for (; i < v.length; i++) {
			if (v[i] === "\\") i++;
			else if (v[i] === '"') break;
		}
		if (i >= v.length) {
			complain("unterminated quoted display name");
			const lt = v.indexOf("<");
			displayName = v.slice(1, lt < 0 ? undefined : lt).trim();
			v = lt < 0 ? "" : v.slice(lt);
		} else {
			displayName = unquote(v.slice(0, i + 1));
			v = v.slice(i + 1).trimStart();
		}
	}
	const lt = v.indexOf("<");
	const semi = v.indexOf(";");
	if (lt >= 0 && (semi < 0 || lt < semi || displayName !== null)) {
		if (displayName === null) {
			const dn = v.slice(0, lt).trim();
			if (dn) {
				displayName = dn;
				if (!dn.split(/\s+/).every((w) => TOKEN.test(w))) complain(`display name "${dn}" must be quoted`);
			}
		}
		const gt = v.indexOf(">", lt);
		if (gt < 0) {
			complain("missing > after the URI");
			uri = v.slice(lt + 1).trim();
		} else {
			uri = v.slice(lt + 1, gt);
			rest = v.slice(gt + 1).trim();
			if (uri !== uri.trim() || /\s/.test(uri)) complain("whitespace inside <URI>");
			uri = uri.trim();
		}
	} else {
		// addr-spec: parameters after the URI belong to the header (RFC 3261 §20.10).
		const cut = semi < 0 ? v.length : semi;
		uri = v.slice(0, cut).trim();
		rest = v.slice(cut).trim();
		if (uri.includes("?")) complain("a URI with headers (?) must be enclosed in <>");
		if (/[\s,]/.test(uri)) complain(`"${uri}" is not a valid addr-spec`);
	}
	const params = parseParams(rest, complain);
	const parsedUri = parseUri(uri);
	if (!parsedUri && uri !== "*") complain(`"${uri}" is not a URI`);
	return { displayName, uri, parsedUri, tag: params.tag ?? null, params };
}

/** Parses one Via value: `SIP/2.0/UDP host:port;branch=…`. */
export function parseVia(value: string, complain: Complain): Via {
	const m = /^([^/\s]+)\s*\/\s*([^/\s]+)\s*\/\s*([^\s;]+)\s+([^;]*)(.*)$/s.exec(value.trim());
	if (!m) {
		complain(`malformed Via "${value.trim().slice(0, 40)}"`);
		return { protocol: "", transport: "", host: "", port: null, branch: null, received: null, rport: null, params: {} };
	}
	const sentBy = (m[4] as string).trim();
	let host = sentBy;
	let port: number | null = null;
	const portMatch = /^(\[[^\]]*\]|[^:\s]+)\s*(?::\s*(\d+))?$/.exec(sentBy);
	if (portMatch) {
		host = portMatch[1] as string;
		if (portMatch[2] !== undefined) {
			port = Number(portMatch[2]);
			if (port > 65535) complain(`Via port ${port} is out of range`);
		}
	} else complain(`malformed Via sent-by "${sentBy}"`);
	const params = parseParams((m[5] as string).trim(), complain);
	const rp = params.rport;
	return {
		protocol: `${m[1]}/${m[2]}`.toUpperCase(),
		transport: (m[3] as string).toUpperCase(),
		host,
		port,
		branch: params.branch ?? null,
		received: params.received ?? null,
		rport: rp === undefined ? null : rp === null ? true : /^\d+$/.test(rp) ? Number(rp) : null,
		params,
	};
}

/** CSeq: sequence number (≤ 2^32 − 1) and method. */
export function parseCSeq(value: string, complain: Complain): { seq: number; method: string } | null {
	const m = /^(\d+)\s+(\S+)$/.exec(value.trim());
	if (!m) {
		complain(`malformed CSeq "${value.trim().slice(0, 40)}"`);
		return null;
	}
	const seq = Number(m[1]);
	if (seq > 0xffffffff) complain(`CSeq number ${m[1]} is larger than 2^32-1`);
	return { seq, method: m[2] as string };
}
