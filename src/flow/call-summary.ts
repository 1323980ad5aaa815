/**
 * What a call amounts to: its initial request, outcome (the final response to the last attempt of
 * the initial request), who sent the decisive response, timings, participants and the message list.
 */

import { type Endpoint, endpointText } from "../capture/sip-event.ts";
import type { CallMediaStream } from "./call-media.ts";
import type { Call, TrackedMessage } from "./call-tracker.ts";
import { hopEventKey } from "./hop-event.ts";

/** One message in a call summary. */
export interface MessageSummary {
	index: number;
	/** ISO 8601 time, or null when the input has none. */
	time: string | null;
	/** Seconds since the call's first message, or null. */
	offset: number | null;
	src: string | null;
	dst: string | null;
	transport: string;
	/** "INVITE", or "180 Ringing" for a response. */
	label: string;
	method?: string;
	status?: number;
	cseq: string | null;
	retransmission: boolean;
	/** Position in the input (frame or line). */
	frame: number;
}

/** The response that decided the call, and where it came from. */
export interface Decisive {
	index: number;
	code: number;
	reason: string;
	/** Address the response came from. */
	from: string | null;
	/** Server or User-Agent of the response. */
	agent: string | null;
	/** To tag of the response (present when a UA, not a proxy timer, produced it). */
	toTag: string | null;
	/** Via values on the response: 1 means it was answered by the next hop of its sender. */
	viaCount: number;
}

/**
 * A call as the contract's `analyze --json` shows it. `F` is what the diagnosis layer attaches
 * (its `Finding`, src/diagnose/finding.ts): this layer only makes room for it.
 */
export interface CallSummary<F = unknown> {
	callId: string;
	/** Method of the initial request (INVITE, REGISTER, OPTIONS, SUBSCRIBE, MESSAGE …). */
	method: string | null;
	from: string | null;
	to: string | null;
	start: string | null;
	end: string | null;
	outcome: { code: number; reason: string } | null;
	decisive: Decisive | null;
	timings: {
		/** INVITE → first 18x, seconds. */
		pdd: number | null;
		/** INVITE → 200, seconds. */
		setup: number | null;
		/** 200 → BYE, seconds. */
		duration: number | null;
	};
	participants: { address: string; agents: string[] }[];
	/**
	 * Present (true) when the capture starts inside the call: its initial request is not in it
	 * (a ring buffer, a capture started mid-call). Method and outcome are then those of the first
	 * transaction captured, e.g. a BYE answered 200.
	 */
	startMissing?: true;
	/** Messages left out in the middle of a call longer than the analyzer keeps (first and last ones are kept). */
	messagesDropped?: number;
	/** Present (true) when the call is one probe of a SIP scan, told once for the capture. */
	scan?: true;
	/** Dialogs (Call-ID + From tag + To tag): early ones from forking, confirmed, terminated. */
	dialogs: { fromTag: string; toTag: string; state: "early" | "confirmed" | "terminated"; from: string | null }[];
	messages: MessageSummary[];
	findings: F[];
	/** RTP streams tied to the call (captures only; see call-media.ts). */
	media?: CallMediaStream[];
}

