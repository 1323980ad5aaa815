/**
 * GTP-U, the user plane of GPRS/UMTS/LTE/5G (3GPP TS 29.281, UDP port 2152): VoLTE's SIP travels
 * inside it between the eNodeB and the core. A GTPv1-U header (8 bytes; 12 with the sequence
 * number, N-PDU number and next extension header type when any of E, S, PN is set), extension
 * headers chained by their last byte, then for a T-PDU (message type 255) the user's IP packet.
 */
import { u16 } from "./bytes.ts";

/** The GTP-U UDP port. */
export const GTP_U_PORT = 2152;

/** A T-PDU: message type 255. */
const T_PDU = 0xff;
const MAX_EXTENSION_HEADERS = 16;

/** A GTP-U packet read. */
export type GtpResult =
	/** A T-PDU whose user packet is `b[offset, end)`. */
	| { kind: "tpdu"; offset: number; end: number }
	/** Signalling on the user plane (echo, error indication, end marker …): no user packet. */
	| { kind: "signalling"; type: number }
	| { kind: "bad"; detail: string }
	/** Not GTPv1-U (GTP', another version): read the datagram as it is. */
	| { kind: "notGtp" };

/** Reads the GTP-U header at the start of the UDP payload `b`. */
export function parseGtpU(b: Uint8Array): GtpResult {
	if (b.length < 8) return { kind: "notGtp" };
	const flags = b[0] as number;
	// Version 1 and protocol type 1 (GTP, not GTP').
	if (flags >> 5 !== 1 || !(flags & 0x10)) return { kind: "notGtp" };
	const type = b[1] as number;
	const end = 8 + u16(b, 2);
	if (end > b.length) return { kind: "bad", detail: `GTP-U length ${end - 8} past the ${b.length - 8} bytes captured` };
	let o = 8;
	if (flags & 7) {
		if (end < 12) return { kind: "bad", detail: "GTP-U optional fields cut short" };
		// The next-type byte means something only with the E flag.
		let next = flags & 4 ? (b[11] as number) : 0;
		o = 12;
		for (let n = 0; next !== 0; n++) {
			if (n >= MAX_EXTENSION_HEADERS) return { kind: "bad", detail: "more than 16 GTP-U extension headers" };
			if (o >= end) return { kind: "bad", detail: "GTP-U extension header cut short" };
			// Length in 4-byte units, counting the length and next-type bytes.
			const len = (b[o] as number) * 4;
			if (len === 0) return { kind: "bad", detail: "GTP-U extension header of length 0" };
			if (o + len > end) return { kind: "bad", detail: "GTP-U extension header runs past the packet" };
			next = b[o + len - 1] as number;
			o += len;
		}
	}
	if (type !== T_PDU) return { kind: "signalling", type };
	return { kind: "tpdu", offset: o, end };
}
