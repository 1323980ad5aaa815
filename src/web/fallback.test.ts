// A content language that lacks a curated pair, a rule page or a glossary term: the page shows the
// English item marked as English, with a visible note, and leaves the indexing to the English page.
// The knowledge base is complete in en and tr today, so the test takes items out of the loaded one.
import assert from "node:assert/strict";
import { afterEach, test } from "node:test";
import { compare } from "../kb/compare.ts";
import { KB } from "../kb/generated/kb-data.ts";
import { PHRASE_MODULES } from "../kb/generated/phrase-modules.ts";
import { comparePage } from "./pages/compare.ts";
import { glossaryPage, troubleshootPage } from "./pages/misc.ts";
import { indexablePaths } from "./sitemap.ts";
import { url } from "./urls.ts";

const ctx = { origin: "https://sipwhy.example" };
const restore: (() => void)[] = [];
afterEach(() => {
	for (const r of restore.splice(0)) r();
});

/** Removes one item of the Turkish knowledge base until the test ends. */
function without<T>(table: Record<string, T> | undefined, key: string) {
	if (!table) throw new Error("no table");
	const value = table[key] as T;
	delete table[key];
	restore.push(() => {
		table[key] = value;
	});
}

const noindex = (html: string) => /<meta name="robots" content="noindex/.test(html);

test("a curated pair not written in the content language: English sentences, marked, noted, not indexed", () => {
	const complete = comparePage(ctx, "tr", 401, 407);
	assert.doesNotMatch(complete, /class="fallback"/);
	assert.ok(!noindex(complete));
	without(KB.pairs.tr, "401-407");
	const c = compare(401, 407, { lang: "tr" });
	assert.equal(c.curatedLang, "en");
	assert.equal(c.differences[0], KB.pairs.en?.["401-407"]?.keyDifferences[0]);
	const html = comparePage(ctx, "tr", 401, 407);
	assert.match(html, /<li lang="en" dir="ltr">[\s\S]*?<small class="fallback" role="note" lang="en"/);
	assert.ok(noindex(html));
	assert.match(html, /<link rel="canonical" href="https:\/\/sipwhy\.example\/en\/compare\/sip\/401-/);
	const listed = indexablePaths();
	assert.ok(!listed.includes(url.compare("tr", 401, 407)), "not in the sitemap in Turkish");
	assert.ok(listed.includes(url.compare("en", 401, 407)) && listed.includes(url.compare("tr", 401, 403)));
});

test("a rule page not written in the content language: English, noted, canonical to English", () => {
	without(KB.rules.tr, "auth-loop");
	const html = troubleshootPage(ctx, "tr", "auth-loop") ?? "";
	assert.match(html, /<h1 lang="en" dir="ltr">/);
	assert.match(html, /Bu sayfanın metni henüz Türkçeye çevrilmedi/);
	assert.ok(noindex(html));
	assert.match(html, /<link rel="canonical" href="https:\/\/sipwhy\.example\/en\/troubleshoot\/auth-loop">/);
});

test("a glossary term not written in the content language: the English term, marked, the rest Turkish", () => {
	without(KB.glossary.tr, "dialog");
	const html = glossaryPage(ctx, "tr");
	assert.match(html, /<dt id="dialog" lang="en" dir="ltr">Dialog<\/dt><dd><span lang="en" dir="ltr">A peer-to-peer/);
	assert.match(html, /<small class="fallback" role="note" lang="en" title="[^"]+">\(English\)<\/small>/);
	assert.match(html, /<dt id="transaction">Transaction \(işlem\)<\/dt>/);
	assert.equal((html.match(/class="fallback"/g) ?? []).length, 1);
});

test("a content language without its phrases: the derived sentences English and marked, the curated ones its own", () => {
	without(PHRASE_MODULES, "tr");
	const c = compare(401, 407, { lang: "tr" });
	const curated = KB.pairs.tr?.["401-407"]?.keyDifferences.length ?? 0;
	assert.ok(c.differences.length > curated);
	const html = comparePage(ctx, "tr", 401, 407);
	const items = [...html.matchAll(/<ol class="steps">([\s\S]*?)<\/ol>/g)][0]?.[1]?.split("</li>") ?? [];
	for (const [i, li] of items.filter((x) => x.includes("<li")).entries()) {
		if (i < curated) assert.doesNotMatch(li, /lang="en"|class="fallback"/, `curated ${i}`);
		else assert.match(li, /<li lang="en" dir="ltr">[\s\S]*class="fallback"/, `derived ${i}`);
	}
	assert.ok(noindex(html));
});
