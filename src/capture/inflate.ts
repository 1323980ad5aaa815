/**
 * Bounded decompression of a small compressed payload (zlib RFC 1950, gzip RFC 1952 or raw
 * deflate RFC 1951, told apart by their headers), synchronous so the packet path stays one pass.
 * A payload that would inflate past the limit is given up as soon as it passes it: a
 * decompression bomb costs at most the limit, not what it would expand to.
 */
import { Gunzip, Inflate, Unzlib } from "fflate";

/** The most bytes a compressed capture payload may inflate to (a SIP message over UDP is smaller). */
export const MAX_INFLATED_BYTES = 65536;

/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one step stays near 130 KB. */
const STEP = 128;

/** Says which format `b` is in by its first bytes. */
function format(b: Uint8Array): "gzip" | "zlib" | "deflate" {
	const b0 = b[0] ?? 0;
	const b1 = b[1] ?? 0;
	if (b0 === 0x1f && b1 === 0x8b) return "gzip";
	// zlib: method 8 (deflate), a window of at most 32 KiB, and a header check that is a multiple of 31.
	if ((b0 & 15) === 8 && b0 >> 4 <= 7 && ((b0 << 8) | b1) % 31 === 0) return "zlib";
	return "deflate";
}

/** Inflates `data` to at most `max` bytes; a string says why it could not be (corrupt, cut short, or over the limit). */
export function inflateBounded(data: Uint8Array, max = MAX_INFLATED_BYTES): Uint8Array | string {
	if (data.length === 0) return "no compressed bytes";
	const parts: Uint8Array[] = [];
	let size = 0;
	let done = false;
	const ondata = (chunk: Uint8Array, final: boolean) => {
		size += chunk.length;
		if (size <= max) parts.push(chunk);
		if (final) done = true;
	};
	const kind = format(data);
	const stream = kind === "gzip" ? new Gunzip(ondata) : kind === "zlib" ? new Unzlib(ondata) : new Inflate(ondata);
	try {
		for (let o = 0; o < data.length && !done; o += STEP) {
			const end = Math.min(o + STEP, data.length);
			stream.push(data.subarray(o, end), end === data.length);
			if (size > max) return `${kind} payload inflates past ${max} bytes`;
		}
	} catch (e) {
		return `${kind} payload cannot be inflated (${e instanceof Error ? e.message : String(e)})`;
	}
	if (!done) return `${kind} payload cut short`;
	// Also what a corrupt stream can give (fflate takes a reserved block type as the end).
	if (size === 0) return `${kind} payload inflates to nothing`;
	if (parts.length === 1) return parts[0] as Uint8Array;
	const out = new Uint8Array(size);
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}
