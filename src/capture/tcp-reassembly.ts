/**
 * TCP stream reassembly per 4-tuple and direction: segments out of order wait for the missing
 * bytes, retransmitted and overlapping bytes are delivered once (the first copy wins), SYN, FIN
 * and RST open and close streams, sequence numbers wrap around 2^32. Each direction hands its
 * in-order bytes to a sink. Limits bound what is held: memory grows with the open streams and
 * their waiting segments, not with the input.
 */
import type { MalformedKind } from "./stats.ts";
import type { Timestamp } from "./timestamp.ts";

/** The packet whose bytes are being delivered. */
export interface SegmentContext {
	frame: number;
	ts: Timestamp;
}

/** Where one direction's in-order bytes go. */
export interface StreamSink {
	/** Bytes that follow the previous ones directly. */
	data(bytes: Uint8Array, ctx: SegmentContext): void;
	/** Bytes are missing before the next `data`. */
	gap(): void;
	/** The direction is finished (FIN, RST, timeout, limit or end of input). */
	end(): void;
	/** The stream carries SIP (or HEP) as far as is known. */
	readonly carriesSip: boolean;
	/** The sink wants no more bytes (the stream is not SIP): they are not held or delivered. */
	readonly ignoring: boolean;
}

/** Opens the sink of a direction; `fromStart` is true when the stream's first byte is known (SYN seen). */
export type SinkFactory = (
	src: string,
	srcPort: number,
	dst: string,
	dstPort: number,
	fromStart: boolean,
) => StreamSink;

/** Limits of the reassembler. */
export interface TcpLimits {
	/** Connections tracked at once (the oldest is closed beyond); default 16384. */
	maxStreams: number;
	/** Seconds (capture time) without a segment before an open connection is closed; default 600. */
	idleTimeout: number;
	/** Seconds a closed connection is remembered, so late retransmissions are recognised; default 60. */
	closedLinger: number;
	/** Bytes of out-of-order segments one direction may hold before the hole is skipped; default 1 MiB. */
	maxPendingBytes: number;
	/** Out-of-order segments one direction may hold; default 1024. */
	maxPendingSegments: number;
}

/** Default TCP limits. */
export const DEFAULT_TCP_LIMITS: TcpLimits = {
	maxStreams: 16384,
	idleTimeout: 600,
	closedLinger: 60,
	maxPendingBytes: 1024 * 1024,
	maxPendingSegments: 1024,
};

/** A TCP segment as the IP layer decoded it. */
export interface TcpSegment {
	src: string;
	srcPort: number;
	dst: string;
	dstPort: number;
	seq: number;
	/** TCP flags byte (FIN 1, SYN 2, RST 4 …). */
	flags: number;
	/** The data captured. */
	payload: Uint8Array;
	/** The data length on the wire (more than `payload.length` if the capture cut it). */
	length: number;
}

/** Counters the reassembler updates. */
export interface TcpCounters {
	tcpStreams: number;
	tcpSegments: number;
	tcpRetransmissions: number;
	tcpOutOfOrder: number;
	tcpOverlaps: number;
}

const FIN = 1;
const SYN = 2;
const RST = 4;

interface Waiting {
	seq: number;
	data: Uint8Array;
	length: number;
	ctx: SegmentContext;
}

interface Direction {
	src: string;
	srcPort: number;
	dst: string;
	dstPort: number;
	/** Next expected sequence number, or -1 before any segment. */
	next: number;
	/** Initial sequence number (from the SYN), or -1. */
	isn: number;
	/** Sequence number of the FIN, or -1. */
	fin: number;
	closed: boolean;
	waiting: Waiting[];
	waitingBytes: number;
	sink: StreamSink | null;
}

interface Connection {
	dirs: [Direction, Direction];
	last: number;
	closed: boolean;
}

function direction(src: string, srcPort: number, dst: string, dstPort: number): Direction {
	return {
		src,
		srcPort,
		dst,
		dstPort,
		next: -1,
		isn: -1,
		fin: -1,
		closed: false,
		waiting: [],
		waitingBytes: 0,
		sink: null,
	};
}

