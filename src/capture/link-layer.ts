/**
 * Link-layer headers: where the IP packet starts in a frame of a given link type. Ethernet (with
 * 802.1Q / 802.1ad QinQ VLAN tags, MPLS labels and PPPoE sessions), Linux cooked capture v1 and
 * v2, raw IP, and BSD null/loopback (the address family in either byte order).
 */
import { u16, u32 } from "./bytes.ts";

/** Link types (LINKTYPE_* of the tcpdump.org registry) decoded here. */
export const LINKTYPE = {
	NULL: 0,
	ETHERNET: 1,
	RAW: 101,
	LOOP: 108,
	LINUX_SLL: 113,
	IPV4: 228,
	IPV6: 229,
	LINUX_SLL2: 276,
} as const;

/** Where a frame's network layer is. */
export type LinkResult =
	/** An IP packet starts at `offset`; `version` is what the link layer said (0: read it from the packet). */
	| { kind: "ip"; offset: number; version: 0 | 4 | 6 }
	/** Something that never carries IP (ARP, LLDP, STP, PPP control …). */
	| { kind: "other"; what: string }
	/** An encapsulation that may carry IP but is not decoded (an unknown EtherType, MPLS pseudowire …). */
	| { kind: "unsupported"; what: string }
	/** A Network Service Header (RFC 8300) starts at `offset`. */
	| { kind: "nsh"; offset: number }
	/** The header is cut short or inconsistent. */
	| { kind: "bad"; detail: string }
	/** The link type is not decoded. */
	| { kind: "unknown" };

const MAX_TAGS = 8;

function other(what: string): LinkResult {
	return { kind: "other", what };
}

function bad(detail: string): LinkResult {
	return { kind: "bad", detail };
}

function unsupported(what: string): LinkResult {
	return { kind: "unsupported", what };
}

/**
 * EtherTypes of link-local protocols that never carry IP: skipped without a word (every capture
 * has ARP and LLDP). Any other EtherType that is not decoded is counted as unsupported.
 */
const NOT_IP_CARRIERS = new Set([
	0x0806, // ARP
	0x8035, // RARP
	0x0842, // Wake-on-LAN
	0x8808, // Ethernet flow control
	0x8809, // slow protocols (LACP)
	0x8863, // PPPoE discovery
	0x888e, // 802.1X EAPOL
	0x88cc, // LLDP
	0x88f7, // PTP
	0x8902, // CFM (OAM)
	0x88e1, // HomePlug AV
	0x893a, // IEEE 1905.1
	0x8899, // Realtek switch protocols
	0x9000, // configuration test (loopback)
	0x88b5, // local experimental
	0x88b6,
	0x8137, // IPX
	0x809b, // AppleTalk
	0x80f3, // AARP
	0x22f0, // AVTP
	0x88b8, // GOOSE
	0x88ba, // sampled values
	0x88a4, // EtherCAT
	0x8892, // PROFINET
	0x88e3, // MRP
	0x8906, // FCoE
	0x8914, // FIP
]);

/**
 * What a PPP protocol number holds: IPv4 (0x0021), IPv6 (0x0057), a control protocol (LCP, IPCP,
 * authentication: 0x8000 and above, RFC 1661 §2), or something that is not decoded.
 */
export function pppProtocol(protocol: number): 4 | 6 | "control" | "unsupported" {
	if (protocol === 0x0021) return 4;
	if (protocol === 0x0057) return 6;
	return protocol >= 0x8000 ? "control" : "unsupported";
}

/**
 * Follows the EtherType at `typeAt`, whose payload starts at `payloadAt`, through VLAN tags,
 * MPLS labels and PPPoE to the IP packet.
 */
