// Every route of the site over real HTTP: status codes, redirects, languages, SEO rules.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LABELS } from "../../src/i18n/index.ts";
import { LANGUAGES, type Language } from "../../src/kb/locales.ts";
import {
	contentLanguages,
	curatedPairs,
	documentedRules,
	entries,
	entry,
	glossaryTerms,
	hasOwnRuleDoc,
	slug,
} from "../../src/kb/registry.ts";
import { escapeHtml } from "../../src/web/html.ts";
import { url } from "../../src/web/urls.ts";

/** Whether a content language has written every glossary term and rule page itself. */
function complete(lang: string): boolean {
	return glossaryTerms(lang).every((t) => t.lang === lang) && documentedRules().every((r) => hasOwnRuleDoc(r, lang));
}

import { alternates, canonical, get, isNoindex, liveServer, SITE } from "./helpers.ts";

const live = liveServer({ siteUrl: SITE });
const base = () => live.url();
const codePath = (lang: string, code: number) => `/${lang}/sip/${code}-${slug(entry(code)?.reason ?? "")}`;
const has202 = entry(202) !== undefined;

describe("home and languages", () => {
	test("/ redirects by Accept-Language, and only there", async () => {
		const cases: [string | undefined, string][] = [
			[undefined, "/en"],
			["tr-TR,tr;q=0.9,en;q=0.8", "/tr"],
			["de-CH, de;q=0.9", "/de"],
			["fr;q=0.2, ja;q=0.9", "/ja"],
			["zh-CN,zh;q=0.9", "/zh-hans"],
			["pt-BR", "/pt"],
			["xx, *;q=0.1", "/en"],
			["ar", "/ar"],
			[";;;,,q=abc", "/en"],
		];
		for (const [header, to] of cases) {
			const r = await get(base(), "/", header ? { "accept-language": header } : {});
			assert.equal(r.status, 302, String(header));
			assert.equal(r.headers.get("location"), to, String(header));
			assert.match(r.headers.get("vary") ?? "", /Accept-Language/);
		}
		const tr = await get(base(), "/en/sip/603-decline", { "accept-language": "tr" });
		assert.equal(tr.status, 200);
		assert.match(await tr.text(), /<html lang="en"/);
	});

	test("every language has a home page with its own labels, direction and lang", async () => {
		const titles = new Set<string>();
		for (const lang of LANGUAGES) {
			const r = await get(base(), `/${lang}`);
			assert.equal(r.status, 200, lang);
			const html = await r.text();
			assert.match(
				html,
				new RegExp(`<html lang="${lang === "zh-hans" ? "zh-Hans" : lang}" dir="${lang === "ar" ? "rtl" : "ltr"}">`),
			);
			assert.ok(!isNoindex(html), `${lang} home is indexable`);
			titles.add(/<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? "");
			assert.equal(canonical(html), `${SITE}/${lang}`);
			const alts = alternates(html);
			assert.equal(alts.length, LANGUAGES.length + 1);
			assert.deepEqual(alts.at(-1), ["x-default", `${SITE}/`]);
		}
		assert.equal(titles.size, LANGUAGES.length, "each home has its own heading");
	});

	test("/{lang}/ and upper-case languages redirect; unknown languages are 404", async () => {
		assert.equal((await get(base(), "/tr/")).headers.get("location"), "/tr");
		assert.equal((await get(base(), "/TR/sip/603-decline")).headers.get("location"), "/tr/sip/603-decline");
		assert.equal((await get(base(), "/zh-Hans")).headers.get("location"), "/zh-hans");
		for (const p of ["/xx", "/xx/sip/603-decline", "/en-us", "/tr-TR/sip/603"]) {
			const r = await get(base(), p);
			assert.equal(r.status, 404, p);
			assert.match(await r.text(), /<h1>/);
		}
	});

	test("the language switcher keeps the current page", async () => {
		const html = await (await get(base(), "/tr/compare/sip/486-busy-here-vs-603-decline")).text();
		for (const lang of LANGUAGES)
			assert.ok(html.includes(`href="/${lang}/compare/sip/486-busy-here-vs-603-decline"`), lang);
	});
});

