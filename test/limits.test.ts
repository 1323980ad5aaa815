// Bounded work on big and hostile inputs: reports written call by call in a small heap, and a
// gzip bomb stopped with one line naming the file and the limit.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "sipwhy.js");
const dir = mkdtempSync(join(tmpdir(), "sipwhy-limits-"));

function sipwhy(args: string[], env: Record<string, string> = {}, node: string[] = []) {
	const started = Date.now();
	const r = spawnSync(process.execPath, [...node, BIN, ...args], {
		encoding: "utf8",
		env: { ...process.env, NO_COLOR: "1", ...env },
		maxBuffer: 1 << 30,
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started };
}

test("10 000 calls: the HTML report and the call list are written call by call in a 96 MB heap", () => {
	const capture = join(dir, "many.pcap");
	const made = spawnSync(process.execPath, [join(ROOT, "bench", "make-capture.mjs"), capture, "23"], {
		encoding: "utf8",
	});
	const calls = Number(/(\d+) calls/.exec(made.stdout)?.[1]);
	assert.ok(calls >= 10_000, made.stdout + made.stderr);
	const small = ["--max-old-space-size=96"];

	// Before, the report was one string: this heap ran out ("JavaScript heap out of memory").
	const report = join(dir, "many.html");
	const html = sipwhy(["analyze", capture, "--format", "html", "-o", report], {}, small);
	assert.equal(html.status, 0, html.stderr.slice(-2000));
	assert.ok(html.ms < 30_000, `${html.ms} ms`);
	assert.ok(statSync(report).size > 40e6, "a report of every call");
	const text = readFileSync(report, "utf8");
	assert.match(text.slice(-2000), /<\/table>[\s\S]*Calls: \d+[\s\S]*<\/html>\n$/, "totals after the table");
	assert.equal(text.match(/<tbody>/g)?.length, Number(/Calls: (\d+)/.exec(text.slice(-2000))?.[1]));

	const list = sipwhy(["analyze", capture], {}, small);
	assert.equal(list.status, 0, list.stderr.slice(-2000));
	assert.ok(list.ms < 30_000, `${list.ms} ms`);
	assert.match(list.stdout, new RegExp(`${calls} calls \\(${calls} shown\\)`));
	// The bench pings each host once: one OPTIONS per target is not a keep-alive, so each is listed.
	assert.match(list.stdout, /\nFailures by code: .*486 Busy Here/);
});

test("a gzip bomb stops with one line naming the file and the limit, exit status 1", () => {
	const bomb = join(dir, "bomb.pcap.gz");
	writeFileSync(bomb, gzipSync(new Uint8Array(100 << 20), { level: 9 }));
	const r = sipwhy(["analyze", bomb]);
	assert.equal(r.status, 1, r.stderr);
	assert.match(r.stderr, /^sipwhy: .*bomb\.pcap\.gz: gzip input inflates more than 200× .*SIPWHY_MAX_GZIP_RATIO.*\n$/);
	assert.equal(r.stderr.split("\n").length, 2, "one line");
	assert.ok(r.ms < 20_000, `${r.ms} ms`);
	// The limit can be lifted for a capture someone trusts, and a bad value is refused.
	const lifted = sipwhy(["analyze", bomb], { SIPWHY_MAX_GZIP_RATIO: "0" });
	assert.equal(lifted.status, 1);
	assert.match(lifted.stderr, /not a pcap\/pcapng capture or a SIP log/);
	const bad = sipwhy(["analyze", bomb], { SIPWHY_MAX_GZIP_RATIO: "lots" });
	assert.equal(bad.status, 1);
	assert.match(bad.stderr, /SIPWHY_MAX_GZIP_RATIO must be a number/);
});

test("a gzipped real capture is read under the limit", () => {
	const capture = join(ROOT, "test", "fixtures", "sipp", "auth-loop.pcap");
	const gz = join(dir, "auth-loop.pcap.gz");
	writeFileSync(gz, gzipSync(readFileSync(capture), { level: 9 }));
	const r = sipwhy(["analyze", gz], { SIPWHY_MAX_GZIP_RATIO: "20" });
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /401 Unauthorized/);
});
