/** Home, code index, class pages, glossary, search results, API page and error pages. */

import { LABELS, type WebLabels } from "../../i18n/index.ts";
import { parseCite } from "../../kb/citation.ts";
import { classOf, type ResponseClass } from "../../kb/classes.ts";
import { explain } from "../../kb/explain.ts";
import { listCodes } from "../../kb/list.ts";
import type { Language } from "../../kb/locales.ts";
import { codesOfClass, documentedRules, entries, entry, hasOwnRuleDoc, ruleDoc } from "../../kb/registry.ts";
import { search } from "../../kb/search.ts";
import { ASSET_PATHS } from "../assets/index.ts";
import type { AnalyzerLabels } from "../client/analyzer.ts";
import { glossaryEntries } from "../glossary.ts";
import { type Html, html } from "../html.ts";
import { bigSearch, type Ctx, itemFallback, proseAttrs, renderPage, untranslatedNotice } from "../layout.ts";
import { CLASSES, url } from "../urls.ts";
import { breadcrumbLd } from "./code.ts";
import {
	cite,
	classBadge,
	codeLink,
	codeName,
	contentOf,
	contentRoutes,
	crumbs,
	kls,
	labelAlternates,
	labelPage,
	labelText,
	pairLink,
	pairsWith,
	reasonOf,
	section,
} from "./common.ts";

/** Codes people meet most, shown on the home page when the knowledge base has them. */
const COMMON = [180, 183, 200, 401, 403, 404, 407, 408, 480, 481, 486, 487, 488, 500, 503, 603];

function classCards(L: WebLabels, lang: Language): Html {
	return html`<ul class="grid">${CLASSES.map((cls) => {
		const n = codesOfClass(cls).filter((e) => e.status !== "unregistered").length;
		return html`<li class="card ${kls(cls)}"><h3><a href="${url.cls(lang, cls)}"><span class="code">${cls}</span> ${L.className[cls]}</a></h3><p>${labelText(lang, L.classBlurb[cls])}</p><p class="muted">${L.codesCount(n)}</p></li>`;
	})}</ul>`;
}

/** The home page of a language. */
export function homePage(ctx: Ctx, lang: Language): string {
	const L = LABELS[lang];
	const common = COMMON.filter((c) => entry(c));
	const body = html`<h1>${L.tagline}</h1>
<p class="lead">${L.homeIntro}</p>
${bigSearch(L, lang)}
<p class="muted">${L.searchHint}</p>
${section("classes", L.classesTitle, classCards(L, lang))}
${section("pairs", L.pairsTitle, html`<p>${L.pairsIntro}</p><ul class="list cols">${pairsWith().map(([a, b]) => html`<li>${pairLink(L, lang, a, b)}</li>`)}</ul>`)}
${section("common", L.commonCodesTitle, html`<ul class="list cols">${common.map((c) => html`<li>${codeLink(lang, c)}</li>`)}</ul><p><a href="${url.codes(lang)}">${L.allCodes} →</a></p>`)}`;
	return renderPage(ctx, {
		lang,
		title: `sipwhy — ${L.homeTitle}`,
		description: L.homeMeta,
		pathIn: (l) => url.home(l),
		canonical: url.home(lang),
		indexable: true,
		alternates: labelAlternates((l) => url.home(l), "/"),
		headerSearch: false,
		jsonLd: [
			{
				"@context": "https://schema.org",
				"@type": "WebSite",
				name: "sipwhy",
				url: `${ctx.origin}${url.home(lang)}`,
				inLanguage: lang,
				potentialAction: {
					"@type": "SearchAction",
					target: `${ctx.origin}${url.search(lang)}?q={q}`,
					"query-input": "required name=q",
				},
			},
		],
		body,
	});
}

