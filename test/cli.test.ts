// End-to-end tests of the real `sipwhy` bin (built into dist/ by `npm run build`).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[`);
const BIN = join(import.meta.dirname, "..", "bin", "sipwhy.js");

function sipwhy(args: string[], env: Record<string, string> = {}) {
	const base = { ...process.env };
	delete base.NO_COLOR;
	delete base.FORCE_COLOR;
	const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...base, CI: "true", ...env } });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("explain --json carries the contract's fields", () => {
	const r = sipwhy(["explain", "603", "--json"]);
	assert.equal(r.status, 0, r.stderr);
	const e = JSON.parse(r.stdout);
	assert.equal(e.code, 603);
	assert.equal(e.reason, "Decline");
	assert.equal(e.class, "6xx");
	assert.equal(e.status, "current");
	assert.deepEqual(e.rfc, {
		doc: "RFC3261",
		section: "21.6.2",
		url: "https://www.rfc-editor.org/rfc/rfc3261#section-21.6.2",
	});
	for (const k of [
		"final",
		"methods",
		"senders",
		"requiredHeaders",
		"optionalHeaders",
		"endsForking",
		"retry",
		"dialogEffect",
		"q850",
	])
		assert.ok(k in e.facts, k);
	assert.ok(Array.isArray(e.howToFix) && e.howToFix.length >= 2);
	assert.ok(Array.isArray(e.related));
	assert.equal(e.lang, "en");
});

test("sipwhy CODE is explain CODE; --lang tr gives Turkish", () => {
	const a = sipwhy(["486", "--json", "--lang", "tr"]);
	const b = sipwhy(["explain", "486", "--json", "--lang", "tr"]);
	assert.equal(a.status, 0);
	assert.equal(a.stdout, b.stdout);
	assert.equal(JSON.parse(a.stdout).lang, "tr");
	assert.match(JSON.parse(a.stdout).description, /[çğıöşü]/);
});

test("unregistered codes: explain 499 says unregistered, treated as 400", () => {
	const r = sipwhy(["explain", "499", "--json"]);
	assert.equal(r.status, 0);
	const e = JSON.parse(r.stdout);
	assert.equal(e.status, "unregistered");
	assert.equal(e.treatedAs, 400);
	const text = sipwhy(["499"]);
	assert.match(text.stdout, /unregistered/i);
	assert.match(text.stdout, /400 Bad Request/);
});

test("compare --json: lower code first, differences, whenToUseWhich", () => {
	const r = sipwhy(["compare", "603", "202", "--json", "--lang", "tr"]);
	assert.equal(r.status, 0, r.stderr);
	const c = JSON.parse(r.stdout);
	assert.equal(c.a.code, 202);
	assert.equal(c.b.code, 603);
	assert.ok(c.differences.length >= 3);
	assert.equal(typeof c.whenToUseWhich, "string");
	assert.equal(c.lang, "tr");
});

test("codes --class and search", () => {
	const r = sipwhy(["codes", "--class", "4xx", "--json"]);
	assert.equal(r.status, 0);
	const rows = JSON.parse(r.stdout);
	assert.ok(rows.length > 40);
	for (const row of rows) {
		assert.deepEqual(Object.keys(row).sort(), ["class", "code", "final", "reason", "rfc", "slug", "status"]);
		assert.equal(row.class, "4xx");
	}
	const s = sipwhy(["search", "busy", "--json"]);
	assert.equal(s.status, 0);
	const hits = JSON.parse(s.stdout);
	assert.ok(hits.slice(0, 3).some((h: { code: number }) => h.code === 486));
	assert.deepEqual(Object.keys(hits[0]).sort(), ["code", "reason", "score"]);
	assert.ok(hits[0].score >= hits[1].score);
	const u = sipwhy(["search", "499", "--json"]);
	assert.equal(u.status, 0);
	assert.deepEqual(JSON.parse(u.stdout)[0], { code: 499, reason: "Unregistered", score: 1000 });
});

test("readable text output: sections, numbered steps, RFC link; no colour when piped or NO_COLOR", () => {
	const r = sipwhy(["486"]);
	assert.equal(r.status, 0);
	assert.match(r.stdout, /^486 Busy Here/);
	assert.match(r.stdout, /How to fix\n {2}1\. /);
	assert.match(r.stdout, /https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.24/);
	assert.doesNotMatch(r.stdout, ANSI);
	const forced = sipwhy(["486"], { FORCE_COLOR: "1" });
	assert.match(forced.stdout, ANSI);
	const off = sipwhy(["486"], { FORCE_COLOR: "1", NO_COLOR: "1" });
	assert.doesNotMatch(off.stdout, ANSI);
});

