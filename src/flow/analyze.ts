/**
 * `analyze`: from captures or logs to calls. Each input is a stream of byte chunks; pcap and
 * pcapng are recognised by their magic, anything else is read as text (raw SIP or a PBX/proxy
 * log). Calls are summarised as they finish, so memory follows the open calls.
 */

import type { ChunkSource, InflationLimit } from "../capture/read-capture.ts";
import { type InputStats, readInput } from "../capture/read-input.ts";
import type { SipEvent } from "../capture/sip-event.ts";
import type { TextLogOptions } from "../capture/text-log.ts";
import { MediaTracker, type MediaTrackerOptions } from "../media/media-tracker.ts";
import { announceSdp, callMedia } from "./call-media.ts";
import { type CallSummary, summarizeCall } from "./call-summary.ts";
import { type Call, CallTracker, type TrackerOptions } from "./call-tracker.ts";

/** Totals over every input. */
export interface AnalyzeStats {
	inputs: InputStats[];
	packets: number;
	bytes: number;
	sipMessages: number;
	nonSipPackets: number;
	malformed: number;
	calls: number;
	/** SIP messages without a Call-ID, which no call can hold. */
	ungrouped: number;
	/** Messages another input already held (the same packet seen twice), counted once. */
	duplicates: number;
	/** Messages left out in the middle of calls longer than the analyzer keeps (memory stays bounded). */
	droppedMessages: number;
	/** Calls finished early because too many were open at once (the least recently active first). */
	evictedCalls: number;
	/**
	 * RTP/RTCP seen in captures: packets, and streams no call's SDP named (found by their headers
	 * alone; listed with their figures), or not tracked past the stream cap.
	 */
	media?: { rtpPackets: number; rtcpPackets: number; unmatchedStreams: UnmatchedStream[]; droppedStreams: number };
}

/** A stream no call's SDP named: where it went and how many packets, for the stats. */
export interface UnmatchedStream {
	ssrc: number;
	src: string;
	dst: string;
	payloadType: number;
	packets: number;
	lost: number;
}

/** Options of an analysis; `F` is the type of the findings the diagnosis layer attaches. */
export interface AnalyzeOptions<F = unknown> {
	/** Called with each finished call (the full call and its summary) as soon as it is over. */
	onCall?: (summary: CallSummary<F>, call: Call) => void;
	/** Keep summaries for the result (default true; set false when `onCall` streams them). */
	keepCalls?: boolean;
	/** Adds findings to a finished call (the diagnosis layer plugs in here). */
	diagnose?: (call: Call, summary: CallSummary<F>) => F[];
	/** Findings about the capture as a whole (a scan across calls), asked for once at the end. */
	captureFindings?: () => F[];
	tracker?: Partial<TrackerOptions>;
	/** Several inputs will be read (captures of one link from two points): the same packet in two is one message. */
	severalInputs?: boolean;
	/** Called now and then with the bytes read so far of the current input. */
	progress?: (bytesRead: number) => void;
	/** How far gzipped input may inflate (default DEFAULT_INFLATION_LIMIT); past it addInput throws. */
	inflationLimit?: InflationLimit;
	/** RTP/RTCP analysis of captures (default on); false reads SIP only. */
	media?: boolean | Partial<MediaTrackerOptions>;
}

/** An analysis over one or more inputs. */
export class Analyzer<F = unknown> {
	readonly calls: CallSummary<F>[] = [];
	readonly stats: AnalyzeStats = {
		inputs: [],
		packets: 0,
		bytes: 0,
		sipMessages: 0,
		nonSipPackets: 0,
		malformed: 0,
		calls: 0,
		ungrouped: 0,
		duplicates: 0,
		droppedMessages: 0,
		evictedCalls: 0,
	};
	#tracker: CallTracker;
	#options: AnalyzeOptions<F>;
	#media: MediaTracker | null;

	constructor(options: AnalyzeOptions<F> = {}) {
		this.#options = options;
		this.#media =
			options.media === false ? null : new MediaTracker(typeof options.media === "object" ? options.media : {});
		this.#tracker = new CallTracker((call) => this.#finished(call), options.tracker);
	}

