/**
 * Rules 8 and 9: 488/606 media mismatch worked out from the SDP offer and the answer's Warning
 * (RFC 3261 §21.4.26, §20.43 codes 3xx) or SDP; private addresses in Contact, Via or SDP c=
 * while the packets come from another address (NAT); SDP port 0 or sendonly/inactive (hold).
 */

import { endpointText } from "../../capture/sip-event.ts";
import { parseWarning } from "../../sip/header-values.ts";
import { mediaAddress } from "../../sip/sdp.ts";
import type { CallView } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** Whether an address is private, shared or link-local (RFC 1918, RFC 6598, RFC 4193, RFC 4291). */
export function isPrivateAddress(ip: string): boolean {
	// Read by hand: it runs for every address of every message, and allocates nothing.
	let s = 0;
	let e = ip.length;
	if (ip.charCodeAt(0) === 91) s = 1;
	if (ip.charCodeAt(e - 1) === 93) e--;
	const head = dottedQuadHead(ip, s, e);
	if (head >= 0) {
		const x = Math.floor(head / 65536);
		const y = head % 65536;
		return (
			x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 100 && y >= 64 && y <= 127)
		);
	}
	// fc00::/7 (unique local) and fe80::/10 (link-local): four hex digits, then ":".
	if (e - s < 5 || ip.charCodeAt(s + 4) !== 58 || lower(ip.charCodeAt(s)) !== 102) return false;
	const c1 = lower(ip.charCodeAt(s + 1));
	const c2 = lower(ip.charCodeAt(s + 2));
	if (!isHex(ip.charCodeAt(s + 3))) return false;
	if (c1 === 99 || c1 === 100) return isHex(ip.charCodeAt(s + 2));
	return c1 === 101 && (c2 === 56 || c2 === 57 || c2 === 97 || c2 === 98);
}

/** 127.0.0.0/8 and ::1 (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3). */
export function isLoopback(ip: string): boolean {
	return ip.startsWith("127.") || ip === "::1" || ip === "[::1]";
}

function lower(c: number): number {
	return c >= 65 && c <= 90 ? c + 32 : c;
}

function isHex(c: number): boolean {
	const l = lower(c);
	return (c >= 48 && c <= 57) || (l >= 97 && l <= 102);
}

/** For a dotted quad (digits.digits.digits.digits) between s and e: first × 65536 + second, else -1. */
function dottedQuadHead(ip: string, s: number, e: number): number {
	let part = 0;
	let value = 0;
	let digits = 0;
	let head = 0;
	for (let i = s; i <= e; i++) {
		const c = i < e ? ip.charCodeAt(i) : 46;
		if (c >= 48 && c <= 57) {
			// Any run of digits counts (as the definition's \d+ does); large values are capped.
			value = Math.min(value * 10 + (c - 48), 0xffff);
			digits++;
		} else if (c === 46 && digits > 0) {
			if (part === 0) head = Math.min(value, 0xffff) * 65536;
			else if (part === 1) head += Math.min(value, 0xffff);
			part++;
			value = 0;
			digits = 0;
			if (i === e) return part === 4 ? head : -1;
		} else return -1;
	}
	return -1;
}

const PRIVATE_IN_TEXT =
	/c=IN IP[46] (10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.|f[cd]|fe[89ab])/i;

function hostOf(uri: string): string | null {
	const m = /^sips?:(?:[^@]*@)?(\[[^\]]+\]|[^:;>?]+)/i.exec(uri);
	return m ? (m[1] as string) : null;
}

