import assert from "node:assert/strict";
import { test } from "node:test";
import { ipv4String, ipv6String, u16, u32 } from "./bytes.ts";
import { ipv6Address } from "./packet-builder.ts";

test("integers in both byte orders", () => {
	const b = new Uint8Array([0x12, 0x34, 0x56, 0xf8]);
	assert.equal(u16(b, 0), 0x1234);
	assert.equal(u16(b, 0, true), 0x3412);
	assert.equal(u32(b, 0), 0x123456f8);
	assert.equal(u32(b, 0, true), 0xf8563412);
	assert.equal(ipv4String(b, 0), "18.52.86.248");
});

test("IPv6 addresses in RFC 5952 form", () => {
	const cases: [string, string][] = [
		["2001:db8:0:0:0:0:0:1", "2001:db8::1"],
		["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
		["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
		["0:0:0:0:0:0:0:0", "::"],
		["0:0:0:0:0:0:0:1", "::1"],
		["fe80:0:0:0:0:0:0:0", "fe80::"],
		["2001:DB8:AAAA:0:0:0:0:0", "2001:db8:aaaa::"],
		["0:0:0:0:0:ffff:c000:201", "::ffff:192.0.2.1"],
		["2001:0:0:1:0:0:0:1", "2001:0:0:1::1"],
	];
	for (const [input, want] of cases) assert.equal(ipv6String(ipv6Address(input), 0), want, input);
});
