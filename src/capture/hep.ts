/**
 * HEP v3 (the HOMER Encapsulation Protocol, usually on UDP or TCP port 9060): a header "HEP3"
 * with a total length, then chunks (vendor, type, length, value). The generic chunks give the
 * original addresses, ports, transport and time of the encapsulated packet.
 */
import { ipv4String, ipv6String, startsWithAscii, u16, u32 } from "./bytes.ts";
import { inflateBounded, MAX_INFLATED_BYTES } from "./inflate.ts";
import type { Timestamp } from "./timestamp.ts";

/** A decoded HEP v3 packet. Fields a packet does not carry are "" or 0. */
export interface HepPacket {
	/** IP protocol number of the original packet (17 UDP, 6 TCP, 132 SCTP …). */
	ipProtocol: number;
	src: string;
	dst: string;
	srcPort: number;
	dstPort: number;
	/** When the agent captured it; null without time chunks. */
	ts: Timestamp | null;
	/** Payload protocol: 1 SIP, 5 RTCP, 100 log … */
	protocolType: number;
	captureId: number;
	correlationId: string;
	/** The captured payload (inflated when it was sent compressed); null when the packet carries none or it could not be inflated. */
	payload: Uint8Array | null;
	/** The payload was sent compressed (chunk 0x0010: zlib, gzip or raw deflate). */
	compressed: boolean;
	/** Why a compressed payload could not be inflated (corrupt, or past 64 KiB); "" when it could. */
	inflateProblem: string;
}

/** True if `b` starts with the HEP v3 magic. */
export function isHep3(b: Uint8Array): boolean {
	return startsWithAscii(b, 0, "HEP3");
}

/** The length a HEP v3 packet at the start of `b` declares, or -1 if fewer than 6 bytes. */
export function hep3Length(b: Uint8Array, o = 0): number {
	return b.length - o < 6 ? -1 : u16(b, o + 4);
}

const TEXT = new TextDecoder();

/** Decodes one HEP v3 packet; a string explains why it could not be. */
export function decodeHep3(b: Uint8Array): HepPacket | string {
	if (!isHep3(b)) return "no HEP3 magic";
	const total = u16(b, 4);
	if (total < 6) return `HEP length ${total} below its 6-byte header`;
	if (total > b.length) return `HEP length ${total} past the ${b.length} bytes received`;
	const hep: HepPacket = {
		ipProtocol: 0,
		src: "",
		dst: "",
		srcPort: 0,
		dstPort: 0,
		ts: null,
		protocolType: 0,
		captureId: 0,
		correlationId: "",
		payload: null,
		compressed: false,
		inflateProblem: "",
	};
	let compressed: Uint8Array | null = null;
	let sec = -1;
	let usec = 0;
	for (let o = 6; o < total; ) {
		if (total - o < 6) return `${total - o} bytes after the last chunk`;
		const vendor = u16(b, o);
		const type = u16(b, o + 2);
		const len = u16(b, o + 4);
		if (len < 6 || o + len > total) return `chunk ${type} of length ${len} runs past the packet`;
		const v = o + 6;
		const n = len - 6;
		if (vendor === 0)
			switch (type) {
				case 2:
					if (n >= 1) hep.ipProtocol = b[v] as number;
					break;
				case 3:
					if (n === 4) hep.src = ipv4String(b, v);
					break;
				case 4:
					if (n === 4) hep.dst = ipv4String(b, v);
					break;
				case 5:
					if (n === 16) hep.src = ipv6String(b, v);
					break;
				case 6:
					if (n === 16) hep.dst = ipv6String(b, v);
					break;
				case 7:
					if (n === 2) hep.srcPort = u16(b, v);
					break;
				case 8:
					if (n === 2) hep.dstPort = u16(b, v);
					break;
				case 9:
					if (n === 4) sec = u32(b, v);
					break;
				case 10:
					if (n === 4) usec = u32(b, v);
					break;
				case 11:
					if (n >= 1) hep.protocolType = b[v] as number;
					break;
				case 12:
					if (n === 4) hep.captureId = u32(b, v);
					break;
				case 15:
					hep.payload = b.subarray(v, v + n);
					break;
				case 16:
					compressed = b.subarray(v, v + n);
					break;
				case 17:
					hep.correlationId = TEXT.decode(b.subarray(v, v + n));
					break;
			}
		o += len;
	}
	if (compressed && !hep.payload) {
		hep.compressed = true;
		const inflated = inflateBounded(compressed, MAX_INFLATED_BYTES);
		if (typeof inflated === "string") hep.inflateProblem = inflated;
		else hep.payload = inflated;
	}
	if (sec >= 0) hep.ts = { sec: sec + Math.floor(usec / 1e6), nsec: (usec % 1e6) * 1000 };
	return hep;
}
