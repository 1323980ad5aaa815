/**
 * SCTP (RFC 9260; IP protocol 132) as SIP uses it (RFC 4168: one SIP message per SCTP user
 * message): the common header, then chunks padded to 4 bytes. DATA chunks (type 0) and I-DATA
 * chunks (type 64, RFC 8260) carry user data; a message split over several chunks (B and E bits)
 * is rebuilt per association and stream, in TSN order for DATA and fragment sequence for I-DATA,
 * within bounded buffers.
 */
import { u16, u32 } from "./bytes.ts";

/** One piece of user data. */
export interface SctpData {
	/** Stream identifier. */
	stream: number;
	/** Payload protocol identifier (0 unspecified; SIP has none of its own). */
	ppid: number;
	/** First and last piece of its user message (both for an unfragmented message). */
	begin: boolean;
	end: boolean;
	unordered: boolean;
	/** For DATA the TSN; for I-DATA the fragment sequence number (0 for the first piece). */
	sequence: number;
	/** For I-DATA the message identifier; -1 for DATA. */
	messageId: number;
	data: Uint8Array;
}

/** An SCTP packet read: its ports, the user data found, and why reading stopped early ("" if it did not). */
export interface SctpPacket {
	srcPort: number;
	dstPort: number;
	chunks: SctpData[];
	problem: string;
}

const DATA = 0;
const I_DATA = 64;

/** Reads the SCTP packet `b`; null when even its 12-byte common header is not there. */
export function parseSctp(b: Uint8Array): SctpPacket | null {
	if (b.length < 12) return null;
	const packet: SctpPacket = { srcPort: u16(b, 0), dstPort: u16(b, 2), chunks: [], problem: "" };
	for (let o = 12; o + 4 <= b.length; ) {
		const type = b[o] as number;
		const flags = b[o + 1] as number;
		const len = u16(b, o + 2);
		if (len < 4) {
			packet.problem = `SCTP chunk of length ${len}`;
			break;
		}
		if (o + len > b.length) {
			packet.problem = `SCTP chunk of ${len} bytes cut short at ${b.length - o}`;
			break;
		}
		const flagsOf = { unordered: (flags & 4) !== 0, begin: (flags & 2) !== 0, end: (flags & 1) !== 0 };
		if (type === DATA) {
			if (len < 16) {
				packet.problem = `SCTP DATA chunk of length ${len}`;
				break;
			}
			packet.chunks.push({
				stream: u16(b, o + 8),
				ppid: u32(b, o + 12),
				...flagsOf,
				sequence: u32(b, o + 4),
				messageId: -1,
				data: b.subarray(o + 16, o + len),
			});
		} else if (type === I_DATA) {
			if (len < 20) {
				packet.problem = `SCTP I-DATA chunk of length ${len}`;
				break;
			}
			// The last word is the PPID in the first piece and the fragment sequence number after.
			const last = u32(b, o + 16);
			packet.chunks.push({
				stream: u16(b, o + 8),
				ppid: flagsOf.begin ? last : 0,
				...flagsOf,
				sequence: flagsOf.begin ? 0 : last,
				messageId: u32(b, o + 12),
				data: b.subarray(o + 20, o + len),
			});
		}
		o += (len + 3) & ~3;
	}
	return packet;
}

/** Limits of SCTP message reassembly. */
export interface SctpLimits {
	/** Largest message rebuilt; a longer one is dropped. */
	maxMessageBytes: number;
	/** Messages being rebuilt at once; the oldest is dropped past it. */
	maxPending: number;
}

/** Default limits: 1 MiB messages (as on TCP), 64 at once. */
export const DEFAULT_SCTP_LIMITS: SctpLimits = { maxMessageBytes: 1024 * 1024, maxPending: 64 };

interface Pending {
	next: number;
	parts: Uint8Array[];
	bytes: number;
}

/** Rebuilds fragmented SCTP user messages; `damage` hears of every one given up. */
export class SctpReassembler {
	#pending = new Map<string, Pending>();
	#limits: SctpLimits;
	#damage: (detail: string) => void;

	constructor(damage: (detail: string) => void, limits: Partial<SctpLimits> = {}) {
		this.#damage = damage;
		this.#limits = { ...DEFAULT_SCTP_LIMITS, ...limits };
	}

	/**
	 * Adds the piece `c` of association `association` ("src port dst port"); returns the whole
	 * message when this piece completes it, else null.
	 */
	add(association: string, c: SctpData): Uint8Array | null {
		if (c.begin && c.end) return c.data;
		// DATA pieces of one stream follow each other in TSN order; I-DATA may interleave messages.
		const key = `${association} ${c.stream} ${c.unordered ? "u" : "o"} ${c.messageId}`;
		const pending = this.#pending.get(key);
		if (c.begin) {
			if (pending) this.#drop(key, "an SCTP message was not finished before the next one began");
			if (this.#pending.size >= this.#limits.maxPending) {
				const oldest = this.#pending.keys().next().value as string;
				this.#drop(oldest, `more than ${this.#limits.maxPending} SCTP messages were being rebuilt at once`);
			}
			// Copies: the frame's bytes may be reused once it is decoded.
			this.#pending.set(key, { next: (c.sequence + 1) >>> 0, parts: [c.data.slice()], bytes: c.data.length });
			return null;
		}
		if (!pending) {
			this.#damage("an SCTP message piece arrived without its first piece");
			return null;
		}
		const ahead = (c.sequence - pending.next) | 0;
		if (ahead < 0) return null; // a retransmission of a piece already held
		if (ahead > 0) {
			this.#drop(key, "a piece of an SCTP message is missing");
			return null;
		}
		pending.bytes += c.data.length;
		if (pending.bytes > this.#limits.maxMessageBytes) {
			this.#drop(key, `an SCTP message grew past ${this.#limits.maxMessageBytes} bytes`);
			return null;
		}
		pending.parts.push(c.data.slice());
		pending.next = (pending.next + 1) >>> 0;
		if (!c.end) return null;
		this.#pending.delete(key);
		const out = new Uint8Array(pending.bytes);
		let at = 0;
		for (const p of pending.parts) {
			out.set(p, at);
			at += p.length;
		}
		return out;
	}

	/** End of input: messages still being rebuilt are counted as given up. */
	finish(): void {
		for (const key of [...this.#pending.keys()]) this.#drop(key, "an SCTP message was cut off by the end of the input");
	}

	#drop(key: string, detail: string): void {
		this.#pending.delete(key);
		this.#damage(detail);
	}
}
