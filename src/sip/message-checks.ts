/**
 * The RFC checks behind `SipMessage.errors` and `warnings` (RFC 3261 §7, §8.1.1, §20, §25.1;
 * RFC 4475): run once, the first time a reader asks, on the parsed message.
 */

import type { Header, Problem, SipMessage } from "./sip-message.ts";
import { hostProblem, parseUri } from "./uri.ts";
import { splitList, uriHostProblem } from "./values.ts";

const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;
const BARE_CR = /\r(?!\n)/g;

/** Adds the problems of `m` to `errors` and `warnings`; `text` is its head, ending at `headEnd`. */
export function checkMessage(
	m: SipMessage,
	text: string,
	headEnd: number,
	errors: Problem[],
	warnings: Problem[],
): void {
	// A CR not followed by LF inside the head (RFC 3261 §7: lines end with CRLF).
	for (const m of text.matchAll(BARE_CR)) {
		if (m.index >= headEnd) break;
		errors.push({ message: "bare CR in the headers", offset: m.index });
	}
	if (m.kind === "request") requestLineProblems(m.method ?? "", m.uri ?? "", errors);
	for (const h of m.headers) {
		if (!TOKEN.test(h.name)) errors.push({ message: `bad header name "${h.name.slice(0, 40)}"`, offset: h.offset });
		if (h.value.includes("\0") && /(?<!\\)\0/.test(h.value))
			errors.push({ message: `NUL byte in ${h.name}`, offset: h.offset });
	}
	const once = (name: string, label: string) => {
		const hs = m.all(name);
		if (hs.length > 1) errors.push({ message: `more than one ${label}`, offset: (hs[1] as Header).offset });
	};
	once("call-id", "Call-ID");
	// callid = word [ "@" word ] (RFC 3261 §25.1): at least one character.
	const callIdHeader = m.first("call-id");
	if (callIdHeader && callIdHeader.value.trim() === "")
		errors.push({ message: "empty Call-ID (RFC 3261 §25.1: callid = word)", offset: callIdHeader.offset });
	if (m.kind === "request") {
		// Every Via of a request MUST carry a branch (§8.1.1.7); RFC 2543 elements omit it, and their
		// transactions are then matched the old way (§17.2.3), which is fragile.
		const via = m.via;
		const noBranch = via.flatMap((v, i) => (v.branch === null ? [i] : []));
		const viaAt = m.first("via")?.offset ?? 0;
		if (noBranch.length)
			warnings.push({
				message: `Via${noBranch.length > 1 ? "s" : ""} ${noBranch.join(", ")} without a branch (RFC 3261 §8.1.1.7 requires one; an RFC 2543 element left it out)`,
				offset: viaAt,
			});
		// A UAC MUST put a tag in From (§8.1.1.3). A sender whose top Via has the RFC 3261 magic
		// cookie claims to follow it, so a missing tag is an error; an RFC 2543 request (RFC 4475
		// §3.3.15 says to accept it) only gets a warning.
		const from = m.from;
		if (from && from.tag === null) {
			const rfc3261 = via[0]?.branch?.startsWith("z9hG4bK") === true;
			(rfc3261 ? errors : warnings).push({
				message: rfc3261
					? "From has no tag (RFC 3261 §8.1.1.3: a request's From MUST carry one)"
					: "From has no tag (RFC 3261 §8.1.1.3 requires one; an RFC 2543 element left it out)",
				offset: m.first("from")?.offset ?? 0,
			});
		}
	}
	once("cseq", "CSeq");
	once("from", "From");
	once("to", "To");
	const cseq = m.cseq;
	if (m.kind === "request" && cseq && m.method && cseq.method !== m.method)
		errors.push({
			message: `CSeq method ${cseq.method} does not match the request method ${m.method}`,
			offset: (m.first("cseq") as Header).offset,
		});
	// URI hosts are checked here, not while decoding, so reading a tag stays cheap.
	for (const [label, na] of [
		["From", m.from],
		["To", m.to],
	] as const) {
		const hp = na ? uriHostProblem(na.uri) : null;
		if (hp) errors.push({ message: `${label}: ${hp}`, offset: m.first(label)?.offset ?? 0 });
	}
	// Parameters are decoded on demand; decoding them all here records their problems.
	for (const v of m.via) {
		void v.params;
		const hp = v.host ? hostProblem(v.host) : null;
		if (hp) errors.push({ message: `Via: sent-by: ${hp}`, offset: m.first("via")?.offset ?? 0 });
	}
	void m.from?.params;
	void m.to?.params;
	for (const c of m.contact) {
		const hp = uriHostProblem(c.uri);
		if (hp) errors.push({ message: `Contact: ${hp}`, offset: m.first("contact")?.offset ?? 0 });
		const e = c.params.expires;
		if (e !== undefined && (e === null || !/^\d+$/.test(e) || Number(e) > 0xffffffff))
			errors.push({
				message: `Contact expires "${e}" is not a number up to 2^32-1`,
				offset: m.first("contact")?.offset ?? 0,
			});
	}
	const mf = m.first("max-forwards");
	if (mf) {
		if (!/^\d+$/.test(mf.value))
			errors.push({ message: `Max-Forwards "${mf.value.slice(0, 20)}" is not a number`, offset: mf.offset });
		else if (Number(mf.value) > 255)
			errors.push({ message: `Max-Forwards ${mf.value} is larger than 255`, offset: mf.offset });
	}
	for (const h of m.all("expires"))
		if (!/^\d+$/.test(h.value) || Number(h.value) > 0xffffffff)
			errors.push({ message: `Expires "${h.value.slice(0, 20)}" is not a number up to 2^32-1`, offset: h.offset });
	for (const h of m.all("retry-after")) {
		const m = /^(\d+)/.exec(h.value);
		if (!m || Number(m[1]) > 0xffffffff)
			errors.push({
				message: `Retry-After "${h.value.slice(0, 20)}" is not a number up to 2^32-1`,
				offset: h.offset,
			});
	}
	for (const h of m.all("warning"))
		for (const w of splitList(h.value))
			if (!/^\d{3}\s/.test(w))
				errors.push({ message: `Warning "${w.slice(0, 20)}" does not start with a 3-digit code`, offset: h.offset });
	// SIP-date is an rfc1123-date, always in GMT (RFC 3261 §20.17, §25.1; RFC 4475 §3.1.2.17).
	for (const h of m.all("date"))
		if (!/GMT$/.test(h.value))
			errors.push({ message: `Date "${h.value.slice(0, 40)}" is not in GMT`, offset: h.offset });
	// Mandatory headers (RFC 3261 §8.1.1): To, From, CSeq, Call-ID, Via (+ Max-Forwards for requests).
	if (m.kind !== null) {
		const missing = ["to", "from", "cseq", "call-id", "via"].filter((n) => m.first(n) === undefined);
		if (missing.length) errors.push({ message: `missing mandatory header(s): ${missing.join(", ")}`, offset: 0 });
		if (m.kind === "request" && m.first("max-forwards") === undefined)
			warnings.push({ message: "request without Max-Forwards", offset: 0 });
	}
	errors.sort((a, b) => a.offset - b.offset);
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
