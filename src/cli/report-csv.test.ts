import assert from "node:assert/strict";
import { test } from "node:test";
import { csvCell } from "./report-csv.ts";

test("csvCell defuses formula starts, ASCII and fullwidth", () => {
	for (const start of ["=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20"]) {
		const cell = csvCell(`${start}HYPERLINK("http://evil")`);
		assert.match(cell, /^"?'/, `${JSON.stringify(start)} → ${cell}`);
	}
	assert.equal(csvCell("alice@example.com"), "alice@example.com", "an @ inside is harmless");
	assert.equal(csvCell(-1.5), "-1.5", "numbers are ours, not formulas");
});

test("csvCell makes bidi controls visible and quotes per RFC 4180", () => {
	assert.equal(csvCell("\u202emoc.live"), "\\u202emoc.live");
	assert.equal(csvCell("\u2066=1+1\u2069"), "\\u2066=1+1\\u2069");
	assert.equal(csvCell('a,"b"'), '"a,""b"""');
});

test("csvCell makes control characters visible: the CSV printed to a terminal runs nothing", () => {
	assert.equal(csvCell("a\x1b[2Jb\x9b\x7f"), "a\\x1b[2Jb\\x9b\\x7f");
	assert.equal(csvCell("\tx"), "'\\x09x", "a leading TAB is still defused");
});