// ISO 8601 times built from the second's prefix (cached) and the milliseconds: one Date per day
// and one prefix per second, not one per message.
let isoDay = Number.NaN;
let isoPrefix = "";
let isoSecond = Number.NaN;
let isoSecondPrefix = "";
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const MILLIS = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(3, "0")}Z`);

function iso(t: number | null): string | null {
	if (t === null || !Number.isFinite(t)) return null;
	const ms = Math.round(t * 1000);
	const second = Math.floor(ms / 1000);
	if (second !== isoSecond) {
		const day = Math.floor(ms / 86_400_000);
		if (day !== isoDay) {
			const d = new Date(day * 86_400_000);
			if (Number.isNaN(d.getTime())) return null;
			isoPrefix = d.toISOString().slice(0, 11);
			isoDay = day;
		}
		const inDay = second - day * 86_400;
		const h = Math.floor(inDay / 3600);
		const mi = Math.floor((inDay % 3600) / 60);
		isoSecondPrefix = `${isoPrefix}${pad2(h)}:${pad2(mi)}:${pad2(inDay % 60)}.`;
		isoSecond = second;
	}
	return isoSecondPrefix + MILLIS[ms - second * 1000];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function addressOf(e: Endpoint | null): string | null {
	return e ? endpointText(e) : null;
}

/** The messages of the initial request's attempts: same method, no To tag (out of dialog). */
function attempts(call: Call, method: string): TrackedMessage[] {
	return call.messages.filter((t) => {
		const m = t.event.message;
		return m.kind === "request" && m.method === method && !m.to?.tag && !t.retransmission;
	});
}

/** A request that starts a transaction of its own (not an ACK or CANCEL). */
function isNewRequest(t: TrackedMessage): boolean {
	const m = t.event.message;
	return m.kind === "request" && m.method !== "ACK" && m.method !== "CANCEL";
}

/** Summarises a call. */
export function summarizeCall<F = unknown>(call: Call): CallSummary<F> {
	const msgs = call.messages;
	const first = msgs[0];
	const t0 = msgs.find((t) => t.event.time !== null)?.event.time ?? null;
	// The initial request: the first out-of-dialog request (no To tag) other than ACK and CANCEL.
	const initial = msgs.find((t) => {
		const m = t.event.message;
		return m.kind === "request" && m.method !== "ACK" && m.method !== "CANCEL" && !m.to?.tag;
	});
	// Without it the capture started inside the call: the first transaction captured (a request
	// in a dialog, or a response to a request before the capture) stands for the call.
	const entry = initial ?? msgs.find((t) => t.event.message.kind === "response" || isNewRequest(t));
	const em = entry?.event.message;
	// Only ACK or CANCEL captured: both belong to an INVITE (RFC 3261 §9.1, §17.1.1.3).
	const method =
		(em ? (em.kind === "request" ? em.method : em.cseq?.method) : msgs.length > 0 ? "INVITE" : null) ?? null;

	// Outcome: the final response to the last attempt (highest CSeq) of the initial request; among
	// hops of that attempt, the response on the first hop seen (closest to the caller).
	let decisive: TrackedMessage | undefined;
	if (method && initial) {
		const tries = attempts(call, method);
		let lastSeq = Number.NEGATIVE_INFINITY;
		for (const t of tries) lastSeq = Math.max(lastSeq, t.event.message.cseq?.seq ?? 0);
		const lastTries = tries.filter((t) => (t.event.message.cseq?.seq ?? 0) === lastSeq);
		for (const attempt of lastTries) {
			const final = msgs.find(
				(t) =>
					t.transaction === attempt.transaction &&
					t.event.message.kind === "response" &&
					(t.event.message.status ?? 0) >= 200 &&
					t.event.message.cseq?.method === method,
			);
			if (final) {
				decisive = final;
				break;
			}
		}
	} else if (method && em) {
		const seq = em.cseq?.seq;
		decisive = msgs.find(
			(t) =>
				t.event.message.kind === "response" &&
				(t.event.message.status ?? 0) >= 200 &&
				t.event.message.cseq?.method === method &&
				t.event.message.cseq?.seq === seq &&
				(entry?.event.message.kind !== "request" || t.transaction === entry.transaction),
		);
	}
	const dm = decisive?.event.message;

	const firstInvite = method === "INVITE" ? attempts(call, "INVITE")[0] : undefined;
	const inviteTime = firstInvite?.event.time ?? null;
	const firstRinging = msgs.find(
		(t) =>
			t.event.message.cseq?.method === "INVITE" && (t.event.message.status === 180 || t.event.message.status === 183),
	);
	const answer = msgs.find(
		(t) =>
			t.event.message.cseq?.method === "INVITE" &&
			(t.event.message.status ?? 0) >= 200 &&
			(t.event.message.status ?? 0) < 300,
	);
	const bye = msgs.find((t) => t.event.message.kind === "request" && t.event.message.method === "BYE");
	const diff = (a: number | null | undefined, b: number | null | undefined) =>
		a != null && b != null ? round(a - b) : null;

	// A proxy relays User-Agent (requests) and Server (responses) unchanged, so a header names its
	// sender only on a copy the sender made: a request with one Via, a response no copy of which
	// with more Via was seen (flow/hop-event.ts). Worked out only for addresses still unnamed.
	let deepest: Map<string, number> | undefined;
	let proxied: boolean | undefined;
	const madeBySender = (i: number): boolean => {
		const m = (msgs[i] as TrackedMessage).event.message;
		if (m.kind === "request") return m.via.length <= 1;
		if (m.status !== undefined && m.status < 101) return true; // 100 Trying is hop-by-hop
		// Without a request carrying two Via, no element relayed anything in this call.
		proxied ??= msgs.some((t) => t.event.message.kind === "request" && t.event.message.via.length > 1);
		if (!proxied) return true;
		if (deepest === undefined) {
			deepest = new Map();
			for (const t of msgs) {
				const r = t.event.message;
				if (r.kind !== "response") continue;
				const key = hopEventKey(r);
				if (key !== null) deepest.set(key, Math.max(deepest.get(key) ?? 0, r.via.length));
			}
		}
		const key = hopEventKey(m);
		return key === null || m.via.length >= (deepest.get(key) ?? 0);
	};
	// Participants: every address seen, with the User-Agent/Server it sent (read once per address:
	// a device does not change its name within a call).
	const participants = new Map<string, Set<string>>();
	// Each message's addresses as text, made once for the participants and the message list.
	const srcs: (string | null)[] = new Array(msgs.length);
	const dsts: (string | null)[] = new Array(msgs.length);
	for (let i = 0; i < msgs.length; i++) {
		const e = (msgs[i] as TrackedMessage).event;
		const src = addressOf(e.src);
		const dst = addressOf(e.dst);
		srcs[i] = src;
		dsts[i] = dst;
		let set = src ? participants.get(src) : undefined;
		if (src && !set) {
			set = new Set();
			participants.set(src, set);
		}
		if (dst && !participants.has(dst)) participants.set(dst, new Set());
		if (set && set.size === 0 && madeBySender(i)) {
			const m = e.message;
			const agent = m.value(m.kind === "request" ? "user-agent" : "server") ?? m.value("user-agent");
			if (agent) set.add(agent);
		}
	}

	// Dialogs: a response to INVITE with a To tag creates one (early for 1xx, confirmed for 2xx);
	// an answered BYE ends it (RFC 3261 §12, §15).
	const dialogs = new Map<string, CallSummary["dialogs"][number]>();
	for (const t of msgs) {
		const m = t.event.message;
		// Only responses to INVITE (create, confirm) and to BYE (end) change a dialog.
		if (m.kind !== "response" || m.status === undefined) continue;
		const cseqMethod = m.cseq?.method;
		if (cseqMethod !== "INVITE" && cseqMethod !== "BYE") continue;
		const fromTag = m.from?.tag;
		const toTag = m.to?.tag;
		if (!fromTag || !toTag) continue;
		const key = `${fromTag}|${toTag}`;
		const d = dialogs.get(key) ?? dialogs.get(`${toTag}|${fromTag}`);
		if (cseqMethod === "INVITE" && m.status > 100 && m.status < 300) {
			if (!d)
				dialogs.set(key, {
					fromTag,
					toTag,
					state: m.status < 200 ? "early" : "confirmed",
					from: addressOf(t.event.src),
				});
			else if (m.status >= 200 && d.state === "early") d.state = "confirmed";
		} else if (d && cseqMethod === "BYE" && m.status >= 200) d.state = "terminated";
	}

	let lastTime: number | null = null;
	for (let i = msgs.length - 1; i >= 0 && lastTime === null; i--) lastTime = (msgs[i] as TrackedMessage).event.time;
	const initialMessage = initial?.event.message ?? first?.event.message;
	const summary: CallSummary<F> = {
		callId: call.callId,
		method,
		from: initialMessage?.from?.uri ?? null,
		to: initialMessage?.to?.uri ?? null,
		start: iso(t0),
		end: iso(lastTime),
		outcome: dm && dm.status !== undefined ? { code: dm.status, reason: dm.reason ?? "" } : null,
		decisive:
			decisive && dm && dm.status !== undefined
				? {
						index: decisive.index,
						code: dm.status,
						reason: dm.reason ?? "",
						from: addressOf(decisive.event.src),
						agent: dm.value("server") ?? dm.value("user-agent") ?? null,
						toTag: dm.to?.tag ?? null,
						viaCount: dm.via.length,
					}
				: null,
		timings: {
			pdd: diff(firstRinging?.event.time, inviteTime),
			setup: diff(answer?.event.time, inviteTime),
			duration: diff(bye?.event.time, answer?.event.time),
		},
		participants: [...participants].map(([address, agents]) => ({ address, agents: [...agents] })),
		dialogs: [...dialogs.values()],
		messages: msgs.map((t, i) => {
			const m = t.event.message;
			const s: MessageSummary = {
				index: t.index,
				time: iso(t.event.time),
				offset: diff(t.event.time, t0),
				src: srcs[i] ?? null,
				dst: dsts[i] ?? null,
				transport: t.event.transport,
				label: m.kind === "request" ? (m.method ?? "?") : `${m.status ?? "?"} ${m.reason ?? ""}`.trim(),
				cseq: m.cseq ? `${m.cseq.seq} ${m.cseq.method}` : null,
				retransmission: t.retransmission,
				frame: t.event.frame,
			};
			if (m.method !== undefined) s.method = m.method;
			if (m.status !== undefined) s.status = m.status;
			return s;
		}),
		findings: [],
	};
	if (!initial && msgs.length > 0) summary.startMissing = true;
	if (call.dropped) summary.messagesDropped = call.dropped;
	return summary;
}
