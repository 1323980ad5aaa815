/**
 * Writes pcap and pcapng files (either byte order; microsecond or nanosecond pcap timestamps; any
 * pcapng if_tsresol) from frames, for tests and for generating benchmark captures.
 */
import { concat } from "./packet-builder.ts";

/** One frame to write. */
export interface FrameRecord {
	sec: number;
	/** Nanoseconds within the second; default 0. */
	nsec?: number;
	data: Uint8Array;
	/** Length on the wire; default `data.length` (more means the capture cut the frame). */
	origLen?: number;
}

/** pcap file settings. */
export interface PcapSettings {
	linkType: number;
	/** Nanosecond timestamps (magic a1b23c4d); default microseconds. */
	nano?: boolean;
	/** Little-endian fields; default big-endian. */
	littleEndian?: boolean;
	snaplen?: number;
}

function u16(n: number, le: boolean): Uint8Array {
	const b = new Uint8Array(2);
	new DataView(b.buffer).setUint16(0, n, le);
	return b;
}

function u32(n: number, le: boolean): Uint8Array {
	const b = new Uint8Array(4);
	new DataView(b.buffer).setUint32(0, n >>> 0, le);
	return b;
}

/** The 24-byte pcap file header. */
export function pcapHeader(s: PcapSettings): Uint8Array {
	const le = s.littleEndian ?? false;
	return concat(
		u32(s.nano ? 0xa1b23c4d : 0xa1b2c3d4, le),
		u16(2, le),
		u16(4, le),
		u32(0, le),
		u32(0, le),
		u32(s.snaplen ?? 262144, le),
		u32(s.linkType, le),
	);
}

/** One pcap record (16-byte header and the frame). */
export function pcapRecord(s: PcapSettings, r: FrameRecord): Uint8Array {
	const le = s.littleEndian ?? false;
	const nsec = r.nsec ?? 0;
	return concat(
		u32(r.sec, le),
		u32(s.nano ? nsec : Math.floor(nsec / 1000), le),
		u32(r.data.length, le),
		u32(r.origLen ?? r.data.length, le),
		r.data,
	);
}

/** A whole pcap file. */
export function pcapFile(s: PcapSettings, records: FrameRecord[]): Uint8Array {
	return concat(pcapHeader(s), ...records.map((r) => pcapRecord(s, r)));
}

/** One pcapng interface. */
export interface PcapngInterface {
	linkType: number;
	snaplen?: number;
	/** if_tsresol byte (default 6: microseconds; 9 nanoseconds; 0x80|n for 2^-n). Omitted when 6. */
	tsresol?: number;
	/** if_tsoffset seconds. */
	tsoffset?: number;
}

/** A pcapng block of `type` with `body` padded to 4 bytes and the two lengths. */
export function pcapngBlock(type: number, body: Uint8Array, le = false): Uint8Array {
	const padded = (body.length + 3) & ~3;
	const total = 12 + padded;
	return concat(u32(type, le), u32(total, le), body, new Uint8Array(padded - body.length), u32(total, le));
}

function option(code: number, value: Uint8Array, le: boolean): Uint8Array {
	const pad = ((value.length + 3) & ~3) - value.length;
	return concat(u16(code, le), u16(value.length, le), value, new Uint8Array(pad));
}

/** A Section Header Block. */
export function pcapngSection(le = false): Uint8Array {
	return pcapngBlock(
		0x0a0d0d0a,
		concat(u32(0x1a2b3c4d, le), u16(1, le), u16(0, le), u32(0xffffffff, le), u32(0xffffffff, le)),
		le,
	);
}

/** An Interface Description Block. */
export function pcapngInterface(i: PcapngInterface, le = false): Uint8Array {
	const opts: Uint8Array[] = [];
	if (i.tsresol !== undefined && i.tsresol !== 6) opts.push(option(9, new Uint8Array([i.tsresol]), le));
	if (i.tsoffset) {
		const v = new Uint8Array(8);
		new DataView(v.buffer).setBigInt64(0, BigInt(i.tsoffset), le);
		opts.push(option(14, v, le));
	}
	if (opts.length) opts.push(option(0, new Uint8Array(0), le));
	return pcapngBlock(1, concat(u16(i.linkType, le), u16(0, le), u32(i.snaplen ?? 0, le), ...opts), le);
}

/** The 64-bit timestamp of `r` in units of `tsresol`, as [high, low]. */
export function timestampUnits(r: FrameRecord, tsresol = 6): [number, number] {
	const ns = BigInt(r.sec) * 1000000000n + BigInt(r.nsec ?? 0);
	const exp = BigInt(tsresol & 0x7f);
	const units = tsresol & 0x80 ? (ns << exp) / 1000000000n : (ns * 10n ** exp) / 1000000000n;
	return [Number(units >> 32n), Number(units & 0xffffffffn)];
}

/** An Enhanced Packet Block on interface `iface` whose if_tsresol is `tsresol`. */
export function pcapngEpb(iface: number, r: FrameRecord, tsresol = 6, le = false): Uint8Array {
	const [hi, lo] = timestampUnits(r, tsresol);
	return pcapngBlock(
		6,
		concat(
			u32(iface, le),
			u32(hi, le),
			u32(lo, le),
			u32(r.data.length, le),
			u32(r.origLen ?? r.data.length, le),
			r.data,
		),
		le,
	);
}

/** An (obsolete) Packet Block on interface `iface`. */
export function pcapngOpb(iface: number, r: FrameRecord, tsresol = 6, le = false): Uint8Array {
	const [hi, lo] = timestampUnits(r, tsresol);
	return pcapngBlock(
		2,
		concat(
			u16(iface, le),
			u16(0, le),
			u32(hi, le),
			u32(lo, le),
			u32(r.data.length, le),
			u32(r.origLen ?? r.data.length, le),
			r.data,
		),
		le,
	);
}

/** A Simple Packet Block (interface 0, no timestamp). */
export function pcapngSpb(r: FrameRecord, le = false): Uint8Array {
	return pcapngBlock(3, concat(u32(r.origLen ?? r.data.length, le), r.data), le);
}
