/** A call's messages indexed for the diagnosis rules: requests, their responses, SDP, headers. */

import type { Endpoint } from "../capture/sip-event.ts";
import type { Call } from "../flow/call-tracker.ts";
import { hopEventKey, originCloseness } from "../flow/hop-event.ts";
import { boundaryOf, parseMultipart } from "../sip/body-parts.ts";
import type { SipMessage } from "../sip/parse-message.ts";
import { parseSdp, type Sdp } from "../sip/sdp.ts";

/** One message as the rules see it. */
export interface Msg {
	/** Index in the call. */
	i: number;
	time: number | null;
	m: SipMessage;
	src: Endpoint | null;
	dst: Endpoint | null;
	retr: boolean;
	tx: string | null;
}

/**
 * Whether a message carries SDP, told from its headers and the body's start without parsing it
 * (the exchanges are listed for every call; most rules then read none of them).
 */
function hasSdp(x: Msg): boolean {
	const body = x.m.body;
	if (!body) return false;
	const ct = x.m.value("content-type");
	if (!ct) return body.startsWith("v=0");
	const c = ct.charCodeAt(0) | 32;
	if (c === 97) return /^application\/sdp/i.test(ct);
	return c === 109 && /^multipart\//i.test(ct) && /application\/sdp/i.test(body);
}

/** One SDP offer and its answer (absent when none was captured). */
export interface OfferAnswer {
	offer: Msg;
	answer: Msg | undefined;
	/** A re-INVITE or UPDATE inside an established dialog. */
	inDialog: boolean;
}

/** Read-only view of a call for the rules. */
export class CallView {
	readonly msgs: Msg[];
	readonly callId: string;
	/** Messages the tracker left out in the middle of a very long call: counts here are lower bounds. */
	readonly dropped: number;
	#sdp = new Map<number, Sdp | null>();

	constructor(call: Call) {
		this.callId = call.callId;
		this.dropped = call.dropped ?? 0;
		this.msgs = call.messages.map((t) => ({
			i: t.index,
			time: t.event.time,
			m: t.event.message,
			src: t.event.src,
			dst: t.event.dst,
			retr: t.retransmission,
			tx: t.transaction,
		}));
	}

	// Every rule asks for the same few lists: each is made once per call (callers never change them).
	#requests = new Map<string | undefined, readonly Msg[]>();
	#responses = new Map<string | undefined, readonly Msg[]>();

	/** Requests (not retransmissions), optionally of one method. */
	requests(method?: string): readonly Msg[] {
		let list = this.#requests.get(method);
		if (list === undefined) {
			list = this.msgs.filter(
				(x) => x.m.kind === "request" && !x.retr && (method === undefined || x.m.method === method),
			);
			this.#requests.set(method, list);
		}
		return list;
	}

	/** Responses (not retransmissions), optionally with one CSeq method. */
	responses(method?: string): readonly Msg[] {
		let list = this.#responses.get(method);
		if (list === undefined) {
			list = this.msgs.filter(
				(x) => x.m.kind === "response" && !x.retr && (method === undefined || x.m.cseq?.method === method),
			);
			this.#responses.set(method, list);
		}
		return list;
	}

	/** Responses in the transaction of a request. */
	responsesTo(req: Msg): Msg[] {
		const method = req.m.method;
		return this.msgs.filter((x) => x.m.kind === "response" && x.tx === req.tx && x.m.cseq?.method === method);
	}

	/** The first final response to a request. */
	finalTo(req: Msg): Msg | undefined {
		const method = req.m.method;
		for (const x of this.msgs)
			if (x.m.kind === "response" && x.tx === req.tx && x.m.cseq?.method === method && (x.m.status ?? 0) >= 200)
				return x;
		return undefined;
	}

	/** Messages after `x`, in order. */
	after(x: Msg): Msg[] {
		return this.msgs.slice(x.i + 1);
	}

