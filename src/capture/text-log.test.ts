import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { detectTextFormat, MAX_LINE, readTextLog, TextLogReader } from "./text-log.ts";

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
	assert.deepEqual(ev[1]?.dst, { ip: "192.0.2.10", port: 5060 });
	assert.equal(ev[0]?.dst?.port, 0);
	assert.equal(ev[1]?.time, Date.UTC(2026, 10, 25, 20, 50, 0) / 1000 + 0.105);
});

test("FreeSWITCH siptrace as sofia's tport_log_msg writes it: indented, between separators", () => {
	const dash = `   ${"-".repeat(72)}`;
	const indent = (m: string[]) => m.map((l) => (l === "" ? "" : `   ${l}`));
	const text = [
		"recv 512 bytes from udp/[192.0.2.10]:5060 at 20:50:00.100000:",
		dash,
		...indent(INVITE),
		dash,
		"send 300 bytes to udp/[192.0.2.10]:5060 at 20:50:00.105000:",
		dash,
		...indent(TRYING),
		dash,
	].join("\n");
	// The file was last written on 2026-11-25 at 21:00 UTC: the times fall on that day.
	const { format, events: ev } = readTextLog(text, { referenceTime: Date.UTC(2026, 10, 25, 21) / 1000 });
	assert.equal(format, "freeswitch");
	assert.equal(ev.length, 2);
	assert.equal(ev[0]?.message.body, "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n");
	assert.deepEqual(ev[0]?.message.errors, []);
	assert.deepEqual(ev[1]?.message.errors, []);
	assert.deepEqual(ev[0]?.src, { ip: "192.0.2.10", port: 5060 });
	assert.deepEqual(ev[1]?.dst, { ip: "192.0.2.10", port: 5060 });
	assert.ok(Math.abs((ev[1]?.time ?? 0) - (Date.UTC(2026, 10, 25, 20, 50) / 1000 + 0.105)) < 1e-6);
});

