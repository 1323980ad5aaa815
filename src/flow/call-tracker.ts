/**
 * Groups SIP events into calls by Call-ID, marks retransmissions (same transaction, same request
 * or same response seen before) and hands each call on once it is over, so memory grows with the
 * calls still open, not with the input.
 */
import type { SipEvent } from "../capture/sip-event.ts";
import { transactionKey } from "./transaction-key.ts";

/** One message of a call. */
export interface TrackedMessage {
	/** Position in the call, from 0. */
	index: number;
	event: SipEvent;
	/** Transaction key (see transaction-key.ts), or null for a message too broken to match. */
	transaction: string | null;
	/** The same request or response was seen before in this transaction. */
	retransmission: boolean;
}

/** Every message with one Call-ID, in the order seen. */
export interface Call {
	callId: string;
	messages: TrackedMessage[];
	/** Messages left out in the middle when the call held more than the tracker keeps (see TrackerOptions). */
	dropped?: number;
}

/** When an idle call is considered over (seconds of input time). */
export interface TrackerOptions {
	/** After the call finished (BYE answered, final response to a non-INVITE). Default 32 s (64×T1). */
	completedIdle: number;
	/** Before any final response. Default 300 s. */
	pendingIdle: number;
	/** Answered and not yet hung up. Default 4 hours. */
	establishedIdle: number;
	/**
	 * Messages kept per call: the first half and the last half of this many; the ones between are
	 * counted, not kept, so one call retransmitted a million times stays small. Default 2000.
	 */
	maxMessagesPerCall: number;
	/** Calls kept open at once; beyond it the least recently active one is finished early. Default 10000. */
	maxOpenCalls: number;
}

const DEFAULTS: TrackerOptions = {
	completedIdle: 32,
	pendingIdle: 300,
	establishedIdle: 4 * 3600,
	maxMessagesPerCall: 2000,
	maxOpenCalls: 10_000,
};
/** Transactions remembered per call for retransmission marks (the oldest are forgotten). */
const MAX_TRANSACTIONS = 4096;

/** What a transaction has carried so far: its key (one string shared by its messages) and marks. */
interface SeenTransaction {
	key: string;
	/** Methods of the requests seen. */
	requests: string[];
	/** Responses seen: status, then To tag ("" for none), pair after pair. */
	responses: (number | string)[];
}

interface OpenCall {
	call: Call;
	/** Once the call is full: the latest messages, a ring starting at `tailStart`. */
	tail: TrackedMessage[];
	tailStart: number;
	last: number;
	seen: Map<string, SeenTransaction>;
	/** With several inputs: each message's last sighting, to drop the copy another input holds. */
	sightings?: Map<string, { time: number | null; input: number }>;
	/** Request transactions by branch and method, for responses whose Via sent-by was rewritten. */
	byBranch: Map<string, SeenTransaction>;
	method: string | null;
	state: "pending" | "established" | "completed";
}

/** Tracks calls; `emit` receives each finished call once. */
export class CallTracker {
	#open = new Map<string, OpenCall>();
	#emit: (call: Call) => void;
	#options: TrackerOptions;
	#now = Number.NEGATIVE_INFINITY;
	#pushes = 0;
	#lastExpire = Number.NEGATIVE_INFINITY;
	/** Messages without a Call-ID, which cannot be grouped. */
	ungrouped = 0;
	/** Messages dropped because another input already held the same packet. */
	duplicates = 0;
	/** Messages left out of calls that held more than `maxMessagesPerCall`. */
	droppedMessages = 0;
	/** Calls finished early because more than `maxOpenCalls` were open. */
	evictedCalls = 0;

	constructor(emit: (call: Call) => void, options: Partial<TrackerOptions> = {}) {
		this.#emit = emit;
		this.#options = { ...DEFAULTS, ...options };
	}

	/** Calls still open. */
	get openCalls(): number {
		return this.#open.size;
	}

