/**
 * Classic pcap (libpcap) files: the 24-byte file header and 16-byte record headers (24 in the
 * "modified" variant), either byte order, microsecond or nanosecond timestamps. A record with an
 * impossible length is counted and the reader skips ahead, byte by byte, to the next place where
 * two consecutive record headers are plausible.
 */
import { u32 } from "./bytes.ts";
import { pcapMagic } from "./detect.ts";
import { countLeftOver, type FileReader, type FileReaderHost } from "./file-reader.ts";

/** Largest record accepted unless the file header's snapshot length says more (up to 16 MiB). */
export const DEFAULT_MAX_PACKET = 262144;
const HARD_MAX_PACKET = 16 * 1024 * 1024;
/** How far apart two consecutive timestamps may be for a record found while resynchronising. */
const RESYNC_MAX_GAP = 7 * 86400;

/** Incremental pcap reader. */
export class PcapReader implements FileReader {
	#host: FileReaderHost;
	#maxPacket: number;
	#headerRead = false;
	#le = false;
	#nano = false;
	#headerLength = 16;
	#linkType = 0;
	#resync = false;
	#lastSec = -1;

	constructor(host: FileReaderHost, options: { maxPacketBytes?: number } = {}) {
		this.#host = host;
		this.#maxPacket = options.maxPacketBytes ?? DEFAULT_MAX_PACKET;
	}

	read(buf: Uint8Array, start: number, end: number, offset: number, final: boolean): number {
		const host = this.#host;
		let p = start;
		if (!this.#headerRead) {
			if (end - p < 24) {
				if (final) {
					host.damage("truncatedFile", `the input ends inside the 24-byte pcap file header (${end - p} bytes)`, offset);
					host.stats.skippedBytes += end - p;
					return end;
				}
				return p;
			}
			const magic = pcapMagic(buf.subarray(p, p + 4));
			if (!magic) {
				host.damage("badFileHeader", "not a pcap magic number", offset);
				host.stats.skippedBytes += end - p;
				return end;
			}
			const le = magic.le;
			this.#le = le;
			this.#nano = magic.nano;
			this.#headerLength = magic.modified ? 24 : 16;
			const major = (buf[p + (le ? 5 : 4)] as number) * 256 + (buf[p + (le ? 4 : 5)] as number);
			const minor = (buf[p + (le ? 7 : 6)] as number) * 256 + (buf[p + (le ? 6 : 7)] as number);
			if (major !== 2)
				host.damage("badFileHeader", `pcap version ${major}.${minor} (expected 2.4); read as 2.4`, offset + 4);
			const snaplen = u32(buf, p + 16, le);
			if (snaplen > this.#maxPacket && snaplen <= HARD_MAX_PACKET) this.#maxPacket = snaplen;
			// Bits 16-31 carry FCS information, not the link type.
			this.#linkType = u32(buf, p + 20, le) & 0xffff;
			this.#headerRead = true;
			host.stats.sections++;
			host.stats.interfaces++;
			p += 24;
		}
		const hl = this.#headerLength;
		const le = this.#le;
		for (;;) {
			if (this.#resync) {
				const found = this.#findRecord(buf, p, end, final);
				host.stats.skippedBytes += found - p;
				p = found;
				if (this.#resync) break;
			}
			if (end - p < hl) break;
			const incl = u32(buf, p + 8, le);
			if (incl > this.#maxPacket) {
				host.damage(
					"badRecord",
					`pcap record of ${incl} bytes (limit ${this.#maxPacket}); looking for the next record`,
					offset + (p - start),
				);
				this.#resync = true;
				p++;
				host.stats.skippedBytes++;
				continue;
			}
			if (end - p < hl + incl) break;
			const sec = u32(buf, p, le);
			const frac = u32(buf, p + 4, le);
			let nsec = this.#nano ? frac : frac * 1000;
			let s = sec;
			if (nsec >= 1e9) {
				s += Math.floor(nsec / 1e9);
				nsec %= 1e9;
			}
			this.#lastSec = sec;
			host.packet(buf.subarray(p + hl, p + hl + incl), u32(buf, p + 12, le), this.#linkType, { sec: s, nsec });
			p += hl + incl;
		}
		return final ? countLeftOver(host, "pcap record", p, start, end, offset) : p;
	}

	#plausible(buf: Uint8Array, p: number): boolean {
		const le = this.#le;
		const incl = u32(buf, p + 8, le);
		const orig = u32(buf, p + 12, le);
		if (incl > this.#maxPacket || orig < incl || orig > HARD_MAX_PACKET) return false;
		if (u32(buf, p + 4, le) >= (this.#nano ? 1e9 : 1e6)) return false;
		return this.#lastSec < 0 || Math.abs(u32(buf, p, le) - this.#lastSec) <= RESYNC_MAX_GAP;
	}

	/** Index of the next plausible record at or after `p`, clearing #resync when found. */
	#findRecord(buf: Uint8Array, p: number, end: number, final: boolean): number {
		const hl = this.#headerLength;
		for (; end - p >= hl; p++) {
			if (!this.#plausible(buf, p)) continue;
			const next = p + hl + u32(buf, p + 8, this.#le);
			if (next === end && final) {
				this.#resync = false;
				return p;
			}
			if (end - next < hl) {
				if (final) continue;
				return p; // wait for the next header
			}
			if (this.#plausible(buf, next)) {
				this.#resync = false;
				return p;
			}
		}
		return final ? end : p;
	}
}
