// Unit tests of the web layer's small parts: escaping, the glossary linker, language and
// encoding negotiation, the response cache, and the edge-safety of the app's imports.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import fc from "fast-check";
import { LABELS } from "../i18n/index.ts";
import { glossaryTerms } from "../kb/registry.ts";
import { locationPath, negotiateLanguage } from "./app.ts";
import { Linker } from "./glossary.ts";
import { escapeHtml, html, jsonForScript, raw } from "./html.ts";
import { pickEncoding, ResponseCache, toEntry } from "./respond.ts";

describe("html``", () => {
	test("escapes every interpolated value, once", () => {
		const v = `<script>"x" & 'y'</script>`;
		assert.equal(
			html`<p title="${v}">${v}</p>`.value,
			'<p title="&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;">&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;</p>',
		);
		const inner = html`<b>${v}</b>`;
		assert.equal(html`<i>${inner}</i>`.value, `<i><b>${escapeHtml(v)}</b></i>`);
		assert.equal(html`${[1, "<", null, undefined, false, raw("<br>")]}`.value, "1&lt;<br>");
	});

	test("no string can break out of text or a quoted attribute", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme" }), (s) => {
				const escaped = escapeHtml(s);
				return (
					!/[<>"']/.test(escaped) &&
					html`${s}`.value === escaped &&
					html`<a title="${s}">`.value === `<a title="${escaped}">`
				);
			}),
		);
	});

	test("JSON-LD cannot close its script element", () => {
		const out = jsonForScript({ a: "</script><script>alert(1)</script>", b: "\u2028" }).value;
		assert.ok(!out.includes("</script"));
		assert.deepEqual(JSON.parse(out), { a: "</script><script>alert(1)</script>", b: "\u2028" });
	});
});