	/** Adds one event. */
	push(event: SipEvent): void {
		const m = event.message;
		const callId = m.callId;
		if (!callId) {
			this.ungrouped++;
			return;
		}
		if (event.time !== null && event.time > this.#now) this.#now = event.time;
		let open = this.#open.get(callId);
		if (!open) {
			open = {
				call: { callId, messages: [] },
				tail: [],
				tailStart: 0,
				last: event.time ?? this.#now,
				seen: new Map(),
				byBranch: new Map(),
				method: null,
				state: "pending",
			};
			this.#open.set(callId, open);
			if (this.#open.size > this.#options.maxOpenCalls) this.#evictOldest();
		} else if (this.#open.size > this.#options.maxOpenCalls / 2) {
			// Near the cap the map is kept in order of last activity (a Map iterates in insertion
			// order), so the call to finish early is simply the first one.
			this.#open.delete(callId);
			this.#open.set(callId, open);
		}
		// The same packet in two inputs (the same file twice, or two capture points on one link) is
		// one message: same addresses, same message, within 50 ms (a retransmission waits T1 = 500 ms).
		if (event.input !== undefined && this.#duplicate(open, event)) {
			this.duplicates++;
			return;
		}
		let key = transactionKey(m);
		const status = m.status;
		const method = m.cseq?.method ?? m.method ?? "";
		// The same request (method) or the same response (status and To tag) seen before in the
		// transaction is a retransmission.
		let retransmission = false;
		if (key !== null) {
			let tx = open.seen.get(key);
			// A response must copy the request's Via (RFC 3261 §8.2.6.2), but some elements rewrite
			// its sent-by; the branch and method still name the transaction (§17.1.3).
			if (tx === undefined && m.kind === "response") tx = open.byBranch.get(branchKey(key));
			if (tx === undefined) {
				tx = { key, requests: [], responses: [] };
				if (open.seen.size >= MAX_TRANSACTIONS) {
					const oldest = open.seen.keys().next().value;
					if (oldest !== undefined) open.seen.delete(oldest);
					open.byBranch.clear();
				}
				open.seen.set(key, tx);
				if (m.kind === "request") open.byBranch.set(branchKey(key), tx);
			}
			key = tx.key;
			if (m.kind === "request") {
				const requestMethod = m.method ?? "";
				retransmission = tx.requests.includes(requestMethod);
				if (!retransmission) tx.requests.push(requestMethod);
			} else {
				const seen = tx.responses;
				const toTag = m.to?.tag ?? ""; // an empty tag and none are the same here
				const code = status ?? 0;
				for (let i = 0; i < seen.length && !retransmission; i += 2)
					retransmission = seen[i] === code && seen[i + 1] === toTag;
				if (!retransmission) seen.push(code, toTag);
			}
		}
		this.#keep(open, { index: open.call.messages.length, event, transaction: key, retransmission });
		open.last = event.time ?? open.last;

		if (m.kind === "request" && open.method === null && m.method !== "ACK" && m.method !== "CANCEL")
			open.method = m.method ?? null;
		// A new out-of-dialog attempt (after a challenge or a redirect) reopens a finished call.
		if (m.kind === "request" && m.method === open.method && !m.to?.tag && open.state === "completed")
			open.state = "pending";
		if (m.kind === "response" && status !== undefined && status >= 200) {
			if (method === "INVITE" && status < 300) open.state = "established";
			else if (method === "BYE") open.state = "completed";
			else if (method === open.method && open.method !== "INVITE" && open.state === "pending") open.state = "completed";
			else if (method === "INVITE" && open.state === "pending" && status >= 300) open.state = "completed";
		}
		// Look for idle calls once per second of input time (and every 4096 messages regardless).
		if (this.#now - this.#lastExpire >= 1 || ++this.#pushes % 4096 === 0) {
			this.#lastExpire = this.#now;
			this.#expire();
		}
	}

	/** Adds a message to a call, keeping the first and the last half of `maxMessagesPerCall`. */
	#keep(open: OpenCall, t: TrackedMessage): void {
		const half = Math.max(1, Math.floor(this.#options.maxMessagesPerCall / 2));
		const messages = open.call.messages;
		if (messages.length < half) {
			messages.push(t);
			return;
		}
		if (open.tail.length < half) {
			open.tail.push(t);
			return;
		}
		open.tail[open.tailStart] = t;
		open.tailStart = (open.tailStart + 1) % half;
		open.call.dropped = (open.call.dropped ?? 0) + 1;
		this.droppedMessages++;
	}

	/** Finishes the open call that has been idle longest: the first in the map (see push). */
	#evictOldest(): void {
		const oldest = this.#open.values().next().value;
		if (!oldest) return;
		this.#open.delete(oldest.call.callId);
		this.evictedCalls++;
		this.#emit(this.#finish(oldest));
	}

	/** The call as handed on: head and tail joined, in time order. */
	#finish(open: OpenCall): Call {
		if (open.tail.length > 0) {
			const ring = open.tail;
			const ordered = ring.slice(open.tailStart).concat(ring.slice(0, open.tailStart));
			const messages = open.call.messages.concat(ordered);
			messages.forEach((t, i) => {
				t.index = i;
			});
			open.call.messages = messages;
			open.tail = [];
		}
		return inTimeOrder(open.call);
	}

	#duplicate(open: OpenCall, event: SipEvent): boolean {
		const m = event.message;
		const id = `${event.src?.ip}:${event.src?.port}|${event.dst?.ip}:${event.dst?.port}|${m.kind}|${m.method ?? m.status}|${m.cseq?.seq} ${m.cseq?.method}|${m.to?.tag ?? ""}|${m.topVia?.branch ?? ""}|${m.body?.length ?? 0}`;
		open.sightings ??= new Map();
		const seen = open.sightings.get(id);
		const input = event.input ?? 0;
		if (
			seen &&
			seen.input !== input &&
			(seen.time === null || event.time === null || Math.abs(seen.time - event.time) <= 0.05)
		)
			return true;
		open.sightings.set(id, { time: event.time, input });
		return false;
	}

