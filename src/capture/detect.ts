/**
 * Format detection by magic number: classic pcap (microsecond or nanosecond timestamps, either
 * byte order, and the "modified" Kuznetzov variant) and pcapng (its Section Header Block type).
 * Anything else is not a capture; text logs are detected elsewhere.
 */
import { u32 } from "./bytes.ts";

/** What the first bytes of an input are. */
export type CaptureFormat = "pcap" | "pcapng" | "unknown";

/** What a pcap magic number says about the file. */
export interface PcapMagic {
	/** Little-endian fields. */
	le: boolean;
	/** Nanosecond (instead of microsecond) timestamps. */
	nano: boolean;
	/** Kuznetzov's modified pcap: 8 more bytes per record header. */
	modified: boolean;
}

const PCAP_MAGICS: Record<number, Omit<PcapMagic, "le">> = {
	2712847316: { nano: false, modified: false },
	2712812621: { nano: true, modified: false },
	2712849716: { nano: false, modified: true },
};

/** Block type of the pcapng Section Header Block (a palindrome, so byte-order free). */
export const PCAPNG_SHB = 0x0a0d0d0a;

/** The pcap magic at the start of `head`, or null. */
export function pcapMagic(head: Uint8Array): PcapMagic | null {
	if (head.length < 4) return null;
	const be = PCAP_MAGICS[u32(head, 0)];
	if (be) return { le: false, ...be };
	const le = PCAP_MAGICS[u32(head, 0, true)];
	return le ? { le: true, ...le } : null;
}

/**
 * The format of an input from its first bytes (4 are enough). Fewer than 4 bytes, or any other
 * magic, is "unknown".
 */
export function detectCaptureFormat(head: Uint8Array): CaptureFormat {
	if (head.length < 4) return "unknown";
	if (u32(head, 0) === PCAPNG_SHB) return "pcapng";
	return pcapMagic(head) ? "pcap" : "unknown";
}