/** Every code, by class. */
export function codesPage(ctx: Ctx, lang: Language): string {
	const L = LABELS[lang];
	const rows = listCodes({ includeUnregistered: true });
	const body = html`<h1>${L.codesTitle}</h1>
<p class="lead">${L.codesMeta}</p>
${CLASSES.map((cls) =>
	section(
		`c${cls}`,
		`${cls} ${L.className[cls]}`,
		html`<p>${labelText(lang, L.classBlurb[cls])} <a href="${url.cls(lang, cls)}">${cls} →</a></p><ul class="list">${rows
			.filter((r) => r.class === cls)
			.map(
				(r) =>
					html`<li>${codeLink(lang, r.code)} <span class="muted">${cite(r.rfc)}${r.status === "current" ? "" : html` · ${L.status[r.status]}`}</span></li>`,
			)}</ul>`,
	),
)}`;
	return labelPage(ctx, lang, {
		title: `${L.codesTitle} — sipwhy`,
		description: L.codesMeta,
		path: (l) => url.codes(l),
		nav: "codes",
		body,
	});
}

/** One class: its rule and its codes with their summaries. */
export function classPage(ctx: Ctx, lang: Language, cls: ResponseClass): string {
	const L = LABELS[lang];
	const content = contentOf(lang);
	const untranslated = content !== lang;
	const P = proseAttrs(untranslated);
	const codes = codesOfClass(cls);
	const rfc = parseCite(`RFC3261 §21.${cls[0]}`);
	const body = html`${crumbs(L, [
		[L.navCodes, url.codes(lang)],
		[`${cls} ${L.className[cls]}`, null],
	])}
<h1><span class="code ${kls(cls)}">${cls}</span> ${L.className[cls]}</h1>
<p class="lead">${labelText(lang, L.classBlurb[cls])} ${cite(rfc)}</p>
${untranslatedNotice(L, untranslated)}
<ul class="list">${codes.map((e) => html`<li>${codeLink(lang, e.code)}${e.status === "current" ? "" : html` <span class="tag">${L.status[e.status]}</span>`}<br><span${P}>${e.text[content]?.summary ?? e.text.en?.summary ?? ""}</span></li>`)}</ul>`;
	const routes = contentRoutes(lang, (l) => url.cls(l, cls));
	return renderPage(ctx, {
		lang,
		title: `SIP ${cls} ${L.className[cls]} — sipwhy`,
		description: L.classMeta(cls, L.className[cls]),
		...routes,
		nav: "codes",
		jsonLd: [
			breadcrumbLd(ctx, [
				[L.navCodes, url.codes(lang)],
				[`${cls} ${L.className[cls]}`, url.cls(lang, cls)],
			]),
		],
		body,
	});
}

/** The glossary. */
export function glossaryPage(ctx: Ctx, lang: Language): string {
	const L = LABELS[lang];
	const content = contentOf(lang);
	const untranslated = content !== lang;
	const terms = glossaryEntries(content);
	const body = html`<h1>${L.glossaryTitle}</h1>
<p class="lead">${L.glossaryIntro}</p>
${untranslatedNotice(L, untranslated)}
<dl class="gloss">${terms.map((t) => {
		// A term the content language has not written yet comes in English, marked as such.
		const A = proseAttrs(untranslated || t.lang !== content);
		return html`<dt id="${t.id}"${A}>${t.term}</dt><dd><span${A}>${t.def}</span>${itemFallback(L, !untranslated && t.lang !== content)}${t.cite ? html` ${cite(parseCite(t.cite))}` : ""}</dd>`;
	})}</dl>`;
	const routes = contentRoutes(lang, (l) => url.glossary(l));
	const indexable = routes.indexable;
	return renderPage(ctx, {
		lang,
		title: `${L.glossaryTitle} — sipwhy`,
		description: L.glossaryMeta,
		...routes,
		nav: "glossary",
		jsonLd: [
			{
				"@context": "https://schema.org",
				"@type": "DefinedTermSet",
				name: L.glossaryTitle,
				inLanguage: content,
				hasDefinedTerm: terms.map((t) => ({
					"@type": "DefinedTerm",
					name: t.term,
					description: t.def,
					inLanguage: t.lang,
					url: `${ctx.origin}${url.glossary(indexable ? lang : "en", t.id)}`,
				})),
			},
		],
		body,
	});
}

