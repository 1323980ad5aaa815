import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { timestampUnits } from "./capture-writer.ts";
import { toSeconds, unitsToTimestamp } from "./timestamp.ts";

function reference(hi: number, lo: number, resolution: number): { sec: number; nsec: number } {
	const v = (BigInt(hi) << 32n) | BigInt(lo);
	const exp = BigInt(resolution & 0x7f);
	const d = resolution & 0x80 ? 1n << exp : 10n ** exp;
	return { sec: Number(v / d), nsec: Number(((v % d) * 1000000000n) / d) };
}

test("every resolution converts exactly (powers of 10) or to the nanosecond below (powers of 2)", () => {
	const resolutions = [
		0,
		1,
		3,
		6,
		9,
		10,
		12,
		15,
		18,
		0x80,
		0x80 | 10,
		0x80 | 20,
		0x80 | 30,
		0x80 | 32,
		0x80 | 40,
		0x80 | 63,
	];
	fc.assert(
		fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), fc.constantFrom(...resolutions), (hi, lo, r) => {
			const got = unitsToTimestamp(hi, lo, r);
			const want = reference(hi, lo, r);
			if (want.sec > Number.MAX_SAFE_INTEGER) return;
			assert.equal(got.sec, want.sec);
			assert.ok(Math.abs(got.nsec - want.nsec) <= 1, `${hi}:${lo} @${r}: ${got.nsec} vs ${want.nsec}`);
			assert.ok(got.nsec >= 0 && got.nsec < 1e9);
		}),
		{ numRuns: 2000 },
	);
});

test("nanosecond timestamps of today are exact", () => {
	const r = { sec: 1763000000, nsec: 987654321 };
	const [hi, lo] = timestampUnits({ ...r, data: new Uint8Array(0) }, 9);
	assert.deepEqual(unitsToTimestamp(hi, lo, 9), r);
	assert.deepEqual(unitsToTimestamp(hi, lo, 9, -3600), { sec: 1762996400, nsec: 987654321 });
	assert.ok(Math.abs(toSeconds(r) - (1763000000 + 0.987654321)) < 3e-7);
});
