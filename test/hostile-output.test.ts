// Every terminal view of `sipwhy` fed a capture whose headers are full of terminal escapes and
// bidi controls: only our own colours (SGR) reach the terminal as escapes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { BIDI, hostileLog } from "./hostile-input.ts";

const BIN = join(import.meta.dirname, "..", "bin", "sipwhy.js");
const dir = mkdtempSync(join(tmpdir(), "sipwhy-hostile-"));
const LOG = join(dir, "hostile.sip");
writeFileSync(LOG, hostileLog());

function sipwhy(args: string[], colour: boolean) {
	const env: NodeJS.ProcessEnv = { ...process.env };
	delete env.FORCE_COLOR;
	delete env.NO_COLOR;
	Object.assign(env, colour ? { FORCE_COLOR: "1" } : { NO_COLOR: "1" });
	const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env });
	return { status: r.status, out: r.stdout + r.stderr };
}

/** The first C0 (but line ends and tab), DEL or C1 control, or bidi control, in `text`. */
function firstControl(text: string): { index: number; code: number } | null {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		// CR LF ends a CSV line (RFC 4180): ours, not the input's.
		const lineEnd = code === 0x0a || code === 0x09 || (code === 0x0d && text[index + 1] === "\n");
		const control = (code < 0x20 && !lineEnd) || (code >= 0x7f && code <= 0x9f);
		if (control || BIDI.test(text[index] as string)) return { index, code };
	}
	return null;
}
// The colours picocolors writes: ESC [ digits m.
const OUR_SGR = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");

const VIEWS: [string, string[]][] = [
	["call list", ["analyze", LOG]],
	["--failed", ["analyze", LOG, "--failed"]],
	["--code 4xx", ["analyze", LOG, "--code", "4xx"]],
	["--call with every message", ["analyze", LOG, "--call", "bad", "--show", "all"]],
	["parse", ["parse", LOG]],
	["an error naming the input", ["analyze", LOG, "--call", "\x1b]0;x\x07nope"]],
	["search echoing the words", ["search", "\x1b[2J\u202ezzqqxx"]],
	["--json", ["analyze", LOG, "--json"]],
	["--call --json", ["analyze", LOG, "--call", "bad", "--json"]],
	["parse --json", ["parse", LOG, "--json"]],
	["CSV on stdout", ["analyze", LOG, "--format", "csv"]],
];

for (const colour of [false, true])
	for (const [name, args] of VIEWS)
		test(`${name} (${colour ? "colours forced on" : "no colours"}): no raw control or bidi character from the input`, () => {
			const { out } = sipwhy(args, colour);
			assert.ok(out.length > 0);
			const rest = colour ? out.replace(OUR_SGR, "") : out;
			const bad = firstControl(rest);
			assert.equal(bad, null, `raw U+${bad?.code.toString(16)} at ${bad?.index} in:\n${JSON.stringify(out)}`);
			if (colour && name === "call list") assert.ok(out.replace(OUR_SGR, "") !== out, "our colours are still there");
		});

test("the escapes are shown, not dropped: the reader sees what was sent", () => {
	const list = sipwhy(["analyze", LOG], false).out;
	assert.ok(list.includes("alice\\x1b[2J@example.com"), list);
	assert.ok(list.includes("486 Busy\\x1b[2J\\u202e Here"), list);
	assert.ok(list.includes("\\x1b[?1049h\\x9b31m\\x7f\\u202e@h"), "the Call-ID");
	assert.ok(list.includes("S\\x1b]0;pwned\\x07"), "the Server in the finding");
	const detail = sipwhy(["analyze", LOG, "--call", "bad", "--show", "0"], false).out;
	assert.ok(detail.includes("User-Agent: UA\\x1b]8;;http://evil.example/\\x1b\\click"), detail);
	assert.ok(detail.includes("INVITE sip:bob\\x1b]0;pwned\\x07@example.com SIP/2.0\n"), "CRLF shown as a line end");
	const parsed = sipwhy(["parse", LOG], false).out;
	assert.ok(parsed.includes("\\u202emoc.live\\u200e\\u200f\\u061c"), parsed);
});

test("JSON keeps the values exactly; CSV and HTML carry no raw bidi control", () => {
	const json = JSON.parse(sipwhy(["analyze", LOG, "--json"], false).out);
	assert.ok(json.calls[0].callId.includes("\x1b[?1049h\x9b31m\x7f\u202e@h"), "the Call-ID as sent");
	const csv = sipwhy(["analyze", LOG, "--format", "csv"], false);
	assert.equal(csv.status, 0);
	assert.equal(BIDI.exec(csv.out), null, csv.out);
	assert.ok(csv.out.includes("sip:bob\\u2066"), csv.out);
	const file = join(dir, "report.html");
	assert.equal(sipwhy(["analyze", LOG, "--format", "html", "-o", file], false).status, 0);
	const html = readFileSync(file, "utf8");
	assert.equal(BIDI.exec(html), null);
	assert.ok(html.includes("\\u202emoc.live"));
});