/** Signed distance from sequence number `b` to `a`, modulo 2^32. */
function seqDiff(a: number, b: number): number {
	return (a - b) | 0;
}

/** Reassembles every TCP connection of a capture. */
export class TcpReassembler {
	#conns = new Map<string, Connection>();
	#counters: TcpCounters;
	#damage: (kind: MalformedKind, detail: string, frame?: number) => void;
	#open: SinkFactory;
	#limits: TcpLimits;

	constructor(
		counters: TcpCounters,
		damage: (kind: MalformedKind, detail: string, frame?: number) => void,
		open: SinkFactory,
		limits: Partial<TcpLimits> = {},
	) {
		this.#counters = counters;
		this.#damage = damage;
		this.#open = open;
		this.#limits = { ...DEFAULT_TCP_LIMITS, ...limits };
	}

	/** Connections tracked (open and recently closed). */
	get connections(): number {
		return this.#conns.size;
	}

	/** Takes one segment seen at capture time `now`; returns the sink of its direction, if opened. */
	segment(s: TcpSegment, ctx: SegmentContext, now: number): StreamSink | null {
		const a = `${s.src} ${s.srcPort}`;
		const b = `${s.dst} ${s.dstPort}`;
		const forward = a < b;
		const key = forward ? `${a}|${b}` : `${b}|${a}`;
		const idx = forward ? 0 : 1;
		let conn = this.#conns.get(key);
		if (conn && s.flags & SYN && !(s.flags & RST)) {
			const d = conn.dirs[idx];
			if (d.isn !== s.seq && (d.isn !== -1 || d.next !== -1 || conn.closed)) {
				// A new connection on the same 4-tuple.
				this.#close(conn);
				this.#conns.delete(key);
				conn = undefined;
			}
		}
		if (!conn) {
			if (s.flags & RST) return null;
			const d = direction(s.src, s.srcPort, s.dst, s.dstPort);
			const r = direction(s.dst, s.dstPort, s.src, s.srcPort);
			conn = { dirs: forward ? [d, r] : [r, d], last: now, closed: false };
			this.#conns.set(key, conn);
			this.#counters.tcpStreams++;
			this.#enforce();
		}
		conn.last = now;
		const d = conn.dirs[idx];
		if (conn.closed) {
			if (s.length > 0) this.#counters.tcpRetransmissions++;
			return d.sink;
		}
		if (s.flags & RST) {
			this.#close(conn);
			return d.sink;
		}
		let seq = s.seq;
		if (s.flags & SYN) {
			if (d.isn === -1) {
				d.isn = seq;
				d.next = (seq + 1) >>> 0;
			}
			seq = (seq + 1) >>> 0;
		}
		if (d.next === -1) d.next = seq; // joined mid-stream
		if (s.length > 0) {
			this.#counters.tcpSegments++;
			this.#data(d, seq, s.payload, s.length, ctx);
		}
		if (s.flags & FIN && d.fin === -1) d.fin = (seq + s.length) >>> 0;
		this.#checkFin(conn, d);
		return d.sink;
	}

	/** Closes connections idle for longer than the limits at capture time `now`. */
	sweep(now: number): void {
		const { idleTimeout, closedLinger } = this.#limits;
		for (const [key, c] of this.#conns) {
			const idle = now - c.last;
			if (c.closed ? idle > closedLinger : idle > idleTimeout) {
				this.#close(c);
				this.#conns.delete(key);
			}
		}
	}