test("FreeSWITCH siptrace over midnight: the day moves on; IPv6 peers", () => {
	const block = (time: string, m: string[]) => [
		`recv 300 bytes from udp/[2001:db8::1]:5060 at ${time}:`,
		`   ${"-".repeat(72)}`,
		...m.map((l) => `   ${l}`),
		`   ${"-".repeat(72)}`,
	];
	const text = [...block("23:59:59.500000", INVITE), ...block("00:00:00.250000", TRYING)].join("\n");
	const ev = readTextLog(text, { referenceTime: Date.UTC(2026, 10, 26, 1) / 1000 }).events;
	assert.equal(ev.length, 2);
	assert.equal(ev[0]?.time, Date.UTC(2026, 10, 25, 23, 59, 59) / 1000 + 0.5);
	assert.equal(ev[1]?.time, Date.UTC(2026, 10, 26, 0, 0, 0) / 1000 + 0.25);
	assert.deepEqual(ev[0]?.src, { ip: "2001:db8::1", port: 5060 });
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

const RINGING_SDP = [
	"SIP/2.0 183 Session Progress",
	"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1",
	"From: <sip:1001@pbx.example.com>;tag=a1",
	"To: <sip:1002@pbx.example.com>;tag=b2",
	"Call-ID: c1@192.0.2.10",
	"CSeq: 1 INVITE",
	"Content-Type: application/sdp",
	"Content-Length: 32",
	"",
	"v=0",
	"o=- 1 1 IN IP4 192.0.2.20",
];
const BUSY = [
	"SIP/2.0 486 Busy Here",
	"Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1",
	"From: <sip:1001@pbx.example.com>;tag=a1",
	"To: <sip:1002@pbx.example.com>;tag=b2",
	"Call-ID: c1@192.0.2.10",
	"CSeq: 1 INVITE",
	"Content-Length: 0",
	"",
];

function kinds(text: string): string[] {
	return readTextLog(text).events.map((e) => {
		assert.deepEqual(e.message.errors, []);
		assert.deepEqual(e.message.warnings, []);
		return e.message.method ?? String(e.message.status);
	});
}

test("raw SIP framed by Content-Length: a message right after a body is not lost (issue 14)", () => {
	// The SDP body's last line ends, and the next message starts on the next line, no blank line.
	for (const eol of ["\r\n", "\n"]) {
		const text = [...INVITE, "", ...RINGING_SDP, "", ...BUSY].join(eol);
		assert.deepEqual(kinds(`${text}${eol}`), ["INVITE", "183", "486"], JSON.stringify(eol));
		assert.deepEqual(kinds(text), ["INVITE", "183", "486"], JSON.stringify(eol));
	}
	// Messages without bodies and without any blank line between them.
	const crlf = `${TRYING.join("\r\n")}\r\n${BUSY.join("\r\n")}\r\n`;
	assert.deepEqual(kinds(crlf), ["100", "486"]);
	// Leading blank lines and CRLF keep-alives between messages are skipped.
	assert.deepEqual(kinds(`\r\n\r\n\r\n${crlf}\r\n\r\n${crlf}`), ["100", "486", "100", "486"]);
});

test("raw SIP: a body without its final line end, the next message on the same line", () => {
	const body = "v=0\r\no=- 1 1 IN IP4 192.0.2.20";
	const head = RINGING_SDP.slice(0, 7).join("\r\n");
	const text = `${head}\r\nContent-Length: ${body.length}\r\n\r\n${body}${BUSY.join("\r\n")}`;
	const ev = readTextLog(text).events;
	assert.deepEqual(
		ev.map((e) => e.message.status),
		[183, 486],
	);
	assert.equal(ev[0]?.message.body, body);
	assert.deepEqual(ev[1]?.message.errors, []);
});

test("raw SIP without Content-Length ends at the next start line after a blank line", () => {
	const noLength = (m: string[]) => m.filter((l) => !l.startsWith("Content-Length"));
	const text = [...noLength(INVITE), "", "", ...noLength(BUSY)].join("\n");
	const ev = readTextLog(text).events;
	assert.equal(ev.length, 2);
	// The blank lines before the next message are not body; the last body line keeps its end.
	assert.equal(ev[0]?.message.body, "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n");
	assert.equal(ev[1]?.message.status, 486);
});

test("raw SIP in chunks of any size gives the same messages", () => {
	const text = `\r\n${[...INVITE, "", ...RINGING_SDP, "", ...BUSY].join("\r\n")}`;
	for (const size of [1, 3, 7, 100, 4096]) {
		const r = new TextLogReader();
		const ev = [];
		for (let i = 0; i < text.length; i += size) ev.push(...r.push(text.slice(i, i + size)));
		ev.push(...r.end());
		assert.deepEqual(
			ev.map((e) => e.message.method ?? e.message.status),
			["INVITE", 183, 486],
			String(size),
		);
		assert.equal(ev[1]?.message.body, "v=0\r\no=- 1 1 IN IP4 192.0.2.20\r\n");
	}
});

test("text between messages is skipped and counted, the messages around it kept", () => {
	const { events, stats } = readTextLog(`${TRYING.join("\r\n")}\r\nsome note\r\nanother\r\n\r\n${BUSY.join("\r\n")}`);
	assert.deepEqual(
		events.map((e) => e.message.status),
		[100, 486],
	);
	assert.equal(stats.skippedBlocks, 1);
});

const asteriskLog = (stamps: string[]) =>
	[
		`[${stamps[0]}] VERBOSE[1234] res_pjsip_logger.c: <--- Received SIP request (512 bytes) from UDP:192.0.2.10:5060 --->`,
		...INVITE,
		"",
		`[${stamps[1]}] VERBOSE[1234] res_pjsip_logger.c: <--- Transmitting SIP response (300 bytes) to UDP:192.0.2.10:5060 --->`,
		...TRYING,
		"",
	].join("\n");

test("Asterisk timestamps without a year take it from the file's time, never 1970 (defect 7)", () => {
	const text = asteriskLog(["Dec  4 14:00:00", "Dec  4 14:00:01"]);
	// Written in December 2026, read later: 2026.
	let ev = readTextLog(text, { referenceTime: Date.UTC(2026, 11, 5) / 1000 }).events;
	assert.equal(ev[0]?.time, Date.UTC(2026, 11, 4, 14) / 1000);
	assert.deepEqual(ev[0]?.src, { ip: "192.0.2.10", port: 5060 });
	assert.deepEqual(ev[1]?.dst, { ip: "192.0.2.10", port: 5060 });
	// A file last written in March 2027 that starts on December 4: December 2026.
	ev = readTextLog(text, { referenceTime: Date.UTC(2027, 2, 1) / 1000 }).events;
	assert.equal(ev[0]?.time, Date.UTC(2026, 11, 4, 14) / 1000);
	// An explicit year wins.
	ev = readTextLog(text, { year: 2023, referenceTime: Date.UTC(2027, 2, 1) / 1000 }).events;
	assert.equal(ev[1]?.time, Date.UTC(2023, 11, 4, 14, 0, 1) / 1000);
	// No context at all (stdin, the browser): this year or the last, never 1970.
	ev = readTextLog(text).events;
	const year = new Date((ev[0]?.time ?? 0) * 1000).getUTCFullYear();
	const now = new Date().getUTCFullYear();
	assert.ok(year === now || year === now - 1, String(year));
});

test("Asterisk log crossing New Year: January after December is the next year", () => {
	const text = asteriskLog(["Dec 31 23:59:59", "Jan  1 00:00:01"]);
	const ev = readTextLog(text, { referenceTime: Date.UTC(2027, 0, 1, 0, 5) / 1000 }).events;
	assert.equal(ev[0]?.time, Date.UTC(2026, 11, 31, 23, 59, 59) / 1000);
	assert.equal(ev[1]?.time, Date.UTC(2027, 0, 1, 0, 0, 1) / 1000);
});

test("Kamailio/OpenSIPS syslog lines: the time comes from the syslog stamp", () => {
	const line = (m: string[], t: string) => `${t} sbc kamailio[812]: INFO: <script>: SIP: ${m.join("#015#012")}`;
	const ev = readTextLog(`${line(INVITE, "Nov 25 20:50:00")}\n${line(TRYING, "Nov 25 20:50:01")}\n`, {
		referenceTime: Date.UTC(2026, 11, 1) / 1000,
	}).events;
	assert.equal(ev.length, 2);
	assert.equal(ev[0]?.time, Date.UTC(2026, 10, 25, 20, 50) / 1000);
	const iso = readTextLog(`${line(INVITE, "2026-11-25T20:50:00.250+01:00")}\n`).events;
	assert.equal(iso[0]?.time, Date.UTC(2026, 10, 25, 19, 50, 0) / 1000 + 0.25);
});

test("an over-long line is skipped to its end and counted; the messages after it are read", () => {
	const long = "x".repeat(MAX_LINE + 10);
	for (const size of [1 << 16, 1 << 20]) {
		const r = new TextLogReader({ format: "raw" });
		const text = `${TRYING.join("\r\n")}\r\n${long}\r\n${BUSY.join("\r\n")}`;
		const ev = [];
		for (let i = 0; i < text.length; i += size) ev.push(...r.push(text.slice(i, i + size)));
		ev.push(...r.end());
		assert.deepEqual(
			ev.map((e) => e.message.status),
			[100, 486],
		);
		assert.equal(r.stats.longLines, 1);
	}
	// Inside a message, the message is dropped (a part of it is missing).
	const { events, stats } = readTextLog([...INVITE.slice(0, 4), `Subject: ${long}`, ...INVITE.slice(4)].join("\n"));
	assert.equal(events.length, 0);
	assert.equal(stats.skippedBlocks, 1);
});

test("reading is linear in the input: 8 MB on one line costs about 4 times 2 MB (issue 10)", () => {
	const counts: number[][] = [];
	const time = (mb: number) => {
		const chunk = "y".repeat(1 << 16);
		const r = new TextLogReader();
		const t0 = performance.now();
		r.push(`${TRYING.join("\n")}\n`);
		for (let n = 0; n < mb * 16; n++) r.push(chunk);
		r.push(`\n${BUSY.join("\n")}`);
		const ev = r.end();
		const ms = performance.now() - t0;
		counts.push([r.stats.longLines, r.stats.sipMessages, ev.length]);
		return ms;
	};
	time(2);
	const small = Math.max(time(2), 1);
	const large = time(8);
	// Quadratic reading (the whole rest scanned again per chunk) makes this ratio about 16.
	assert.ok(large / small < 8, `${large.toFixed(1)} ms vs ${small.toFixed(1)} ms`);
	// Each: the long line counted, both messages read (the second one at the end).
	for (const c of counts) assert.deepEqual(c, [1, 2, 1]);
});

const FIXTURES = join(import.meta.dirname, "..", "..", "test", "fixtures", "text-logs");

test("a real Kamailio 5.6 sipdump text file: addresses, epoch times, direction", () => {
	// Written by kamailio 5.6.3 (modparam sipdump mode 1) for sipsak OPTIONS and a SIPp INVITE.
	const { format, events, stats } = readTextLog(readFileSync(join(FIXTURES, "kamailio-sipdump.data"), "utf8"));
	assert.equal(format, "sipdump");
	assert.deepEqual(
		events.map((e) => [e.message.method ?? e.message.status, e.message.errors.length]),
		[
			["OPTIONS", 0],
			[200, 0],
			["INVITE", 0],
			[486, 0],
			["ACK", 0],
		],
	);
	assert.equal(stats.skippedBlocks, 0);
	const invite = events[2];
	assert.equal(invite?.time, 1796415124.847094);
	assert.deepEqual(invite?.src, { ip: "127.0.0.1", port: 5060 });
	assert.deepEqual(invite?.dst, { ip: "127.0.0.1", port: 35512 });
	assert.equal(invite?.transport, "udp");
	assert.equal(invite?.message.body?.length, 129);
	assert.deepEqual(events[3]?.src, { ip: "127.0.0.1", port: 35512 });
});

test("a sipdump record whose body has no final CRLF: the end mark on the body's last line", () => {
	const body = "v=0\r\ns=-";
	const message = `${INVITE.slice(0, 7).join("\r\n")}\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
	const record = (tag: string, m: string) =>
		`====================\ntag: ${tag}\npid: 1\nprocess: 1\ntime: 1764100000.250000\ndate: Tue Nov 25 20:46:40 2025\nproto: tcp ipv4\nsrcip: 192.0.2.10\nsrcport: 5060\ndstip: 192.0.2.20\ndstport: 5060\n~~~~~~~~~~~~~~~~~~~~\n${m}||||||||||||||||||||\n`;
	const { events, stats } = readTextLog(record("rcv", message) + record("snd", `${TRYING.join("\r\n")}\r\n`));
	assert.deepEqual(
		events.map((e) => [e.message.method ?? e.message.status, e.message.body ?? null, e.transport]),
		[
			["INVITE", body, "tcp"],
			[100, null, "tcp"],
		],
	);
	assert.equal(stats.skippedBlocks, 0);
});

test("a real Kamailio xlog of $mb on stderr: log lines between raw messages", () => {
	const { format, events } = readTextLog(readFileSync(join(FIXTURES, "kamailio-xlog-stderr.log"), "utf8"));
	assert.equal(format, "raw");
	assert.deepEqual(
		events.map((e) => [e.message.method, e.message.errors.length, e.message.body?.length ?? 0]),
		[
			["OPTIONS", 0, 0],
			["INVITE", 0, 129],
		],
	);
});

test("Asterisk chan_sip debug, a timestamp on every line of the console log", () => {
	const stamp = (lines: string[], t: string) => lines.map((l) => `[${t}] ${l}`);
	const text = [
		...stamp(["", "<--- SIP read from UDP:192.0.2.10:5060 --->", ...INVITE, "<------------->"], "Dec  4 14:00:00"),
		"[Dec  4 14:00:00] --- (12 headers 2 lines) ---",
		...stamp(
			["", "<--- Reliably Transmitting (NAT) to 192.0.2.10:5060 --->", ...TRYING, "<------------>"],
			"Dec  4 14:00:01",
		),
		"[Dec  4 14:00:05] Really destroying SIP dialog 'c1@192.0.2.10' Method: INVITE",
	].join("\n");
	const { format, events, stats } = readTextLog(text, { referenceTime: Date.UTC(2026, 11, 5) / 1000 });
	assert.equal(format, "asterisk");
	assert.deepEqual(
		events.map((e) => [e.message.method ?? e.message.status, e.message.errors.length, e.src, e.dst, e.time]),
		[
			["INVITE", 0, { ip: "192.0.2.10", port: 5060 }, { ip: "log-host", port: 0 }, Date.UTC(2026, 11, 4, 14) / 1000],
			[100, 0, { ip: "log-host", port: 0 }, { ip: "192.0.2.10", port: 5060 }, Date.UTC(2026, 11, 4, 14, 0, 1) / 1000],
		],
	);
	assert.equal(events[0]?.message.body, "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\n");
	assert.equal(stats.skippedBlocks, 0);
});

test("a real baresip 1.0 SIP trace (baresip -s): both addresses, transport, colour marks", () => {
	// baresip called a Kamailio answering 486; the trace is on stdout between colour escapes.
	const { format, events, stats } = readTextLog(readFileSync(join(FIXTURES, "baresip-sip-trace.log"), "utf8"));
	assert.equal(format, "baresip");
	assert.deepEqual(
		events.map((e) => [e.message.method ?? e.message.status, e.message.errors.length, e.src?.port, e.dst?.port]),
		[
			["INVITE", 0, 52944, 47102],
			[486, 0, 47102, 52944],
			["ACK", 0, 52944, 47102],
		],
	);
	assert.equal(events[0]?.message.body?.length, 338);
	assert.equal(events[0]?.transport, "udp");
	assert.equal(stats.skippedBlocks, 0);
	// Newer baresip puts a time of day before the mark; a body without its final CRLF ends on the mark.
	const text = `\x1b[36;1m20:50:00.125#\nTCP 192.0.2.10:5060 -> 192.0.2.20:5060\n${INVITE.slice(0, 8).join("\r\n")}\r\nContent-Length: 3\r\n\r\nv=0\x1b[;m\n`;
	const ev = readTextLog(text, { referenceTime: Date.UTC(2026, 10, 25, 21) / 1000 }).events;
	assert.deepEqual(
		ev.map((e) => [e.message.body, e.time, e.transport]),
		[["v=0", Date.UTC(2026, 10, 25, 20, 50) / 1000 + 0.125, "tcp"]],
	);
});

test("a log line that ends in a start line begins the message there (xlog of $mb after a prefix)", () => {
	const real = readFileSync(join(FIXTURES, "kamailio-xlog-stderr.log"), "utf8");
	// The same log had the script been xlog("L_INFO", "received from $si:$sp: $mb").
	const inline = real.replace(/received (\w+) from ([\d.:]+)\r?\n/g, "received from $2: ");
	assert.notEqual(inline, real);
	const { events } = readTextLog(inline);
	assert.deepEqual(
		events.map((e) => [e.message.method, e.message.errors.length]),
		[
			["OPTIONS", 0],
			["INVITE", 0],
		],
	);
});