	/** Emits every call idle for longer than its state allows, by input time. */
	#expire(): void {
		if (!Number.isFinite(this.#now)) return;
		// Values, not entries: an [id, call] pair per open call per second adds up.
		for (const open of this.#open.values()) {
			const limit =
				open.state === "completed"
					? this.#options.completedIdle
					: open.state === "established"
						? this.#options.establishedIdle
						: this.#options.pendingIdle;
			if (this.#now - open.last > limit) {
				this.#open.delete(open.call.callId);
				this.#emit(this.#finish(open));
			}
		}
	}

	/** End of input: emits every open call, oldest first. */
	flush(): void {
		const rest = [...this.#open.values()].sort(
			(a, b) => (a.call.messages[0]?.event.time ?? 0) - (b.call.messages[0]?.event.time ?? 0),
		);
		this.#open.clear();
		for (const open of rest) this.#emit(this.#finish(open));
	}
}

/** A transaction key without its sent-by: "branch|method" (see transaction-key.ts). */
function branchKey(key: string): string {
	if (key.startsWith("2543|")) return key; // without a branch, sent-by is part of the match
	const first = key.indexOf("|");
	const last = key.lastIndexOf("|");
	return first === last ? key : `${key.slice(0, first)}${key.slice(last)}`;
}

/**
 * The call's messages in time order (stable: messages without a time, or with equal times, keep the
 * order they were read in). Captures from several points, or TCP data released late, arrive out of
 * order; the ladder and the timings want the order things happened in.
 */
function inTimeOrder(call: Call): Call {
	const m = call.messages;
	let sorted = true;
	for (let i = 1; i < m.length && sorted; i++) {
		const a = (m[i - 1] as TrackedMessage).event.time;
		const b = (m[i] as TrackedMessage).event.time;
		if (a !== null && b !== null && b < a) sorted = false;
	}
	if (sorted) return call;
	m.sort((x, y) => (x.event.time ?? 0) - (y.event.time ?? 0));
	m.forEach((t, i) => {
		t.index = i;
	});
	return call;
}
