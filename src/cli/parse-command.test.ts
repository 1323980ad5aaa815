import assert from "node:assert/strict";
import { test } from "node:test";
import { parseAll, renderParsed } from "./parse-command.ts";

const INVITE =
	"INVITE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Type: application/sdp\r\nContent-Length: 5\r\n\r\nv=0\r\n";
const BUSY =
	"SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>;tag=2\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

test("parse reads every message: one right after a body, no blank line between (issue 14)", () => {
	const ms = parseAll(INVITE + BUSY);
	assert.deepEqual(
		ms.map((m) => m.method ?? m.status),
		["INVITE", 486],
	);
	for (const m of ms) assert.deepEqual([m.errors, m.warnings], [[], []]);
	// LF line ends: Content-Length counted the CRLFs the text lost; said in a warning.
	const lf = parseAll((INVITE + BUSY).replaceAll("\r\n", "\n"));
	assert.deepEqual(
		lf.map((m) => [m.method ?? m.status, m.body ?? null, m.errors]),
		[
			["INVITE", "v=0\r\n", []],
			[486, null, []],
		],
	);
	assert.match(lf[0]?.warnings[0]?.message ?? "", /bare LF/);
});

test("parse: lines outside any message are named, text without a start line still parsed", () => {
	const ms = parseAll(`${INVITE}garbage\r\nmore\r\n\r\n${BUSY}`);
	assert.equal(ms.length, 2);
	assert.match(ms[0]?.warnings.map((w) => w.message).join() ?? "", /2 lines outside any SIP message/);
	const junk = parseAll("hello\r\n");
	assert.equal(junk.length, 1);
	assert.equal(junk[0]?.ok, false);
	assert.deepEqual(parseAll("\r\n\r\n"), []);
});

test("the terminal view prints the body, control characters made visible", () => {
	// Colour off (NO_COLOR in the test run): every escape left in the output came from the body.
	const out = renderParsed(parseAll(INVITE.replace("v=0\r\n", "v\x1b\x07\r\n") + BUSY));
	assert.match(out, /Body\n.*v\\x1b\\x07\n/);
	assert.ok(!out.includes("\x1b") && !out.includes("\x07"));
	// Several messages: how many, said at the end.
	assert.match(out, /\n2 messages\n$/);
});