describe("glossary linker", () => {
	test("links the first mention of each term once per page, escaping the rest", () => {
		const l = new Linker("en", (id) => `/en/glossary/#${id}`);
		const a = l.link("A forking proxy <cancels> the other branches of the dialog.").value;
		assert.match(a, /<a class="term" href="\/en\/glossary\/#forking">forking<\/a>/);
		assert.match(a, /<a class="term" href="\/en\/glossary\/#proxy">proxy<\/a>/);
		assert.match(a, /&lt;cancels&gt;/);
		const b = l.link("The proxy forks again.").value;
		assert.doesNotMatch(b, /class="term"/, "already linked terms are not linked again");
	});

	test("respects word boundaries and case where it matters", () => {
		const l = new Linker("en", (id) => `#${id}`);
		assert.doesNotMatch(l.link("PRACKED via the network, no re-INVITE here").value, /#ack|#via|#invite/);
		const t = new Linker("tr", (id) => `#${id}`);
		assert.match(
			t.link("Çatallanan bir proxy'ye kolay gelir, diyaloğu bozar.").value,
			/#forking">Çatallanan<.*#proxy">proxy&#39;ye<.*#dialog">diyaloğu</,
		);
		assert.doesNotMatch(new Linker("tr", (id) => `#${id}`).link("kolay").value, /#branch/);
	});

	test("every term compiles in both languages and links its own heading", () => {
		for (const lang of ["en", "tr"] as const) {
			const terms = glossaryTerms(lang);
			assert.ok(terms.length >= 30);
			assert.equal(new Set(terms.map((t) => t.id)).size, terms.length);
			for (const t of terms) {
				assert.equal(t.lang, lang, `${lang} ${t.id} is written in ${lang}`);
				assert.doesNotThrow(() => new Linker(lang, (id) => id).link(`x ${t.term} x`), t.id);
			}
		}
	});

	test("in right-to-left prose, codes, RFC sections and header names become left-to-right islands", () => {
		const ar = new Linker("ar", (id) => `#${id}`).link(
			"يرسل الخادم 486 Busy Here وفق RFC 3261 §21.4.24، مع ترويسة Retry-After ثم INVITE جديد.",
		).value;
		assert.match(ar, /<span dir="ltr">486 Busy Here<\/span>/);
		assert.match(ar, /<span dir="ltr">RFC 3261 §21\.4\.24<\/span>،/);
		assert.match(ar, /<span dir="ltr">Retry-After<\/span>/);
		assert.match(ar, /<a class="term" href="#invite"><span dir="ltr">INVITE<\/span><\/a>/);
		assert.doesNotMatch(new Linker("en", (id) => id).link("RFC 3261 §21.4.24").value, /dir=/);
	});

	test("a term may start after any letter in a language written without spaces", () => {
		const ja = new Linker("ja", (id) => `#${id}`).link("発信側はINVITEを送り、プロキシがフォーキングします。").value;
		assert.match(ja, /#invite">INVITE</);
		assert.match(ja, /#forking">フォーキング</);
		// Starting anywhere must not find ループ (loop) inside ハントグループ (hunt group).
		const group = new Linker("ja", (id) => `#${id}`).link("ハントグループの全端末が話中です。").value;
		assert.doesNotMatch(group, /#loop/);
		assert.doesNotMatch(new Linker("en", (id) => `#${id}`).link("reINVITEx").value, /#invite/);
	});
});

describe("negotiation", () => {
	test("Accept-Language picks an offered language", () => {
		assert.equal(negotiateLanguage(undefined), "en");
		assert.equal(negotiateLanguage("tr"), "tr");
		assert.equal(negotiateLanguage("en-GB;q=0.5, tr-TR;q=0.8"), "tr");
		assert.equal(negotiateLanguage("zh-TW, ko;q=0.5"), "ko");
		assert.equal(negotiateLanguage("zh"), "zh-hans");
		assert.equal(negotiateLanguage("x".repeat(10000)), "en");
		fc.assert(fc.property(fc.string(), (s) => typeof negotiateLanguage(s) === "string"));
	});

	test("Accept-Encoding picks br or gzip by quality", () => {
		assert.equal(pickEncoding("gzip, deflate, br", ["br", "gzip"]), "br");
		assert.equal(pickEncoding("br;q=0.1, gzip", ["br", "gzip"]), "gzip");
		assert.equal(pickEncoding("identity", ["br", "gzip"]), null);
		assert.equal(pickEncoding("*", ["br", "gzip"]), "br");
		assert.equal(pickEncoding("br", ["gzip"]), null);
		assert.equal(pickEncoding(null, ["gzip"]), null);
	});
});

test("the response cache stays within its byte bound", () => {
	const cache = new ResponseCache(100_000);
	for (let i = 0; i < 1000; i++)
		cache.set(`k${i}`, toEntry({ status: 200, type: "text/plain", body: "x".repeat(1000), cacheControl: "" }));
	assert.ok(cache.stats.bytes <= 100_000);
	assert.ok(cache.get("k999"));
	assert.equal(cache.get("k0"), undefined);
});

test("labels: every language has every label, none empty, and its own words", () => {
	const keys = Object.keys(LABELS.en);
	for (const [lang, labels] of Object.entries(LABELS)) {
		assert.deepEqual(Object.keys(labels).sort(), [...keys].sort(), lang);
		for (const [k, v] of Object.entries(labels))
			if (typeof v === "string") assert.ok(v.trim().length > 0, `${lang}.${k}`);
		if (lang !== "en") assert.notEqual(labels.homeIntro, LABELS.en.homeIntro, lang);
	}
});

test("the app runs at the edge: nothing it loads imports from Node", () => {
	// Node-only code lives in src/web/node/; nothing else in src/web may use Node or load that folder.
	const nodeDir = join(import.meta.dirname, "node");
	const offenders: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir, { withFileTypes: true })) {
			const p = join(dir, name.name);
			if (name.isDirectory()) {
				if (p !== nodeDir) walk(p);
			} else if (p.endsWith(".ts") && !p.endsWith(".test.ts")) {
				const text = readFileSync(p, "utf8");
				if (/from\s+["'](node:|fs|path|os|zlib|http)["']|\bprocess\.|\bBuffer\b|@hono\/node-server/.test(text))
					offenders.push(p);
				if (/\b(?:from|import)\s*\(?\s*["'](?:\.\.?\/)+node\//.test(text)) offenders.push(`${p} (loads src/web/node/)`);
			}
		}
	};
	walk(import.meta.dirname);
	assert.deepEqual(offenders, []);
	assert.ok(readdirSync(nodeDir).includes("node-server.ts"), "the Node server lives in src/web/node/");
});

describe("locationPath", () => {
	test("a path on this site, percent-encoded, existing escapes kept", () => {
		assert.equal(locationPath("//evil.example/x"), "/evil.example/x");
		assert.equal(locationPath("/\\\\evil"), "/evil");
		assert.equal(locationPath("/en/sip/%E2%80%AE?q=%C3%BC"), "/en/sip/%E2%80%AE?q=%C3%BC");
		assert.equal(locationPath("/en/sip/\u202e ü"), "/en/sip/%E2%80%AE%20%C3%BC");
		assert.equal(locationPath("/a%zz%4"), "/a%25zz%254");
		assert.equal(locationPath("/\u{1F600}\ud800"), "/%F0%9F%98%80%EF%BF%BD");
		assert.equal(locationPath("/x\r\nSet-Cookie: a"), "/x%0D%0ASet-Cookie:%20a");
	});

	test("any string gives a valid header value that stays on the site", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 40 }), (s) => {
				const to = locationPath(s);
				new Headers({ location: to });
				return /^\/(?![/\\])[\x21-\x7e]*$/.test(to);
			}),
		);
	});
});