test("exit statuses and one-line errors", () => {
	const cases: [string[], number, RegExp][] = [
		[["explain", "99"], 1, /"99" is not a SIP status code/],
		[["explain", "7000"], 1, /not a SIP status code/],
		[["explain", "486", "--lang", "xx"], 1, /unknown language "xx"/],
		[["compare", "486"], 2, /missing two codes/],
		[["compare", "486", "486"], 2, /two different codes, not 486 twice/],
		[["compare", "486", "0486"], 1, /not a SIP status code/],
		[["explain"], 2, /missing CODE/],
		[["frobnicate"], 2, /unknown command "frobnicate"/],
		[["explain", "486", "--bogus"], 2, /bogus/],
		[["codes", "--class", "9xx"], 1, /not a response class/],
		[["search"], 2, /missing WORDS/],
		[["explain", "<script>alert(1)</script>"], 1, /not a SIP status code/],
	];
	for (const [args, status, message] of cases) {
		const r = sipwhy(args);
		assert.equal(r.status, status, `${args.join(" ")}: ${r.stderr}`);
		assert.match(r.stderr, message);
		assert.equal(r.stderr.trim().split("\n").length, 1, `one line: ${r.stderr}`);
		assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, "no stack trace");
		assert.equal(r.stdout, "");
	}
});

test("--help everywhere", () => {
	for (const args of [
		["--help"],
		["explain", "--help"],
		["compare", "-h"],
		["codes", "--help"],
		["search", "--help"],
	]) {
		const r = sipwhy(args);
		assert.equal(r.status, 0, args.join(" "));
		assert.match(r.stdout, /Usage/);
	}
	assert.equal(sipwhy([]).status, 2);
});

test("parse: file or stdin, JSON per the contract, exit 1 on errors", () => {
	const ok = sipwhy(["parse", "test/fixtures/rfc4475/valid/wsinv.sip", "--json"]);
	assert.equal(ok.status, 0, ok.stderr);
	const [m] = JSON.parse(ok.stdout);
	for (const k of [
		"ok",
		"kind",
		"method",
		"headers",
		"errors",
		"warnings",
		"callId",
		"cseq",
		"from",
		"to",
		"via",
		"contact",
		"contentLength",
	])
		assert.ok(k in m, k);
	assert.deepEqual(m.cseq, { seq: 9, method: "INVITE" });
	assert.equal(m.to.tag, "1918181833n");
	const bad = sipwhy(["parse", "test/fixtures/rfc4475/invalid/mismatch01.sip"]);
	assert.equal(bad.status, 1);
	assert.match(bad.stdout, /CSeq method INVITE does not match/);
	const missing = sipwhy(["parse", "no-such-file.sip"]);
	assert.equal(missing.status, 1);
	assert.match(missing.stderr, /no-such-file\.sip: cannot read \(no such file\)/);
	const r = spawnSync(process.execPath, [BIN, "parse", "-", "--json"], {
		input:
			"OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nMax-Forwards: 70\r\nFrom: <sip:b@example.com>;tag=1\r\nTo: <sip:a@example.com>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\nSIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:b@example.com>;tag=1\r\nTo: <sip:a@example.com>;tag=2\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
		encoding: "utf8",
	});
	assert.equal(r.status, 0, r.stderr);
	const both = JSON.parse(r.stdout);
	assert.equal(both.length, 2);
	assert.equal(both[1].status, 200);
});

test("help COMMAND prints that command's help, as COMMAND --help does", () => {
	for (const command of ["explain", "compare", "codes", "search", "parse", "analyze", "serve", "mcp"]) {
		const viaHelp = sipwhy(["help", command]);
		const viaFlag = sipwhy([command, "--help"]);
		assert.equal(viaHelp.status, 0, command);
		assert.equal(viaHelp.stdout, viaFlag.stdout, command);
		assert.match(viaHelp.stdout, new RegExp(`^Usage: sipwhy ${command}\\b`), command);
	}
	const r = sipwhy(["help", "nope"]);
	assert.equal(r.status, 2);
	assert.equal(r.stderr.trim().split("\n").length, 1);
});

