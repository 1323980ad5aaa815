/**
 * Capture timestamps as whole seconds plus nanoseconds, exact for every resolution pcap and
 * pcapng use (pcapng's if_tsresol: a power of 10 or of 2), and as one float of seconds.
 */

/** A point in time: seconds since the Unix epoch and nanoseconds within that second. */
export interface Timestamp {
	sec: number;
	nsec: number;
}

const TWO32 = 4294967296;

/**
 * Converts a 64-bit count of time units (`hi`·2³² + `lo`) into seconds and nanoseconds.
 * `resolution` is pcapng's if_tsresol byte: bit 7 clear means 10^-n seconds per unit, set means
 * 2^-n; `offset` is if_tsoffset, whole seconds added.
 */
export function unitsToTimestamp(hi: number, lo: number, resolution = 6, offset = 0): Timestamp {
	const base2 = (resolution & 0x80) !== 0;
	const exp = resolution & 0x7f;
	if (!base2 && exp === 6 && hi < 0x200000) {
		// Microseconds (the default): the count fits a double exactly.
		const v = hi * TWO32 + lo;
		const sec = Math.floor(v / 1e6);
		return { sec: sec + offset, nsec: (v - sec * 1e6) * 1000 };
	}
	const divisor = base2 ? 2 ** exp : 10 ** exp;
	let sec: number;
	let rem: number;
	if (divisor < 2 ** 36) {
		// Long division by 16-bit limbs: every intermediate stays below 2^52, so it is exact.
		let q = 0;
		let r = 0;
		for (let i = 0; i < 4; i++) {
			const limb = i === 0 ? hi >>> 16 : i === 1 ? hi & 0xffff : i === 2 ? lo >>> 16 : lo & 0xffff;
			const cur = r * 65536 + limb;
			const d = Math.floor(cur / divisor);
			r = cur - d * divisor;
			q = q * 65536 + d;
		}
		sec = q;
		rem = r;
	} else {
		const v = (BigInt(hi) << 32n) | BigInt(lo);
		const d = base2 ? 1n << BigInt(exp) : 10n ** BigInt(exp);
		sec = Number(v / d);
		const r = v % d;
		const ns = (r * 1000000000n) / d;
		return { sec: sec + offset, nsec: Number(ns) };
	}
	let nsec: number;
	if (!base2 && exp <= 9) nsec = rem * 10 ** (9 - exp);
	else if (!base2) nsec = Math.floor(rem / 10 ** (exp - 9));
	else nsec = Math.min(999999999, Math.floor((rem / divisor) * 1e9));
	return { sec: sec + offset, nsec };
}

/** Seconds as one number (sub-microsecond precision is lost for present-day dates). */
export function toSeconds(ts: Timestamp): number {
	return ts.sec + ts.nsec / 1e9;
}
