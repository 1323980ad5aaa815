/**
 * Findings from the RTP streams of an answered call (the SDP-level checks live in media.ts):
 * no media either way, media one way only, RTP that missed the announced address or comes from
 * another address than a private one announced (NAT), loss and jitter above thresholds, payload
 * types the answer did not list, media stopping mid-call, and RTP still flowing after the BYE.
 * Hold is normal: missing media is judged only over the time the SDP direction in force was
 * sendrecv (each offer/answer exchange sets it from its answer on; a sendonly, recvonly or
 * inactive side, or port 0, holds), and a silence that overlaps a hold is no gap.
 */
import type { CallMediaStream } from "../../flow/call-media.ts";
import { mediaAddress, type Sdp } from "../../sip/sdp.ts";
import type { CallView, Msg } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";
import { isPrivateAddress } from "./media.ts";

/** Seconds of answered call after which missing media is a fault, not a short call. */
export const MIN_TALK_SECONDS = 2;
/** Lost packets, percent of expected, from which a direction is reported (warning), and error. */
export const LOSS_WARNING_PERCENT = 1;
export const LOSS_ERROR_PERCENT = 5;
/** Jitter (RFC 3550 estimate) from which a direction is reported: maximum or mean, ms. */
export const JITTER_MAX_MS = 30;
export const JITTER_MEAN_MS = 15;
/** Packets a direction needs to count as flowing (a few stray packets are not a stream). */
const FLOWING_PACKETS = 10;
/** Seconds without packets inside a stream that count as media stopping mid-call. */
export const GAP_SECONDS = 3;
/** Grace after the BYE for packets already on their way, seconds. */
const AFTER_BYE_GRACE = 1;

const seconds = (iso: string) => Date.parse(iso) / 1000;
const round1 = (n: number) => Math.round(n * 10) / 10;

function audioOf(sdp: Sdp | null) {
	return sdp?.media.find((m) => m.type === "audio") ?? null;
}

/** The rule: `media` is the call's streams (undefined when the input carried no packets). */
export function rtpMediaRule(view: CallView, media: CallMediaStream[] | undefined): RawFinding[] {
	if (!media) return [];
	const invite = view.requests("INVITE")[0];
	if (!invite) return [];
	const ok = view.finalTo(invite);
	if (!ok || (ok.m.status ?? 0) >= 300 || ok.time === null) return [];
	const out: RawFinding[] = [];
	const offer = audioOf(view.sdp(invite));
	const answerSdp = view.sdp(ok);
	const answer = audioOf(answerSdp);
	const bye = view.requests("BYE")[0] as Msg | undefined;
	const last = view.msgs[view.msgs.length - 1] as Msg;
	const end = bye?.time ?? last.time ?? ok.time;
	const talk = end - ok.time;
	const held = heldSpans(view, end);
	const heldSeconds = held.reduce(
		(sum, h) => sum + Math.max(0, Math.min(h.to, end) - Math.max(h.from, ok.time as number)),
		0,
	);
	const activeTalk = talk - heldSeconds;
	const audio = media.filter((s) => !/^telephone-event$/i.test(s.codec ?? ""));
	const evidence = [invite.i, ok.i];

	if (offer && answer && activeTalk >= MIN_TALK_SECONDS) {
		const flowing = new Set(audio.filter((s) => packetsOutside(s, held) >= FLOWING_PACKETS).map((s) => s.direction));
		if (audio.length === 0)
			out.push({
				rule: "media-none",
				severity: "error",
				evidence,
				params: { seconds: round1(talk), offer: endpointOf(view.sdp(invite)), answer: endpointOf(answerSdp) },
			});
		else if (flowing.has("caller→callee") !== flowing.has("callee→caller")) {
			const missing = flowing.has("caller→callee") ? "callee→caller" : "caller→callee";
			out.push({
				rule: "media-one-way",
				severity: "error",
				evidence,
				params: {
					flowing: missing === "callee→caller" ? "caller→callee" : "callee→caller",
					missing,
					to: missing === "callee→caller" ? endpointOf(view.sdp(invite)) : endpointOf(answerSdp),
				},
			});
		}
	}

	for (const direction of ["caller→callee", "callee→caller"] as const) {
		const streams = audio.filter((s) => s.direction === direction && s.expected >= 50);
		const worstLoss = streams.reduce<CallMediaStream | null>(
			(w, s) => (!w || s.lostPercent > w.lostPercent ? s : w),
			null,
		);
		if (worstLoss && worstLoss.lostPercent >= LOSS_WARNING_PERCENT)
			out.push({
				rule: "media-loss",
				severity: worstLoss.lostPercent >= LOSS_ERROR_PERCENT ? "error" : "warning",
				evidence: [],
				params: {
					direction,
					src: worstLoss.src,
					dst: worstLoss.dst,
					lost: worstLoss.lost,
					expected: worstLoss.expected,
					percent: round1(worstLoss.lostPercent),
				},
			});
		const worstJitter = streams.reduce<CallMediaStream | null>(
			(w, s) => (!w || s.maxJitterMs > w.maxJitterMs ? s : w),
			null,
		);
		if (worstJitter && (worstJitter.maxJitterMs >= JITTER_MAX_MS || worstJitter.meanJitterMs >= JITTER_MEAN_MS))
			out.push({
				rule: "media-jitter",
				severity: "warning",
				evidence: [],
				params: {
					direction,
					src: worstJitter.src,
					dst: worstJitter.dst,
					max: round1(worstJitter.maxJitterMs),
					mean: round1(worstJitter.meanJitterMs),
				},
			});
	}

	if (answer) {
		const allowed = answer.formats.map(Number).filter((n) => Number.isInteger(n));
		const offending = audio.find((s) => !allowed.includes(s.payloadType) && s.packets >= 2);
		if (offending)
			out.push({
				rule: "media-payload",
				severity: "warning",
				evidence: [ok.i],
				params: {
					pt: offending.payloadType,
					codec: offending.codec ?? "?",
					allowed: allowed.join(" "),
					src: offending.src,
					dst: offending.dst,
				},
			});
	}

	if (activeTalk > 0) {
		for (const direction of ["caller→callee", "callee→caller"] as const) {
			const streams = audio.filter((x) => x.direction === direction && x.packets >= FLOWING_PACKETS);
			if (!streams.length) continue;
			// RTP for this direction never went where the receiver's SDP said.
			const announced = streams.find((x) => x.sdp.addr !== null);
			if (announced && streams.every((x) => !x.sdp.matched)) {
				out.push({
					rule: "media-address",
					severity: "warning",
					evidence,
					params: {
						kind: "destination",
						direction,
						sdp: `${announced.sdp.addr}:${announced.sdp.port}`,
						actual: announced.dst,
					},
				});
				continue;
			}
			// The sender announced a private address but its RTP comes from another one (NAT).
			const senderSdp = direction === "caller→callee" ? view.sdp(invite) : answerSdp;
			const senderAudio = audioOf(senderSdp);
			const senderAddr = senderSdp && senderAudio ? mediaAddress(senderSdp, senderAudio) : null;
			if (senderAddr && isPrivateAddress(senderAddr)) {
				const from = streams[0] as CallMediaStream;
				if (!from.src.startsWith(`${senderAddr}:`) && !from.src.startsWith(`[${senderAddr}]:`))
					out.push({
						rule: "media-address",
						severity: "warning",
						evidence,
						params: { kind: "private", direction, sdp: `${senderAddr}:${senderAudio?.port}`, actual: from.src },
					});
			}
		}
		// A stream that stops for seconds in the middle of the call, while nothing put it on hold.
		for (const x of audio) {
			const gap = longestGap(x, held);
			if (gap >= GAP_SECONDS) {
				out.push({
					rule: "media-gap",
					severity: "warning",
					evidence: [],
					params: { direction: x.direction, src: x.src, dst: x.dst, seconds: gap },
				});
				break;
			}
		}
	}

	if (bye?.time != null) {
		const late = media.find((s) => seconds(s.end) > (bye.time as number) + AFTER_BYE_GRACE);
		if (late)
			out.push({
				rule: "media-after-bye",
				severity: "warning",
				evidence: [bye.i],
				params: { src: late.src, dst: late.dst, seconds: round1(seconds(late.end) - (bye.time as number)) },
			});
	}
	return out;
}

