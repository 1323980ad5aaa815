import assert from "node:assert/strict";
import { test } from "node:test";
import { documentedRules, ruleDoc } from "../kb/registry.ts";
import { RULE_IDS } from "./rule-ids.ts";
import { en } from "./texts/en.ts";
import { tr } from "./texts/tr.ts";

test("every rule has finding texts in en and tr", () => {
	for (const id of RULE_IDS) {
		assert.equal(typeof en[id], "function", `en ${id}`);
		assert.equal(typeof tr[id], "function", `tr ${id}`);
	}
	assert.deepEqual(Object.keys(en).sort(), [...RULE_IDS].sort());
	assert.deepEqual(Object.keys(tr).sort(), [...RULE_IDS].sort());
});

test("every rule has a troubleshooting page in en and tr", () => {
	assert.deepEqual(documentedRules(), [...RULE_IDS].sort());
	for (const id of RULE_IDS) {
		assert.ok(ruleDoc(id, "en"), `en ${id}`);
		assert.notEqual(ruleDoc(id, "tr")?.summary, ruleDoc(id, "en")?.summary, `tr ${id} is translated`);
	}
});