describe("code pages", () => {
	test("every code has a page in every language", async () => {
		for (const e of entries())
			for (const lang of ["en", "tr", "ar", "ja"]) {
				const r = await get(base(), codePath(lang, e.code));
				assert.equal(r.status, 200, `${lang} ${e.code}`);
				const html = await r.text();
				assert.ok(html.includes(`<span class="code k${String(e.code)[0]}">${e.code}</span>`), `${e.code} heading`);
			}
	});

	test("a code page carries every section", async () => {
		const html = await (await get(base(), "/en/sip/486-busy-here")).text();
		for (const id of [
			"description",
			"when",
			"fix",
			"causes",
			"misdiagnoses",
			"facts",
			"example",
			"q850",
			"related",
			"compare",
		])
			assert.ok(html.includes(`id="h-${id}"`), id);
		assert.match(html, /href="https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.24"/);
		assert.match(html, /<span class="sl">SIP\/2\.0 <span class="code k4">486<\/span> Busy Here<\/span>/);
		assert.match(html, /<span class="hn">Via<\/span>:/);
		assert.match(html, /<select id="pick-b" name="b">/);
		assert.match(html, /href="\/en\/compare\/sip\/486-busy-here-vs-603-decline"/);
		assert.match(html, /href="\/en\/glossary#[a-z-]+"/, "glossary terms are linked");
		assert.match(
			html,
			/<script type="application\/ld\+json">\{"@context":"https:\/\/schema.org","@type":"DefinedTerm"/,
		);
		assert.match(html, /<meta name="description" content="[^"]{20,}">/);
		assert.match(html, /<meta property="og:title" content="SIP 486 Busy Here — sipwhy">/);
	});

	test("/{lang}/sip/{code} and wrong slugs redirect to the canonical address", async () => {
		for (const [from, to] of [
			["/en/sip/603", "/en/sip/603-decline"],
			["/tr/sip/603-wrong-slug", "/tr/sip/603-decline"],
			["/en/sip/603-", "/en/sip/603-decline"],
			["/en/sip/4XX", "/en/sip/4xx"],
			["/sip/603", "/en/sip/603"],
			["/sip/603-decline", "/en/sip/603-decline"],
			["/en/sip/603-decline/", "/en/sip/603-decline"],
			["/en/sip/", "/en/sip"],
			["/en/", "/en"],
			["/en/glossary/", "/en/glossary"],
			["/en/troubleshoot/", "/en/troubleshoot"],
			["/en/analyze/", "/en/analyze"],
			["/glossary/", "/en/glossary"],
			["/glossary", "/en/glossary"],
			["/api", "/en/api"],
			["/search?q=busy", "/en/search?q=busy"],
		]) {
			const r = await get(base(), from as string);
			assert.equal(r.status, 301, from);
			assert.equal(r.headers.get("location"), to, from);
		}
	});

	test("every code in 100–699 has a page: unregistered ones explain, link the x00 code, are not indexed", async () => {
		const r = await get(base(), "/en/sip/499");
		assert.equal(r.status, 200);
		const html = await r.text();
		assert.match(html, /<h1><bdi>SIP <span class="code k4">499<\/span> Unregistered<\/bdi><\/h1>/);
		assert.match(html, /<span class="tag">unregistered<\/span>/);
		assert.match(html, /499 is not a registered SIP response code/);
		assert.match(html, /treats an unknown code as the x00 code of its class, here 400 Bad Request/);
		assert.match(html, /href="\/en\/sip\/400-bad-request"/);
		assert.ok(isNoindex(html));
		assert.equal(canonical(html), `${SITE}/en/sip/499`);
		assert.deepEqual(alternates(html), []);
		// No compare links from it: compare pages exist only between codes with entries.
		assert.doesNotMatch(html, /\/compare\/sip\/[^"]*499/);
		const viaPrefixless = await fetch(`${base()}/sip/499`);
		assert.equal(viaPrefixless.status, 200);
		assert.match(await viaPrefixless.text(), /499 is not a registered SIP response code/);
		const trHtml = await (await get(base(), "/tr/sip/499")).text();
		assert.match(trHtml, /499 kayıtlı bir SIP yanıt kodu değil/);
		// Provisional codes are treated as 183, the others as the x00 of their class (RFC 3261 §8.1.3.2).
		for (const [code, as] of [
			[150, "183-session-progress"],
			[699, "600-busy-everywhere"],
			[299, "200-ok"],
			[599, "500-server-internal-error"],
		] as const) {
			const page = await get(base(), `/en/sip/${code}`);
			assert.equal(page.status, 200, String(code));
			assert.match(await page.text(), new RegExp(`href="/en/sip/${as}"`), String(code));
		}
		const slugged = await get(base(), "/en/sip/499-unregistered");
		assert.equal(slugged.status, 301);
		assert.equal(slugged.headers.get("location"), "/en/sip/499");
		for (const p of ["/en/sip/999", "/en/sip/099", "/en/sip/700", "/en/sip/abc", "/en/sip/6033", "/en/sip/1xxx"]) {
			const x = await get(base(), p);
			assert.equal(x.status, 404, p);
			assert.match(await x.text(), /Page not found/, p);
		}
	});

	test("search for an unregistered code finds its page", async () => {
		const html = await (await get(base(), "/en/search?q=499")).text();
		assert.match(
			html,
			/<ol class="list"><li><a href="\/en\/sip\/499"><bdi><span class="code k4">499<\/span> Unregistered<\/bdi><\/a>/,
		);
		assert.match(html, /499 is not a registered SIP response code/);
		const tr = await (await get(base(), "/tr/search?q=499")).text();
		assert.match(tr, /href="\/tr\/sip\/499"><bdi><span class="code k4">499<\/span> Kayıtsız kod/);
	});

	test("documented unregistered codes (409 …) have pages saying so", async () => {
		const unregistered = entries().find((e) => e.status === "unregistered");
		assert.ok(unregistered);
		const html = await (await get(base(), codePath("en", unregistered.code))).text();
		assert.match(html, /<span class="tag">unregistered<\/span>/);
		assert.match(html, /treats an unknown code as the x00 code/);
	});
});

describe("compare pages", () => {
	test("canonical pair pages answer 200 and carry every section", async () => {
		const r = await get(base(), "/tr/compare/sip/486-busy-here-vs-603-decline");
		assert.equal(r.status, 200);
		const html = await r.text();
		for (const id of ["differences", "which", "side"]) assert.ok(html.includes(`id="h-${id}"`), id);
		assert.match(html, /Temel farklar/);
		assert.match(html, /<article class="card k4"/);
		assert.match(html, /<article class="card k6"/);
		assert.match(html, /<tr class="diff">/);
	});

	test("reverse order, the short form and the form redirect; the same code twice goes to the code page", async () => {
		for (const [from, to, status] of [
			["/en/compare/sip/603-decline-vs-486-busy-here", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
			["/en/compare/sip/603-vs-486", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
			["/en/compare/sip/486-vs-603", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
			["/en/compare/sip/486-busy-vs-603-x", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
			["/en/compare/sip/603-vs-603", "/en/sip/603-decline", 301],
			["/compare/sip/603-vs-486", "/en/compare/sip/603-vs-486", 301],
			["/en/compare/sip?a=603&b=486", "/en/compare/sip/486-busy-here-vs-603-decline", 302],
			["/en/compare/sip?a=603&b=603", "/en/sip/603-decline", 302],
			["/en/compare/sip/", "/en/compare/sip", 301],
			["/en/compare", "/en/compare/sip", 301],
			["/en/compare/", "/en/compare/sip", 301],
			["/en/compare/486-486", "/en/sip/486-busy-here", 301],
			["/tr/compare/486-486", "/tr/sip/486-busy-here", 301],
			["/en/compare/sip/486-486", "/en/sip/486-busy-here", 301],
			["/en/compare/499-499", "/en/sip/499", 301],
			["/en/compare/603-486", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
			["/en/compare/486-vs-603", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
			["/en/compare/603-decline-vs-486-busy-here", "/en/compare/sip/486-busy-here-vs-603-decline", 301],
		] as const) {
			const r = await get(base(), from);
			assert.equal(r.status, status, from);
			assert.equal(r.headers.get("location"), to, from);
		}
	});

	test("bad pairs: 404 or 400", async () => {
		for (const [p, status] of [
			["/en/compare/sip/486-vs-499", 404],
			["/en/compare/sip/486-vs-999", 404],
			["/en/compare/sip/486", 404],
			["/en/compare/sip/486-vs-603-vs-600", 404],
			["/en/compare/sip?a=486&b=x", 400],
			["/en/compare/sip?a=486", 400],
			["/en/compare/sip?a=486&b=499", 404],
			["/en/compare/486-499", 404],
			["/en/compare/486-999", 404],
			["/en/compare/486", 404],
			["/en/compare/486-603-600", 404],
		] as const) {
			const r = await get(base(), p);
			assert.equal(r.status, status, p);
		}
	});

	test("any pair of codes with entries can be compared", async () => {
		const codes = entries().map((e) => e.code);
		for (let i = 0; i < codes.length; i += 7)
			for (let j = i + 3; j < codes.length; j += 11) {
				const [a, b] = [codes[i] as number, codes[j] as number];
				const r = await get(base(), `/en/compare/sip/${a}-vs-${b}`);
				assert.equal(r.status, 301);
				const page = await get(base(), r.headers.get("location") as string);
				assert.equal(page.status, 200, `${a} vs ${b}`);
			}
	});
});

describe("other pages", () => {
	test("class pages, code index, compare index, glossary, API page", async () => {
		for (const lang of ["en", "tr", "ar"])
			for (const p of [
				"",
				"/sip",
				"/sip/1xx",
				"/sip/2xx",
				"/sip/3xx",
				"/sip/4xx",
				"/sip/5xx",
				"/sip/6xx",
				"/compare/sip",
				"/glossary",
				"/api",
				"/search",
				"/analyze",
				"/troubleshoot",
			]) {
				const r = await get(base(), `/${lang}${p}`);
				assert.equal(r.status, 200, `/${lang}${p}`);
			}
	});

	test("the glossary has at least 30 terms, defined in English and Turkish", async () => {
		const en = glossaryTerms("en");
		const trTerms = new Map(glossaryTerms("tr").map((t) => [t.id, t]));
		assert.ok(en.length >= 30);
		for (const t of en) {
			const tr = trTerms.get(t.id);
			assert.ok(t.def.length > 40 && tr && tr.def.length > 40 && tr.lang === "tr", t.id);
			assert.match(tr.def, /[çğıöşüİ]/, `${t.id} Turkish definition`);
		}
		const enPage = await (await get(base(), "/en/glossary")).text();
		const trPage = await (await get(base(), "/tr/glossary")).text();
		for (const id of [
			"dialog",
			"transaction",
			"branch",
			"forking",
			"b2bua",
			"sbc",
			"early-media",
			"prack",
			"record-route",
		]) {
			assert.ok(enPage.includes(`<dt id="${id}"`), id);
			assert.ok(trPage.includes(`<dt id="${id}"`), id);
		}
		assert.match(trPage, /Erken medya/);
		const ko = await (await get(base(), "/ko/glossary")).text();
		assert.ok(isNoindex(ko));
		assert.match(ko, /<dt id="dialog" lang="en" dir="ltr">Dialog<\/dt>/);
	});

	test("glossary terms are linked from texts, each once per page", async () => {
		const html = await (await get(base(), "/en/sip/603-decline")).text();
		const links = [...html.matchAll(/<a class="term" href="\/en\/glossary#([a-z0-9-]+)">/g)].map((m) => m[1]);
		assert.ok(links.length >= 5, `${links.length} glossary links`);
		assert.equal(new Set(links).size, links.length, "no term linked twice");
		const tr = await (await get(base(), "/tr/sip/486-busy-here")).text();
		assert.match(tr, /<a class="term" href="\/tr\/glossary#forking">çatallanan<\/a>/);
	});

	test("search: results page, best first; empty; no hits; too long", async () => {
		const html = await (await get(base(), "/en/search?q=decline")).text();
		const first = /<ol class="list"><li><a href="([^"]+)"/.exec(html)?.[1];
		assert.equal(first, "/en/sip/603-decline");
		assert.ok(isNoindex(html));
		const tr = await (await get(base(), "/tr/search?q=me%C5%9Fgul")).text();
		assert.match(tr, /href="\/tr\/sip\/486-busy-here"/);
		assert.equal((await get(base(), "/en/search")).status, 200);
		assert.match(await (await get(base(), "/en/search?q=zzzzqqq")).text(), /No code matches “zzzzqqq”/);
		assert.equal((await get(base(), `/en/search?q=${"a".repeat(201)}`)).status, 400);
	});

	test("unknown pages are 404 with suggestions from the address", async () => {
		const r = await get(base(), "/en/busy-here");
		assert.equal(r.status, 404);
		const html = await r.text();
		assert.match(html, /Page not found/);
		assert.match(html, /href="\/en\/sip\/486-busy-here"/);
		assert.match(html, /<form class="search"/);
		assert.equal((await get(base(), "/nothing/here/at/all")).status, 404);
	});

	test("the analyzer page: in the navigation, in every language, with its script and privacy note", async () => {
		const home = await (await get(base(), "/en")).text();
		assert.match(home, /<a href="\/en\/analyze">Analyze<\/a>/);
		for (const lang of ["en", "tr", "ar", "ja"]) {
			const r = await get(base(), `/${lang}/analyze`);
			assert.equal(r.status, 200, lang);
			const html = await r.text();
			assert.match(html, /<script src="\/assets\/analyzer\.[a-z0-9]+\.js" defer><\/script>/);
			assert.match(html, /<input id="capture-files" type="file" multiple/);
			assert.match(html, /class="notice" role="note"/);
		}
		const moved = await get(base(), "/analyze");
		assert.equal(moved.status, 301);
		assert.equal(moved.headers.get("location"), "/en/analyze");
	});
});

describe("SEO", () => {
	test("translated content pages: canonical to themselves, hreflang in all 15 languages and x-default", async () => {
		const want = [
			...LANGUAGES.map((l) => [l === "zh-hans" ? "zh-Hans" : l, SITE + codePath(l, 603)]),
			["x-default", SITE + codePath("en", 603)],
		];
		for (const lang of contentLanguages()) {
			const html = await (await get(base(), codePath(lang, 603))).text();
			assert.ok(!isNoindex(html));
			assert.equal(canonical(html), SITE + codePath(lang, 603));
			assert.deepEqual(alternates(html), want);
		}
	});

	test("every page with alternates names all 15 languages; lang and dir follow the page language", async () => {
		// Pages made of interface labels only are indexable in every language; content pages in content languages.
		const labelPages = (l: Language) => [url.home(l), url.codes(l), url.compareIndex(l), url.analyze(l), url.api(l)];
		const pages = (l: Language) => [
			...labelPages(l),
			url.cls(l, "4xx"),
			codePath(l, 486),
			url.compare(l, 486, 600),
			url.glossary(l),
			url.troubleshoot(l),
			url.troubleshoot(l, "auth-loop"),
		];
		for (const lang of ["en", "tr", "ar", "ja", "de"] as const) {
			for (const p of pages(lang)) {
				const r = await get(base(), p);
				assert.equal(r.status, 200, p);
				const html = await r.text();
				const hl = alternates(html).map(([h]) => h);
				assert.deepEqual(hl, [...LANGUAGES.map((l) => (l === "zh-hans" ? "zh-Hans" : l)), "x-default"], p);
				assert.match(html, new RegExp(`<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}">`), p);
				assert.equal(isNoindex(html), !contentLanguages().includes(lang) && !labelPages(lang).includes(p), p);
				if (contentLanguages().includes(lang)) {
					// A content language's pages are its own; items it has not written yet (a glossary
					// term, a rule page) come in English marked as such, and only then.
					if (complete(lang)) {
						assert.doesNotMatch(html, /class="fallback"/, `${p}: no fallback note`);
						assert.ok(!html.includes(escapeHtml(LABELS[lang].untranslated)), `${p}: no untranslated notice`);
						assert.equal(canonical(html), SITE + p, `${p} is its own canonical`);
					}
				}
			}
		}
	});

	test("untranslated content: English marked lang=en, said so, noindex, canonical to English", async () => {
		const html = await (await get(base(), codePath("pt", 603))).text();
		assert.ok(isNoindex(html));
		assert.equal(canonical(html), SITE + codePath("en", 603));
		assert.match(html, /<p class="notice" role="note">O texto desta página ainda não foi traduzido para o português/);
		assert.match(html, /<p class="lead" lang="en" dir="ltr">/);
		assert.match(html, /<h2 id="h-description">Descrição<\/h2>/);
		const ar = await (await get(base(), "/ar/compare/sip/486-busy-here-vs-603-decline")).text();
		assert.ok(isNoindex(ar));
		assert.equal(canonical(ar), `${SITE}/en/compare/sip/486-busy-here-vs-603-decline`);
		assert.match(ar, /<ol class="steps" lang="en" dir="ltr">/);
	});

	test("pairs nobody curated are rendered but not indexed", async () => {
		const [a, b] = [entries()[0]?.code as number, entries().at(-1)?.code as number];
		const loc = (await get(base(), `/en/compare/sip/${a}-vs-${b}`)).headers.get("location") as string;
		const html = await (await get(base(), loc)).text();
		assert.ok(isNoindex(html));
		assert.equal(canonical(html), SITE + loc);
		assert.deepEqual(alternates(html), []);
	});

	test("sitemap.xml lists exactly the indexable pages", async () => {
		const r = await get(base(), "/sitemap.xml");
		assert.equal(r.status, 200);
		assert.match(r.headers.get("content-type") ?? "", /xml/);
		const xml = await r.text();
		const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => (m[1] as string).replace(SITE, ""));
		assert.equal(new Set(locs).size, locs.length, "no duplicates");
		for (const lang of contentLanguages()) {
			for (const e of entries()) assert.ok(locs.includes(codePath(lang, e.code)), `${lang} ${e.code}`);
			for (const [a, b] of curatedPairs())
				assert.ok(
					locs.some((l) => l.startsWith(`/${lang}/compare/sip/${a}-`) && l.includes(`-vs-${b}-`)),
					`${a}-${b}`,
				);
		}
		for (const lang of LANGUAGES) assert.ok(locs.includes(`/${lang}`));
		for (const lang of LANGUAGES) assert.ok(locs.includes(`/${lang}/analyze`), `${lang} analyzer page`);
		for (const lang of contentLanguages()) {
			assert.ok(locs.includes(`/${lang}/troubleshoot`), `${lang} troubleshooting index`);
			for (const rule of documentedRules())
				assert.equal(
					locs.includes(`/${lang}/troubleshoot/${rule}`),
					hasOwnRuleDoc(rule, lang),
					`${lang} troubleshooting ${rule}: listed exactly when the language has written it`,
				);
		}
		assert.ok(!locs.some((l) => l.startsWith("/ko/sip/6")), "no untranslated code pages");
		assert.ok(!locs.some((l) => l.includes("/search")));
		// Documented unregistered codes (seen in the wild) are indexed; the template pages are not.
		const wild = entries().filter((e) => e.status === "unregistered");
		assert.ok(wild.length > 0);
		for (const e of wild) assert.ok(locs.includes(codePath("en", e.code)), `${e.code}`);
		assert.ok(!locs.some((l) => /\/sip\/(499|150|699)\b/.test(l)), "no page of a code without an entry");
		for (const path of locs) {
			const page = await get(base(), path);
			assert.equal(page.status, 200, path);
			const html = await page.text();
			assert.ok(!isNoindex(html), `${path} is indexable`);
			assert.equal(canonical(html), SITE + path, `${path} is canonical`);
		}
	});

	test("robots.txt points at the sitemap", async () => {
		const text = await (await get(base(), "/robots.txt")).text();
		assert.match(text, /^User-agent: \*/m);
		assert.match(text, new RegExp(`^Sitemap: ${SITE}/sitemap.xml$`, "m"));
	});

	test("the browser flow's pair exists", { skip: has202 ? false : "202 not in the knowledge base yet" }, async () => {
		assert.equal((await get(base(), "/tr/compare/sip/202-accepted-vs-603-decline")).status, 200);
	});
});

describe("troubleshooting pages", () => {
	test("an index and one page per documented rule, in en and tr; unknown rules are 404", async () => {
		const index = await get(base(), "/tr/troubleshoot");
		assert.equal(index.status, 200);
		assert.match(await index.text(), /Sorun giderme/);
		const page = await get(base(), "/en/troubleshoot/auth-loop");
		assert.equal(page.status, 200);
		const html = await page.text();
		assert.match(html, /<h1>Authentication loop<\/h1>/);
		assert.match(html, /What to check/);
		assert.match(html, /href="\/en\/sip\/401-unauthorized"/);
		assert.equal((await get(base(), "/en/troubleshoot/nope")).status, 404);
		assert.equal((await get(base(), "/en/troubleshoot/<script>")).status, 404);
	});
});

describe("links", () => {
	test("every link a page emits answers 200 itself: no redirect, no trailing slash", async () => {
		const rule = documentedRules()[0] as string;
		const pages = ["en", "tr", "ar", "de"].flatMap((lang) => [
			`/${lang}`,
			`/${lang}/sip`,
			`/${lang}/sip/4xx`,
			codePath(lang, 486),
			codePath(lang, 603),
			`/${lang}/sip/499`,
			`/${lang}/compare/sip`,
			`/${lang}/compare/sip/486-busy-here-vs-603-decline`,
			`/${lang}/glossary`,
			`/${lang}/api`,
			`/${lang}/analyze`,
			`/${lang}/troubleshoot`,
			`/${lang}/troubleshoot/${rule}`,
			`/${lang}/search?q=busy`,
			`/${lang}/nope`,
		]);
		const links = new Map<string, string>();
		for (const p of pages) {
			const html = await (await get(base(), p)).text();
			for (const m of html.matchAll(/\s(?:href|action)="(\/[^"#]*)(?:#[^"]*)?"/g)) {
				const link = (m[1] as string).replaceAll("&amp;", "&");
				if (!links.has(link)) links.set(link, p);
			}
			for (const m of html.matchAll(/\shref="https?:\/\/sipwhy\.test(\/[^"#]*)/g))
				if (!links.has(m[1] as string)) links.set(m[1] as string, p);
		}
		assert.ok(links.size > 100, String(links.size));
		for (const [link, from] of links) {
			assert.ok(link === "/" || !link.split("?")[0]?.endsWith("/"), `${from} links ${link}, with a trailing slash`);
			const r = await get(base(), link);
			// The root negotiates the language (302): the only link that may move.
			assert.equal(
				r.status,
				link === "/" ? 302 : 200,
				`${from} links ${link}: ${r.status} → ${r.headers.get("location")}`,
			);
			await r.arrayBuffer();
		}
	});

	test("every address in the sitemap is its page's canonical address and answers 200", async () => {
		const xml = await (await get(base(), "/sitemap.xml")).text();
		const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1] as string);
		for (const loc of locs.filter((_, i) => i % 7 === 0 || /troubleshoot|analyze/.test(locs[i] as string))) {
			const r = await get(base(), loc.replace(SITE, ""));
			assert.equal(r.status, 200, loc);
			assert.equal(canonical(await r.text()), loc, loc);
		}
	});
});