export function fromEtherType(b: Uint8Array, typeAt: number, payloadAt: number): LinkResult {
	let type = u16(b, typeAt);
	let o = payloadAt;
	for (let tags = 0; ; tags++) {
		switch (type) {
			case 0x0800:
				return { kind: "ip", offset: o, version: 4 };
			case 0x86dd:
				return { kind: "ip", offset: o, version: 6 };
			case 0x8100: // 802.1Q
			case 0x88a8: // 802.1ad (QinQ outer tag)
			case 0x9100: // pre-standard QinQ
				if (tags >= MAX_TAGS) return bad("more than 8 VLAN tags");
				if (b.length < o + 4) return bad("frame ends inside a VLAN tag");
				type = u16(b, o + 2); // after the 2-byte TCI
				o += 4;
				continue;
			case 0x8847: // MPLS unicast
			case 0x8848:
				return fromMpls(b, o);
			case 0x894f:
				return { kind: "nsh", offset: o };
			case 0x8864: {
				// PPPoE session: 6-byte header, then a PPP protocol number.
				if (b.length < o + 8) return bad("frame ends inside the PPPoE header");
				const ppp = u16(b, o + 6);
				o += 8;
				const inner = pppProtocol(ppp);
				if (inner === 4 || inner === 6) return { kind: "ip", offset: o, version: inner };
				const what = `PPP protocol 0x${ppp.toString(16).padStart(4, "0")}`;
				return inner === "control" ? other(what) : unsupported(what);
			}
		}
		if (type <= 1500) return other("802.3 frame with an LLC header");
		const what = `EtherType 0x${type.toString(16).padStart(4, "0")}`;
		return NOT_IP_CARRIERS.has(type) ? other(what) : unsupported(what);
	}
}

/** Follows the MPLS label stack at `o` (up to the bottom-of-stack bit) to the IP packet, told by its version. */
export function fromMpls(b: Uint8Array, o: number): LinkResult {
	for (let n = 0; ; n++) {
		if (b.length < o + 4) return bad("frame ends inside the MPLS label stack");
		const bottom = ((b[o + 2] as number) & 1) === 1;
		o += 4;
		if (bottom) break;
		if (n >= MAX_TAGS) return bad("more than 8 MPLS labels");
	}
	const v = (b[o] ?? 0) >> 4;
	return v === 4 || v === 6 ? { kind: "ip", offset: o, version: v } : unsupported("MPLS payload that is not IP");
}

/** BSD address families that mean IPv6: NetBSD/OpenBSD, FreeBSD, Darwin, Linux. */
const AF_INET6 = new Set([24, 28, 30, 10]);

function fromFamily(family: number): LinkResult {
	if (family === 2) return { kind: "ip", offset: 4, version: 4 };
	if (AF_INET6.has(family)) return { kind: "ip", offset: 4, version: 6 };
	return other(`address family ${family}`);
}

/** Finds the network layer in a frame of link type `linkType`. */
export function decodeLink(linkType: number, b: Uint8Array): LinkResult {
	switch (linkType) {
		case LINKTYPE.ETHERNET:
			if (b.length < 14) return bad(`Ethernet frame of ${b.length} bytes`);
			return fromEtherType(b, 12, 14);
		case LINKTYPE.LINUX_SLL:
			if (b.length < 16) return bad(`Linux cooked (SLL) frame of ${b.length} bytes`);
			return fromEtherType(b, 14, 16);
		case LINKTYPE.LINUX_SLL2:
			if (b.length < 20) return bad(`Linux cooked (SLL2) frame of ${b.length} bytes`);
			return fromEtherType(b, 0, 20);
		case LINKTYPE.RAW:
		case 12: // DLT_RAW as some systems wrote it
		case 14:
			return { kind: "ip", offset: 0, version: 0 };
		case LINKTYPE.IPV4:
			return { kind: "ip", offset: 0, version: 4 };
		case LINKTYPE.IPV6:
			return { kind: "ip", offset: 0, version: 6 };
		case LINKTYPE.NULL: {
			if (b.length < 4) return bad(`null/loopback frame of ${b.length} bytes`);
			// Host byte order of the machine that captured: whichever reading is small.
			const le = u32(b, 0, true);
			return fromFamily(le > 0xffff ? u32(b, 0) : le);
		}
		case LINKTYPE.LOOP:
			if (b.length < 4) return bad(`loopback frame of ${b.length} bytes`);
			return fromFamily(u32(b, 0));
	}
	return { kind: "unknown" };
}