/** Rule 8. */
export function mediaMismatchRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	// Only refused INVITEs matter; each is one event however many hops saw it.
	const refused = view.requests("INVITE").filter((r) => {
		const status = view.finalTo(r)?.m.status;
		return status === 488 || status === 606;
	});
	for (const inv of view.distinctEvents(refused)) {
		const relayed = view.finalTo(inv);
		if (!relayed) continue;
		const status = relayed.m.status;
		// Named from the copy the refusing element sent.
		const final = view.origin(relayed);
		const offer = view.sdp(inv);
		const answer = view.sdp(final);
		const warnings = final.m.values("warning").flatMap(parseWarning);
		const audio = offer?.media.filter((m) => m.type === "audio" && m.port !== 0) ?? [];
		const offered = [
			...new Set(offer?.media.flatMap((m) => m.codecs.map((c) => c.name || String(c.payloadType))) ?? []),
		];
		const accepted = answer ? [...new Set(answer.media.flatMap((m) => m.codecs.map((c) => c.name)))] : [];
		const protocols = [...new Set(offer?.media.map((m) => m.protocol) ?? [])];
		const types = [...new Set(offer?.media.filter((m) => m.port !== 0).map((m) => m.type) ?? [])];
		const dtmf = audio.some((m) => m.codecs.some((c) => c.name.toLowerCase() === "telephone-event"));
		const reasons: string[] = [];
		for (const w of warnings) {
			if (w.code === 305) reasons.push("codec");
			else if (w.code === 304) reasons.push("media-type");
			else if (w.code === 302) reasons.push("transport");
			else if (w.code === 301) reasons.push("address");
			else if (w.code === 370) reasons.push("bandwidth");
		}
		if (protocols.some((p) => /SAVP/.test(p))) reasons.push("srtp-offered");
		if (types.includes("video") || types.includes("image")) reasons.push("non-audio-offered");
		if (!dtmf && audio.length) reasons.push("no-telephone-event");
		out.push({
			rule: "media-mismatch",
			severity: "error",
			code: status,
			evidence: [inv.i, final.i],
			params: {
				offered: offered.join(", "),
				accepted: accepted.join(", "),
				protocols: protocols.join(", "),
				types: types.join(", "),
				warning: warnings.map((w) => `${w.code} ${w.text}`).join("; "),
				reasons: [...new Set(reasons)].join(","),
				noOffer: offer ? 0 : 1,
				from: final.src ? endpointText(final.src) : "",
				agent: final.m.value("server") ?? final.m.value("user-agent") ?? "",
			},
		});
	}
	return out;
}

/** Rule 9: NAT and media direction. */
export function natRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	const seen = new Map<string, { where: string[]; evidence: number[]; source: string }>();
	for (const x of view.msgs) {
		if (x.retr || !x.src) continue;
		const src = x.src.ip;
		// The sender itself is on the private side, or on this very host: nothing crossed NAT here.
		if (isPrivateAddress(src) || isLoopback(src)) continue;
		const note = (ip: string | null, where: string) => {
			if (!ip || !isPrivateAddress(ip) || ip.replace(/^\[|\]$/g, "") === src) return;
			const e = seen.get(ip) ?? { where: [], evidence: [], source: src };
			if (!e.where.includes(where)) e.where.push(where);
			if (!e.evidence.includes(x.i)) e.evidence.push(x.i);
			seen.set(ip, e);
		};
		for (const c of x.m.contact) note(hostOf(c.uri), "Contact");
		if (x.m.kind === "request") note(x.m.topVia?.host ?? null, "Via");
		// Parse the SDP only when its text names a private address at all.
		if (x.m.body && PRIVATE_IN_TEXT.test(x.m.body)) {
			const sdp = view.sdp(x);
			if (sdp) for (const m of sdp.media) note(mediaAddress(sdp, m), "SDP c=");
		}
	}
	for (const [ip, e] of seen)
		out.push({
			rule: "nat-private-address",
			severity: "warning",
			evidence: e.evidence.slice(0, 6),
			params: { address: ip, where: e.where.join(", "), source: e.source },
		});
	return out;
}

/**
 * Rule 9 (media): what the offer/answer exchanges do to the streams. A stream answered with port 0
 * is rejected (RFC 3264 §6), not held; an offer of sendonly or inactive inside a dialog puts the
 * call on hold (RFC 3264 §8.4), and the recvonly/inactive answer only goes along with it; an answer
 * that narrows a sendrecv offer, or an initial offer that is not sendrecv, means audio will not
 * flow both ways. Resuming, and answers that follow a hold offer, stay quiet.
 */