function hitList(lang: Language, codes: number[]): Html {
	const content = contentOf(lang);
	const P = proseAttrs(content !== lang);
	return html`<ol class="list">${codes.map((c) => {
		const e = entry(c);
		if (!e) {
			// A code without an entry (a search for 499): its unregistered explanation.
			const u = explain(c, { lang });
			return html`<li><a href="${url.code(lang, c)}">${codeName(c, u.reason)}</a><br><span${P}>${u.summary}</span></li>`;
		}
		return html`<li>${codeLink(lang, c)}<br><span${P}>${e.text[content]?.summary ?? e.text.en?.summary ?? ""}</span></li>`;
	})}</ol>`;
}

/** Search results (never indexed). */
export function searchPage(ctx: Ctx, lang: Language, q: string): string {
	const L = LABELS[lang];
	const hits = q ? search(q, { lang, limit: 20 }).map((h) => h.code) : [];
	const body = html`<h1>${q ? L.resultsFor(q) : L.searchTitle}</h1>
${bigSearch(L, lang, q)}
${q ? (hits.length ? html`${untranslatedNotice(L, contentOf(lang) !== lang)}${hitList(lang, hits)}` : html`<p>${L.noResults(q)}</p>`) : html`<p class="muted">${L.searchHint}</p>`}`;
	return renderPage(ctx, {
		lang,
		title: `${q ? L.resultsFor(q) : L.searchTitle} — sipwhy`,
		description: L.searchHint,
		pathIn: (l) => url.search(l, q || undefined),
		canonical: url.search(lang),
		indexable: false,
		alternates: [],
		headerSearch: false,
		body,
	});
}

/** The in-browser analyzer: captures and logs are read by the page's script; nothing is uploaded. */
export function analyzePage(ctx: Ctx, lang: Language): string {
	const L = LABELS[lang];
	const A = L.analyze;
	const rules = Object.fromEntries(documentedRules().map((id) => [id, ruleDoc(id, contentOf(lang))?.title ?? id]));
	const codes = Object.fromEntries(entries().map((e) => [e.code, url.code(lang, e.code)]));
	const labels = JSON.stringify({ ...A, rules, codes } satisfies AnalyzerLabels);
	// Findings are written in the languages the diagnosis speaks; others read English.
	const findingsLang = lang === "tr" ? "tr" : "en";
	const body = html`<h1>${A.title}</h1>
<p class="lead">${A.intro}</p>
<p class="notice" role="note">${A.privacy}</p>
<div id="analyzer" data-lang="${findingsLang}" data-labels="${labels}">
<div class="dropzone"><label for="capture-files">${A.choose}</label> <input id="capture-files" type="file" multiple accept=".pcap,.pcapng,.cap,.gz,.log,.txt,.sip"> <span>${A.drop}</span></div>
</div>
<div id="analysis" aria-live="polite"></div>
<p><a href="${url.troubleshoot(lang)}">${L.troubleshoot.title}</a></p>`;
	return labelPage(ctx, lang, {
		title: `${A.title} — sipwhy`,
		description: A.meta,
		path: (l) => url.analyze(l),
		nav: "analyze",
		scripts: [ASSET_PATHS.analyzer],
		body,
	});
}

