import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { isPrivateAddress } from "./media.ts";

/** The definition by regular expressions the hand-written reader must agree with. */
function reference(ip: string): boolean {
	const a = ip.replace(/^\[|\]$/g, "").toLowerCase();
	const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(a);
	if (m) {
		const x = Number(m[1]);
		const y = Number(m[2]);
		return (
			x === 10 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 100 && y >= 64 && y <= 127)
		);
	}
	return /^f[cd][0-9a-f]{2}:/.test(a) || /^fe[89ab][0-9a-f]:/.test(a);
}

test("isPrivateAddress: RFC 1918, RFC 6598, RFC 4193 and link-local addresses", () => {
	for (const ip of [
		"10.0.0.1",
		"172.16.5.4",
		"172.31.255.255",
		"192.168.1.1",
		"100.64.0.1",
		"[fd00::1]",
		"FE80::1",
		"fc12:3::",
	])
		assert.equal(isPrivateAddress(ip), true, ip);
	for (const ip of [
		"8.8.8.8",
		"172.32.0.1",
		"100.128.0.1",
		"192.169.0.1",
		"2001:db8::1",
		"fe00::1",
		"10.0.0",
		"10.0.0.1.2",
		"",
		"[",
		"f",
	])
		assert.equal(isPrivateAddress(ip), false, ip);
});

test("property: isPrivateAddress agrees with its definition by regular expressions", () => {
	const octet = fc.oneof(
		fc.integer({ min: 0, max: 300 }).map(String),
		fc.constantFrom("", "00010", "99999999999", "x"),
	);
	const v4 = fc
		.tuple(octet, octet, octet, octet, fc.constantFrom("", ".1", " "))
		.map(([a, b, c, d, t]) => `${a}.${b}.${c}.${d}${t}`);
	const v6 = fc.stringMatching(/^\[?[fFeEcCdD0-9a-bA-B8:]{0,8}\]?$/);
	const any = fc.string({ maxLength: 12 });
	fc.assert(
		fc.property(fc.oneof(v4, v6, any), (ip) => {
			assert.equal(isPrivateAddress(ip), reference(ip), JSON.stringify(ip));
		}),
		{ numRuns: 5000 },
	);
});
