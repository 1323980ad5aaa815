// End-to-end tests of `sipwhy analyze` on logs written here and on committed captures.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
	chmodSync,
	existsSync,
	lstatSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	statSync,
	symlinkSync,
	utimesSync,
	writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pcapFile } from "../src/capture/capture-writer.ts";
import { ethernet, gre, ipv4, udp } from "../src/capture/packet-builder.ts";
import { request, response } from "../src/flow/test-messages.ts";

const BIN = join(import.meta.dirname, "..", "bin", "sipwhy.js");
const dir = mkdtempSync(join(tmpdir(), "sipwhy-analyze-"));

function sipwhy(args: string[]) {
	const env = { ...process.env };
	delete env.FORCE_COLOR;
	const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An sngrep-style log of [seconds, text, ">" caller→callee | "<"] rows. */
function log(rows: [number, string, ">" | "<"][]): string {
	const base = Date.UTC(2026, 10, 25, 20, 0, 0);
	return rows
		.map(([t, text, d]) => {
			const iso = new Date(base + t * 1000).toISOString();
			const stamp = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 23)}000`;
			return `${stamp} ${d === ">" ? "192.0.2.10:5060 -> 192.0.2.20:5060" : "192.0.2.20:5060 -> 192.0.2.10:5060"}\n${text.replace(/\r\n/g, "\n")}`;
		})
		.join("\n");
}

const hostileAgent = 'Server: <script>alert("x")</script>"><img src=x onerror=alert(1)>';
const LOG = join(dir, "calls.log");
writeFileSync(
	LOG,
	log([
		[0, request("INVITE"), ">"],
		[0.4, response(180, "Ringing"), "<"],
		[6, response(486, "Busy Here", { extraHeaders: [hostileAgent] }), "<"],
		[6.01, request("ACK", { toTag: "b1" }), ">"],
		[10, request("REGISTER", { callId: "reg-1" }), ">"],
		[10.01, response(200, "OK", { callId: "reg-1", method: "REGISTER" }), "<"],
		[11, request("OPTIONS", { callId: "o-1" }), ">"],
		[11.01, response(200, "OK", { callId: "o-1", method: "OPTIONS" }), "<"],
		[12, request("OPTIONS", { callId: "o-2" }), ">"],
		[12.01, response(200, "OK", { callId: "o-2", method: "OPTIONS" }), "<"],
	]),
);

test("--json has the contract's shape", () => {
	const r = sipwhy(["analyze", LOG, "--json"]);
	assert.equal(r.status, 0, r.stderr);
	const out = JSON.parse(r.stdout);
	assert.ok(out.stats && Array.isArray(out.calls));
	assert.equal(out.stats.sipMessages, 10);
	assert.equal(out.calls.length, 4);
	const call = out.calls.find((c: { callId: string }) => c.callId === "call-1@192.0.2.10");
	for (const k of ["callId", "from", "to", "start", "end", "outcome", "messages", "findings"]) assert.ok(k in call, k);
	assert.deepEqual(call.outcome, { code: 486, reason: "Busy Here" });
	assert.equal(call.start, "2026-11-25T20:00:00.000Z");
	assert.equal(call.timings.pdd, 0.4);
	assert.equal(call.messages.length, 4);
	const f = call.findings.find((x: { rule: string }) => x.rule === "who-failed");
	assert.ok(f && f.severity === "warning" && f.code === 486 && typeof f.text === "string");
});

test("the call list: outcomes, OPTIONS summarised, filters", () => {
	const r = sipwhy(["analyze", LOG]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /INVITE\s+486 Busy Here/);
	assert.match(r.stdout, /REGISTER\s+200 OK/);
	assert.match(r.stdout, /2 OPTIONS keep-alives from 1 device: 2 × 200 OK/);
	assert.doesNotMatch(r.stdout, /OPTIONS\s+200 OK\s/);
	const failed = sipwhy(["analyze", LOG, "--failed"]);
	assert.match(failed.stdout, /486 Busy Here/);
	assert.doesNotMatch(failed.stdout, /REGISTER/);
	assert.doesNotMatch(sipwhy(["analyze", LOG, "--code", "2xx"]).stdout, /486/);
	assert.match(sipwhy(["analyze", LOG, "--code", "486"]).stdout, /486/);
	assert.doesNotMatch(sipwhy(["analyze", LOG, "--method", "register"]).stdout, /INVITE/);
	assert.match(sipwhy(["analyze", LOG, "--min-pdd", "300ms"]).stdout, /INVITE/);
	assert.doesNotMatch(sipwhy(["analyze", LOG, "--min-pdd", "5s"]).stdout, /INVITE/);
});

test("--call draws the ladder and shows messages on request", () => {
	const r = sipwhy(["analyze", LOG, "--call", "call-1@192.0.2.10", "--show", "2"]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /192\.0\.2\.10:5060\s+192\.0\.2\.20:5060/);
	assert.match(r.stdout, /│─+INVITE─+▶│/);
	assert.match(r.stdout, /│◀─+486 Busy Here─+│/);
	assert.match(r.stdout, /#2 .*\nSIP\/2\.0 486 Busy Here/);
	const missing = sipwhy(["analyze", LOG, "--call", "nope"]);
	assert.equal(missing.status, 1);
	assert.match(missing.stderr, /no call with Call-ID nope/);
});

test("--format html writes one self-contained, escaped report", () => {
	const out = join(dir, "report.html");
	const r = sipwhy(["analyze", LOG, "--format", "html", "-o", out, "--lang", "tr"]);
	assert.equal(r.status, 0, r.stderr);
	const html = readFileSync(out, "utf8");
	assert.match(html, /^<!doctype html>/);
	assert.match(html, /<svg[^>]*role="img"/);
	assert.match(html, /Çağrılar/);
	assert.doesNotMatch(html, /<script/i);
	assert.doesNotMatch(html, /<img /);
	assert.match(html, /&#60;script&#62;alert/);
	assert.doesNotMatch(html, /(src|href)="https?:/);
});

test("--output streams the report into the file; a failed run leaves none", () => {
	const out = join(dir, "calls.json");
	const r = sipwhy(["analyze", LOG, "--json", "-o", out]);
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stdout, "");
	assert.deepEqual(JSON.parse(readFileSync(out, "utf8")), JSON.parse(sipwhy(["analyze", LOG, "--json"]).stdout));
	assert.deepEqual(
		readdirSync(dir).filter((f) => f.includes(".partial-")),
		[],
		"no temporary file left behind",
	);
	const failed = join(dir, "never.json");
	const bad = sipwhy(["analyze", join(dir, "missing.pcap"), "--json", "-o", failed]);
	assert.equal(bad.status, 1);
	assert.equal(existsSync(failed), false);
	const unwritable = sipwhy(["analyze", LOG, "--json", "-o", join(dir, "no-such-dir", "x.json")]);
	assert.equal(unwritable.status, 1);
	assert.match(unwritable.stderr, /no-such-dir.*cannot write \(ENOENT\)/);
	assert.equal(unwritable.stderr.trim().split("\n").length, 1);
});

test("--output follows a symbolic link, keeps the file's mode, and a directory is a one-line error", () => {
	const target = join(dir, "target.json");
	writeFileSync(target, "old");
	chmodSync(target, 0o640);
	const link = join(dir, "link.json");
	symlinkSync(target, link);
	const r = sipwhy(["analyze", LOG, "--json", "-o", link]);
	assert.equal(r.status, 0, r.stderr);
	assert.ok(lstatSync(link).isSymbolicLink(), "the link stays a link");
	assert.equal(JSON.parse(readFileSync(target, "utf8")).calls.length > 0, true);
	assert.equal(statSync(target).mode & 0o777, 0o640);
	const sub = join(dir, "a-directory");
	mkdirSync(sub);
	const bad = sipwhy(["analyze", LOG, "--json", "-o", sub]);
	assert.equal(bad.status, 1);
	assert.match(bad.stderr, /a-directory: cannot write \(EISDIR\)/);
	assert.equal(bad.stderr.trim().split("\n").length, 1);
	assert.deepEqual(
		readdirSync(dir).filter((f) => f.includes(".partial-")),
		[],
	);
});

test("bad input: one line, exit 1; wrong usage: exit 2", () => {
	const emptyFile = join(dir, "empty.pcap");
	writeFileSync(emptyFile, "");
	const notSip = join(dir, "notes.txt");
	writeFileSync(notSip, "just some notes\nnothing to see\n");
	const cases: [string[], number, RegExp][] = [
		[["analyze", join(dir, "missing.pcap")], 1, /missing\.pcap: cannot read \(no such file\)/],
		[["analyze", dir], 1, /is a directory/],
		[["analyze", notSip], 1, /not a pcap\/pcapng capture or a SIP log/],
		[["analyze", emptyFile], 1, /empty\.pcap: empty file/],
		[["analyze"], 2, /missing FILE/],
		[["analyze", LOG, "--format", "pdf"], 2, /--format must be/],
		[["analyze", LOG, "--show", "1"], 2, /--show needs --call/],
		[["analyze", LOG, "--min-pdd", "soon"], 1, /not a duration/],
		[["analyze", LOG, "--code", "4x"], 1, /not a code/],
	];
	for (const [args, status, msg] of cases) {
		const r = sipwhy(args);
		assert.equal(r.status, status, `${args.join(" ")}: ${r.stderr}`);
		assert.match(r.stderr, msg);
		assert.equal(r.stderr.trim().split("\n").length, 1);
	}
});

test("committed captures: link types, TCP, fragments, nanoseconds all give their call", () => {
	const fixtures = join(import.meta.dirname, "fixtures", "captures");
	for (const f of [
		"cooked-sll.pcap",
		"cooked-sll2.pcapng",
		"tcp-ipv4.pcapng",
		"udp-fragmented.pcapng",
		"udp-ipv4-nsec.pcap",
	]) {
		const r = sipwhy(["analyze", join(fixtures, f), "--json"]);
		assert.equal(r.status, 0, `${f}: ${r.stderr}`);
		const out = JSON.parse(r.stdout);
		assert.ok(out.calls.length >= 1, f);
		assert.deepEqual(out.calls[0].outcome, { code: 200, reason: "OK" }, f);
	}
});

test("several files: one call, its messages in time order", () => {
	const a = join(dir, "leg-a.log");
	const b = join(dir, "leg-b.log");
	writeFileSync(
		a,
		log([
			[0, request("INVITE"), ">"],
			[2, response(200, "OK"), "<"],
		]),
	);
	writeFileSync(
		b,
		log([
			[0.5, response(180, "Ringing"), "<"],
			[2.1, request("ACK", { toTag: "b1", branch: "z9hG4bK-a" }), ">"],
		]),
	);
	const r = sipwhy(["analyze", a, b, "--json"]);
	assert.equal(r.status, 0, r.stderr);
	const out = JSON.parse(r.stdout);
	assert.equal(out.calls.length, 1);
	assert.deepEqual(
		out.calls[0].messages.map((m: { label: string }) => m.label),
		["INVITE", "180 Ringing", "200 OK", "ACK"],
	);
	assert.equal(out.calls[0].timings.pdd, 0.5);
});

test("--format csv: one row per call, formulas from captures defused, quotes escaped", () => {
	const f = join(dir, "csv.log");
	writeFileSync(
		f,
		log([
			[0, request("OPTIONS", { callId: '=HYPERLINK("http://x")' }), ">"],
			[0.01, response(200, "OK", { callId: '=HYPERLINK("http://x")', method: "OPTIONS" }), "<"],
		]),
	);
	const r = sipwhy(["analyze", f, "--format", "csv"]);
	assert.equal(r.status, 0, r.stderr);
	const lines = r.stdout.trimEnd().split("\r\n");
	assert.equal(
		lines[0],
		"start,callId,method,from,to,code,reason,pdd_s,setup_s,duration_s,messages,decidedBy,findings,media,media_streams,media_lost_pct,media_max_jitter_ms",
	);
	assert.equal(lines.length, 2);
	assert.match(lines[1] ?? "", /,"'=HYPERLINK\(""http:\/\/x""\)",OPTIONS,/);
});

test("tunnels and SCTP give the calls; skipped encapsulations are said, by kind, in the summary and --json", () => {
	const fixtures = join(import.meta.dirname, "fixtures", "captures");
	for (const f of ["gre-ipv4.pcap", "erspan-iii.pcap", "pptp-ppp.pcap", "vxlan.pcap", "gtp-u.pcap", "sctp.pcap"]) {
		const out = JSON.parse(sipwhy(["analyze", join(fixtures, f), "--json"]).stdout);
		assert.equal(out.calls.length, 2, f);
		assert.deepEqual(
			out.calls.map((c: { outcome: { code: number } }) => c.outcome.code),
			[200, 200],
			f,
		);
	}
	const inner = ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17 }, udp(5060, 5060, request("OPTIONS")));
	const outer = (protocol: number, payload: Uint8Array) =>
		ethernet(0x0800, ipv4({ src: "203.0.113.1", dst: "203.0.113.2", protocol }, payload));
	const file = join(dir, "skipped.pcap");
	writeFileSync(
		file,
		pcapFile({ linkType: 1 }, [
			{ sec: 1, data: outer(47, gre({ protocol: 0x1234 }, inner)) },
			{ sec: 2, data: outer(47, gre({ protocol: 0x1234 }, inner)) },
			{ sec: 3, data: outer(50, new Uint8Array(32)) },
			{ sec: 4, data: outer(47, gre({ protocol: 0x0800 }, inner)) },
		]),
	);
	const text = sipwhy(["analyze", file]);
	assert.equal(text.status, 0, text.stderr);
	assert.match(
		text.stdout,
		/skipped\.pcap: 3 packets skipped: unsupported encapsulation \(GRE protocol type 0x1234 ×2, IP protocol 50 \(ESP\) ×1\)/,
	);
	assert.doesNotMatch(text.stdout, /unsupportedEncapsulation/);
	const json = JSON.parse(sipwhy(["analyze", file, "--json"]).stdout);
	assert.equal(json.stats.sipMessages, 1);
	assert.deepEqual(json.stats.inputs[0].skippedEncapsulations, {
		"GRE protocol type 0x1234": 2,
		"IP protocol 50 (ESP)": 1,
	});
	assert.equal(json.stats.inputs[0].malformed.unsupportedEncapsulation, 3);
});

test("an Asterisk log's yearless timestamps take the file's modification year, or --year", () => {
	const invite = request("INVITE").replace(/\r\n/g, "\n").trimEnd().split("\n");
	const text = [
		"[Dec  4 14:00:00] VERBOSE[1234] res_pjsip_logger.c: <--- Received SIP request (512 bytes) from UDP:192.0.2.10:5060 --->",
		...invite,
		"",
	].join("\n");
	const file = join(dir, "asterisk-full.log");
	writeFileSync(file, text);
	utimesSync(file, new Date(Date.UTC(2025, 11, 20)), new Date(Date.UTC(2025, 11, 20)));
	const byMtime = JSON.parse(sipwhy(["analyze", file, "--json"]).stdout);
	assert.equal(byMtime.calls[0].start, "2025-12-04T14:00:00.000Z");
	assert.equal(byMtime.calls[0].messages[0].src, "192.0.2.10:5060");
	const byFlag = JSON.parse(sipwhy(["analyze", file, "--json", "--year", "2023"]).stdout);
	assert.equal(byFlag.calls[0].start, "2023-12-04T14:00:00.000Z");
	const bad = sipwhy(["analyze", file, "--year", "23"]);
	assert.equal(bad.status, 2);
	assert.match(bad.stderr, /--year must be a year/);
});

test("media capture: --json media per the contract, the call list's media column, CSV media columns", () => {
	const file = join(import.meta.dirname, "fixtures", "media", "loss.pcapng");
	const r = sipwhy(["analyze", file, "--json"]);
	assert.equal(r.status, 0, r.stderr);
	const [call] = JSON.parse(r.stdout).calls;
	const keys = [
		"ssrc",
		"src",
		"dst",
		"direction",
		"payloadType",
		"codec",
		"packets",
		"expected",
		"lost",
		"lostPercent",
		"sequenceErrors",
		"maxDeltaMs",
		"maxJitterMs",
		"meanJitterMs",
		"start",
		"end",
		"srtp",
		"dtmf",
		"sdp",
	];
	assert.equal(call.media.length, 8);
	for (const m of call.media) {
		for (const k of keys) assert.ok(k in m, `media.${k}`);
		assert.match(m.direction, /^(caller→callee|callee→caller|unknown)$/);
		assert.deepEqual(Object.keys(m.sdp).sort(), ["addr", "matched", "port"]);
	}
	assert.ok(call.findings.some((f: { rule: string }) => f.rule === "media-loss"));
	const list = sipwhy(["analyze", file]);
	// The list is written call by call, so the media figures follow the row of each call that has them.
	assert.match(list.stdout, /INVITE {4}200 OK .* {2}↔ PCMA 2\.6% loss\n/);
	const csv = sipwhy(["analyze", file, "--format", "csv"]).stdout.trimEnd().split("\r\n");
	assert.match(csv[1] ?? "", /,↔ PCMA 2\.6% loss,8,2\.564,1\.186$/);
	const out = join(mkdtempSync(join(tmpdir(), "sipwhy-media-")), "r.html");
	assert.equal(sipwhy(["analyze", file, "--format", "html", "-o", out]).status, 0);
	const html = readFileSync(out, "utf8");
	assert.match(html, /<h3>Media \(RTP\)<\/h3><table class="media">/);
	assert.match(
		html,
		/<svg width="120" height="24"[^>]*><title>1 s per point; jitter peak [\d.]+ ms; lost 6<\/title><rect /,
	);
	assert.match(
		html,
		/<td>caller→callee<\/td><td>127\.0\.0\.1:6000 → 127\.0\.0\.1:17000<\/td><td>PCMA\/8<\/td><td>236<\/td><td>0<\/td>/,
	);
});

test("--call shows each stream's figures, DTMF and RTCP under the ladder", () => {
	const file = join(import.meta.dirname, "fixtures", "media", "clean-two-way.pcapng");
	const [call] = JSON.parse(sipwhy(["analyze", file, "--json"]).stdout).calls;
	const r = sipwhy(["analyze", file, "--call", call.callId]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /Media\n/);
	assert.match(r.stdout, /caller→callee\s+127\.0\.0\.1:6000 → 127\.0\.0\.1:16000\s+PCMA\/8\s+236\s+0\s+0\.0\s+0/);
	assert.match(r.stdout, /DTMF 1/);
});
