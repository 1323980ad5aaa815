/**
 * The contract between the file-format readers (pcap, pcapng) and the capture reader that feeds
 * them bytes and takes their packets.
 */
import type { CaptureStats, MalformedKind } from "./stats.ts";
import type { Timestamp } from "./timestamp.ts";

/** What a file-format reader reports to. */
export interface FileReaderHost {
	stats: CaptureStats;
	/** Counts damage in the file structure at input byte `offset`. */
	damage(kind: MalformedKind, detail: string, offset: number): void;
	/**
	 * One packet record. `data` is valid only during the call (it points into a reused buffer).
	 * `ts` is null when the record has no timestamp (pcapng Simple Packet Block).
	 */
	packet(data: Uint8Array, origLen: number, linkType: number, ts: Timestamp | null): void;
	/** A packet record too damaged to hand over: it still takes a frame number. */
	lostPacket(): void;
}

/** An incremental reader of one file format. */
export interface FileReader {
	/**
	 * Reads every whole record in `buf[start, end)`, whose first byte is input byte `offset`, and
	 * returns the index where it stopped: the caller keeps the bytes from there and calls again
	 * with more. With `final` no more bytes will come, and what cannot be read is counted.
	 */
	read(buf: Uint8Array, start: number, end: number, offset: number, final: boolean): number;
}

/**
 * At the end of the input, the bytes from `p` to `end` that do not make a whole record (or block,
 * named by `unit`) are counted as a truncated file; returns where reading stops.
 */
export function countLeftOver(
	host: FileReaderHost,
	unit: string,
	p: number,
	start: number,
	end: number,
	offset: number,
): number {
	if (p >= end) return p;
	host.damage("truncatedFile", `the input ends inside a ${unit} (${end - p} bytes left over)`, offset + (p - start));
	host.stats.skippedBytes += end - p;
	return end;
}
