/**
 * Media beside the signalling: SDP offers and answers are announced to the media tracker as they
 * pass (so a stream is tied to its call when its first packet arrives), and a finished call's
 * streams get their direction (caller→callee or callee→caller) from which side's SDP named the
 * address they went to, or came from (symmetric RTP, RFC 4961), and the address that SDP gave.
 */

import type { SipEvent } from "../capture/sip-event.ts";
import type { MediaStream, MediaTracker, RtcpFigures, TimelineView } from "../media/index.ts";
import type { SipMessage } from "../sip/parse-message.ts";
import { mediaAddress, parseSdp, type Sdp } from "../sip/sdp.ts";
import type { Call } from "./call-tracker.ts";

/** One RTP stream of a call, as `analyze --json` shows it (times ISO 8601, durations ms). */
export interface CallMediaStream {
	ssrc: number;
	src: string;
	dst: string;
	direction: "caller→callee" | "callee→caller" | "unknown";
	payloadType: number;
	codec: string | null;
	packets: number;
	expected: number;
	lost: number;
	lostPercent: number;
	sequenceErrors: number;
	maxDeltaMs: number;
	maxJitterMs: number;
	meanJitterMs: number;
	start: string;
	end: string;
	srtp: boolean;
	dtmf: { digit: string; time: string }[];
	rtcp?: RtcpFigures;
	/** Packets, lost and highest jitter per bucket of `stepSeconds` (for sparklines). */
	timeline: TimelineView;
	/** The address:port the receiving side's SDP announced, and whether the stream went there. */
	sdp: { addr: string | null; port: number | null; matched: boolean };
}

/** The SDP of a message when its body is one (multipart bodies are left to call-view). */
export function messageSdp(m: SipMessage): Sdp | null {
	const body = m.body;
	if (!body) return null;
	const ct = (m.value("content-type") ?? "").toLowerCase();
	if (ct.startsWith("application/sdp") || (!ct && body.startsWith("v=0"))) return parseSdp(body);
	return null;
}

/** Announces the media addresses of an SDP the event carries. */
export function announceSdp(tracker: MediaTracker, e: SipEvent): void {
	const callId = e.message.callId;
	if (!callId || !e.message.body) return;
	const sdp = messageSdp(e.message);
	if (!sdp) return;
	for (const m of sdp.media) {
		const addr = mediaAddress(sdp, m);
		if (!addr || m.port === 0) continue;
		tracker.announce(addr, m.port, {
			callId,
			codecs: m.codecs.map((c) => ({ payloadType: c.payloadType, name: c.name, clockRate: c.clockRate })),
			srtp: /SAVP/i.test(m.protocol),
			time: e.time ?? 0,
		});
	}
}

type Side = "caller" | "callee";

/** The caller's and callee's announced media endpoints ("ip port"), in the order announced. */
function announcedBySide(call: Call): Record<Side, { addr: string; port: number }[]> {
	const out: Record<Side, { addr: string; port: number }[]> = { caller: [], callee: [] };
	const first = call.messages.find((t) => t.event.message.kind === "request")?.event.message;
	const callerTag = first?.from?.tag ?? null;
	for (const t of call.messages) {
		const m = t.event.message;
		if (!m.body) continue;
		const sdp = messageSdp(m);
		if (!sdp) continue;
		const fromCaller = (m.from?.tag ?? null) === callerTag;
		const side: Side = m.kind === "request" ? (fromCaller ? "caller" : "callee") : fromCaller ? "callee" : "caller";
		for (const media of sdp.media) {
			const addr = mediaAddress(sdp, media);
			if (addr && media.port !== 0) out[side].push({ addr, port: media.port });
		}
	}
	return out;
}

const at = (list: { addr: string; port: number }[], ip: string, port: number) =>
	list.some((e) => e.addr === ip && e.port === port);

/** The call's streams with direction and SDP match, in start order. */
export function callMedia(call: Call, streams: MediaStream[], iso: (t: number) => string): CallMediaStream[] {
	if (!streams.length) return [];
	const sides = announcedBySide(call);
	return streams
		.sort((a, b) => a.start - b.start)
		.map((s) => {
			let direction: CallMediaStream["direction"] = "unknown";
			if (at(sides.callee, s.dst.ip, s.dst.port)) direction = "caller→callee";
			else if (at(sides.caller, s.dst.ip, s.dst.port)) direction = "callee→caller";
			else if (at(sides.callee, s.src.ip, s.src.port)) direction = "callee→caller";
			else if (at(sides.caller, s.src.ip, s.src.port)) direction = "caller→callee";
			const receiver = direction === "caller→callee" ? sides.callee : direction === "callee→caller" ? sides.caller : [];
			const announced = receiver[receiver.length - 1];
			const f = s.figures;
			const out: CallMediaStream = {
				ssrc: s.ssrc,
				src: endpoint(s.src.ip, s.src.port),
				dst: endpoint(s.dst.ip, s.dst.port),
				direction,
				payloadType: s.payloadType,
				codec: s.codec,
				packets: f.packets,
				expected: f.expected,
				lost: f.lost,
				lostPercent: round3(f.lostPercent),
				sequenceErrors: f.sequenceErrors,
				maxDeltaMs: round3(f.maxDeltaMs),
				maxJitterMs: round3(f.maxJitterMs),
				meanJitterMs: round3(f.meanJitterMs),
				start: iso(s.start),
				end: iso(s.end),
				srtp: s.srtp,
				dtmf: s.dtmf.map((d) => ({ digit: d.digit, time: iso(d.time) })),
				timeline: s.timeline,
				sdp: {
					addr: announced?.addr ?? null,
					port: announced?.port ?? null,
					matched: at(receiver, s.dst.ip, s.dst.port),
				},
			};
			if (s.rtcp) out.rtcp = s.rtcp;
			return out;
		});
}

const endpoint = (ip: string, port: number) => (ip.includes(":") ? `[${ip}]:${port}` : `${ip}:${port}`);
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A short media label for call lists: "↔ PCMA 0.4% loss", "→ one-way", "✕ no RTP"; "" when the
 * call has no media list (a log, or a capture without RTP). The loss is the worst direction's.
 */
export function mediaLabel(media: CallMediaStream[] | undefined): string {
	if (!media) return "";
	const audio = media.filter((s) => !/^telephone-event$/i.test(s.codec ?? ""));
	if (!audio.length) return "✕ no RTP";
	const forward = audio.some((s) => s.direction === "caller→callee");
	const back = audio.some((s) => s.direction === "callee→caller");
	const codec = audio[0]?.codec ?? `PT ${audio[0]?.payloadType}`;
	const loss = Math.max(...audio.map((s) => s.lostPercent));
	const lossText = loss > 0 ? ` ${loss < 10 ? loss.toFixed(1) : Math.round(loss)}% loss` : "";
	if (forward && back) return `↔ ${codec}${lossText}`;
	if (forward) return `→ one-way ${codec}${lossText}`;
	if (back) return `← one-way ${codec}${lossText}`;
	return `? ${codec}${lossText}`;
}
