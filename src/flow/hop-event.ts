/**
 * One event, however many hops saw it. A proxy forwards a request with its own Via on top and a
 * response with its own Via taken off (RFC 3261 §16.6 step 8, §16.7 step 3), so every copy of a
 * proxied message keeps the Via its originator put at the bottom; the To tag of a response is
 * relayed unchanged (§16.7). Hop-by-hop messages (CANCEL, the ACK to a non-2xx, 100 Trying) are
 * made anew on each hop and so are events of their own.
 */
import type { SipMessage } from "../sip/parse-message.ts";

/**
 * The key shared by every copy of a message along its path: for a request its method, CSeq and
 * the originator's (bottom) Via; for a response also its status and To tag. Null when the message
 * lacks a CSeq or a Via.
 */
export function hopEventKey(m: SipMessage): string | null {
	const cseq = m.cseq;
	const vias = m.via;
	const bottom = vias[vias.length - 1];
	if (!cseq || !bottom) return null;
	const origin = `${bottom.branch ?? ""}|${bottom.host.toLowerCase()}:${bottom.port ?? ""}`;
	if (m.kind === "request") return `q|${m.method}|${cseq.seq} ${cseq.method}|${origin}|${m.callId}`;
	return `r|${m.status}|${cseq.seq} ${cseq.method}|${origin}|${m.to?.tag ?? ""}|${m.callId}`;
}

/**
 * How close a copy is to the element that made the message: a request is nearest its originator
 * where it carries the fewest Via headers, a response where it carries the most.
 */
export function originCloseness(m: SipMessage): number {
	return m.kind === "request" ? -m.via.length : m.via.length;
}
