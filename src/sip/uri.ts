/** SIP, SIPS and tel URIs (RFC 3261 §19.1 and §25, RFC 3966); other schemes kept opaque. */

/** A parsed URI. `user`, `password` and parameter values are %-unescaped; `raw` is as written. */
export interface Uri {
	scheme: string;
	user: string | null;
	password: string | null;
	/** Host name, IPv4 address or IPv6 reference (with brackets); for tel, the number. */
	host: string;
	port: number | null;
	params: Record<string, string | null>;
	headers: Record<string, string>;
	raw: string;
}

const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();

/** Decodes %XX escapes; a % that does not start an escape stays literal (RFC 4475 esc02). */
export function unescapeUri(s: string): string {
	if (!s.includes("%")) return s;
	const bytes: number[] = [];
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 37 && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
			bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
			i += 2;
		} else if (c < 0x80) bytes.push(c);
		else for (const b of ENCODER.encode(String.fromCodePoint(s.codePointAt(i) as number))) bytes.push(b);
		if (c >= 0xd800 && c <= 0xdbff) i++;
	}
	return DECODER.decode(new Uint8Array(bytes));
}

function parseParams(text: string, into: Record<string, string | null>): void {
	for (const part of text.split(";")) {
		if (!part) continue;
		const eq = part.indexOf("=");
		if (eq < 0) into[part.toLowerCase()] = null;
		else into[part.slice(0, eq).toLowerCase()] = unescapeUri(part.slice(eq + 1));
	}
}

/** Parses a URI; returns null when it has no scheme. Never throws. */
export function parseUri(raw: string): Uri | null {
	const colon = raw.indexOf(":");
	if (colon <= 0 || !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(raw.slice(0, colon))) return null;
	const scheme = raw.slice(0, colon).toLowerCase();
	const rest = raw.slice(colon + 1);
	const uri: Uri = { scheme, user: null, password: null, host: "", port: null, params: {}, headers: {}, raw };
	if (scheme === "tel") {
		const semi = rest.indexOf(";");
		uri.host = semi < 0 ? rest : rest.slice(0, semi);
		if (semi >= 0) parseParams(rest.slice(semi + 1), uri.params);
		return uri;
	}
	if (scheme !== "sip" && scheme !== "sips") {
		uri.host = rest;
		return uri;
	}
	let hostPart = rest;
	const at = rest.indexOf("@");
	if (at >= 0) {
		const userinfo = rest.slice(0, at);
		hostPart = rest.slice(at + 1);
		const pc = userinfo.indexOf(":");
		uri.user = unescapeUri(pc < 0 ? userinfo : userinfo.slice(0, pc));
		if (pc >= 0) uri.password = unescapeUri(userinfo.slice(pc + 1));
	}
	const q = hostPart.indexOf("?");
	if (q >= 0) {
		for (const h of hostPart.slice(q + 1).split("&")) {
			const eq = h.indexOf("=");
			if (h) uri.headers[eq < 0 ? h : h.slice(0, eq)] = eq < 0 ? "" : unescapeUri(h.slice(eq + 1));
		}
		hostPart = hostPart.slice(0, q);
	}
	const semi = hostPart.indexOf(";");
	if (semi >= 0) {
		parseParams(hostPart.slice(semi + 1), uri.params);
		hostPart = hostPart.slice(0, semi);
	}
	if (hostPart.startsWith("[")) {
		const close = hostPart.indexOf("]");
		uri.host = close < 0 ? hostPart : hostPart.slice(0, close + 1);
		const after = close < 0 ? "" : hostPart.slice(close + 1);
		if (after.startsWith(":")) uri.port = toPort(after.slice(1));
	} else if (hostPart.indexOf(":") !== hostPart.lastIndexOf(":")) {
		uri.host = hostPart; // an unbracketed IPv6 address: no port can be told apart
	} else {
		const pc = hostPart.lastIndexOf(":");
		uri.host = pc < 0 ? hostPart : hostPart.slice(0, pc);
		if (pc >= 0) uri.port = toPort(hostPart.slice(pc + 1));
	}
	return uri;
}

function toPort(s: string): number | null {
	if (!/^\d{1,5}$/.test(s)) return null;
	const n = Number(s);
	return n <= 65535 ? n : null;
}

const HEX4 = /^[0-9A-Fa-f]{1,4}$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether `s` is an IPv6 address (RFC 4291 text form, with an optional IPv4 tail). */
export function isIpv6(s: string): boolean {
	if (s.includes(":::") || s.split("::").length > 2) return false;
	const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
	const groups = (x: string | undefined) => (x ? x.split(":") : []);
	const all = [...groups(head), ...groups(tail)];
	let count = 0;
	for (let i = 0; i < all.length; i++) {
		const g = all[i] as string;
		if (i === all.length - 1 && g.includes(".")) {
			if (!IPV4.test(g)) return false;
			count += 2;
		} else if (HEX4.test(g)) count += 1;
		else return false;
	}
	return tail === undefined ? count === 8 : count <= 7;
}

/** Why `host` is not a valid SIP host (hostname, IPv4, or bracketed IPv6), or null. */
export function hostProblem(host: string): string | null {
	if (host.startsWith("[")) {
		if (!host.endsWith("]")) return `IPv6 reference "${host}" lacks its closing bracket`;
		return isIpv6(host.slice(1, -1)) ? null : `"${host}" is not a valid IPv6 reference`;
	}
	if (host.includes(":")) return `IPv6 address "${host}" must be enclosed in brackets`;
	if (!/^[A-Za-z0-9.\-_]+$/.test(host)) return `"${host}" is not a valid host`;
	return null;
}
