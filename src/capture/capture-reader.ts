/**
 * The push API: feed a capture as byte chunks of any size and boundaries, get SIP messages back.
 * The format is detected from the first bytes; the reader holds at most one unfinished record or
 * block between chunks (bounded by the record and block limits), plus what the packet decoder
 * holds for open TCP streams and pending IP fragments.
 */
import type { CapturedMessage } from "./captured-message.ts";
import { detectCaptureFormat } from "./detect.ts";
import type { FileReader, FileReaderHost } from "./file-reader.ts";
import { type DecoderOptions, PacketDecoder } from "./packet-decoder.ts";
import { PcapReader } from "./pcap.ts";
import { PcapngReader } from "./pcapng.ts";
import { type CaptureStats, countMalformed, createStats, type MalformedKind } from "./stats.ts";
import type { Timestamp } from "./timestamp.ts";

/** Options of a capture read. */
export interface CaptureOptions extends DecoderOptions {
	/** Largest pcap record (default 256 KiB, or the file's snapshot length up to 16 MiB). */
	maxPacketBytes?: number;
	/** Largest pcapng block (default 16 MiB). */
	maxBlockBytes?: number;
	/** Problems kept in detail in `stats.problems` (all are counted); default 100. */
	maxProblems?: number;
	/**
	 * Hears each SIP message as soon as its frame is decoded (then `push` returns none), so it
	 * keeps its order with what `onDatagram` hears.
	 */
	onMessage?: (m: CapturedMessage) => void;
}

/**
 * Incremental capture reader.
 *
 *   const reader = new CaptureReader();
 *   for (const chunk of chunks) for (const m of reader.push(chunk)) use(m);
 *   for (const m of reader.end()) use(m);
 *   reader.stats;
 */
export class CaptureReader {
	/** Counters, updated as bytes are pushed. */
	readonly stats: CaptureStats = createStats();
	#options: CaptureOptions;
	#decoder: PacketDecoder;
	#reader: FileReader | null = null;
	#out: CapturedMessage[] = [];
	#buf = new Uint8Array(0);
	#start = 0;
	#end = 0;
	/** Input offset of #buf[#start]. */
	#offset = 0;
	#frame = 0;
	#lastTs: Timestamp = { sec: 0, nsec: 0 };
	#ignoring = false;
	#ended = false;
	#host: FileReaderHost;

	constructor(options: CaptureOptions = {}) {
		this.#options = options;
		this.#decoder = new PacketDecoder(
			this.stats,
			options.onMessage ?? ((m) => this.#out.push(m)),
			(kind, detail, frame) => this.#problem(kind, detail, { frame }),
			options,
		);
		this.#host = {
			stats: this.stats,
			damage: (kind, detail, offset) => this.#problem(kind, detail, { offset }),
			packet: (data, origLen, linkType, ts) => {
				if (ts) this.#lastTs = ts;
				const frame = ++this.#frame;
				try {
					this.#decoder.frame(frame, linkType, data, origLen, ts ?? this.#lastTs);
				} catch (e) {
					// A safety net: one packet that trips a bug must not end a long read.
					this.#problem("internalError", String(e), { frame });
				}
			},
			lostPacket: () => {
				this.#frame++;
				this.stats.packets++;
			},
		};
	}

	/** Adds a chunk of input; returns the SIP messages it completed, in order. */
	push(chunk: Uint8Array): CapturedMessage[] {
		if (this.#ended) return [];
		this.stats.bytes += chunk.length;
		if (this.#ignoring) {
			this.stats.skippedBytes += chunk.length;
			return [];
		}
		if (!this.#reader) {
			this.#append(chunk);
			if (this.#end - this.#start < 4) return [];
			if (!this.#detect()) return [];
			this.#read(false);
		} else if (this.#start === this.#end) {
			// Nothing held: read straight from the chunk and keep only its unfinished tail.
			const stop = this.#reader.read(chunk, 0, chunk.length, this.#offset, false);
			this.#offset += stop;
			this.#start = 0;
			this.#end = 0;
			if (stop < chunk.length) this.#append(chunk.subarray(stop));
		} else {
			this.#append(chunk);
			this.#read(false);
		}
		return this.#take();
	}

	/** Ends the input: what is unfinished is counted, streams are flushed. Returns the last messages. */
	end(): CapturedMessage[] {
		if (this.#ended) return [];
		this.#ended = true;
		if (this.#reader) this.#read(true);
		else if (!this.#ignoring) {
			const n = this.#end - this.#start;
			this.stats.format = "unknown";
			this.#problem("notACapture", n === 0 ? "empty input" : `input of only ${n} bytes`, { offset: 0 });
			this.stats.skippedBytes += n;
		}
		this.#buf = new Uint8Array(0);
		this.#start = this.#end = 0;
		try {
			this.#decoder.finish();
		} catch (e) {
			this.#problem("internalError", String(e), {});
		}
		return this.#take();
	}

	#take(): CapturedMessage[] {
		const out = this.#out;
		if (out.length) this.#out = [];
		return out;
	}

	#detect(): boolean {
		const format = detectCaptureFormat(this.#buf.subarray(this.#start, this.#end));
		this.stats.format = format;
		if (format === "unknown") {
			this.#problem("notACapture", "no pcap or pcapng magic number at the start", { offset: 0 });
			this.stats.skippedBytes += this.#end - this.#start;
			this.#ignoring = true;
			this.#buf = new Uint8Array(0);
			this.#start = this.#end = 0;
			return false;
		}
		this.#reader =
			format === "pcap"
				? new PcapReader(this.#host, { maxPacketBytes: this.#options.maxPacketBytes })
				: new PcapngReader(this.#host, { maxBlockBytes: this.#options.maxBlockBytes });
		return true;
	}

	#read(final: boolean): void {
		const reader = this.#reader as FileReader;
		const stop = reader.read(this.#buf, this.#start, this.#end, this.#offset, final);
		this.#offset += stop - this.#start;
		this.#start = stop;
		if (this.#start === this.#end) this.#start = this.#end = 0;
	}

	#append(chunk: Uint8Array): void {
		const live = this.#end - this.#start;
		if (this.#end + chunk.length > this.#buf.length) {
			const size = live + chunk.length;
			if (size > this.#buf.length || size * 4 < this.#buf.length) {
				// Grow (doubling), or shrink after one large record so memory follows what is held.
				const next = new Uint8Array(Math.max(size, Math.min(this.#buf.length * 2, size * 2), 4096));
				next.set(this.#buf.subarray(this.#start, this.#end));
				this.#buf = next;
			} else this.#buf.copyWithin(0, this.#start, this.#end);
			this.#start = 0;
			this.#end = live;
		}
		this.#buf.set(chunk, this.#end);
		this.#end += chunk.length;
	}

	#problem(kind: MalformedKind, detail: string, where: { frame?: number; offset?: number }): void {
		countMalformed(this.stats, kind, detail, where, this.#options.maxProblems ?? 100);
	}
}
