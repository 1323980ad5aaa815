/** The page shell: head (SEO, Open Graph, JSON-LD), header with navigation and language switcher, footer. */

import { LABELS, type WebLabels } from "../i18n/index.ts";
import { LANGUAGES, type Language } from "../kb/locales.ts";
import { ASSET_PATHS } from "./assets/index.ts";
import { type Html, html, jsonForScript } from "./html.ts";
import { url } from "./urls.ts";

/** Per-request facts the pages need. */
export interface Ctx {
	/** Absolute origin for canonical and alternate links, e.g. `https://sipwhy.example`. */
	origin: string;
}

export type NavKey = "codes" | "compare" | "glossary" | "analyze" | "api" | null;

/** What a page gives the shell. */
export interface Page {
	lang: Language;
	title: string;
	description: string;
	/** Path of this page in another language (the switcher keeps the reader on the same page). */
	pathIn: (lang: Language) => string;
	/** Canonical path (this page, or the English one while the text is untranslated). */
	canonical: string;
	indexable: boolean;
	/** hreflang alternates as [hreflang, path]; `x-default` included by the caller. */
	alternates: [string, string][];
	ogType?: "website" | "article";
	jsonLd?: object[];
	nav?: NavKey;
	headerSearch?: boolean;
	/** More scripts (same-origin asset paths) this page needs. */
	scripts?: string[];
	body: Html;
}

/** hreflang value of a language (`zh-hans` → `zh-Hans`). */
export function hreflang(lang: string): string {
	return lang === "zh-hans" ? "zh-Hans" : lang;
}

/** The notice on pages whose prose is English in a language without a translation yet. */
export function untranslatedNotice(L: WebLabels, untranslated: boolean | undefined): Html {
	return untranslated ? html`<p class="notice" role="note">${L.untranslated}</p>` : html``;
}

/**
 * The note on one item (a glossary term, a curated pair, a rule page) that a content language has
 * not written yet and that is shown in English: the word "English" in English, the page's own
 * untranslated notice as its title.
 */
export function itemFallback(L: WebLabels, fallback: boolean): Html {
	return fallback
		? html` <small class="fallback" role="note" lang="en" title="${L.untranslated}">(${LABELS.en.langName})</small>`
		: html``;
}

/** Attributes for prose that is English inside a page of another language. */
export function proseAttrs(untranslated: boolean | undefined): Html {
	return untranslated ? html` lang="en" dir="ltr"` : html``;
}

function searchForm(L: WebLabels, lang: Language, cls: string, id: string, value = ""): Html {
	return html`<form class="${cls}" role="search" action="${url.search(lang)}" method="get" data-suggest data-lang="${lang}"><label class="vh" for="${id}">${L.search}</label><input id="${id}" name="q" type="search" value="${value}" maxlength="200" placeholder="${L.searchPlaceholder}" autocomplete="off"><button type="submit">${L.searchButton}</button><ul class="suggest" id="${id}-list" aria-label="${L.search}"></ul></form>`;
}

/** The big search form of the home and search pages. */
export function bigSearch(L: WebLabels, lang: Language, value = ""): Html {
	return searchForm(L, lang, "search", "q", value);
}

/** The whole HTML document of a page. */
export function renderPage(ctx: Ctx, p: Page): string {
	const L = LABELS[p.lang];
	const abs = (path: string) => `${ctx.origin}${path}`;
	const navItem = (key: NavKey, href: string, label: string) =>
		html`<a href="${href}"${p.nav === key ? html` aria-current="page"` : ""}>${label}</a>`;
	const switcher = LANGUAGES.map(
		(l) =>
			html`<li><a href="${p.pathIn(l)}" hreflang="${hreflang(l)}" lang="${hreflang(l)}"${l === p.lang ? html` aria-current="true"` : ""}>${LABELS[l].langName}</a></li>`,
	);
	const doc = html`<!doctype html>
<html lang="${hreflang(p.lang)}" dir="${L.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${p.title}</title>
<meta name="description" content="${p.description}">
${p.indexable ? "" : html`<meta name="robots" content="noindex,follow">\n`}<link rel="canonical" href="${abs(p.canonical)}">
${p.alternates.map(([h, path]) => html`<link rel="alternate" hreflang="${h}" href="${abs(path)}">\n`)}<meta property="og:type" content="${p.ogType ?? "website"}">
<meta property="og:site_name" content="sipwhy">
<meta property="og:title" content="${p.title}">
<meta property="og:description" content="${p.description}">
<meta property="og:url" content="${abs(p.canonical)}">
<meta property="og:locale" content="${L.ogLocale}">
<meta name="twitter:card" content="summary">
<meta name="color-scheme" content="light dark">
<link rel="icon" href="${ASSET_PATHS.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${ASSET_PATHS.css}">
<script src="${ASSET_PATHS.js}" defer></script>
${(p.scripts ?? []).map(
	(src) => html`<script src="${src}" defer></script>
`,
)}
${(p.jsonLd ?? []).map((j) => html`<script type="application/ld+json">${jsonForScript(j)}</script>\n`)}</head>
<body>
<a class="skip" href="#main">${L.skipToContent}</a>
<header class="site"><div class="wrap">
<a class="brand" href="${url.home(p.lang)}">sip<span>why</span></a>
<nav class="main" aria-label="sipwhy">${navItem("codes", url.codes(p.lang), L.navCodes)}${navItem("compare", url.compareIndex(p.lang), L.navCompare)}${navItem("glossary", url.glossary(p.lang), L.navGlossary)}${navItem("analyze", url.analyze(p.lang), L.navAnalyze)}${navItem("api", url.api(p.lang), L.navApi)}</nav>
${p.headerSearch === false ? "" : searchForm(L, p.lang, "hsearch", "hq")}
<details class="lang"><summary aria-label="${L.language}: ${L.langName}">${L.langName}</summary><ul>${switcher}</ul></details>
</div></header>
<main id="main" class="wrap">
${p.body}
</main>
<footer class="site"><div class="wrap"><p>${L.footer}</p><p><a href="https://www.iana.org/assignments/sip-parameters/sip-parameters.xhtml#sip-parameters-7">${L.footerSource}</a> · <a href="/api/openapi.json">OpenAPI</a> · <a href="/sitemap.xml">sitemap.xml</a></p></div></footer>
</body>
</html>
`;
	return doc.value;
}
