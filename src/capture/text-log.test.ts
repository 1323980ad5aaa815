import assert from "node:assert/strict";
import { test } from "node:test";
import { detectTextFormat, readTextLog, TextLogReader } from "./text-log.ts";

const INVITE = [
	"INVITE sip:1002@pbx.example.com SIP/2.0",
	"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1",
	"Max-Forwards: 70",
	"From: <sip:1001@pbx.example.com>;tag=a1",
	"To: <sip:1002@pbx.example.com>",
	"Call-ID: c1@192.0.2.10",
	"CSeq: 1 INVITE",
	"Content-Type: application/sdp",
	"Content-Length: 32",
	"",
	"v=0",
	"o=- 1 1 IN IP4 192.0.2.10",
];
const TRYING = [
	"SIP/2.0 100 Trying",
	"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1",
	"From: <sip:1001@pbx.example.com>;tag=a1",
	"To: <sip:1002@pbx.example.com>",
	"Call-ID: c1@192.0.2.10",
	"CSeq: 1 INVITE",
	"Content-Length: 0",
	"",
];

function check(text: string, format: string) {
	const { format: f, events } = readTextLog(text);
	assert.equal(f, format);
	assert.equal(events.length, 2, JSON.stringify(events.map((e) => e.message.errors)));
	assert.equal(events[0]?.message.method, "INVITE");
	assert.equal(events[0]?.message.body, "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n");
	assert.deepEqual(events[0]?.message.errors, []);
	assert.equal(events[1]?.message.status, 100);
	assert.deepEqual(events[1]?.message.errors, []);
	return events;
}

test("raw SIP pasted with blank lines, LF or CRLF", () => {
	check(`${INVITE.join("\n")}\n\n${TRYING.join("\n")}\n`, "raw");
	check(`\r\n${INVITE.join("\r\n")}\r\n\r\n\r\n${TRYING.join("\r\n")}`, "raw");
});

test("sngrep text export: times and addresses", () => {
	const ev = check(
		`2026/11/25 20:50:00.123456 192.0.2.10:5060 -> 192.0.2.20:5060\n${INVITE.join("\n")}\n\n2026/11/25 20:50:00.130000 192.0.2.20:5060 -> 192.0.2.10:5060\n${TRYING.join("\n")}\n`,
		"sngrep",
	);
	assert.equal(ev[0]?.time, Date.UTC(2026, 10, 25, 20, 50, 0) / 1000 + 0.123456);
	assert.deepEqual(ev[0]?.src, { ip: "192.0.2.10", port: 5060 });
	assert.deepEqual(ev[1]?.dst, { ip: "192.0.2.10", port: 5060 });
});

test("Asterisk pjsip logger blocks in the full log", () => {
	const text = [
		"[2026-11-25 20:50:00.100] VERBOSE[1234] res_pjsip_logger.c: <--- Received SIP request (512 bytes) from UDP:192.0.2.10:5060 --->",
		...INVITE,
		"",
		"[2026-11-25 20:50:00.105] VERBOSE[1234] res_pjsip_logger.c: <--- Transmitting SIP response (300 bytes) to UDP:192.0.2.10:5060 --->",
		...TRYING,
		'[2026-11-25 20:50:00.200] VERBOSE[1234] pbx.c: Executing [1002@default:1] Dial("PJSIP/1001-00000001")',
	].join("\n");
	const ev = check(text, "asterisk");
	assert.deepEqual(ev[0]?.src, { ip: "192.0.2.10", port: 5060 });
	assert.equal(ev[0]?.dst?.port, 0);
	assert.equal(ev[1]?.time, Date.UTC(2026, 10, 25, 20, 50, 0) / 1000 + 0.105);
});

test("FreeSWITCH siptrace", () => {
	const dash = "-".repeat(72);
	const text = [
		"recv 512 bytes from udp/[192.0.2.10]:5060 at 20:50:00.100000:",
		dash,
		...INVITE,
		dash,
		"send 300 bytes to udp/[192.0.2.10]:5060 at 20:50:00.105000:",
		dash,
		...TRYING,
		dash,
	].join("\n");
	const ev = check(text, "freeswitch");
	assert.deepEqual(ev[0]?.src, { ip: "192.0.2.10", port: 5060 });
	assert.ok(Math.abs((ev[1]?.time ?? 0) - (20 * 3600 + 50 * 60 + 0.105)) < 1e-6);
});

test("Kamailio/OpenSIPS log lines carrying a whole message", () => {
	const line = (m: string[]) => `Nov 25 20:50:00 sbc kamailio[812]: INFO: <script>: SIP: ${m.join("\\r\\n")}`;
	check(`${line(INVITE)}\n${line(TRYING)}\n`, "syslog");
});

test("chunks of any size give the same events", () => {
	const text = `2026/11/25 20:50:00.123456 192.0.2.10:5060 -> 192.0.2.20:5060\n${INVITE.join("\n")}\n\n2026/11/25 20:50:00.130000 192.0.2.20:5060 -> 192.0.2.10:5060\n${TRYING.join("\n")}\n`;
	for (const size of [1, 7, 100]) {
		const r = new TextLogReader();
		const ev = [];
		for (let i = 0; i < text.length; i += size) ev.push(...r.push(text.slice(i, i + size)));
		ev.push(...r.end());
		assert.equal(ev.length, 2, String(size));
		assert.equal(r.format, "sngrep");
	}
});

test("detection and junk", () => {
	assert.equal(detectTextFormat("hello world"), "raw");
	assert.equal(readTextLog("just some text\nwith lines\n").events.length, 0);
	assert.equal(readTextLog("").events.length, 0);
});