/** A span of capture time (seconds) during which the audio was on hold. */
interface Span {
	from: number;
	to: number;
}

const holds = (a: ReturnType<typeof audioOf>) => a !== null && (a.port === 0 || a.direction !== "sendrecv");

/**
 * The spans the call's audio was held: each INVITE or UPDATE answered with a 2xx sets the
 * direction in force from the answer's time until the next answered exchange (or the call's end);
 * it holds when either the offer or the answer is not sendrecv (RFC 3264 §6.1, §8.4).
 */
function heldSpans(view: CallView, end: number): Span[] {
	const changes: { time: number; held: boolean }[] = [];
	for (const req of [...view.requests("INVITE"), ...view.requests("UPDATE")]) {
		const answer = view.finalTo(req);
		if (!answer || answer.time === null || (answer.m.status ?? 0) >= 300) continue;
		const offer = audioOf(view.sdp(req));
		const reply = audioOf(view.sdp(answer));
		if (!offer && !reply) continue;
		changes.push({ time: answer.time, held: holds(offer) || holds(reply) });
	}
	changes.sort((a, b) => a.time - b.time);
	const spans: Span[] = [];
	changes.forEach((c, k) => {
		if (c.held) spans.push({ from: c.time, to: changes[k + 1]?.time ?? end });
	});
	return spans;
}

/** The capture time span of bucket `k` of a stream's timeline. */
function bucket(s: CallMediaStream, k: number): Span {
	const from = seconds(s.start) + k * s.timeline.stepSeconds;
	return { from, to: from + s.timeline.stepSeconds };
}

const inside = (b: Span, spans: Span[]) => spans.some((h) => b.from >= h.from && b.to <= h.to);
const overlaps = (b: Span, spans: Span[]) => spans.some((h) => b.from < h.to && b.to > h.from);

/** Packets of a stream sent while the call was not held (buckets wholly inside a hold left out). */
function packetsOutside(s: CallMediaStream, held: Span[]): number {
	if (!held.length) return s.packets;
	return s.timeline.packets.reduce((sum, p, k) => sum + (inside(bucket(s, k), held) ? 0 : p), 0);
}

/** Seconds of the longest run of empty buckets between two with packets, runs touching a hold left out. */
function longestGap(s: CallMediaStream, held: Span[]): number {
	const t = s.timeline;
	let best = 0;
	let run = 0;
	let first = -1;
	let seen = false;
	t.packets.forEach((p, k) => {
		if (p > 0) {
			const silence = { from: bucket(s, first).from, to: bucket(s, k).from };
			if (seen && run > 0 && !overlaps(silence, held)) best = Math.max(best, run);
			seen = true;
			run = 0;
		} else if (seen) {
			if (run === 0) first = k;
			run++;
		}
	});
	return best * t.stepSeconds;
}

function endpointOf(sdp: Sdp | null): string {
	const a = audioOf(sdp);
	const addr = sdp && a ? mediaAddress(sdp, a) : null;
	return addr && a ? `${addr}:${a.port}` : "?";
}
