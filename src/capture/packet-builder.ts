/**
 * Builds packets byte by byte — Ethernet (with VLAN tags), Linux cooked v1/v2, BSD loopback,
 * IPv4 (options, fragments), IPv6 (extension headers, fragments), UDP, TCP, SCTP, HEP v3 (plain or
 * compressed), and the tunnels GRE, enhanced GRE with PPP, ERSPAN II/III, VXLAN, VXLAN-GPE,
 * Geneve, NSH, EtherIP and GTP-U — for tests and for generating captures. UDP, TCP, SCTP and GRE checksums are left zero.
 */
import { concatBytes } from "./bytes.ts";

/** TCP flag bits. */
export const TCP = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;

const ENC = new TextEncoder();

/** Bytes of a string (UTF-8) or the bytes themselves. */
export function bytesOf(x: string | Uint8Array): Uint8Array {
	return typeof x === "string" ? ENC.encode(x) : x;
}

/** The parts joined. */
export function concat(...parts: Uint8Array[]): Uint8Array {
	return concatBytes(parts);
}

function be16(n: number): Uint8Array {
	return new Uint8Array([(n >>> 8) & 255, n & 255]);
}

function be32(n: number): Uint8Array {
	return new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}

/** A dotted IPv4 address as 4 bytes. */
export function ipv4Address(s: string): Uint8Array {
	return new Uint8Array(s.split(".").map(Number));
}

/** An IPv6 address (with `::`) as 16 bytes. */
export function ipv6Address(s: string): Uint8Array {
	const [head = "", tail] = s.split("::");
	const h = head ? head.split(":") : [];
	const t = tail ? tail.split(":") : [];
	const groups = [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
	return concat(...groups.map((g) => be16(Number.parseInt(g, 16))));
}

/** The IPv4 header checksum of `h` (RFC 791). */
function checksum(h: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < h.length; i += 2) sum += ((h[i] as number) << 8) | (h[i + 1] ?? 0);
	while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
	return ~sum & 0xffff;
}

/** Fields of an IPv4 header. */
export interface Ipv4Fields {
	src: string;
	dst: string;
	protocol: number;
	id?: number;
	ttl?: number;
	/** More fragments. */
	more?: boolean;
	/** Fragment offset in bytes (a multiple of 8). */
	fragmentOffset?: number;
	/** Options (padded to 4 bytes). */
	options?: Uint8Array;
	/** Overrides the total length field. */
	totalLength?: number;
}

/** An IPv4 packet. */
export function ipv4(f: Ipv4Fields, payload: Uint8Array): Uint8Array {
	const opt = f.options ?? new Uint8Array(0);
	const optLen = (opt.length + 3) & ~3;
	const hl = 20 + optLen;
	const h = new Uint8Array(hl);
	h[0] = 0x40 | (hl / 4);
	h.set(be16(f.totalLength ?? hl + payload.length), 2);
	h.set(be16(f.id ?? 0), 4);
	h.set(be16((f.more ? 0x2000 : 0) | ((f.fragmentOffset ?? 0) / 8)), 6);
	h[8] = f.ttl ?? 64;
	h[9] = f.protocol;
	h.set(ipv4Address(f.src), 12);
	h.set(ipv4Address(f.dst), 16);
	h.set(opt, 20);
	h.set(be16(checksum(h)), 10);
	return concat(h, payload);
}

/** An IPv6 extension header (hop-by-hop 0, routing 43, destination options 60, …) of `length` bytes (a multiple of 8). */
export interface Ipv6Extension {
	type: number;
	length: number;
}

/** Fields of an IPv6 header. */
export interface Ipv6Fields {
	src: string;
	dst: string;
	/** Upper-layer protocol. */
	protocol: number;
	hopLimit?: number;
	/** Extension headers before the upper layer (or before the fragment header). */
	extensions?: Ipv6Extension[];
	/** A fragment header (id, offset in bytes, more fragments); the payload is then the fragment's data. */
	fragment?: { id: number; offset: number; more: boolean };
	/** For `ipv6Fragments`: extension headers inside the fragmentable part, before the upper layer. */
	innerExtensions?: Ipv6Extension[];
}

