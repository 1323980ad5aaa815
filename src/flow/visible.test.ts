import assert from "node:assert/strict";
import { test } from "node:test";
import { mapStrings, neutralizeBidi, safeJson, visible, visibleLines } from "./visible.ts";

test("visible: C0, DEL, C1 and bidi controls become escapes; other text stays", () => {
	assert.equal(visible("a\x1b[2Jb"), "a\\x1b[2Jb");
	assert.equal(visible("\x9b31m\x7f\x00\t\r\n"), "\\x9b31m\\x7f\\x00\\x09\\x0d\\x0a");
	assert.equal(visible("\u202eevil\u2066\u2069\u200e\u200f\u061c"), "\\u202eevil\\u2066\\u2069\\u200e\\u200f\\u061c");
	assert.equal(visible("Çağrı → ünïcode 日本 \u00a0"), "Çağrı → ünïcode 日本 \u00a0");
	assert.equal(visible(visible("\x1b")), "\\x1b", "escaping twice changes nothing");
});

test("visibleLines keeps line ends and tabs, not a lone CR", () => {
	assert.equal(visibleLines("A: 1\r\nB:\t2\rX\x1b\n"), "A: 1\nB:\t2\\x0dX\\x1b\n");
});

test("neutralizeBidi leaves controls that an HTML or CSV reader never runs", () => {
	assert.equal(neutralizeBidi("\x1b\u202Ex"), "\x1b\\u202ex");
});

test("mapStrings copies plain data and cleans every string in it", () => {
	const bytes = new Uint8Array([1]);
	const input = { a: "\x1b", b: [{ c: "\u202e" }, 3, null], d: bytes };
	const out = mapStrings(input, visible);
	assert.deepEqual(out, { a: "\\x1b", b: [{ c: "\\u202e" }, 3, null], d: bytes });
	assert.equal(out.d, bytes);
	assert.equal(input.a, "\x1b", "the input is not changed");
});

test("safeJson: the same value, with DEL, C1 and bidi controls escaped", () => {
	const value = { s: "a\x7f\x9b\u202e\u2066b\x1b", n: [1, "é"] };
	const text = safeJson(value, 2);
	assert.deepEqual(JSON.parse(text), value);
	assert.equal(/[\u007f-\u009f\u202e\u2066]/.test(text), false, text);
	assert.ok(text.includes("\\u009b") && text.includes("\\u202e") && text.includes("\\u001b"));
	assert.equal(safeJson({ a: "plain" }), '{"a":"plain"}');
});
