/**
 * From one captured frame to SIP messages: link layer, IP (with fragment reassembly), tunnels
 * (IP-in-IP, GRE, ERSPAN, PPP in GRE, EtherIP, VXLAN, GTP-U; nested up to 8 deep), UDP, TCP (with
 * stream reassembly) and SCTP (with message reassembly), HEP v3 (compressed payloads inflated),
 * and SIP recognised by content on any port. Every packet lands in the stats as SIP, not SIP, or
 * damaged; one in an encapsulation that is not decoded is counted by kind.
 */
import { parseMessage, type SipMessage } from "../sip/parse-message.ts";
import { u16, u32 } from "./bytes.ts";
import type { CapturedMessage, HepInfo } from "./captured-message.ts";
import { ERSPAN, parseErspan } from "./erspan.ts";
import { parseGre, parsePpp } from "./gre.ts";
import { GTP_U_PORT, parseGtpU } from "./gtp-u.ts";
import { decodeHep3, isHep3 } from "./hep.ts";
import { type IpHeader, parseIp, skipIpv6Extensions } from "./ip.ts";
import { type FragmentLimits, FragmentReassembler } from "./ip-fragments.ts";
import { decodeLink, fromEtherType, fromMpls, type LinkResult, pppProtocol } from "./link-layer.ts";
import { OVERLAY_PORTS, type OverlayResult, parseGeneve, parseNsh, parseVxlan, parseVxlanGpe } from "./overlay.ts";
import { parseSctp, type SctpLimits, SctpReassembler } from "./sctp.ts";
import { isKeepAlive, looksLikeSip } from "./sip-detect.ts";
import { type CaptureStats, countSkippedEncapsulation, type MalformedKind } from "./stats.ts";
import { StreamContent, type StreamLimits } from "./stream-content.ts";
import { type SegmentContext, type TcpLimits, TcpReassembler } from "./tcp-reassembly.ts";
import { type Timestamp, toSeconds } from "./timestamp.ts";