function extensionChain(exts: Ipv6Extension[], last: number): { first: number; bytes: Uint8Array } {
	const parts: Uint8Array[] = [];
	let first = last;
	for (let i = exts.length - 1; i >= 0; i--) {
		const e = exts[i] as Ipv6Extension;
		const b = new Uint8Array(e.length);
		b[0] = first;
		b[1] = e.type === 51 ? e.length / 4 - 2 : e.length / 8 - 1;
		if (e.type !== 51 && e.length > 2) {
			b[2] = 1; // PadN option filling the rest
			b[3] = e.length - 4;
		}
		parts.unshift(b);
		first = e.type;
	}
	return { first, bytes: concat(...parts) };
}

/**
 * An IPv6 packet. With `fragment`, `payload` is the fragment's data and `protocol` the first header
 * of the fragmentable part.
 */
export function ipv6(f: Ipv6Fields, payload: Uint8Array): Uint8Array {
	let rest = payload;
	let next = f.protocol;
	if (f.fragment) {
		const fh = new Uint8Array(8);
		fh[0] = next;
		fh.set(be16(f.fragment.offset | (f.fragment.more ? 1 : 0)), 2);
		fh.set(be32(f.fragment.id), 4);
		rest = concat(fh, payload);
		next = 44;
	}
	const outer = extensionChain(f.extensions ?? [], next);
	const body = concat(outer.bytes, rest);
	const h = new Uint8Array(40);
	h[0] = 0x60;
	h.set(be16(body.length), 4);
	h[6] = outer.first;
	h[7] = f.hopLimit ?? 64;
	h.set(ipv6Address(f.src), 8);
	h.set(ipv6Address(f.dst), 24);
	return concat(h, body);
}

/** A UDP datagram (checksum 0). */
export function udp(srcPort: number, dstPort: number, payload: string | Uint8Array): Uint8Array {
	const p = bytesOf(payload);
	return concat(be16(srcPort), be16(dstPort), be16(8 + p.length), be16(0), p);
}

/** Fields of a TCP header. */
export interface TcpFields {
	srcPort: number;
	dstPort: number;
	seq: number;
	ack?: number;
	/** Flag bits (`TCP.SYN | TCP.ACK` …); default ACK|PSH. */
	flags?: number;
	window?: number;
	/** Options (padded to 4 bytes). */
	options?: Uint8Array;
}

/** A TCP segment (checksum 0). */
export function tcp(f: TcpFields, payload: string | Uint8Array = new Uint8Array(0)): Uint8Array {
	const opt = f.options ?? new Uint8Array(0);
	const hl = 20 + ((opt.length + 3) & ~3);
	const h = new Uint8Array(hl);
	h.set(be16(f.srcPort), 0);
	h.set(be16(f.dstPort), 2);
	h.set(be32(f.seq >>> 0), 4);
	h.set(be32((f.ack ?? 0) >>> 0), 8);
	h[12] = (hl / 4) << 4;
	h[13] = f.flags ?? TCP.ACK | TCP.PSH;
	h.set(be16(f.window ?? 65535), 14);
	h.set(opt, 20);
	return concat(h, bytesOf(payload));
}

/** An Ethernet frame; `vlans` are (TPID, VLAN id) tags outermost first (0x8100 802.1Q, 0x88a8 QinQ). */
export function ethernet(
	etherType: number,
	payload: Uint8Array,
	vlans: { tpid: number; vid: number }[] = [],
): Uint8Array {
	const macs = new Uint8Array([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]);
	const tags = vlans.map((v) => concat(be16(v.tpid), be16(v.vid & 0xfff)));
	return concat(macs, ...tags, be16(etherType), payload);
}

/** A Linux cooked capture (SLL, link type 113) frame. */
export function sll(protocol: number, payload: Uint8Array): Uint8Array {
	const h = new Uint8Array(16);
	h.set(be16(0), 0); // sent to us
	h.set(be16(772), 2); // ARPHRD_LOOPBACK
	h.set(be16(6), 4);
	h.set(be16(protocol), 14);
	return concat(h, payload);
}

/** A Linux cooked capture v2 (SLL2, link type 276) frame. */
export function sll2(protocol: number, payload: Uint8Array): Uint8Array {
	const h = new Uint8Array(20);
	h.set(be16(protocol), 0);
	h.set(be32(1), 4); // interface index
	h.set(be16(1), 8); // ARPHRD_ETHER
	h[11] = 6;
	return concat(h, payload);
}

