/**
 * IP fragment reassembly for IPv4 and IPv6: fragments in any order, overlapping ones (the bytes
 * that arrived first are kept), a timeout per datagram and limits on what is held, so memory grows
 * with the datagrams pending, never with the input.
 */
import type { MalformedKind } from "./stats.ts";

/** Limits of the reassembler. */
export interface FragmentLimits {
	/** Seconds (capture time) a datagram may wait for its missing fragments; default 30. */
	timeout: number;
	/** Datagrams pending at once; default 4096. */
	maxDatagrams: number;
	/** Bytes held in all pending fragments; default 16 MiB. */
	maxBytes: number;
}

/** Default fragment limits. */
export const DEFAULT_FRAGMENT_LIMITS: FragmentLimits = { timeout: 30, maxDatagrams: 4096, maxBytes: 16 * 1024 * 1024 };

const MAX_DATAGRAM = 65535;
const MAX_FRAGMENTS = 1024;

interface Fragment {
	offset: number;
	data: Uint8Array;
}

interface Datagram {
	fragments: Fragment[];
	/** Length of the whole payload once the last fragment was seen, else -1. */
	total: number;
	bytes: number;
	first: number;
}

/** Counters the reassembler updates. */
export interface FragmentCounters {
	fragmentsReassembled: number;
	fragmentOverlaps: number;
}

/** Holds fragments until their datagram is whole. */
export class FragmentReassembler {
	#pending = new Map<string, Datagram>();
	#bytes = 0;
	#limits: FragmentLimits;
	#counters: FragmentCounters;
	#damage: (kind: MalformedKind, detail: string) => void;

	constructor(
		counters: FragmentCounters,
		damage: (kind: MalformedKind, detail: string) => void,
		limits: Partial<FragmentLimits> = {},
	) {
		this.#counters = counters;
		this.#damage = damage;
		this.#limits = { ...DEFAULT_FRAGMENT_LIMITS, ...limits };
	}

	/** Datagrams waiting for fragments. */
	get pending(): number {
		return this.#pending.size;
	}

	/** Bytes held. */
	get pendingBytes(): number {
		return this.#bytes;
	}

	/**
	 * Adds the fragment `data` at byte `offset` of the datagram `key` (`declared` is its length on
	 * the wire: more than `data.length` when the capture cut it). Returns the whole payload when
	 * this fragment completes it, else null.
	 */
	add(key: string, offset: number, more: boolean, data: Uint8Array, declared: number, now: number): Uint8Array | null {
		const end = offset + declared;
		if (end > MAX_DATAGRAM) {
			this.#damage("badFragment", `fragment at ${offset} of ${declared} bytes ends past ${MAX_DATAGRAM}`);
			return null;
		}
		let d = this.#pending.get(key);
		if (!d) {
			d = { fragments: [], total: -1, bytes: 0, first: now };
			this.#pending.set(key, d);
		}
		if (!more) {
			if (d.total >= 0 && d.total !== end) {
				this.#drop(key, d);
				this.#damage("badFragment", `two last fragments end at ${d.total} and ${end}`);
				return null;
			}
			d.total = end;
		}
		if (d.total >= 0 && (end > d.total || d.fragments.some((f) => f.offset + f.data.length > d.total))) {
			this.#drop(key, d);
			this.#damage("badFragment", `fragment data past the end (${d.total}) given by the last fragment`);
			return null;
		}
		if (d.fragments.length >= MAX_FRAGMENTS) {
			this.#drop(key, d);
			this.#damage("badFragment", `more than ${MAX_FRAGMENTS} fragments for one datagram`);
			return null;
		}
		const stop = offset + data.length;
		for (const f of d.fragments)
			if (f.offset < stop && offset < f.offset + f.data.length) {
				this.#counters.fragmentOverlaps++;
				break;
			}
		d.fragments.push({ offset, data: data.slice() });
		d.bytes += data.length;
		this.#bytes += data.length;
		if (d.total >= 0) {
			const whole = this.#assemble(d);
			if (whole) {
				this.#drop(key, d);
				this.#counters.fragmentsReassembled++;
				return whole;
			}
		}
		this.#enforce();
		return null;
	}

	/** Drops datagrams that waited longer than the timeout at capture time `now`. */
	expire(now: number): void {
		for (const [key, d] of this.#pending)
			if (now - d.first > this.#limits.timeout) {
				this.#drop(key, d);
				this.#expired(d, `incomplete after ${this.#limits.timeout} s`);
			}
	}

	/** Drops everything pending (end of input). */
	clear(): void {
		for (const [key, d] of this.#pending) {
			this.#drop(key, d);
			this.#expired(d, "incomplete at the end of the input");
		}
	}

	#expired(d: Datagram, why: string): void {
		this.#damage("fragmentsExpired", `datagram of ${d.fragments.length} fragment(s), ${d.bytes} bytes, ${why}`);
	}

	#drop(key: string, d: Datagram): void {
		this.#pending.delete(key);
		this.#bytes -= d.bytes;
	}

	#enforce(): void {
		const { maxDatagrams, maxBytes } = this.#limits;
		while (this.#pending.size > maxDatagrams || this.#bytes > maxBytes) {
			const first = this.#pending.entries().next().value;
			if (!first) break;
			this.#drop(first[0], first[1]);
			this.#expired(first[1], `dropped to stay within ${maxDatagrams} datagrams / ${maxBytes} bytes`);
		}
	}

	/** The whole payload if the fragments cover [0, total), else null. */
	#assemble(d: Datagram): Uint8Array | null {
		const sorted = [...d.fragments].sort((a, b) => a.offset - b.offset);
		let covered = 0;
		for (const f of sorted) {
			if (f.offset > covered) return null;
			covered = Math.max(covered, f.offset + f.data.length);
		}
		if (covered < d.total) return null;
		const out = new Uint8Array(d.total);
		// Later arrivals first, so the bytes that arrived first win where fragments overlap.
		for (let i = d.fragments.length - 1; i >= 0; i--) {
			const f = d.fragments[i] as Fragment;
			out.set(f.data, f.offset);
		}
		return out;
	}
}