	#finished(call: Call): void {
		const summary = summarizeCall<F>(call);
		if (this.#media) {
			const streams = this.#media.takeCall(call.callId);
			// An INVITE call gets a media list even when empty, so "no RTP" can be a finding, but only
			// when the capture carries RTP at all: most captures filtered to SIP (port 5060) do not.
			if (streams.length || (this.#media.rtpPackets > 0 && summary.method === "INVITE"))
				summary.media = callMedia(call, streams, isoTime);
		}
		if (this.#options.diagnose) summary.findings = this.#options.diagnose(call, summary);
		this.stats.calls++;
		if (this.#options.keepCalls !== false) this.calls.push(summary);
		this.#options.onCall?.(summary, call);
	}

	#inputs = 0;

	#event(e: SipEvent): void {
		// With several inputs, events carry which one they came from, for the duplicate check.
		if (this.#options.severalInputs) e.input = this.#inputs - 1;
		if (this.#media && e.message.body) announceSdp(this.#media, e);
		this.#tracker.push(e);
	}

	/**
	 * Reads one input to its end. Never throws on bad content: damage is counted. `textLog` tells
	 * a text log what its timestamps leave out (the year; the file's modification time).
	 */
	async addInput(name: string, source: ChunkSource, textLog: TextLogOptions = {}): Promise<InputStats> {
		this.#inputs++;
		const media = this.#media;
		media?.beginInput();
		const input = await readInput(name, source, (e) => this.#event(e), {
			textLog,
			inflationLimit: this.#options.inflationLimit,
			onDatagram: media
				? (time, src, srcPort, dst, dstPort, data) => media.datagram(time, src, srcPort, dst, dstPort, data)
				: undefined,
			progress: this.#options.progress,
		});
		this.stats.inputs.push(input);
		this.stats.packets += input.packets;
		this.stats.bytes += input.bytes;
		this.stats.sipMessages += input.sipMessages;
		this.stats.nonSipPackets += input.nonSipPackets;
		this.stats.malformed += Object.values(input.malformed).reduce((a, b) => a + b, 0);
		return input;
	}

	/** RTP streams no call took so far (streams without SDP, or of calls not in the input). */
	get unmatchedMedia(): MediaTracker | null {
		return this.#media;
	}

	/** Ends the analysis: every open call is finished. */
	finish(): { stats: AnalyzeStats; calls: CallSummary<F>[]; findings: F[] } {
		this.#tracker.flush();
		this.stats.ungrouped = this.#tracker.ungrouped;
		this.stats.duplicates = this.#tracker.duplicates;
		this.stats.droppedMessages = this.#tracker.droppedMessages;
		this.stats.evictedCalls = this.#tracker.evictedCalls;
		const media = this.#media;
		if (media && media.rtpPackets + media.rtcpPackets > 0) {
			const left = media.takeAll();
			this.stats.media = {
				rtpPackets: media.rtpPackets,
				rtcpPackets: media.rtcpPackets,
				// The first 100, largest first: a capture of unrelated RTP can hold thousands.
				unmatchedStreams: left
					.sort((a, b) => b.figures.packets - a.figures.packets)
					.slice(0, 100)
					.map((x) => ({
						ssrc: x.ssrc,
						src: `${x.src.ip}:${x.src.port}`,
						dst: `${x.dst.ip}:${x.dst.port}`,
						payloadType: x.payloadType,
						packets: x.figures.packets,
						lost: x.figures.lost,
					})),
				droppedStreams: media.droppedStreams,
			};
		}
		return { stats: this.stats, calls: this.calls, findings: this.#options.captureFindings?.() ?? [] };
	}
}

const isoTime = (t: number) => new Date(Math.round(t * 1000)).toISOString();

export type { InputStats } from "../capture/read-input.ts";

/**
 * Analyses inputs (captures or logs) and returns the stats and every call.
 *
 *   const { stats, calls } = await analyze([{ name: "a.pcap", source: file.stream() }]);
 */
export async function analyze<F = unknown>(
	inputs: { name: string; source: ChunkSource }[],
	options: AnalyzeOptions<F> = {},
): Promise<{ stats: AnalyzeStats; calls: CallSummary<F>[]; findings: F[] }> {
	const a = new Analyzer<F>({ severalInputs: inputs.length > 1, ...options });
	for (const i of inputs) await a.addInput(i.name, i.source);
	return a.finish();
}