/** Limits and choices of the packet decoder. */
export interface DecoderOptions {
	fragments?: Partial<FragmentLimits>;
	tcp?: Partial<TcpLimits>;
	stream?: Partial<StreamLimits>;
	sctp?: Partial<SctpLimits>;
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

/** Tunnels inside tunnels followed at most; deeper is hostile or a loop, and counted as damage. */
export const MAX_TUNNEL_DEPTH = 8;

/** IP protocols that never carry SIP: skipped without a word. Any other that is not decoded is counted. */
const NOT_SIP_CARRIERS = new Set([
	1, // ICMP
	2, // IGMP
	46, // RSVP
	58, // ICMPv6
	59, // no next header
	88, // EIGRP
	89, // OSPF
	103, // PIM
	112, // VRRP / CARP
]);

/** Names of IP protocols worth saying when they are skipped. */
const PROTOCOL_NAMES: Record<number, string> = {
	33: "DCCP",
	50: "ESP",
	51: "AH",
	94: "IPIP",
	115: "L2TP",
	136: "UDP-Lite",
	137: "MPLS in IP",
};

/** GRE protocol types that name an EtherType decoded by the link layer. */
const GRE_ETHERTYPES = new Set([0x0800, 0x86dd, 0x8100, 0x88a8, 0x9100, 0x8847, 0x8848, 0x8864]);
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
	#sctp: SctpReassembler;
	#onDatagram: DecoderOptions["onDatagram"];
	#frame = 0;
	#ts: Timestamp = { sec: 0, nsec: 0 };
	#now = 0;
	#cut = false;
	#outcome: number = Outcome.None;
	#tunneled = false;
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
		this.#sctp = new SctpReassembler((detail) => this.#damage("sctpFragments", detail), {
			maxMessageBytes: options.stream?.maxMessageBytes,
			...options.sctp,
		});
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
		this.#tunneled = false;
		this.#cut = data.length < origLen;
		if (this.#cut) this.#damage("snaplenCut", `${data.length} of ${origLen} bytes captured`, frame, false);
		if (this.#now - this.#lastSweep > SWEEP_INTERVAL || this.#now < this.#lastSweep) {
			this.#fragments.expire(this.#now);
			this.#tcp.sweep(this.#now);
			this.#lastSweep = this.#now;
		}
		const link = decodeLink(linkType, data);
		if (link.kind === "unknown") this.#damage("unknownLinkType", `link type ${linkType}`);
		else this.#link(link, data, 0);
		if (this.#outcome === Outcome.Sip) stats.sipPackets++;
		else if (this.#outcome === Outcome.None) stats.nonSipPackets++;
	}

	/** End of input: streams end, waiting segments are delivered past their holes, fragments dropped. */
	finish(): void {
		this.#tcp.flush();
		this.#fragments.clear();
		this.#sctp.finish();
	}

	#damage(kind: MalformedKind, detail: string, frame = this.#frame, fatal = true): void {
		if (fatal && this.#outcome !== Outcome.Sip) this.#outcome = Outcome.Damaged;
		this.#report(kind, detail, frame);
	}

	/** A packet skipped because its encapsulation `what` is not decoded: counted by kind. */
	#unsupported(what: string): void {
		if (countSkippedEncapsulation(this.#stats, what))
			this.#damage("unsupportedEncapsulation", `${what} is not decoded`);
		else {
			this.#stats.malformed.unsupportedEncapsulation++;
			if (this.#outcome !== Outcome.Sip) this.#outcome = Outcome.Damaged;
		}
	}

	/** A tunnel header that cannot be read; in a frame the capture cut short that is no news (the cut was counted). */
	#badTunnel(detail: string): void {
		if (!this.#cut) this.#damage("badTunnel", detail);
		else if (this.#outcome !== Outcome.Sip) this.#outcome = Outcome.Damaged;
	}

	/** Enters one more tunnel; false (and counted) past the depth limit. */
	#enter(depth: number): boolean {
		if (depth > MAX_TUNNEL_DEPTH) {
			this.#damage("tunnelTooDeep", `tunnels nested more than ${MAX_TUNNEL_DEPTH} deep`);
			return false;
		}
		if (!this.#tunneled) {
			this.#tunneled = true;
			this.#stats.tunnelPackets++;
		}
		return true;
	}

	/** Follows what the link layer (outer, or a tunnel's inner frame) found in `b`. */
	#link(link: LinkResult, b: Uint8Array, depth: number): void {
		switch (link.kind) {
			case "ip":
				this.#ip(b.subarray(link.offset), link.version, depth);
				return;
			case "bad":
				this.#damage("badLinkHeader", depth > 0 ? `inside a tunnel: ${link.detail}` : link.detail);
				return;
			case "unsupported":
				this.#unsupported(link.what);
				return;
			case "nsh":
				if (this.#enter(depth + 1))
					this.#overlay(b.subarray(link.offset), parseNsh(b.subarray(link.offset)), depth + 1);
				return;
		}
	}

	/** What follows an overlay header (VXLAN, VXLAN-GPE, Geneve, NSH) in `b`, `depth` tunnels in. */
	#overlay(b: Uint8Array, r: OverlayResult, depth: number): void {
		if ("bad" in r) {
			this.#badTunnel(r.bad);
			return;
		}
		if ("unsupported" in r) {
			this.#unsupported(r.unsupported);
			return;
		}
		const inner = b.subarray(r.offset);
		switch (r.next) {
			case "ethernet":
				this.#ethernet(inner, depth);
				return;
			case "ipv4":
			case "ipv6":
				this.#ip(inner, r.next === "ipv4" ? 4 : 6, depth);
				return;
			case "mpls":
				this.#link(fromMpls(inner, 0), inner, depth);
				return;
			case "nsh":
				if (this.#enter(depth + 1)) this.#overlay(inner, parseNsh(inner), depth + 1);
				return;
		}
	}

	/** An Ethernet frame inside a tunnel (GRE bridging, ERSPAN, VXLAN, EtherIP), `depth` tunnels in. */
	#ethernet(b: Uint8Array, depth: number): void {
		if (!this.#enter(depth)) return;
		if (b.length < 14) {
			this.#badTunnel(`inner Ethernet frame of ${b.length} bytes`);
			return;
		}
		this.#link(fromEtherType(b, 12, 14), b, depth);
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
		// IPv4 authentication headers (IPv6 ones were skipped with the extension headers).
		for (let n = 0; protocol === 51 && h.version === 4 && n < 4; n++) {
			if (payload.length < 8 || payload.length < ((payload[1] as number) + 2) * 4) {
				this.#damage("badIpHeader", "IPv4 authentication header cut short");
				return;
			}
			const len = ((payload[1] as number) + 2) * 4;
			protocol = payload[0] as number;
			payload = payload.subarray(len);
			length -= len;
		}
		switch (protocol) {
			case 17:
				this.#udp(h, payload, length, depth);
				return;
			case 6:
				this.#tcpSegment(h.src, h.dst, payload, length);
				return;
			case 132:
				this.#sctpPacket(h, payload);
				return;
			case 4: // IPv4 in IP
			case 41: // IPv6 in IP
				if (this.#enter(depth + 1)) this.#ip(payload, protocol === 4 ? 4 : 6, depth + 1);
				return;
			case 47:
				if (this.#enter(depth + 1)) this.#gre(payload, depth + 1);
				return;
			case 97: // EtherIP (RFC 3378): a 2-byte header of version 3, then Ethernet
				if (payload.length < 2 || (payload[0] as number) >> 4 !== 3) this.#badTunnel("EtherIP header");
				else this.#ethernet(payload.subarray(2), depth + 1);
				return;
		}
		if (NOT_SIP_CARRIERS.has(protocol)) return;
		const name = PROTOCOL_NAMES[protocol];
		this.#unsupported(`IP protocol ${protocol}${name ? ` (${name})` : ""}`);
	}

	/** A GRE packet (RFC 2784/2890, PPTP's enhanced GRE), `depth` tunnels in. */
	#gre(b: Uint8Array, depth: number): void {
		const g = parseGre(b);
		switch (g.kind) {
			case "bad":
				this.#badTunnel(g.detail);
				return;
			case "unsupported":
				this.#unsupported(g.what);
				return;
			case "empty":
				return;
		}
		const at = g.offset;
		switch (g.protocol) {
			case 0: // a keepalive (Cisco sends GRE protocol type 0 back through the tunnel)
				return;
			case 0x6558: // transparent Ethernet bridging (also NVGRE)
				this.#ethernet(b.subarray(at), depth);
				return;
			case ERSPAN.TYPE_II:
			case ERSPAN.TYPE_III: {
				const e = parseErspan(b, at, g.protocol, g.hasSequence);
				if (e.kind === "bad") this.#badTunnel(e.detail);
				else if (e.kind === "unsupported") this.#unsupported(e.what);
				else if (e.kind === "ethernet") this.#ethernet(b.subarray(e.offset), depth);
				else this.#ip(b.subarray(e.offset), 0, depth);
				return;
			}
			case 0x880b: {
				// PPP (PPTP carries it in enhanced GRE).
				const p = parsePpp(b, at);
				if ("error" in p) {
					this.#badTunnel(p.error);
					return;
				}
				const inner = pppProtocol(p.protocol);
				if (inner === 4 || inner === 6) this.#ip(b.subarray(p.offset), inner, depth);
				else if (inner === "unsupported")
					this.#unsupported(`PPP protocol 0x${p.protocol.toString(16).padStart(4, "0")}`);
				return;
			}
		}
		if (GRE_ETHERTYPES.has(g.protocol)) this.#link(fromEtherType(b, 2, at), b, depth);
		else this.#unsupported(`GRE protocol type 0x${g.protocol.toString(16).padStart(4, "0")}`);
	}

	/** An SCTP packet: each DATA chunk (rebuilt when fragmented) that holds SIP is one message. */
	#sctpPacket(ip: IpHeader, b: Uint8Array): void {
		this.#stats.sctpPackets++;
		const s = parseSctp(b);
		if (!s) {
			if (!this.#cut) this.#damage("badSctp", `SCTP header cut short (${b.length} bytes)`);
			else this.#outcome = Outcome.Damaged;
			return;
		}
		const association = `${ip.src} ${s.srcPort} ${ip.dst} ${s.dstPort}`;
		for (const c of s.chunks) {
			const data = this.#sctp.add(association, c);
			if (!data || !looksLikeSip(data)) continue;
			this.#outcome = Outcome.Sip;
			this.#message(parseMessage(data), ip.src, s.srcPort, ip.dst, s.dstPort, "sctp", this.#frame, this.#ts);
		}
		if (s.problem) {
			if (!this.#cut) this.#damage("badSctp", s.problem);
			else if (this.#outcome !== Outcome.Sip) this.#outcome = Outcome.Damaged;
		}
	}

	#udp(ip: IpHeader, b: Uint8Array, length: number, depth: number): void {
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
		if (srcPort === GTP_U_PORT || dstPort === GTP_U_PORT) {
			const g = parseGtpU(data);
			switch (g.kind) {
				case "tpdu": {
					if (!this.#enter(depth + 1)) return;
					const user = data.subarray(g.offset, g.end);
					const v = (user[0] ?? 0) >> 4;
					if (v === 4 || v === 6) this.#ip(user, v, depth + 1);
					else if (user.length > 0) this.#unsupported("GTP-U T-PDU that is not IP");
					return;
				}
				case "signalling":
					return;
				case "bad":
					this.#badTunnel(g.detail);
					return;
			}
		}
		// Overlays by their destination port (the source port is a flow hash).
		let overlay: OverlayResult | null = null;
		if (dstPort === OVERLAY_PORTS.VXLAN) overlay = parseVxlan(data);
		else if (dstPort === OVERLAY_PORTS.VXLAN_GPE) overlay = parseVxlanGpe(data);
		else if (dstPort === OVERLAY_PORTS.GENEVE) overlay = parseGeneve(data);
		// SIP sent to one of those ports stays SIP (an overlay header never looks like a start line).
		if (overlay && !looksLikeSip(data)) {
			if (this.#enter(depth + 1)) this.#overlay(data, overlay, depth + 1);
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
			if (h.inflateProblem) this.#damage("badHepCompressed", h.inflateProblem, ctx.frame);
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
		transport: "udp" | "tcp" | "ws" | "sctp" | "hep",
		frame: number,
		ts: Timestamp,
		hep?: HepInfo,
	): void {
		this.#stats.sipMessages++;
		const m: CapturedMessage = {
			frame,
			time: toSeconds(ts),
			ts,
			src: { ip: src, port: srcPort },
			dst: { ip: dst, port: dstPort },
			// The original transport after "hep/": what a reader of the message needs to know.
			transport: hep ? `hep/${hep.transport}` : transport,
			message,
		};
		if (hep) m.hep = hep;
		this.#emit(m);
	}
}
