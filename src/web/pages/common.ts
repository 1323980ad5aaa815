/** Small pieces shared by the pages. */

import type { WebLabels } from "../../i18n/index.ts";
import { type Citation, formatCite } from "../../kb/citation.ts";
import { classOf, type ResponseClass } from "../../kb/classes.ts";
import { contentLanguageFor } from "../../kb/explain.ts";
import { LANGUAGES, type Language } from "../../kb/locales.ts";
import { contentLanguages, curatedPairs, entry } from "../../kb/registry.ts";
import { isolateLtr, isRtl } from "../bidi.ts";
import { Linker } from "../glossary.ts";
import { type Html, type HtmlValue, html } from "../html.ts";
import { type Ctx, hreflang, type NavKey, renderPage } from "../layout.ts";
import { url } from "../urls.ts";

/** Class number 1–6 for colour classes (`k4`). */
export function kls(code: number | ResponseClass): string {
	return `k${typeof code === "number" ? Math.floor(code / 100) : code[0]}`;
}

/** The reason phrase of a code in the knowledge base (empty when it has no entry). */
export function reasonOf(code: number): string {
	return entry(code)?.reason ?? "";
}

/** "486 Busy Here" as markup with the code coloured by class, isolated for right-to-left pages. */
export function codeName(code: number, reason = reasonOf(code)): Html {
	return html`<bdi><span class="code ${kls(code)}">${code}</span> ${reason}</bdi>`;
}

/** "SIP 486 Busy Here" as one left-to-right unit. */
export function sipName(code: number, reason = reasonOf(code)): Html {
	return html`<bdi>SIP <span class="code ${kls(code)}">${code}</span> ${reason}</bdi>`;
}

/** A link to a code's page. */
export function codeLink(lang: Language, code: number): Html {
	return html`<a href="${url.code(lang, code)}">${codeName(code)}</a>`;
}

/**
 * An interface label that mixes words with codes, reason phrases or RFC sections ("… وهو هنا 400
 * Bad Request (RFC 3261 §8.1.3.2)"): in a right-to-left language each left-to-right run is isolated.
 */
export function labelText(lang: Language, text: string): Html {
	return isRtl(lang) ? isolateLtr(text) : html`${text}`;
}

/** A link to an RFC section, kept left to right inside right-to-left text ("RFC 3261 §21.4"). */
export function cite(c: Citation): Html {
	return html`<a class="cite" dir="ltr" href="${c.url}">${formatCite(c)}</a>`;
}

/** The badge of a class: "4xx Client failure". */
export function classBadge(L: WebLabels, cls: ResponseClass): Html {
	return html`<span class="badge ${kls(cls)}">${cls} ${L.className[cls]}</span>`;
}

/** Breadcrumb navigation; the last item is the current page. */
export function crumbs(L: WebLabels, items: [string, string | null][]): Html {
	return html`<nav class="crumbs" aria-label="${L.breadcrumb}"><ol>${items.map(([label, href]) =>
		href ? html`<li><a href="${href}">${label}</a></li>` : html`<li aria-current="page">${label}</li>`,
	)}</ol></nav>`;
}

/** Whether a language has its own prose. */
export function isContentLang(lang: Language): boolean {
	return contentLanguages().includes(lang);
}

/** The content language used for a UI language: itself when its content is written, else English. */
export function contentOf(lang: Language): Language {
	return contentLanguageFor(lang) as Language;
}

/**
 * hreflang alternates for a page whose prose is written per language: every offered language (a
 * language whose content is still English points at its own page, which says so), and x-default.
 */
export function contentAlternates(path: (l: Language) => string): [string, string][] {
	const out: [string, string][] = LANGUAGES.map((l) => [hreflang(l), path(l)]);
	out.push(["x-default", path("en")]);
	return out;
}

/**
 * Where a page whose prose exists in the content languages lives: indexable in those, canonical to
 * the English page elsewhere, with hreflang alternates in every offered language.
 */
export function contentRoutes(
	lang: Language,
	path: (l: Language) => string,
): { pathIn: (l: Language) => string; canonical: string; indexable: boolean; alternates: [string, string][] } {
	const indexable = isContentLang(lang);
	return { pathIn: path, canonical: path(indexable ? lang : "en"), indexable, alternates: contentAlternates(path) };
}

/** hreflang alternates for a page made of interface labels only (complete in every language). */
export function labelAlternates(path: (l: Language) => string, xDefault = path("en")): [string, string][] {
	const out: [string, string][] = LANGUAGES.map((l) => [hreflang(l), path(l)]);
	out.push(["x-default", xDefault]);
	return out;
}

/**
 * A page whose words are all interface labels (translated in every language): indexable everywhere,
 * canonical to itself, hreflang alternates in every language.
 */
export function labelPage(
	ctx: Ctx,
	lang: Language,
	p: { title: string; description: string; path: (l: Language) => string; nav: NavKey; body: Html; scripts?: string[] },
): string {
	return renderPage(ctx, {
		lang,
		title: p.title,
		description: p.description,
		pathIn: p.path,
		canonical: p.path(lang),
		indexable: true,
		alternates: labelAlternates(p.path),
		nav: p.nav,
		...(p.scripts ? { scripts: p.scripts } : {}),
		body: p.body,
	});
}

/** A glossary linker for one page. */
export function linkerFor(lang: Language): Linker {
	return new Linker(contentOf(lang), (id) => url.glossary(lang, id));
}

/** Curated pairs (lower code first) that involve a code, or all of them. */
export function pairsWith(code?: number): [number, number][] {
	return curatedPairs()
		.filter(([a, b]) => code === undefined || a === code || b === code)
		.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
}

/** "401 Unauthorized vs 407 Proxy Authentication Required" as a link to the compare page. */
export function pairLink(L: WebLabels, lang: Language, a: number, b: number): Html {
	return html`<a href="${url.compare(lang, a, b)}">${codeName(a)} ${L.vs} ${codeName(b)}</a>`;
}

/** Section with a heading and an id. */
export function section(id: string, title: string, body: HtmlValue): Html {
	return html`<section aria-labelledby="h-${id}"><h2 id="h-${id}">${title}</h2>${body}</section>`;
}

export { classOf };
