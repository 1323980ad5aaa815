/**
 * One input of any kind to SIP events: gzipped or not, a pcap/pcapng capture (told by its
 * magic) or text (raw SIP or a PBX/proxy log, told by its content). Captures and logs hand on
 * the same `SipEvent`; the result says what the input turned out to be.
 *
 *   const stats = await readInput("a.pcap.gz", file.stream(), (e) => tracker.push(e));
 */

import { concatBytes } from "./bytes.ts";
import { CaptureReader } from "./capture-reader.ts";
import { detectCaptureFormat } from "./detect.ts";
import type { DecoderOptions } from "./packet-decoder.ts";
import { type ChunkSource, gunzipped, type InflationLimit } from "./read-capture.ts";
import type { SipEvent } from "./sip-event.ts";
import type { CaptureStats } from "./stats.ts";
import { looksLikeSipText, type TextLogOptions, TextLogReader } from "./text-log.ts";

/** What one input turned out to be. */
export interface InputStats {
	name: string;
	format: "pcap" | "pcapng" | "text" | "unknown";
	/** For text: raw, sngrep, asterisk, freeswitch or syslog. */
	textFormat?: string;
	bytes: number;
	/** Packets (captures) or lines (text). */
	packets: number;
	sipMessages: number;
	nonSipPackets: number;
	/** Malformed things skipped, by kind. */
	malformed: Record<string, number>;
	/** Problems worth a line each (first ones only). */
	problems: string[];
	/** Captures: packets skipped because their encapsulation is not decoded, by kind (present when any). */
	skippedEncapsulations?: Record<string, number>;
}

/** Options of `readInput`. */
export interface ReadInputOptions {
	/** What a text log's timestamps leave out (the year; the file's modification time). */
	textLog?: TextLogOptions;
	/** How far gzipped input may inflate (default DEFAULT_INFLATION_LIMIT); past it readInput rejects. */
	inflationLimit?: InflationLimit;
	/** Captures: hears the non-SIP UDP datagrams (RTP, RTCP), in frame order with the messages. */
	onDatagram?: DecoderOptions["onDatagram"];
	/** Called now and then with the bytes read so far. */
	progress?: (bytesRead: number) => void;
}

/** Text read before deciding whether it holds SIP at all. */
const SNIFF_BYTES = 65536;
/** Bytes enough to tell a capture (by its magic) from text. */
const MAGIC_BYTES = 24;

function captureInputStats(name: string, format: "pcap" | "pcapng", s: CaptureStats): InputStats {
	const malformed: Record<string, number> = {};
	for (const [k, v] of Object.entries(s.malformed)) if (v) malformed[k] = v;
	const input: InputStats = {
		name,
		format,
		bytes: s.bytes,
		packets: s.packets,
		sipMessages: s.sipMessages,
		nonSipPackets: s.nonSipPackets,
		malformed,
		problems: s.problems.slice(0, 20).map((p) => `${p.kind}${p.frame ? ` (frame ${p.frame})` : ""}: ${p.detail}`),
	};
	if (Object.keys(s.skippedEncapsulations).length) input.skippedEncapsulations = { ...s.skippedEncapsulations };
	return input;
}

/**
 * Reads one input to its end, calling `onMessage` with each SIP message in input order. Never
 * rejects on bad content (damage is counted in the stats); only gzipped input inflating past
 * the limit rejects, with `InflationLimitError`.
 */
export async function readInput(
	name: string,
	source: ChunkSource,
	onMessage: (e: SipEvent) => void,
	options: ReadInputOptions = {},
): Promise<InputStats> {
	// Gzipped inputs (.pcap.gz, .log.gz) are decompressed on the fly; others pass through.
	let gzipProblem: string | null = null;
	const it = gunzipped(source, (d) => (gzipProblem ??= d), options.inflationLimit);
	const head: Uint8Array[] = [];
	let headBytes = 0;
	while (headBytes < MAGIC_BYTES) {
		const r = await it.next();
		if (r.done) break;
		head.push(r.value);
		headBytes += r.value.length;
	}
	const first = head.length === 1 ? (head[0] as Uint8Array) : concatBytes(head);
	const input =
		detectCaptureFormat(first) !== "unknown"
			? await readCaptureInput(name, first, it, onMessage, options)
			: await readTextInput(name, first, it, onMessage, options);
	if (gzipProblem) input.problems.push(`gzip: ${gzipProblem}`);
	return input;
}

async function readCaptureInput(
	name: string,
	first: Uint8Array,
	rest: AsyncIterator<Uint8Array>,
	onMessage: (e: SipEvent) => void,
	options: ReadInputOptions,
): Promise<InputStats> {
	// Messages are heard as their frame is decoded, so they keep their order with the datagrams
	// (SDP is known before its RTP).
	const reader = new CaptureReader(options.onDatagram ? { onMessage, onDatagram: options.onDatagram } : { onMessage });
	let read = 0;
	const onChunk = (chunk: Uint8Array) => {
		read += chunk.length;
		reader.push(chunk);
		options.progress?.(read);
	};
	onChunk(first);
	for (;;) {
		const r = await rest.next();
		if (r.done) break;
		onChunk(r.value);
	}
	reader.end();
	return captureInputStats(name, reader.stats.format === "pcapng" ? "pcapng" : "pcap", reader.stats);
}

async function readTextInput(
	name: string,
	first: Uint8Array,
	rest: AsyncIterator<Uint8Array>,
	onMessage: (e: SipEvent) => void,
	options: ReadInputOptions,
): Promise<InputStats> {
	const decoder = new TextDecoder();
	const reader = new TextLogReader(options.textLog ?? {});
	let sniffed = "";
	let decided = false;
	let unknown = false;
	let bytes = 0;
	const onChunk = (chunk: Uint8Array, last: boolean) => {
		bytes += chunk.length;
		const text = decoder.decode(chunk, { stream: !last });
		if (!decided) {
			sniffed += text;
			if (sniffed.length < SNIFF_BYTES && !last) return;
			decided = true;
			unknown = !looksLikeSipText(sniffed);
			if (unknown) return;
			for (const e of reader.push(sniffed)) onMessage(e);
			return;
		}
		if (unknown) return;
		for (const e of reader.push(text)) onMessage(e);
		options.progress?.(bytes);
	};
	onChunk(first, false);
	for (;;) {
		const r = await rest.next();
		if (r.done) {
			onChunk(new Uint8Array(0), true);
			break;
		}
		onChunk(r.value, false);
	}
	if (!unknown) for (const e of reader.end()) onMessage(e);
	const input: InputStats = {
		name,
		format: unknown ? "unknown" : "text",
		bytes,
		packets: reader.stats.lines,
		sipMessages: reader.stats.sipMessages,
		nonSipPackets: 0,
		malformed: {
			...(reader.stats.skippedBlocks ? { "not-sip-block": reader.stats.skippedBlocks } : {}),
			...(reader.stats.longLines ? { "long-line": reader.stats.longLines } : {}),
		},
		problems: unknown ? ["neither a pcap/pcapng capture nor text holding SIP messages"] : [],
	};
	if (reader.format && !unknown) input.textFormat = reader.format;
	return input;
}