/** A BSD null/loopback (link type 0) frame: the address family in the capturing host's byte order. */
export function nullLoopback(family: number, littleEndian: boolean, payload: Uint8Array): Uint8Array {
	const h = be32(family);
	if (littleEndian) h.reverse();
	return concat(h, payload);
}

/** Splits an upper-layer payload into IPv4 fragments of `size` bytes (a multiple of 8). */
export function ipv4Fragments(f: Ipv4Fields, payload: Uint8Array, size: number): Uint8Array[] {
	const out: Uint8Array[] = [];
	for (let o = 0; o < payload.length; o += size) {
		const more = o + size < payload.length;
		out.push(ipv4({ ...f, fragmentOffset: o, more }, payload.subarray(o, o + size)));
	}
	return out;
}

/**
 * Splits an upper-layer payload (after `innerExtensions`) into IPv6 fragments of `size` bytes
 * (a multiple of 8).
 */
export function ipv6Fragments(f: Ipv6Fields, id: number, payload: Uint8Array, size: number): Uint8Array[] {
	const inner = extensionChain(f.innerExtensions ?? [], f.protocol);
	const part = concat(inner.bytes, payload);
	const out: Uint8Array[] = [];
	for (let o = 0; o < part.length; o += size) {
		const more = o + size < part.length;
		out.push(ipv6({ ...f, protocol: inner.first, fragment: { id, offset: o, more } }, part.subarray(o, o + size)));
	}
	return out;
}

/** Fields of a HEP v3 packet. */
export interface HepFields {
	src: string;
	dst: string;
	srcPort: number;
	dstPort: number;
	sec: number;
	usec: number;
	/** IP protocol of the original packet; default 17 (UDP). */
	ipProtocol?: number;
	/** Payload type; default 1 (SIP). */
	protocolType?: number;
	captureId?: number;
	correlationId?: string;
	/** Sends the payload compressed (chunk 0x0010) by this function (zlib, gzip or raw deflate). */
	compress?: (payload: Uint8Array) => Uint8Array;
}

function chunk(type: number, value: Uint8Array): Uint8Array {
	return concat(be16(0), be16(type), be16(6 + value.length), value);
}

/** A HEP v3 packet carrying `payload`. */
export function hep3(f: HepFields, payload: string | Uint8Array): Uint8Array {
	const v6 = f.src.includes(":");
	const chunks = [
		chunk(1, new Uint8Array([v6 ? 10 : 2])),
		chunk(2, new Uint8Array([f.ipProtocol ?? 17])),
		chunk(v6 ? 5 : 3, v6 ? ipv6Address(f.src) : ipv4Address(f.src)),
		chunk(v6 ? 6 : 4, v6 ? ipv6Address(f.dst) : ipv4Address(f.dst)),
		chunk(7, be16(f.srcPort)),
		chunk(8, be16(f.dstPort)),
		chunk(9, be32(f.sec)),
		chunk(10, be32(f.usec)),
		chunk(11, new Uint8Array([f.protocolType ?? 1])),
		chunk(12, be32(f.captureId ?? 0)),
		...(f.correlationId ? [chunk(17, bytesOf(f.correlationId))] : []),
		f.compress ? chunk(16, f.compress(bytesOf(payload))) : chunk(15, bytesOf(payload)),
	];
	const body = concat(...chunks);
	return concat(bytesOf("HEP3"), be16(6 + body.length), body);
}

/** Fields of a WebSocket frame. */
export interface WebSocketFrameFields {
	/** 1 text, 2 binary, 0 continuation, 9 ping …; default 1. */
	opcode?: number;
	/** Last frame of its message; default true. */
	fin?: boolean;
	/** Masking key (client frames are masked). */
	mask?: Uint8Array;
	/** RSV1: permessage-deflate compression. */
	compressed?: boolean;
}

/** A WebSocket frame (RFC 6455 §5.2) carrying `payload`. */
export function webSocketFrame(payload: string | Uint8Array, f: WebSocketFrameFields = {}): Uint8Array {
	const p = bytesOf(payload).slice();
	const b0 = (f.fin === false ? 0 : 0x80) | (f.compressed ? 0x40 : 0) | (f.opcode ?? 1);
	const m = f.mask ? 0x80 : 0;
	const len =
		p.length < 126
			? new Uint8Array([b0, m | p.length])
			: p.length < 65536
				? concat(new Uint8Array([b0, m | 126]), be16(p.length))
				: concat(new Uint8Array([b0, m | 127]), be32(0), be32(p.length));
	if (!f.mask) return concat(len, p);
	for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) ^ (f.mask[i & 3] as number);
	return concat(len, f.mask, p);
}

