/**
 * Every RTP and RTCP stream of a capture, kept as counters (RtpStreamStats, DTMF digits, the last
 * RTCP figures), never as packet lists, with a cap on the streams tracked at once. A stream is one
 * SSRC from one address:port to another, as in Wireshark. SDP seen in the signalling is announced
 * here first (`announce`), which gives dynamic payload types their names and clocks, marks SRTP
 * (RTP/SAVP, counted without decryption) and ties each new stream to the call whose SDP named
 * one of its ends; streams no SDP named are still analysed when their header looks like RTP.
 */
import { jitterClockRate, staticPayloadName } from "./codecs.ts";
import { parseRtcp, type ReportBlock, type VoipMetrics } from "./rtcp.ts";
import { mediaPacketKind, parseRtpHeader } from "./rtp-packet.ts";
import { RtpStreamStats, type StreamFigures } from "./stream-stats.ts";
import { DtmfCollector, type DtmfDigit } from "./telephone-event.ts";
import { Timeline, type TimelineView } from "./timeline.ts";

/** A codec an SDP media section listed. */
export interface AnnouncedCodec {
	payloadType: number;
	name: string;
	clockRate: number | null;
}

/** One address:port an SDP announced for receiving media. */
export interface Announcement {
	callId: string;
	codecs: AnnouncedCodec[];
	srtp: boolean;
	/** Capture time of the message that carried it (s). */
	time: number;
}

/** What RTCP said about a stream (the last report, and how many there were). */
export interface RtcpFigures {
	reports: number;
	/** Fraction lost in the last receiver report about this SSRC, percent. */
	fractionLostPercent: number;
	cumulativeLost: number;
	/** Interarrival jitter of the last report, ms (on the stream's clock). */
	jitterMs: number | null;
	/** Round-trip time from LSR/DLSR (RFC 3550 §6.4.1), measured at the capture point, ms. */
	roundTripMs: number | null;
	/** Sender reports the stream's source sent. */
	senderReports: number;
	cname?: string;
	bye: boolean;
	/** RFC 3611 §4.7 VoIP metrics of the last XR block about this SSRC. */
	xr?: VoipMetrics;
}

/** A finished view of one stream. */
export interface MediaStream {
	ssrc: number;
	src: { ip: string; port: number };
	dst: { ip: string; port: number };
	/** Payload type of the first packet (the most common one is usually the same). */
	payloadType: number;
	codec: string | null;
	/** Other payload types seen after the first (e.g. telephone-event, comfort noise). */
	otherPayloadTypes: number[];
	/** Capture time of the first and last packet (s). */
	start: number;
	end: number;
	figures: StreamFigures;
	/** Packets, lost and jitter over time, in at most 120 buckets. */
	timeline: TimelineView;
	srtp: boolean;
	dtmf: DtmfDigit[];
	rtcp?: RtcpFigures;
	/** Call whose SDP named one end of the stream, if any. */
	callId: string | null;
}

/** Limits of the media tracker. */
export interface MediaTrackerOptions {
	/** Streams tracked at once (default 20000); more are counted in `droppedStreams`. */
	maxStreams: number;
	/** Announced address:port pairs remembered (default 50000, oldest forgotten first). */
	maxAnnouncements: number;
}

interface StreamState {
	ssrc: number;
	srcIp: string;
	srcPort: number;
	dstIp: string;
	dstPort: number;
	payloadType: number;
	others: number[];
	start: number;
	end: number;
	stats: RtpStreamStats;
	timeline: Timeline;
	dtmf: DtmfCollector | null;
	srtp: boolean;
	/** Codec table of the announcement that named this stream (for names and clocks). */
	codecs: AnnouncedCodec[] | null;
	rtcp: RtcpFigures | null;
	callId: string | null;
}

const OWNERS_PER_ENDPOINT = 64;

/** Tracks media streams; feed every non-SIP UDP datagram to `datagram`. */
export class MediaTracker {
	#streams = new Map<string, StreamState>();
	#bySsrc = new Map<number, StreamState>();
	#announced = new Map<string, Announcement>();
	/** Calls whose SDP announced an endpoint, oldest first (bounded). */
	#owners = new Map<string, string[]>();
	/** Per call: the endpoints it announced and the keys of its streams, so a finished call is forgotten fast. */
	#calls = new Map<string, { endpoints: string[]; streams: string[] }>();
	/** Last SR per sender SSRC: NTP middle bits and capture time, for round-trip times. */
	#lastSr = new Map<number, { ntpMiddle: number; time: number }>();
	#options: MediaTrackerOptions;
	/** Input number: the same stream seen in two captures (two capture points) stays two streams. */
	#input = 0;
	/** Capture time the milliseconds are counted from (the first datagram seen). */
	#base: number | null = null;
	/** RTP packets and RTCP compounds recognised. */
	rtpPackets = 0;
	rtcpPackets = 0;
	/** Streams not tracked because `maxStreams` were open. */
	droppedStreams = 0;