/** The index of troubleshooting pages (one per diagnosis rule). */
export function troubleshootIndexPage(ctx: Ctx, lang: Language): string {
	const L = LABELS[lang];
	const T = L.troubleshoot;
	const content = contentOf(lang);
	const P = proseAttrs(content !== lang);
	const body = html`<h1>${T.title}</h1>
<p class="lead">${T.intro}</p>
${untranslatedNotice(L, content !== lang)}
<ul class="list">${documentedRules().map((id) => {
		const d = ruleDoc(id, content);
		const fallback = content !== "en" && !hasOwnRuleDoc(id, content);
		const A = fallback ? proseAttrs(true) : P;
		return html`<li><a href="${url.troubleshoot(lang, id)}"${A}>${d?.title ?? id}</a>${itemFallback(L, fallback && content === lang)}<br><span${A}>${d?.summary ?? ""}</span></li>`;
	})}</ul>`;
	const routes = contentRoutes(lang, (l) => url.troubleshoot(l));
	return renderPage(ctx, {
		lang,
		title: `${T.title} — sipwhy`,
		description: T.meta,
		...routes,
		nav: "analyze",
		body,
	});
}

/** One troubleshooting page, or null for an unknown rule. */
export function troubleshootPage(ctx: Ctx, lang: Language, id: string): string | null {
	if (!documentedRules().includes(id)) return null;
	const L = LABELS[lang];
	const T = L.troubleshoot;
	const content = contentOf(lang);
	// A rule page the content language has not written yet is shown in English, noted and not indexed.
	const fallback = content !== "en" && !hasOwnRuleDoc(id, content);
	const P = proseAttrs(content !== lang || fallback);
	const d = ruleDoc(id, content);
	if (!d) return null;
	const list = (items: string[]) => html`<ul>${items.map((i) => html`<li${P}>${i}</li>`)}</ul>`;
	const body = html`<h1${P}>${d.title}</h1>
<p class="lead"${P}>${d.summary}</p>
${untranslatedNotice(L, content !== lang || fallback)}
<h2>${T.symptoms}</h2>${list(d.symptoms)}
<h2>${T.causes}</h2>${list(d.causes)}
<h2>${T.check}</h2><ol>${d.check.map((i) => html`<li${P}>${i}</li>`)}</ol>
${d.codes.length ? html`<h2>${T.codes}</h2><p>${d.codes.map((c, i) => html`${i ? ", " : ""}${codeLink(lang, c)}`)}</p>` : ""}
<h2>${T.sources}</h2><p>${d.cites.map((c, i) => html`${i ? " · " : ""}${cite(parseCite(c))}`)}</p>
<p><a href="${url.troubleshoot(lang)}">${T.title}</a> · <a href="${url.analyze(lang)}">${L.analyze.title}</a></p>`;
	const own = contentRoutes(lang, (l) => url.troubleshoot(l, id));
	const routes = fallback ? { ...own, indexable: false, canonical: url.troubleshoot("en", id) } : own;
	return renderPage(ctx, {
		lang,
		title: `${d.title} — sipwhy`,
		description: d.summary,
		...routes,
		ogType: "article",
		nav: "analyze",
		body,
	});
}

/** The API page. */
export function apiPage(ctx: Ctx, lang: Language): string {
	const L = LABELS[lang];
	const rows: [string, string, string][] = [
		["/api/v1/codes", "/api/v1/codes?class=4xx", L.apiList],
		["/api/v1/codes/{code}?lang=", `/api/v1/codes/486?lang=${lang}`, L.apiExplain],
		["/api/v1/compare/{a}/{b}?lang=", `/api/v1/compare/486/603?lang=${lang}`, L.apiCompare],
		["/api/v1/search?q=&lang=", `/api/v1/search?q=busy&lang=${lang}`, L.apiSearch],
		["/api/openapi.json", "/api/openapi.json", L.apiSpec],
	];
	const body = html`<h1>${L.apiTitle}</h1>
<p class="lead">${L.apiIntro}</p>
<div class="scroll"><table>
<thead><tr><th scope="col">${L.apiEndpoint}</th><th scope="col">${L.apiReturns}</th></tr></thead>
<tbody>${rows.map(([pattern, example, what]) => html`<tr><td><a href="${example}"><code>GET ${pattern}</code></a></td><td>${what}</td></tr>`)}</tbody>
</table></div>
<p>${L.apiNotes}</p>
<pre><code>curl -s '${ctx.origin}/api/v1/codes/603?lang=${lang}'
curl -s '${ctx.origin}/api/v1/compare/486/603?lang=${lang}'
curl -s '${ctx.origin}/api/v1/search?q=codec'</code></pre>`;
	return labelPage(ctx, lang, {
		title: `${L.apiTitle} — sipwhy`,
		description: L.apiMeta,
		path: (l) => url.api(l),
		nav: "api",
		body,
	});
}