export function mediaDirectionRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	let lastHold = new Map<string, string>(); // offerer → direction it last held with
	for (const { offer, answer, inDialog } of view.exchanges()) {
		// Most exchanges offer and answer sendrecv on live ports: tell them from the text alone.
		if (!MEDIA_CHANGE.test(offer.m.body ?? "") && !MEDIA_CHANGE.test(answer?.m.body ?? "")) continue;
		const o = view.sdp(offer);
		if (!o) continue;
		// An offer whose request failed (491, 488 …) changed nothing (RFC 3261 §14.1).
		const request = offer.m.kind === "request" ? offer : undefined;
		const final = request ? view.finalTo(request) : undefined;
		if ((final?.m.status ?? 0) >= 300) continue;
		const a = answer ? view.sdp(answer) : null;
		const offerer = offer.src ? endpointText(offer.src) : "";
		const what =
			offer.m.kind === "request" ? (inDialog ? `re-${offer.m.method}` : (offer.m.method ?? "")) : `${offer.m.status}`;
		// Streams the answer rejected.
		if (a && answer) {
			const rejected = o.media.filter((m, n) => m.port !== 0 && a.media[n]?.port === 0).map((m) => m.type);
			if (rejected.length > 0) {
				const left = a.media.filter((m) => m.port !== 0).map((m) => m.type);
				out.push({
					rule: "media-direction",
					severity: left.length === 0 ? "warning" : "info",
					evidence: [offer.i, answer.i],
					params: {
						kind: "rejected",
						streams: rejected.join(", "),
						left: left.join(", "),
						by: answer.src ? endpointText(answer.src) : "",
						answer: answer.m.kind === "response" ? `${answer.m.status}` : (answer.m.method ?? ""),
					},
				});
			}
		}
		const audio = o.media.findIndex((m) => m.type === "audio" && m.port !== 0);
		const om = o.media[audio];
		if (!om) continue;
		const held = om.direction !== "sendrecv" || isZeroAddress(mediaAddress(o, om));
		const direction = isZeroAddress(mediaAddress(o, om)) && om.direction === "sendrecv" ? "c=0.0.0.0" : om.direction;
		if (held) {
			if (inDialog) {
				// The same hold offered again (a refresh, a retry after 491) is the same hold.
				if (lastHold.get(offerer) === direction) continue;
				lastHold = new Map(lastHold).set(offerer, direction);
				const ad = a?.media[audio];
				const followed = ad
					? direction === "sendonly"
						? ad.direction === "recvonly" || ad.direction === "inactive"
						: ad.direction === "inactive" || (direction === "c=0.0.0.0" && ad.direction !== "sendrecv")
					: null;
				out.push({
					rule: "media-direction",
					severity: "info",
					evidence: [offer.i, ...(answer ? [answer.i] : [])],
					params: { kind: "hold", direction, by: offerer, what, followed: followed === null ? "" : followed ? 1 : 0 },
				});
			} else
				out.push({
					rule: "media-direction",
					severity: "warning",
					evidence: [offer.i],
					params: { kind: "initial", direction, by: offerer, what },
				});
			continue;
		}
		lastHold.delete(offerer);
		const am = a?.media[audio];
		if (answer && am && am.port !== 0 && am.direction !== "sendrecv")
			out.push({
				rule: "media-direction",
				severity: "warning",
				evidence: [offer.i, answer.i],
				params: {
					kind: "answer",
					direction: am.direction,
					by: answer.src ? endpointText(answer.src) : "",
					what: answer.m.kind === "response" ? `${answer.m.status}` : (answer.m.method ?? ""),
				},
			});
	}
	return out;
}

/** SDP text that may hold, narrow or reject a stream: a direction other than sendrecv, port 0, c= 0.0.0.0. */
const MEDIA_CHANGE = /a=(?:sendonly|recvonly|inactive)|m=[a-z]+ 0 |IN IP4 0\.0\.0\.0|IN IP6 ::\s/;

function isZeroAddress(ip: string | null): boolean {
	return ip === "0.0.0.0" || ip === "::";
}
