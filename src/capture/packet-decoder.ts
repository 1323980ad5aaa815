/**
 * From one captured frame to SIP messages: link layer, IP (with fragment reassembly and IP-in-IP
 * tunnels), UDP and TCP (with stream reassembly), HEP v3, and SIP recognised by content on any
 * port. Every packet lands in the stats as SIP, not SIP, or damaged.
 */
import { parseMessage, type SipMessage } from "../sip/parse-message.ts";
import { u16, u32 } from "./bytes.ts";
import type { CapturedMessage, HepInfo } from "./captured-message.ts";
import { decodeHep3, isHep3 } from "./hep.ts";
import { type IpHeader, parseIp, skipIpv6Extensions } from "./ip.ts";
import { type FragmentLimits, FragmentReassembler } from "./ip-fragments.ts";
import { decodeLink } from "./link-layer.ts";
import { isKeepAlive, looksLikeSip } from "./sip-detect.ts";
import type { CaptureStats, MalformedKind } from "./stats.ts";
import { StreamContent, type StreamLimits } from "./stream-content.ts";
import { type SegmentContext, type TcpLimits, TcpReassembler } from "./tcp-reassembly.ts";
import { type Timestamp, toSeconds } from "./timestamp.ts";

/** Limits and choices of the packet decoder. */
export interface DecoderOptions {
	fragments?: Partial<FragmentLimits>;
	tcp?: Partial<TcpLimits>;
	stream?: Partial<StreamLimits>;
	/**
	 * Hears every UDP datagram that is neither SIP, HEP nor a keep-alive (RTP and RTCP among them),
	 * with its capture time in seconds. `payload` is a view into the frame: read it during the call,
	 * copy what must outlive it. Returning true counts the packet as media.
	 */
	onDatagram?: (
		time: number,
		src: string,
		srcPort: number,
		dst: string,
		dstPort: number,
		payload: Uint8Array,
	) => boolean;
}

/** What happened to the current packet. */
const Outcome = { None: 0, Sip: 1, Damaged: 2, Fragment: 3 } as const;

const MAX_TUNNEL_DEPTH = 4;
/** Seconds of capture time between sweeps of expired fragments and idle connections. */
const SWEEP_INTERVAL = 5;

/** Turns frames into SIP messages. */
export class PacketDecoder {
	#stats: CaptureStats;
	#emit: (m: CapturedMessage) => void;
	#report: (kind: MalformedKind, detail: string, frame: number) => void;
	#fragments: FragmentReassembler;
	#tcp: TcpReassembler;
	#stream: Partial<StreamLimits>;
	#onDatagram: DecoderOptions["onDatagram"];
	#frame = 0;
	#ts: Timestamp = { sec: 0, nsec: 0 };
	#now = 0;
	#cut = false;
	#outcome: number = Outcome.None;
	#lastSweep = Number.NEGATIVE_INFINITY;

