/**
 * pcapng files: sections (SHB, either byte order, any number of them), interfaces (IDB with
 * if_tsresol and if_tsoffset) and packets (Enhanced, Simple and the obsolete Packet Block). Other
 * blocks are skipped. A block with an impossible length, or whose trailing length does not match,
 * is counted and the reader skips ahead, byte by byte, to the next well-formed block.
 */
import { u16, u32 } from "./bytes.ts";
import { PCAPNG_SHB } from "./detect.ts";
import { countLeftOver, type FileReader, type FileReaderHost } from "./file-reader.ts";
import { type Timestamp, unitsToTimestamp } from "./timestamp.ts";

/** Largest block accepted (Wireshark's limit too). */
export const DEFAULT_MAX_BLOCK = 16 * 1024 * 1024;

const IDB = 1;
const OPB = 2;
const SPB = 3;
const EPB = 6;
/** Block types a resynchronisation may land on (SHB, IDB, OPB, SPB, NRB, ISB, EPB, journal, DSB, custom). */
const KNOWN = new Set([PCAPNG_SHB, IDB, OPB, SPB, 4, 5, EPB, 9, 0x0a, 0xbad, 0x40000bad]);

interface Interface {
	linkType: number;
	snaplen: number;
	tsresol: number;
	tsoffset: number;
}

/** Incremental pcapng reader. */
export class PcapngReader implements FileReader {
	#host: FileReaderHost;
	#maxBlock: number;
	/** Byte order of the current section; null before the first good SHB. */
	#le: boolean | null = null;
	#interfaces: Interface[] = [];
	#resync = false;
	#lastTs: Timestamp | null = null;

	constructor(host: FileReaderHost, options: { maxBlockBytes?: number } = {}) {
		this.#host = host;
		this.#maxBlock = options.maxBlockBytes ?? DEFAULT_MAX_BLOCK;
	}