/** Fields of a GRE header (RFC 2784/2890). */
export interface GreFields {
	/** Protocol type (an EtherType: 0x0800 IPv4, 0x86dd IPv6, 0x6558 Ethernet, 0x88be ERSPAN …). */
	protocol: number;
	/** Adds the checksum and reserved field (checksum left zero). */
	checksum?: boolean;
	key?: number;
	sequence?: number;
}

/** A GRE packet (version 0). */
export function gre(f: GreFields, payload: Uint8Array): Uint8Array {
	const flags =
		(f.checksum ? 0x8000 : 0) | (f.key !== undefined ? 0x2000 : 0) | (f.sequence !== undefined ? 0x1000 : 0);
	return concat(
		be16(flags),
		be16(f.protocol),
		f.checksum ? be32(0) : new Uint8Array(0),
		f.key !== undefined ? be32(f.key) : new Uint8Array(0),
		f.sequence !== undefined ? be32(f.sequence) : new Uint8Array(0),
		payload,
	);
}

/**
 * A PPTP enhanced GRE packet (version 1, RFC 2637 §4.1) carrying a PPP frame with address and
 * control field; `pppProtocol` 0x0021 is IPv4, 0x0057 IPv6. `compressProtocol` sends a one-byte
 * protocol field.
 */
export function pptpGre(
	callId: number,
	sequence: number,
	pppProtocol: number,
	payload: Uint8Array,
	compressProtocol = false,
): Uint8Array {
	const ppp = concat(
		new Uint8Array([0xff, 0x03]),
		compressProtocol ? new Uint8Array([pppProtocol]) : be16(pppProtocol),
		payload,
	);
	return concat(be16(0x3001), be16(0x880b), be16(ppp.length), be16(callId), be32(sequence), ppp);
}

/** An ERSPAN type II packet in GRE (with a sequence number) mirroring the Ethernet `frame`. */
export function erspanII(sessionId: number, sequence: number, frame: Uint8Array): Uint8Array {
	const h = new Uint8Array(8);
	h.set(be16(0x1000 | 0), 0); // version 1, VLAN 0
	h.set(be16(sessionId & 0x3ff), 2);
	return gre({ protocol: 0x88be, sequence }, concat(h, frame));
}

/** An ERSPAN type I packet: GRE 0x88BE without a sequence number, the frame right after. */
export function erspanI(frame: Uint8Array): Uint8Array {
	return gre({ protocol: 0x88be }, frame);
}

/**
 * An ERSPAN type III packet (GRE 0x22EB) mirroring `frame`: an Ethernet frame, or with
 * `frameType` 2 an IP packet; `platform` adds the 8-byte platform-specific subheader (O bit).
 */
export function erspanIII(
	sessionId: number,
	sequence: number,
	frame: Uint8Array,
	opts: { frameType?: number; platform?: boolean; timestamp?: number } = {},
): Uint8Array {
	const h = new Uint8Array(12);
	h.set(be16(0x2000), 0); // version 2
	h.set(be16(sessionId & 0x3ff), 2);
	h.set(be32(opts.timestamp ?? 0), 4);
	h.set(be16((((opts.frameType ?? 0) & 0x1f) << 10) | (opts.platform ? 1 : 0)), 10);
	const platform = opts.platform ? new Uint8Array([0x08, 0, 0, 0, 0, 0, 0, 0]) : new Uint8Array(0);
	return gre({ protocol: 0x22eb, sequence }, concat(h, platform, frame));
}

/** A VXLAN packet (RFC 7348) for network identifier `vni` carrying the Ethernet `frame` (the UDP payload). */
export function vxlan(vni: number, frame: Uint8Array): Uint8Array {
	return concat(new Uint8Array([0x08, 0, 0, 0]), be32((vni & 0xffffff) << 8), frame);
}

/** A VXLAN-GPE packet (UDP 4790) with next protocol `next` (1 IPv4, 2 IPv6, 3 Ethernet, 4 NSH). */
export function vxlanGpe(vni: number, next: number, payload: Uint8Array): Uint8Array {
	return concat(new Uint8Array([0x0c, 0, 0, next]), be32((vni & 0xffffff) << 8), payload);
}