/** Codes near `code` in the knowledge base (same class first), for suggestions. */
function nearby(code: number, n = 6): number[] {
	return entries()
		.filter((e) => e.code !== code && e.status !== "unregistered")
		.map((e) => e.code)
		.sort(
			(x, y) =>
				Number(classOf(y) === classOf(code)) - Number(classOf(x) === classOf(code)) ||
				Math.abs(x - code) - Math.abs(y - code),
		)
		.slice(0, n)
		.sort((x, y) => x - y);
}

/** The 404 page; for a three-digit code without an entry, it explains the code as unregistered. */
export function notFoundPage(ctx: Ctx, lang: Language, hint: { code?: number; words?: string }): string {
	const L = LABELS[lang];
	let lead: Html;
	let suggestions: number[] = [];
	let title = L.notFoundTitle;
	if (hint.code !== undefined) {
		const e = explain(hint.code, { lang });
		const as = e.treatedAs ?? 0;
		const P = proseAttrs(e.contentLang !== lang);
		title = L.unregisteredTitle(hint.code);
		lead = html`<p class="notice">${labelText(lang, L.treatedAs(hint.code, `${as} ${reasonOf(as)}`))}</p>
${untranslatedNotice(L, e.contentLang !== lang)}
<p${P}>${e.description}</p>
<p><a href="${url.code(lang, as)}">${codeName(as)}</a> · ${classBadge(L, classOf(hint.code))}</p>`;
		suggestions = nearby(hint.code);
	} else {
		lead = html`<p>${L.notFoundText}</p>`;
		const words = (hint.words ?? "")
			.replace(/[^\p{L}\p{N}]+/gu, " ")
			.trim()
			.slice(0, 100);
		if (words) suggestions = search(words, { lang, limit: 6 }).map((h) => h.code);
	}
	const body = html`<h1>${title}</h1>
${lead}
${bigSearch(L, lang)}
${suggestions.length ? section("suggestions", L.suggestions, hitList(lang, suggestions)) : ""}
<ul class="list"><li><a href="${url.home(lang)}">sipwhy</a></li><li><a href="${url.codes(lang)}">${L.codesTitle}</a></li><li><a href="${url.compareIndex(lang)}">${L.compareTitle}</a></li><li><a href="${url.glossary(lang)}">${L.glossaryTitle}</a></li></ul>`;
	return renderPage(ctx, {
		lang,
		title: `${title} — sipwhy`,
		description: L.notFoundText,
		pathIn: (l) => url.home(l),
		canonical: url.home(lang),
		indexable: false,
		alternates: [],
		headerSearch: false,
		body,
	});
}

/** The 400 page. */
export function badRequestPage(ctx: Ctx, lang: Language, detail: string): string {
	const L = LABELS[lang];
	const body = html`<h1>${L.badRequestTitle}</h1><p>${L.badRequestText}</p><p class="muted">${detail}</p>${bigSearch(L, lang)}`;
	return renderPage(ctx, {
		lang,
		title: `${L.badRequestTitle} — sipwhy`,
		description: L.badRequestText,
		pathIn: (l) => url.home(l),
		canonical: url.home(lang),
		indexable: false,
		alternates: [],
		headerSearch: false,
		body,
	});
}
