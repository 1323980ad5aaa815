/** A call's messages indexed for the diagnosis rules: requests, their responses, SDP, headers. */
import type { Call } from "../flow/call-tracker.ts";
import type { Endpoint } from "../flow/sip-event.ts";
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

/** Read-only view of a call for the rules. */
export class CallView {
	readonly msgs: Msg[];
	readonly callId: string;
	#sdp = new Map<number, Sdp | null>();

	constructor(call: Call) {
		this.callId = call.callId;
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

	/** Seconds between two messages, or null. */
	static gap(a: Msg | undefined, b: Msg | undefined): number | null {
		return a?.time != null && b?.time != null ? Math.round((b.time - a.time) * 1000) / 1000 : null;
	}
}