	read(buf: Uint8Array, start: number, end: number, offset: number, final: boolean): number {
		const host = this.#host;
		let p = start;
		for (;;) {
			if (this.#resync) {
				const found = this.#findBlock(buf, p, end, final);
				host.stats.skippedBytes += found - p;
				p = found;
				if (this.#resync) break;
			}
			if (end - p < 12) break;
			const at = offset + (p - start);
			const type = u32(buf, p, this.#le ?? false);
			let le = this.#le;
			if (type === PCAPNG_SHB) {
				const bom = u32(buf, p + 8);
				le = bom === 0x4d3c2b1a ? true : bom === 0x1a2b3c4d ? false : null;
				if (le === null) {
					this.#bad(`section header with byte-order magic 0x${bom.toString(16)}`, at);
					p++;
					continue;
				}
			} else if (le === null) {
				this.#bad("block before any section header", at);
				p++;
				continue;
			}
			const len = u32(buf, p + 4, le);
			if (len < 12 || len % 4 !== 0 || len > this.#maxBlock) {
				this.#bad(`block of type 0x${type.toString(16)} with length ${len}`, at);
				p++;
				continue;
			}
			if (end - p < len) break;
			const trailer = u32(buf, p + len - 4, le);
			if (trailer !== len) {
				this.#bad(`block of type 0x${type.toString(16)}: length ${len} at the start but ${trailer} at the end`, at);
				p++;
				continue;
			}
			this.#block(buf, p, len, type, le, at);
			p += len;
		}
		return final ? countLeftOver(host, "pcapng block", p, start, end, offset) : p;
	}

	#bad(detail: string, at: number): void {
		this.#host.damage("badBlock", `${detail}; looking for the next block`, at);
		this.#resync = true;
		this.#host.stats.skippedBytes++;
	}

	#block(buf: Uint8Array, p: number, len: number, type: number, le: boolean, at: number): void {
		const host = this.#host;
		switch (type) {
			case PCAPNG_SHB: {
				if (len < 28) {
					host.damage("badFileHeader", `section header block of ${len} bytes (at least 28)`, at);
					return;
				}
				const major = u16(buf, p + 12, le);
				if (major !== 1)
					host.damage(
						"badFileHeader",
						`pcapng version ${major}.${u16(buf, p + 14, le)} (expected 1.0); read as 1.0`,
						at,
					);
				this.#le = le;
				this.#interfaces = [];
				host.stats.sections++;
				return;
			}
			case IDB: {
				if (len < 20) {
					host.damage("badPacketBlock", `interface description block of ${len} bytes (at least 20)`, at);
					return;
				}
				const iface: Interface = {
					linkType: u16(buf, p + 8, le),
					snaplen: u32(buf, p + 12, le),
					tsresol: 6,
					tsoffset: 0,
				};
				this.#options(buf, p + 16, p + len - 4, le, at, (code, o, n) => {
					if (code === 9 && n >= 1) iface.tsresol = buf[o] as number;
					else if (code === 14 && n >= 8) {
						const hi = u32(buf, le ? o + 4 : o, le) | 0;
						iface.tsoffset = hi * 4294967296 + u32(buf, le ? o : o + 4, le);
					}
				});
				this.#interfaces.push(iface);
				host.stats.interfaces++;
				return;
			}
			case EPB:
			case OPB: {
				if (len < 32) {
					host.damage("badPacketBlock", `packet block of ${len} bytes (at least 32)`, at);
					return;
				}
				const id = type === EPB ? u32(buf, p + 8, le) : u16(buf, p + 8, le);
				const caplen = u32(buf, p + 20, le);
				if (caplen > len - 32) {
					host.damage("badPacketBlock", `captured length ${caplen} does not fit in a block of ${len} bytes`, at);
					host.lostPacket();
					return;
				}
				const iface = this.#interfaces[id];
				if (!iface) {
					host.damage(
						"unknownInterface",
						`packet for interface ${id}, but the section describes ${this.#interfaces.length}`,
						at,
					);
					host.lostPacket();
					return;
				}
				const ts = unitsToTimestamp(u32(buf, p + 12, le), u32(buf, p + 16, le), iface.tsresol, iface.tsoffset);
				this.#lastTs = ts;
				host.packet(buf.subarray(p + 28, p + 28 + caplen), u32(buf, p + 24, le), iface.linkType, ts);
				return;
			}
			case SPB: {
				if (len < 16) {
					host.damage("badPacketBlock", `simple packet block of ${len} bytes (at least 16)`, at);
					return;
				}
				const iface = this.#interfaces[0];
				if (!iface) {
					host.damage("unknownInterface", "simple packet block in a section without interfaces", at);
					host.lostPacket();
					return;
				}
				const orig = u32(buf, p + 8, le);
				let caplen = Math.min(orig, len - 16);
				if (iface.snaplen > 0) caplen = Math.min(caplen, iface.snaplen);
				host.packet(buf.subarray(p + 12, p + 12 + caplen), orig, iface.linkType, this.#lastTs);
				return;
			}
		}
		// Name resolution, statistics, secrets, custom and unknown blocks carry no packets.
	}

	/** Walks the options in [o, stop), calling `visit(code, valueOffset, valueLength)`. */
	#options(
		buf: Uint8Array,
		o: number,
		stop: number,
		le: boolean,
		at: number,
		visit: (code: number, o: number, n: number) => void,
	): void {
		while (o + 4 <= stop) {
			const code = u16(buf, o, le);
			const n = u16(buf, o + 2, le);
			if (code === 0) return;
			if (o + 4 + n > stop) {
				this.#host.damage("badOption", `option ${code} of ${n} bytes runs past its block`, at);
				return;
			}
			visit(code, o + 4, n);
			o += 4 + ((n + 3) & ~3);
		}
	}

	/** Index of the next well-formed block at or after `p`, clearing #resync when found. */
	#findBlock(buf: Uint8Array, p: number, end: number, final: boolean): number {
		for (; end - p >= 12; p++) {
			let le = this.#le;
			const type = u32(buf, p, le ?? false);
			if (type === PCAPNG_SHB) {
				const bom = u32(buf, p + 8);
				le = bom === 0x4d3c2b1a ? true : bom === 0x1a2b3c4d ? false : null;
			} else if (!KNOWN.has(type)) continue;
			if (le === null) continue;
			const len = u32(buf, p + 4, le);
			if (len < 12 || len % 4 !== 0 || len > this.#maxBlock) continue;
			if ((type === EPB || type === OPB) && (len < 32 || (end - p >= 24 && u32(buf, p + 20, le) > len - 32))) continue;
			if (end - p < len) {
				if (final) continue;
				return p; // wait for the whole candidate block
			}
			if (u32(buf, p + len - 4, le) !== len) continue;
			this.#resync = false;
			return p;
		}
		return final ? end : p;
	}
}