	/** Ends every stream (end of input): waiting segments are delivered past their holes. */
	flush(): void {
		for (const c of this.#conns.values()) this.#close(c);
		this.#conns.clear();
	}

	#data(d: Direction, seq: number, payload: Uint8Array, length: number, ctx: SegmentContext): void {
		const rel = seqDiff(seq, d.next);
		if (rel + length <= 0) {
			this.#counters.tcpRetransmissions++;
			return;
		}
		if (d.sink?.ignoring) {
			d.next = (seq + length) >>> 0;
			return;
		}
		if (rel > 0) {
			this.#counters.tcpOutOfOrder++;
			const w: Waiting = { seq, data: payload.slice(), length, ctx };
			const list = d.waiting;
			let i = list.length;
			while (i > 0 && seqDiff((list[i - 1] as Waiting).seq, seq) > 0) i--;
			list.splice(i, 0, w);
			d.waitingBytes += w.data.length;
			while (
				d.waiting.length > 0 &&
				(d.waiting.length > this.#limits.maxPendingSegments || d.waitingBytes > this.#limits.maxPendingBytes)
			)
				this.#skipHole(d, "out-of-order segments over the limit");
			return;
		}
		if (rel < 0) this.#counters.tcpOverlaps++;
		this.#deliver(d, payload.subarray(-rel), length + rel, ctx);
		this.#drain(d, ctx);
	}

	#deliver(d: Direction, bytes: Uint8Array, length: number, ctx: SegmentContext): void {
		if (!d.sink) d.sink = this.#open(d.src, d.srcPort, d.dst, d.dstPort, d.isn !== -1 && d.next === (d.isn + 1) >>> 0);
		if (bytes.length > 0) d.sink.data(bytes, ctx);
		if (bytes.length < length) {
			this.#damage("tcpGap", `${length - bytes.length} bytes of a TCP segment were not captured`, ctx.frame);
			d.sink.gap();
		}
		d.next = (d.next + length) >>> 0;
	}

	/** Delivers the waiting segments that now follow on; `ctx` is the packet that made them follow, if any. */
	#drain(d: Direction, ctx: SegmentContext | null): void {
		while (d.waiting.length > 0) {
			const w = d.waiting[0] as Waiting;
			const rel = seqDiff(w.seq, d.next);
			if (rel > 0) break;
			d.waiting.shift();
			d.waitingBytes -= w.data.length;
			if (rel + w.length <= 0) {
				this.#counters.tcpRetransmissions++;
				continue;
			}
			if (rel < 0) this.#counters.tcpOverlaps++;
			this.#deliver(d, w.data.subarray(-rel), w.length + rel, ctx ?? w.ctx);
		}
	}

	/** Gives up on the bytes missing before the first waiting segment. */
	#skipHole(d: Direction, why: string): void {
		const w = d.waiting[0];
		if (!w) return;
		this.#damage("tcpGap", `${seqDiff(w.seq, d.next)} bytes missing from a TCP stream (${why})`, w.ctx.frame);
		d.sink?.gap();
		d.next = w.seq;
		this.#drain(d, null);
	}

	#checkFin(conn: Connection, d: Direction): void {
		if (d.closed || d.fin === -1 || seqDiff(d.next, d.fin) < 0) return;
		d.closed = true;
		d.next = (d.fin + 1) >>> 0;
		this.#endDirection(d);
		if (conn.dirs[0].closed && conn.dirs[1].closed) conn.closed = true;
	}

	#endDirection(d: Direction): void {
		while (d.waiting.length > 0) this.#skipHole(d, "the stream ended before they arrived");
		d.closed = true;
		d.sink?.end();
		d.waiting = [];
		d.waitingBytes = 0;
	}

	/** Ends both directions; the connection is remembered as closed until swept. */
	#close(c: Connection): void {
		if (c.closed) return;
		for (const d of c.dirs) if (!d.closed) this.#endDirection(d);
		c.closed = true;
	}

	#enforce(): void {
		while (this.#conns.size > this.#limits.maxStreams) {
			const first = this.#conns.entries().next().value;
			if (!first) return;
			if (!first[1].closed)
				this.#damage("tcpLimit", `more than ${this.#limits.maxStreams} TCP connections open; the oldest was closed`);
			this.#close(first[1]);
			this.#conns.delete(first[0]);
		}
	}
}
