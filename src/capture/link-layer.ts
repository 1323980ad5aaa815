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
	/** Something other than IP (ARP, LLDP, STP …). */
	| { kind: "other"; what: string }
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
			case 0x8848: {
				// Label stack entries up to the bottom-of-stack bit, then IP told by its version.
				for (let n = 0; ; n++) {
					if (b.length < o + 4) return bad("frame ends inside the MPLS label stack");
					const bottom = ((b[o + 2] as number) & 1) === 1;
					o += 4;
					if (bottom) break;
					if (n >= MAX_TAGS) return bad("more than 8 MPLS labels");
				}
				const v = (b[o] ?? 0) >> 4;
				return v === 4 || v === 6 ? { kind: "ip", offset: o, version: v } : other("MPLS payload that is not IP");
			}
			case 0x8864: {
				// PPPoE session: 6-byte header, then a PPP protocol number.
				if (b.length < o + 8) return bad("frame ends inside the PPPoE header");
				const ppp = u16(b, o + 6);
				o += 8;
				if (ppp === 0x0021) return { kind: "ip", offset: o, version: 4 };
				if (ppp === 0x0057) return { kind: "ip", offset: o, version: 6 };
				return other(`PPP protocol 0x${ppp.toString(16)}`);
			}
		}
		if (type <= 1500) return other("802.3 frame with an LLC header");
		return other(`EtherType 0x${type.toString(16).padStart(4, "0")}`);
	}
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
