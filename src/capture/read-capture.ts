/**
 * The stream APIs over CaptureReader: read a whole capture from chunks (an iterable, an async
 * iterable such as a Node stream, or a web ReadableStream such as `File.stream()`) with a
 * callback, or as an async generator. A gzip-compressed capture (.pcap.gz, .pcapng.gz) is
 * decompressed on the way with the platform's DecompressionStream.
 */

import { type CaptureOptions, CaptureReader } from "./capture-reader.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { type CaptureStats, countMalformed } from "./stats.ts";

/** Where chunks come from: anything async-iterable or iterable, or a web ReadableStream. */
export type ChunkSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | ReadableStream<Uint8Array>;

async function* chunksOf(source: ChunkSource): AsyncGenerator<Uint8Array> {
	if (typeof (source as ReadableStream<Uint8Array>).getReader === "function") {
		const reader = (source as ReadableStream<Uint8Array>).getReader();
		try {
			for (;;) {
				const { done, value } = await reader.read();
				if (done) return;
				yield value;
			}
		} finally {
			reader.releaseLock();
		}
	}
	yield* source as AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

/**
 * How far compressed input may inflate: at most `ratio` times the compressed bytes read so far
 * plus `floorBytes`. Real captures compress 3 to 20 times; a "zip bomb" (gigabytes of zeros in a
 * few megabytes) inflates about 1000 times and would otherwise be read for minutes or exhaust
 * memory. `ratio: 0` turns the limit off.
 */
export interface InflationLimit {
	ratio: number;
	floorBytes: number;
}

/** The default: 200 times the compressed size, plus 64 MiB. */
export const DEFAULT_INFLATION_LIMIT: InflationLimit = { ratio: 200, floorBytes: 64 << 20 };

/** Compressed input that inflated past its `InflationLimit`: reading stopped there. */
export class InflationLimitError extends Error {
	override name = "InflationLimitError";
	constructor(
		readonly compressedBytes: number,
		readonly inflatedBytes: number,
		readonly limit: InflationLimit,
	) {
		super(
			`gzip input inflates more than ${limit.ratio}× (${(inflatedBytes / 1e6).toFixed(0)} MB from ${(compressedBytes / 1e6).toFixed(1)} MB read), which no real capture does; reading stopped`,
		);
	}
}

/**
 * The chunks of `source`, gunzipped when they start with the gzip magic (and the platform has
 * DecompressionStream). `onError` hears of corrupt or truncated compressed data; what was
 * decompressed before is still yielded. Throws `InflationLimitError` once the output outgrows
 * `limit` (the only way it rejects).
 */
export async function* gunzipped(
	source: ChunkSource,
	onError: (detail: string) => void = () => {},
	limit: InflationLimit = DEFAULT_INFLATION_LIMIT,
): AsyncGenerator<Uint8Array> {
	const it = chunksOf(source);
	const head: Uint8Array[] = [];
	let n = 0;
	while (n < 2) {
		const r = await it.next();
		if (r.done) break;
		head.push(r.value);
		n += r.value.length;
	}
	const first = head.find((c) => c.length > 0);
	const second = first && first.length > 1 ? first[1] : head.find((c) => c !== first && c.length > 0)?.[0];
	async function* all(): AsyncGenerator<Uint8Array> {
		yield* head;
		yield* it;
	}
	if (first?.[0] !== 0x1f || second !== 0x8b || typeof DecompressionStream === "undefined") {
		yield* all();
		return;
	}
	const input = all();
	let compressedBytes = 0;
	let inflatedBytes = 0;
	const compressed = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const r = await input.next();
			if (r.done) controller.close();
			else {
				compressedBytes += r.value.length;
				controller.enqueue(r.value);
			}
		},
	});
	const reader = compressed
		.pipeThrough(new DecompressionStream("gzip") as ReadableWritablePair<Uint8Array, Uint8Array>)
		.getReader();
	for (;;) {
		let r: ReadableStreamReadResult<Uint8Array>;
		try {
			r = await reader.read();
		} catch (e) {
			onError(`gzip: ${e instanceof Error ? e.message : String(e)}`);
			return;
		}
		if (r.done) return;
		inflatedBytes += r.value.length;
		if (limit.ratio > 0 && inflatedBytes > limit.ratio * compressedBytes + limit.floorBytes) {
			await reader.cancel().catch(() => {});
			throw new InflationLimitError(compressedBytes, inflatedBytes, limit);
		}
		yield r.value;
	}
}

/**
 * Reads a pcap or pcapng capture (gzipped or not) and calls `onMessage` for every SIP message, in
 * input order; resolves to the stats. Bad input never rejects: it is counted in `stats.malformed`
 * (only compressed input past the default inflation limit rejects, with `InflationLimitError`).
 */
export async function readCapture(
	source: ChunkSource,
	onMessage: (message: CapturedMessage) => void,
	options: CaptureOptions = {},
): Promise<CaptureStats> {
	const reader = new CaptureReader(options);
	const chunks = gunzipped(source, (detail) => countMalformed(reader.stats, "badGzip", detail));
	for await (const chunk of chunks) for (const m of reader.push(chunk)) onMessage(m);
	for (const m of reader.end()) onMessage(m);
	return reader.stats;
}

/**
 * The SIP messages of a capture (gzipped or not) as an async generator; its return value (the
 * `value` of the final `{done: true}` result) is the stats.
 */
export async function* captureMessages(
	source: ChunkSource,
	options: CaptureOptions = {},
): AsyncGenerator<CapturedMessage, CaptureStats, undefined> {
	const reader = new CaptureReader(options);
	const chunks = gunzipped(source, (detail) => countMalformed(reader.stats, "badGzip", detail));
	for await (const chunk of chunks) yield* reader.push(chunk);
	yield* reader.end();
	return reader.stats;
}