	/** The SDP of a message (a bare SDP body or the SDP part of a multipart body), or null. */
	sdp(x: Msg): Sdp | null {
		if (this.#sdp.has(x.i)) return this.#sdp.get(x.i) ?? null;
		let out: Sdp | null = null;
		const body = x.m.body;
		const ct = (x.m.value("content-type") ?? "").toLowerCase();
		if (body) {
			if (ct.startsWith("application/sdp") || (!ct && body.startsWith("v=0"))) out = parseSdp(body);
			else if (ct.startsWith("multipart/")) {
				const boundary = boundaryOf(x.m.value("content-type") ?? "");
				const part = boundary
					? parseMultipart(body, boundary).find((p) => (p.headers["content-type"] ?? "").startsWith("application/sdp"))
					: undefined;
				if (part) out = parseSdp(part.body);
			}
		}
		this.#sdp.set(x.i, out);
		return out;
	}

	#eventKeys = new Map<number, string | null>();
	#origins: Map<string, Msg> | undefined;

	/** The key shared by every hop's copy of this message (see flow/hop-event.ts), or null. */
	eventKey(x: Msg): string | null {
		let k = this.#eventKeys.get(x.i);
		if (k === undefined) {
			k = hopEventKey(x.m);
			this.#eventKeys.set(x.i, k);
		}
		return k;
	}

	/**
	 * The copy of this message nearest the element that made it (a request where it has the fewest
	 * Via, a response where it has the most): its source address and headers are the originator's.
	 */
	origin(x: Msg): Msg {
		if (!this.#relayed()) return x;
		if (this.#origins === undefined) {
			const origins = new Map<string, Msg>();
			for (const y of this.msgs) {
				if (y.retr) continue;
				const k = this.eventKey(y);
				if (k === null) continue;
				const best = origins.get(k);
				if (!best || originCloseness(y.m) > originCloseness(best.m)) origins.set(k, y);
			}
			this.#origins = origins;
		}
		const k = this.eventKey(x);
		return (k !== null && this.#origins.get(k)) || x;
	}

	/** One message per event: the origin copy of each, in the order the events were first seen. */
	distinctEvents(list: readonly Msg[]): Msg[] {
		// Without a message carrying two Via nothing was relayed: every message is its own event,
		// and no hop key needs decoding the Via (most calls, every call list).
		if (!this.#relayed()) return [...list];
		const seen = new Set<string>();
		const out: Msg[] = [];
		for (const x of list) {
			const k = this.eventKey(x);
			if (k !== null) {
				if (seen.has(k)) continue;
				seen.add(k);
			}
			out.push(this.origin(x));
		}
		return out;
	}

	#wasRelayed: boolean | undefined;

	/** Whether some message of the call was relayed by a proxy (carries more than one Via). */
	#relayed(): boolean {
		this.#wasRelayed ??= this.msgs.some((x) => x.m.via.length > 1);
		return this.#wasRelayed;
	}

	#exchanges: OfferAnswer[] | undefined;

	/**
	 * The SDP offer/answer exchanges of the call (RFC 3264 §4, RFC 3261 §13.2.1): an INVITE or
	 * UPDATE with SDP is the offer and the first response with SDP the answer; an INVITE without
	 * SDP gets the offer in its first response with SDP and the answer in the ACK or PRACK.
	 * Each proxied copy counts once.
	 */
	exchanges(): readonly OfferAnswer[] {
		if (this.#exchanges) return this.#exchanges;
		const out: OfferAnswer[] = [];
		const requests = this.distinctEvents(this.msgs.filter((x) => x.m.kind === "request" && !x.retr));
		for (const req of requests) {
			const method = req.m.method;
			if (method !== "INVITE" && method !== "UPDATE") continue;
			const withSdp = this.responsesTo(req).filter((x) => !x.retr && (x.m.status ?? 0) > 100 && hasSdp(x));
			const inDialog = !!req.m.to?.tag;
			if (hasSdp(req)) {
				out.push({ offer: req, answer: withSdp.find((x) => (x.m.status ?? 0) < 300), inDialog });
				continue;
			}
			const offer = withSdp.find((x) => (x.m.status ?? 0) < 300);
			if (!offer) continue;
			const seq = req.m.cseq?.seq;
			const answer = this.msgs.find(
				(x) =>
					x.i > offer.i &&
					x.m.kind === "request" &&
					(x.m.method === "ACK" || x.m.method === "PRACK") &&
					(x.m.method === "PRACK" || x.m.cseq?.seq === seq) &&
					hasSdp(x),
			);
			out.push({ offer, answer, inDialog });
		}
		this.#exchanges = out;
		return out;
	}

	/** Seconds between two messages, or null. */
	static gap(a: Msg | undefined, b: Msg | undefined): number | null {
		return a?.time != null && b?.time != null ? Math.round((b.time - a.time) * 1000) / 1000 : null;
	}
}
