/**
 * ERSPAN (Cisco's remote port mirroring, draft-foschiano-erspan): a mirrored frame in GRE. GRE
 * protocol type 0x88BE without a sequence number is type I (no ERSPAN header); with one, the
 * header's version says type II (8 bytes) or III. Protocol type 0x22EB is type III: a 12-byte
 * header, then an 8-byte platform-specific subheader when its O bit is set.
 */
import { u16 } from "./bytes.ts";

/** GRE protocol types of ERSPAN. */
export const ERSPAN = { TYPE_II: 0x88be, TYPE_III: 0x22eb } as const;

/** Where the mirrored frame is. */
export type ErspanResult =
	/** An Ethernet frame (or, for a type III frame type 2, an IP packet) starts at `offset`. */
	{ kind: "ethernet" | "ip"; offset: number } | { kind: "bad"; detail: string } | { kind: "unsupported"; what: string };

/**
 * Reads the ERSPAN header at `o` in `b`; `protocol` is the GRE protocol type and `greSequence`
 * whether the GRE header had a sequence number.
 */
export function parseErspan(b: Uint8Array, o: number, protocol: number, greSequence: boolean): ErspanResult {
	if (protocol === ERSPAN.TYPE_II && !greSequence) return { kind: "ethernet", offset: o };
	if (b.length < o + 8) return { kind: "bad", detail: "ERSPAN header cut short" };
	const version = (b[o] as number) >> 4;
	if (version === 1) return { kind: "ethernet", offset: o + 8 };
	if (version !== 2) return { kind: "unsupported", what: `ERSPAN version ${version}` };
	if (b.length < o + 12) return { kind: "bad", detail: "ERSPAN type III header cut short" };
	const word = u16(b, o + 10);
	const frameType = (word >> 10) & 0x1f;
	let at = o + 12;
	if (word & 1) {
		if (b.length < at + 8) return { kind: "bad", detail: "ERSPAN platform subheader cut short" };
		at += 8;
	}
	if (frameType === 0) return { kind: "ethernet", offset: at };
	if (frameType === 2) return { kind: "ip", offset: at };
	return { kind: "unsupported", what: `ERSPAN frame type ${frameType}` };
}
