import assert from "node:assert/strict";
import { test } from "node:test";
import { isKeepAlive, isSipStartLine, looksLikeSip } from "./sip-detect.ts";

const enc = new TextEncoder();
const line = (s: string) => {
	const b = enc.encode(s);
	return isSipStartLine(b, 0, b.length);
};

test("SIP start lines are recognised", () => {
	for (const s of [
		"INVITE sip:bob@example.com SIP/2.0",
		"INVITE sip:bob@example.com SIP/2.0\r",
		"REGISTER sips:example.com SIP/2.0",
		"OPTIONS tel:+15551234567 SIP/2.0",
		"FOO-BAR! urn:service:sos sip/2.0",
		"SIP/2.0 200 OK",
		"SIP/2.0 180",
		"SIP/2.0 486 Busy Here  ",
		"sip/2.0 603 Decline",
		"INVITE  sip:a@b  SIP/2.0",
	])
		assert.ok(line(s), s);
});

test("other lines are not", () => {
	for (const s of [
		"",
		"GET / HTTP/1.1",
		"HTTP/1.1 200 OK",
		"SIP/2.0 20 OK",
		"SIP/2.0 2000 OK",
		"SIP/2.0200 OK",
		"INVITE sip:bob@example.com",
		"INVITE bob SIP/2.0",
		"INV(TE sip:a@b SIP/2.0",
		" INVITE sip:a@b SIP/2.0",
		"INVITE sip:a@b\u0001 SIP/2.0",
		"Via: SIP/2.0/UDP host",
		"a=rtpmap:0 PCMU/8000 SIP/2.0",
	])
		assert.ok(!line(s), s);
});

test("datagrams: a start line ended by LF, after optional CRLFs", () => {
	assert.ok(looksLikeSip(enc.encode("\r\nSIP/2.0 100 Trying\r\nVia: x\r\n\r\n")));
	assert.ok(!looksLikeSip(enc.encode("SIP/2.0 100 Trying")), "no line end");
	assert.ok(!looksLikeSip(new Uint8Array([0x80, 0, 1, 2, 10])));
	assert.ok(!looksLikeSip(enc.encode(`INVITE sip:${"a".repeat(9000)} SIP/2.0\r\n`)), "start line too long");
});

test("keep-alives", () => {
	assert.ok(isKeepAlive(enc.encode("\r\n\r\n")));
	assert.ok(isKeepAlive(enc.encode("\r\n")));
	assert.ok(isKeepAlive(new Uint8Array([0])));
	assert.ok(!isKeepAlive(enc.encode("\r\n\r\n\r\n")));
	assert.ok(!isKeepAlive(new Uint8Array(0)));
});