/** A Geneve packet (UDP 6081) of protocol type `protocol` (an EtherType; 0x6558 Ethernet) with `options` (a multiple of 4 bytes). */
export function geneve(vni: number, protocol: number, payload: Uint8Array, options = new Uint8Array(0)): Uint8Array {
	return concat(new Uint8Array([options.length / 4, 0]), be16(protocol), be32((vni & 0xffffff) << 8), options, payload);
}

/** A Network Service Header (RFC 8300, MD type 2) with `context` bytes (a multiple of 4) and next protocol `next`. */
export function nsh(next: number, payload: Uint8Array, context = new Uint8Array(0)): Uint8Array {
	const words = 2 + context.length / 4;
	return concat(new Uint8Array([0x0f, 0xc0 | words, 2, next]), be32((42 << 8) | 255), context, payload);
}

/** An EtherIP packet (RFC 3378; IP protocol 97) carrying the Ethernet `frame`. */
export function etherIp(frame: Uint8Array): Uint8Array {
	return concat(new Uint8Array([0x30, 0]), frame);
}

/** Fields of a GTPv1-U header (3GPP TS 29.281). */
export interface GtpUFields {
	teid: number;
	/** Message type; default 255 (T-PDU). */
	type?: number;
	/** Adds the sequence number field (S flag). */
	sequence?: number;
	/** Extension headers, each as its content (padded so that its length is a multiple of 4 with the length and next-type bytes); `type` is its own type. */
	extensions?: { type: number; content: Uint8Array }[];
}

/** A GTPv1-U packet (the UDP payload on port 2152) carrying `payload`. */
export function gtpU(f: GtpUFields, payload: Uint8Array): Uint8Array {
	const exts = f.extensions ?? [];
	const optional = f.sequence !== undefined || exts.length > 0;
	let flags = 0x30;
	if (exts.length) flags |= 4;
	if (f.sequence !== undefined) flags |= 2;
	const parts: Uint8Array[] = [];
	for (let i = 0; i < exts.length; i++) {
		const e = exts[i] as { type: number; content: Uint8Array };
		const len = (e.content.length + 2 + 3) & ~3;
		const b = new Uint8Array(len);
		b[0] = len / 4;
		b.set(e.content, 1);
		b[len - 1] = exts[i + 1]?.type ?? 0;
		parts.push(b);
	}
	const opt = optional ? concat(be16(f.sequence ?? 0), new Uint8Array([0, exts[0]?.type ?? 0])) : new Uint8Array(0);
	const rest = concat(opt, ...parts, payload);
	return concat(new Uint8Array([flags, f.type ?? 0xff]), be16(rest.length), be32(f.teid), rest);
}

/** Fields of an SCTP DATA chunk (RFC 9260 §3.3.1). */
export interface SctpDataFields {
	tsn: number;
	stream?: number;
	ssn?: number;
	/** Payload protocol identifier; default 0. */
	ppid?: number;
	/** First and last piece of the user message; default both (unfragmented). */
	begin?: boolean;
	end?: boolean;
	unordered?: boolean;
}

/** An SCTP DATA chunk, padded to 4 bytes. */
export function sctpData(f: SctpDataFields, payload: string | Uint8Array): Uint8Array {
	const p = bytesOf(payload);
	const flags = (f.unordered ? 4 : 0) | (f.begin === false ? 0 : 2) | (f.end === false ? 0 : 1);
	const c = concat(
		new Uint8Array([0, flags]),
		be16(16 + p.length),
		be32(f.tsn >>> 0),
		be16(f.stream ?? 0),
		be16(f.ssn ?? 0),
		be32(f.ppid ?? 0),
		p,
	);
	return concat(c, new Uint8Array((4 - (c.length % 4)) % 4));
}

/** An SCTP chunk of any type (SACK 3, HEARTBEAT 4 …) with `value`, padded to 4 bytes. */
export function sctpChunk(type: number, flags: number, value: Uint8Array): Uint8Array {
	const c = concat(new Uint8Array([type, flags]), be16(4 + value.length), value);
	return concat(c, new Uint8Array((4 - (c.length % 4)) % 4));
}

/** An SCTP packet (IP protocol 132) holding `chunks` (checksum left zero). */
export function sctp(srcPort: number, dstPort: number, verificationTag: number, chunks: Uint8Array[]): Uint8Array {
	return concat(be16(srcPort), be16(dstPort), be32(verificationTag), be32(0), ...chunks);
}
