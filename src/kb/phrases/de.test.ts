import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { formatCite, parseCite } from "../citation.ts";
import { explain } from "../explain.ts";
import { entries, entry } from "../registry.ts";
import { parseTermTable, proseProblems, termProblems } from "../validate.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import type { Side } from "./types.ts";

/** The same side compare.ts builds, from the language-independent facts. */
function side(code: number): Side {
	const e = explain(code, { lang: "en" });
	const facts = entry(e.code);
	const s: Side = {
		code: e.code,
		class: e.class,
		status: e.status,
		methods: e.facts.methods,
		senders: e.facts.senders,
		requiredHeaders: e.facts.requiredHeaders,
		retryKind: e.facts.retryKind,
		dialogEffect: e.facts.dialogEffect,
		ack: e.facts.ack,
		endsForking: e.facts.endsForking,
		q850To:
			e.facts.q850.toCause === null
				? null
				: { cause: e.facts.q850.toCause, name: e.facts.q850.names[String(e.facts.q850.toCause)] ?? "" },
		q850Basis: facts?.q850.toCauseBasis ?? "not-a-rejection",
	};
	const teardown = facts?.dialogEffect.uacShouldTerminate;
	if (teardown) s.uacShouldTerminate = formatCite(parseCite(teardown));
	if (facts?.dialogEffect.endsEarlyDialog) s.endsEarlyDialog = true;
	if (e.deprecatedBy) s.deprecatedBy = formatCite(e.deprecatedBy);
	if (e.treatedAs !== undefined) s.treatedAs = e.treatedAs;
	return s;
}

const terms = parseTermTable(readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "terms-de.md"), "utf8"));

test("German phrases exist for every English builder", () => {
	assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
	assert.equal(de.lang, "de");
});

test("every derived German sentence reads clean and uses the terms of docs/terms-de.md", () => {
	const sides = entries().map((e) => side(e.code));
	const problems = new Set<string>();
	const check = (sentence: string | null) => {
		if (sentence === null) return;
		for (const p of [...proseProblems(sentence, "de"), ...termProblems(sentence, terms)])
			problems.add(`${p}: ${sentence}`);
		if (!/[.!?]$/.test(sentence)) problems.add(`not a whole sentence: ${sentence}`);
	};
	for (const a of sides) {
		check(de.status(a));
		for (const b of sides) {
			if (a.code >= b.code) continue;
			for (const f of [de.sameClass, de.classes, de.forking, de.senders, de.methods, de.requiredHeaders, de.retry])
				check(f(a, b));
			for (const f of [de.dialogEffect, de.ack, de.q850]) check(f(a, b));
			check(de.scopeAdvice(a, b));
		}
	}
	const u = de.unregistered(499, 400, "Bad Request");
	for (const s of [
		u.summary,
		u.description,
		u.whenYouSeeIt,
		...u.howToFix,
		...u.commonCauses,
		...u.misdiagnoses,
		u.useWhen,
	])
		check(s);
	assert.deepEqual([...problems].slice(0, 5), []);
});

test("German ACK and Q.850 sentences keep main-clause order after 'gilt:' (a regression once put the verb first)", () => {
	const s = de.ack(side(486), side(200));
	assert.match(s, /gilt: 486 wird .*; 200 wird /);
	assert.doesNotMatch(de.q850(side(486), side(603)), /während wird/);
});