test("options before the command apply to it", () => {
	const after = sipwhy(["486", "--lang", "tr"]);
	for (const args of [
		["--lang", "tr", "486"],
		["--lang=tr", "486"],
		["--lang", "tr", "explain", "486"],
	]) {
		const r = sipwhy(args);
		assert.equal(r.status, 0, `${args.join(" ")}: ${r.stderr}`);
		assert.equal(r.stdout, after.stdout, args.join(" "));
	}
	const json = sipwhy(["--json", "compare", "486", "603"]);
	assert.equal(json.status, 0, json.stderr);
	assert.equal(JSON.parse(json.stdout).a.code, 486);
	assert.match(sipwhy(["--help", "analyze"]).stdout, /^Usage: sipwhy analyze/);
	const none = sipwhy(["--lang", "tr"]);
	assert.equal(none.status, 2);
	assert.equal(none.stderr, "sipwhy: missing command (see sipwhy --help)\n");
});

test("--lang takes tags in any case and with a region, resolved as the site resolves them", () => {
	const want = (lang: string) => sipwhy(["486", "--lang", lang, "--json"]).stdout;
	for (const [tag, lang] of [
		["TR", "tr"],
		["tr-TR", "tr"],
		["pt-BR", "pt"],
		["zh", "zh-hans"],
		["zh-CN", "zh-hans"],
		["ZH-Hans", "zh-hans"],
	]) {
		const r = sipwhy(["486", "--lang", tag as string, "--json"]);
		assert.equal(r.status, 0, `${tag}: ${r.stderr}`);
		assert.equal(r.stdout, want(lang as string), tag);
	}
	const codes = sipwhy(["codes", "--lang", "TR", "--class", "6xx"]);
	assert.equal(codes.status, 0, codes.stderr);
	const bad = sipwhy(["486", "--lang", "zh-TW"]);
	assert.equal(bad.status, 1);
	assert.match(bad.stderr, /^sipwhy: unknown language "zh-TW" \(offered: en, tr/);
});

test("wrong options are named in our own one-line wording", () => {
	const cases: [string[], string][] = [
		[["analyze", "--bogus", "x.pcap"], "sipwhy: unknown option --bogus (see sipwhy analyze --help)\n"],
		[["analyze", "-z", "x.pcap"], "sipwhy: unknown option -z (see sipwhy analyze --help)\n"],
		[["486", "--class", "4xx"], "sipwhy: unknown option --class (see sipwhy explain --help)\n"],
		[["486", "--lang"], "sipwhy: --lang needs a value (see sipwhy explain --help)\n"],
		[["486", "--json=yes"], "sipwhy: --json takes no value (see sipwhy explain --help)\n"],
		[["--bogus"], "sipwhy: unknown option --bogus (see sipwhy --help)\n"],
	];
	for (const [args, stderr] of cases) {
		const r = sipwhy(args);
		assert.equal(r.status, 2, args.join(" "));
		assert.equal(r.stderr, stderr, args.join(" "));
	}
});

test("--json with another --format is wrong usage, not a silent choice", () => {
	for (const format of ["csv", "html", "text"]) {
		const r = sipwhy([
			"analyze",
			"--json",
			"--format",
			format,
			join(import.meta.dirname, "fixtures", "captures", "cooked-sll.pcap"),
		]);
		assert.equal(r.status, 2, format);
		assert.equal(r.stdout, "", format);
		assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
		assert.match(
			r.stderr,
			/^sipwhy: --json and --format \w+ ask for two outputs: use one \(see sipwhy analyze --help\)$/m,
		);
	}
	const both = sipwhy([
		"analyze",
		"--json",
		"--format",
		"json",
		join(import.meta.dirname, "fixtures", "captures", "cooked-sll.pcap"),
	]);
	assert.equal(both.status, 0, both.stderr);
});

test("unreadable files are named with our wording, never an errno code", () => {
	const dir = mkdtempSync(join(tmpdir(), "sipwhy-unreadable-"));
	try {
		for (const command of ["parse", "analyze"]) {
			const r = sipwhy([command, dir]);
			assert.equal(r.status, 1, command);
			assert.equal(r.stderr, `sipwhy: ${dir}: cannot read (is a directory)\n`, command);
		}
		const file = join(dir, "locked.pcap");
		copyFileSync(join(import.meta.dirname, "fixtures", "captures", "cooked-sll.pcap"), file);
		chmodSync(file, 0);
		chmodSync(dir, 0o755);
		// Root reads any file: run as nobody then.
		const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
		for (const command of ["parse", "analyze"]) {
			const r = spawnSync(process.execPath, [BIN, command, file], { encoding: "utf8", ...asUser });
			assert.equal(r.status, 1, `${command}: ${r.stderr}`);
			assert.equal(r.stderr, `sipwhy: ${file}: cannot read (permission denied)\n`, command);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
