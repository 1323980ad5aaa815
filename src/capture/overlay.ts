/**
 * Overlay network headers: VXLAN (RFC 7348, UDP 4789), VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe, UDP
 * 4790), Geneve (RFC 8926, UDP 6081) and the Network Service Header (RFC 8300; EtherType 0x894F,
 * or inside the others). Each says what follows it: an Ethernet frame, an IP packet, MPLS or NSH.
 */
import { u16 } from "./bytes.ts";

/** UDP ports of the overlays (IANA). */
export const OVERLAY_PORTS = { VXLAN: 4789, VXLAN_GPE: 4790, GENEVE: 6081 } as const;

/** What follows an overlay header, from `offset`. */
export type OverlayResult =
	| { next: "ethernet" | "ipv4" | "ipv6" | "nsh" | "mpls"; offset: number }
	| { unsupported: string }
	| { bad: string };

/** VXLAN-GPE and NSH next-protocol numbers. */
function nextProtocol(n: number, offset: number, what: string): OverlayResult {
	switch (n) {
		case 1:
			return { next: "ipv4", offset };
		case 2:
			return { next: "ipv6", offset };
		case 3:
			return { next: "ethernet", offset };
		case 4:
			return { next: "nsh", offset };
		case 5:
			return { next: "mpls", offset };
	}
	return { unsupported: `${what} next protocol ${n}` };
}

/** The VXLAN header at the start of the UDP payload `b`; null when its I flag is not set (not VXLAN). */
export function parseVxlan(b: Uint8Array): OverlayResult | null {
	if (b.length < 8 || ((b[0] as number) & 0x08) === 0) return null;
	return { next: "ethernet", offset: 8 };
}

/**
 * The VXLAN-GPE header at the start of `b`. Its next protocol is read even without the P bit (as
 * Wireshark does: senders leave the bit off); none at all means Ethernet, as in VXLAN.
 */
export function parseVxlanGpe(b: Uint8Array): OverlayResult {
	if (b.length < 8) return { bad: `VXLAN-GPE header cut short (${b.length} bytes)` };
	const next = b[3] as number;
	if (next === 0 && ((b[0] as number) & 0x04) === 0) return { next: "ethernet", offset: 8 };
	return nextProtocol(next, 8, "VXLAN-GPE");
}

/** The Geneve header (with its options) at the start of `b`; its protocol type is an EtherType. */
export function parseGeneve(b: Uint8Array): OverlayResult {
	if (b.length < 8) return { bad: `Geneve header cut short (${b.length} bytes)` };
	const version = (b[0] as number) >> 6;
	if (version !== 0) return { unsupported: `Geneve version ${version}` };
	const offset = 8 + ((b[0] as number) & 0x3f) * 4;
	if (offset > b.length) return { bad: `Geneve options of ${offset - 8} bytes cut short` };
	const type = u16(b, 2);
	switch (type) {
		case 0x6558:
			return { next: "ethernet", offset };
		case 0x0800:
			return { next: "ipv4", offset };
		case 0x86dd:
			return { next: "ipv6", offset };
		case 0x894f:
			return { next: "nsh", offset };
		case 0x8847:
			return { next: "mpls", offset };
	}
	return { unsupported: `Geneve protocol type 0x${type.toString(16).padStart(4, "0")}` };
}

/** The Network Service Header at the start of `b`: its length (in 4-byte words) covers the context headers. */
export function parseNsh(b: Uint8Array): OverlayResult {
	if (b.length < 8) return { bad: `NSH cut short (${b.length} bytes)` };
	const version = (b[0] as number) >> 6;
	if (version !== 0) return { unsupported: `NSH version ${version}` };
	const length = ((b[1] as number) & 0x3f) * 4;
	if (length < 8) return { bad: `NSH length ${length} (at least 8)` };
	if (length > b.length) return { bad: `NSH of ${length} bytes cut short at ${b.length}` };
	return nextProtocol(b[3] as number, length, "NSH");
}
