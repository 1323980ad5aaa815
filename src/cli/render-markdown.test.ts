import assert from "node:assert/strict";
import { test } from "node:test";
import { compare } from "../kb/compare.ts";
import { explain } from "../kb/explain.ts";
import { listCodes } from "../kb/list.ts";
import { comparisonMarkdown, explanationMarkdown } from "./render-markdown.ts";

test("every code renders every section, a facts table of 11 rows and its example as a sip block", () => {
	for (const { code } of listCodes({ includeUnregistered: true }))
		for (const lang of ["en", "tr"]) {
			const md = explanationMarkdown(explain(code, { lang }));
			assert.ok(md.startsWith(`# ${code} `), `${code} ${lang}`);
			assert.equal((md.match(/^## /gm) ?? []).length >= 6, true, `${code} ${lang}`);
			const rows = md.split("\n").filter((l) => /^\| [^|]/.test(l) && !l.startsWith("| | |"));
			assert.equal(rows.length, 11, `${code} ${lang}: ${rows.join("\n")}`);
			// A pipe inside a cell would split it: every row has exactly two cells.
			for (const r of rows) assert.equal(r.replace(/\\\|/g, "").split("|").length, 4, r);
			// What the renderer fills in (title, tags, facts), not the prose, must hold no artefacts.
			const filled = [md.split("\n")[2] ?? "", ...rows].join("\n");
			assert.doesNotMatch(filled, /undefined|\[object|\bnull\b|\(\)/, `${code} ${lang}: ${filled}`);
			assert.doesNotMatch(md, /\r/);
		}
	assert.match(explanationMarkdown(explain(486)), /```sip\nSIP\/2\.0 486 Busy Here\n/);
});

test("unregistered codes say what they are treated as; other languages say the prose is English", () => {
	assert.match(explanationMarkdown(explain(499)), /400 Bad Request/);
	const ko = explanationMarkdown(explain(486, { lang: "ko" }));
	assert.match(ko, /^_.+_$/m);
	assert.doesNotMatch(explanationMarkdown(explain(486, { lang: "en" })), /^_.+_$/m);
});

test("a comparison shows both codes, numbered differences and when to use which", () => {
	const md = comparisonMarkdown(compare(603, 486, { lang: "tr" }));
	assert.match(md, /^# 486 Busy Here \/ 603 Decline\n/);
	assert.match(md, /^## 486 Busy Here$/m);
	assert.match(md, /^## 603 Decline$/m);
	assert.match(md, /^1\. .+/m);
});