	constructor(options: Partial<MediaTrackerOptions> = {}) {
		this.#options = { maxStreams: 20000, maxAnnouncements: 50000, ...options };
	}

	/** A new input begins: streams from now on are kept apart from those of earlier inputs. */
	beginInput(): void {
		this.#input++;
	}

	/** Streams tracked now. */
	get size(): number {
		return this.#streams.size;
	}

	/** An SDP of call `callId` said media for it goes to `ip:port`. */
	announce(ip: string, port: number, a: Announcement): void {
		const key = `${ip} ${port}`;
		this.#announced.delete(key);
		this.#announced.set(key, a);
		if (this.#announced.size > this.#options.maxAnnouncements) {
			const oldest = this.#announced.keys().next().value as string;
			this.#announced.delete(oldest);
			this.#owners.delete(oldest);
		}
		const owners = this.#owners.get(key) ?? [];
		if (!owners.includes(a.callId)) {
			owners.push(a.callId);
			if (owners.length > OWNERS_PER_ENDPOINT) owners.shift();
		}
		this.#owners.set(key, owners);
		const c = this.#callEntry(a.callId);
		if (!c.endpoints.includes(key) && c.endpoints.length < 64) c.endpoints.push(key);
	}

	#callEntry(callId: string): { endpoints: string[]; streams: string[] } {
		let c = this.#calls.get(callId);
		if (!c) {
			c = { endpoints: [], streams: [] };
			this.#calls.set(callId, c);
		}
		return c;
	}

	/**
	 * One UDP datagram that is not SIP; `data` is only read during the call. Returns whether it
	 * was RTP or RTCP.
	 */
	datagram(time: number, srcIp: string, srcPort: number, dstIp: string, dstPort: number, data: Uint8Array): boolean {
		const kind = mediaPacketKind(data);
		if (!kind) return false;
		if (this.#base === null) this.#base = time;
		if (kind === "rtcp") {
			this.#rtcp(time, data);
			return true;
		}
		const h = parseRtpHeader(data);
		if (!h) return false;
		this.rtpPackets++;
		const key = `${this.#input} ${srcIp} ${srcPort} ${dstIp} ${dstPort} ${h.ssrc}`;
		let s = this.#streams.get(key);
		if (!s) {
			if (this.#streams.size >= this.#options.maxStreams) {
				this.droppedStreams++;
				return true;
			}
			s = this.#open(key, srcIp, srcPort, dstIp, dstPort, h.ssrc, h.payloadType, time);
		}
		s.end = time;
		if (h.payloadType !== s.payloadType && !s.others.includes(h.payloadType) && s.others.length < 8)
			s.others.push(h.payloadType);
		const codec = s.codecs?.find((c) => c.payloadType === h.payloadType);
		const name = codec?.name ?? null;
		const clock = jitterClockRate(h.payloadType, name, codec?.clockRate ?? null);
		s.stats.add((time - this.#base) * 1000, h.sequence, h.timestamp, h.payloadType, h.marker, clock);
		s.timeline.add(time, s.stats.expected, s.stats.jitterMs);
		if (name && /^telephone-event$/i.test(name)) {
			s.dtmf ??= new DtmfCollector();
			s.dtmf.add(h.timestamp, time, data, h.payloadOffset, h.payloadLength);
		}
		return true;
	}

	#open(
		key: string,
		srcIp: string,
		srcPort: number,
		dstIp: string,
		dstPort: number,
		ssrc: number,
		payloadType: number,
		time: number,
	): StreamState {
		const toDst = this.#announced.get(`${dstIp} ${dstPort}`);
		const fromSrc = this.#announced.get(`${srcIp} ${srcPort}`);
		// The receiver's SDP says what the payload types mean; the sender's is a fallback.
		const announcement = toDst ?? fromSrc ?? null;
		const s: StreamState = {
			ssrc,
			srcIp,
			srcPort,
			dstIp,
			dstPort,
			payloadType,
			others: [],
			start: time,
			end: time,
			stats: new RtpStreamStats(),
			timeline: new Timeline(),
			dtmf: null,
			srtp: announcement?.srtp ?? false,
			codecs: announcement?.codecs ?? null,
			rtcp: null,
			callId: this.#owner(`${dstIp} ${dstPort}`, `${srcIp} ${srcPort}`),
		};
		this.#streams.set(key, s);
		this.#bySsrc.set(ssrc, s);
		if (s.callId) this.#callEntry(s.callId).streams.push(key);
		return s;
	}

	/**
	 * The call a new stream belongs to: one whose SDP named both ends; else the end fewer calls
	 * named (a UAS answering every call from one port names it in all of them), latest call first.
	 */
	#owner(dst: string, src: string): string | null {
		const d = this.#owners.get(dst) ?? [];
		const s = this.#owners.get(src) ?? [];
		for (let i = d.length - 1; i >= 0; i--) if (s.includes(d[i] as string)) return d[i] as string;
		if (!d.length && !s.length) return null;
		const pick = !s.length || (d.length && d.length <= s.length) ? d : s;
		return pick[pick.length - 1] ?? null;
	}

	#rtcp(time: number, data: Uint8Array): void {
		this.rtcpPackets++;
		const c = parseRtcp(data);
		if (c.sender !== null) {
			if (c.sr) this.#lastSr.set(c.sender, { ntpMiddle: c.sr.ntpMiddle, time });
			if (this.#lastSr.size > this.#options.maxStreams) this.#lastSr.delete(this.#lastSr.keys().next().value as number);
			const own = this.#bySsrc.get(c.sender);
			if (own) {
				const r = rtcpOf(own);
				if (c.sr) r.senderReports++;
				if (c.cname) r.cname = c.cname;
				if (c.bye) r.bye = true;
			}
		}
		for (const block of c.reports) this.#report(time, block);
		for (const x of c.xr) {
			const s = this.#bySsrc.get(x.ssrc);
			if (s) rtcpOf(s).xr = x;
		}
	}

	#report(time: number, b: ReportBlock): void {
		const s = this.#bySsrc.get(b.ssrc);
		if (!s) return;
		const r = rtcpOf(s);
		r.reports++;
		r.fractionLostPercent = b.fractionLost * 100;
		r.cumulativeLost = b.cumulativeLost;
		const codec = s.codecs?.find((c) => c.payloadType === s.payloadType);
		const clock = jitterClockRate(s.payloadType, codec?.name ?? null, codec?.clockRate ?? null);
		r.jitterMs = clock ? (b.jitter * 1000) / clock : null;
		// The SR this report answers was sent by the stream's receiver side; seen here at sr.time.
		if (b.lastSr) {
			for (const [, sr] of this.#lastSr)
				if (sr.ntpMiddle === b.lastSr) {
					r.roundTripMs = Math.max(0, (time - sr.time) * 1000 - (b.delaySinceLastSr / 65536) * 1000);
					break;
				}
		}
	}

	/**
	 * Streams tied to call `callId`, removed from the tracker with what the call announced, so
	 * memory follows the open calls.
	 */
	takeCall(callId: string): MediaStream[] {
		const c = this.#calls.get(callId);
		if (!c) return [];
		this.#calls.delete(callId);
		const out: MediaStream[] = [];
		for (const key of c.streams) {
			const s = this.#streams.get(key);
			if (s && s.callId === callId) {
				out.push(view(s));
				this.#forget(key, s);
			}
		}
		for (const endpoint of c.endpoints) {
			if (this.#announced.get(endpoint)?.callId === callId) this.#announced.delete(endpoint);
			const owners = this.#owners.get(endpoint);
			if (owners) {
				const rest = owners.filter((o) => o !== callId);
				if (rest.length) this.#owners.set(endpoint, rest);
				else this.#owners.delete(endpoint);
			}
		}
		return out;
	}

	/** Every stream still tracked (those no call took), removed from the tracker. */
	takeAll(): MediaStream[] {
		const out = [...this.#streams.values()].map(view);
		this.#streams.clear();
		this.#bySsrc.clear();
		this.#calls.clear();
		return out;
	}

	/** Every stream still tracked, left in place. */
	streams(): MediaStream[] {
		return [...this.#streams.values()].map(view);
	}

	#forget(key: string, s: StreamState): void {
		this.#streams.delete(key);
		if (this.#bySsrc.get(s.ssrc) === s) this.#bySsrc.delete(s.ssrc);
	}
}

function rtcpOf(s: StreamState): RtcpFigures {
	if (s.rtcp) return s.rtcp;
	s.rtcp = {
		reports: 0,
		fractionLostPercent: 0,
		cumulativeLost: 0,
		jitterMs: null,
		roundTripMs: null,
		senderReports: 0,
		bye: false,
	};
	return s.rtcp;
}

function view(s: StreamState): MediaStream {
	const codec = s.codecs?.find((c) => c.payloadType === s.payloadType)?.name ?? staticPayloadName(s.payloadType);
	const m: MediaStream = {
		ssrc: s.ssrc,
		src: { ip: s.srcIp, port: s.srcPort },
		dst: { ip: s.dstIp, port: s.dstPort },
		payloadType: s.payloadType,
		codec,
		otherPayloadTypes: s.others,
		start: s.start,
		end: s.end,
		figures: s.stats.figures(),
		timeline: s.timeline.view(),
		srtp: s.srtp,
		dtmf: s.dtmf?.digits ?? [],
		callId: s.callId,
	};
	if (s.rtcp) m.rtcp = s.rtcp;
	return m;
}