	/**
	 * `emit` receives every SIP message; `report` every damage (kind, detail, frame number).
	 */
	constructor(
		stats: CaptureStats,
		emit: (m: CapturedMessage) => void,
		report: (kind: MalformedKind, detail: string, frame: number) => void,
		options: DecoderOptions = {},
	) {
		this.#stats = stats;
		this.#emit = emit;
		this.#report = report;
		this.#stream = options.stream ?? {};
		this.#onDatagram = options.onDatagram;
		const damage = (kind: MalformedKind, detail: string, frame?: number) => this.#damage(kind, detail, frame);
		this.#fragments = new FragmentReassembler(stats, damage, options.fragments);
		this.#tcp = new TcpReassembler(
			stats,
			damage,
			(src, srcPort, dst, dstPort, fromStart) =>
				new StreamContent(
					fromStart,
					{
						message: (m, ctx, transport) => this.#message(m, src, srcPort, dst, dstPort, transport, ctx.frame, ctx.ts),
						hep: (packet, ctx) => this.#hep(packet, src, srcPort, dst, dstPort, ctx),
						damage: (kind, detail, frame) => this.#damage(kind, detail, frame),
					},
					this.#stream,
				),
			options.tcp,
		);
	}

	/** Decodes frame number `frame` of link type `linkType`, captured at `ts`. */
	frame(frame: number, linkType: number, data: Uint8Array, origLen: number, ts: Timestamp): void {
		const stats = this.#stats;
		stats.packets++;
		stats.capturedBytes += data.length;
		this.#frame = frame;
		this.#ts = ts;
		this.#now = toSeconds(ts);
		this.#outcome = Outcome.None;
		this.#cut = data.length < origLen;
		if (this.#cut) this.#damage("snaplenCut", `${data.length} of ${origLen} bytes captured`, frame, false);
		if (this.#now - this.#lastSweep > SWEEP_INTERVAL || this.#now < this.#lastSweep) {
			this.#fragments.expire(this.#now);
			this.#tcp.sweep(this.#now);
			this.#lastSweep = this.#now;
		}
		const link = decodeLink(linkType, data);
		switch (link.kind) {
			case "ip":
				this.#ip(data.subarray(link.offset), link.version, 0);
				break;
			case "bad":
				this.#damage("badLinkHeader", link.detail);
				break;
			case "unknown":
				this.#damage("unknownLinkType", `link type ${linkType}`);
				break;
		}
		if (this.#outcome === Outcome.Sip) stats.sipPackets++;
		else if (this.#outcome === Outcome.None) stats.nonSipPackets++;
	}

	/** End of input: streams end, waiting segments are delivered past their holes, fragments dropped. */
	finish(): void {
		this.#tcp.flush();
		this.#fragments.clear();
	}

	#damage(kind: MalformedKind, detail: string, frame = this.#frame, fatal = true): void {
		if (fatal && this.#outcome !== Outcome.Sip) this.#outcome = Outcome.Damaged;
		this.#report(kind, detail, frame);
	}

	#ip(b: Uint8Array, version: 0 | 4 | 6, depth: number): void {
		const h = parseIp(b, version);
		if ("error" in h) {
			this.#damage(h.error, h.detail);
			return;
		}
		if (h.payload.length < h.length && !this.#cut && !h.fragment)
			this.#damage(
				"truncatedIp",
				`IPv${h.version} datagram of ${h.length} payload bytes, ${h.payload.length} captured`,
				this.#frame,
				false,
			);
		let payload = h.payload;
		let length = h.length;
		let protocol = h.protocol;
		if (h.fragment) {
			this.#stats.ipFragments++;
			const f = h.fragment;
			const key = h.version === 4 ? `4 ${h.src} ${h.dst} ${protocol} ${f.id}` : `6 ${h.src} ${h.dst} ${f.id}`;
			const whole = this.#fragments.add(key, f.offset, f.more, payload, length, this.#now);
			if (!whole) {
				if (this.#outcome === Outcome.None) this.#outcome = Outcome.Fragment;
				return;
			}
			payload = whole;
			length = whole.length;
			if (h.version === 6) {
				// Extension headers may follow the fragment header (destination options).
				const ext = skipIpv6Extensions(whole, 0, protocol, whole.length);
				if ("error" in ext) {
					this.#damage(ext.error, ext.detail);
					return;
				}
				if (ext.fragment) {
					this.#damage("badFragment", "a fragment header inside a reassembled datagram");
					return;
				}
				protocol = ext.protocol;
				payload = whole.subarray(ext.offset);
				length = payload.length;
			}
		}
		switch (protocol) {
			case 17:
				this.#udp(h, payload, length);
				return;
			case 6:
				this.#tcpSegment(h.src, h.dst, payload, length);
				return;
			case 4: // IPv4 in IP
			case 41: // IPv6 in IP
				if (depth < MAX_TUNNEL_DEPTH) {
					this.#ip(payload, protocol === 4 ? 4 : 6, depth + 1);
					return;
				}
		}
	}

	#udp(ip: IpHeader, b: Uint8Array, length: number): void {
		if (b.length < 8) {
			if (!this.#cut) this.#damage("badUdp", `UDP header cut short (${b.length} bytes)`);
			else this.#outcome = Outcome.Damaged;
			return;
		}
		const srcPort = u16(b, 0);
		const dstPort = u16(b, 2);
		let ulen = u16(b, 4);
		if (ulen === 0 && length > 65535) ulen = length; // jumbogram
		if (ulen < 8) {
			this.#damage("badUdp", `UDP length ${ulen} (at least 8)`);
			return;
		}
		if (ulen > length) {
			this.#damage("badUdp", `UDP length ${ulen} past the ${length} bytes of the IP payload`, this.#frame, false);
			ulen = length;
		}
		const data = b.subarray(8, Math.min(ulen, b.length));
		if (isHep3(data)) {
			this.#hep(data, ip.src, srcPort, ip.dst, dstPort, { frame: this.#frame, ts: this.#ts });
			return;
		}
		if (looksLikeSip(data)) {
			this.#outcome = Outcome.Sip;
			this.#message(parseMessage(data), ip.src, srcPort, ip.dst, dstPort, "udp", this.#frame, this.#ts);
			return;
		}
		if (isKeepAlive(data)) {
			this.#stats.keepAlives++;
			this.#outcome = Outcome.Sip;
			return;
		}
		if (this.#onDatagram?.(this.#now, ip.src, srcPort, ip.dst, dstPort, data)) this.#stats.mediaPackets++;
	}

	#tcpSegment(src: string, dst: string, b: Uint8Array, length: number): void {
		if (b.length < 20) {
			if (!this.#cut) this.#damage("badTcp", `TCP header cut short (${b.length} bytes)`);
			else this.#outcome = Outcome.Damaged;
			return;
		}
		const offset = ((b[12] as number) >> 4) * 4;
		if (offset < 20 || offset > length) {
			this.#damage("badTcp", `TCP data offset ${offset}`);
			return;
		}
		if (offset > b.length) {
			this.#outcome = Outcome.Damaged;
			return;
		}
		const sink = this.#tcp.segment(
			{
				src,
				srcPort: u16(b, 0),
				dst,
				dstPort: u16(b, 2),
				seq: u32(b, 4),
				flags: b[13] as number,
				payload: b.subarray(offset),
				length: length - offset,
			},
			{ frame: this.#frame, ts: this.#ts },
			this.#now,
		);
		if (length > offset && sink?.carriesSip && this.#outcome !== Outcome.Damaged) this.#outcome = Outcome.Sip;
	}

	#hep(b: Uint8Array, src: string, srcPort: number, dst: string, dstPort: number, ctx: SegmentContext): void {
		const h = decodeHep3(b);
		if (typeof h === "string") {
			this.#damage("badHep", h, ctx.frame);
			return;
		}
		this.#stats.hepPackets++;
		if (!h.payload) {
			if (h.compressed) this.#damage("unsupported", "a compressed HEP payload", ctx.frame, false);
			return;
		}
		if (h.protocolType !== 1 && !looksLikeSip(h.payload)) return;
		if (ctx.frame === this.#frame) this.#outcome = Outcome.Sip;
		const hep: HepInfo = {
			transport:
				h.ipProtocol === 17
					? "udp"
					: h.ipProtocol === 6
						? "tcp"
						: h.ipProtocol === 132
							? "sctp"
							: `ip-proto-${h.ipProtocol}`,
			captureId: h.captureId,
			correlationId: h.correlationId,
			agent: { src, srcPort, dst, dstPort },
		};
		this.#message(parseMessage(h.payload), h.src, h.srcPort, h.dst, h.dstPort, "hep", ctx.frame, h.ts ?? ctx.ts, hep);
	}

	#message(
		message: SipMessage,
		src: string,
		srcPort: number,
		dst: string,
		dstPort: number,
		transport: CapturedMessage["transport"],
		frame: number,
		ts: Timestamp,
		hep?: HepInfo,
	): void {
		this.#stats.sipMessages++;
		const m: CapturedMessage = { frame, time: toSeconds(ts), ts, src, srcPort, dst, dstPort, transport, message };
		if (hep) m.hep = hep;
		this.#emit(m);
	}
}
