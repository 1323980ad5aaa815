/**
 * Reading integers and addresses out of packet bytes, in either byte order, without DataView
 * allocations on the hot path. Reads past the end give 0 bits, so callers check lengths first.
 */

/** An unsigned 16-bit integer at `o`, big-endian unless `le`. */
export function u16(b: Uint8Array, o: number, le = false): number {
	const x = b[o] as number;
	const y = b[o + 1] as number;
	return le ? x | (y << 8) : (x << 8) | y;
}

/** An unsigned 32-bit integer at `o`, big-endian unless `le`. */
export function u32(b: Uint8Array, o: number, le = false): number {
	const a = b[o] as number;
	const c = b[o + 1] as number;
	const d = b[o + 2] as number;
	const e = b[o + 3] as number;
	return le ? (a | (c << 8) | (d << 16) | (e << 24)) >>> 0 : ((a << 24) | (c << 16) | (d << 8) | e) >>> 0;
}

// A capture repeats the same addresses: each one's text is made once (the cache is bounded).
const IPV4_TEXT = new Map<number, string>();

/** The IPv4 address at `o`, dotted. */
export function ipv4String(b: Uint8Array, o: number): string {
	// A 32-bit integer key (negative from 128.0.0.0 on) stays a small integer in V8.
	const key =
		((b[o] as number) << 24) | ((b[o + 1] as number) << 16) | ((b[o + 2] as number) << 8) | (b[o + 3] as number);
	let text = IPV4_TEXT.get(key);
	if (text === undefined) {
		text = `${b[o]}.${b[o + 1]}.${b[o + 2]}.${b[o + 3]}`;
		if (IPV4_TEXT.size >= 4096) IPV4_TEXT.clear();
		IPV4_TEXT.set(key, text);
	}
	return text;
}

/** The IPv6 address at `o` in RFC 5952 form (lower case, longest zero run as `::`, mapped IPv4 dotted). */
export function ipv6String(b: Uint8Array, o: number): string {
	const g: number[] = [];
	for (let i = 0; i < 8; i++) g.push(u16(b, o + 2 * i));
	// ::ffff:a.b.c.d (IPv4-mapped, RFC 5952 §5).
	if (g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff)
		return `::ffff:${ipv4String(b, o + 12)}`;
	let bestStart = -1;
	let bestLen = 1;
	for (let i = 0; i < 8; ) {
		if (g[i] !== 0) {
			i++;
			continue;
		}
		let j = i;
		while (j < 8 && g[j] === 0) j++;
		if (j - i > bestLen) {
			bestStart = i;
			bestLen = j - i;
		}
		i = j;
	}
	const hex = (i: number) => (g[i] as number).toString(16);
	if (bestStart < 0) return g.map((_, i) => hex(i)).join(":");
	const head = g.slice(0, bestStart).map((_, i) => hex(i));
	const tail = g.slice(bestStart + bestLen).map((_, i) => hex(bestStart + bestLen + i));
	return `${head.join(":")}::${tail.join(":")}`;
}

/** True if the bytes at `o` spell the ASCII string `s` exactly. */
export function startsWithAscii(b: Uint8Array, o: number, s: string): boolean {
	if (o + s.length > b.length) return false;
	for (let i = 0; i < s.length; i++) if (b[o + i] !== s.charCodeAt(i)) return false;
	return true;
}

/**
 * Writes `bytes` after the first `len` bytes of `buf` and returns the buffer that holds them:
 * `buf` itself, or a copy at least twice as large when it is full (appending stays linear).
 */
export function appendBytes(buf: Uint8Array<ArrayBuffer>, len: number, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
	const need = len + bytes.length;
	let out = buf;
	if (need > buf.length) {
		out = new Uint8Array(Math.max(need, buf.length * 2, 1024));
		out.set(buf.subarray(0, len));
	}
	out.set(bytes, len);
	return out;
}

/** The parts joined into one new array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
	let total = 0;
	for (const p of parts) total += p.length;
	const out = new Uint8Array(total);
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
}
