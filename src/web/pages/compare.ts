/** Compare pages: one per pair, lower code first. */

import { LABELS, type WebLabels } from "../../i18n/index.ts";
import { classOf } from "../../kb/classes.ts";
import { type Comparison, compare } from "../../kb/compare.ts";
import type { Explanation } from "../../kb/explain.ts";
import type { Language } from "../../kb/locales.ts";
import { hasPhrases } from "../../kb/phrases/index.ts";
import { curatedPair } from "../../kb/registry.ts";
import type { Linker } from "../glossary.ts";
import { type Html, html } from "../html.ts";
import { type Ctx, itemFallback, type Page, proseAttrs, renderPage, untranslatedNotice } from "../layout.ts";
import { url } from "../urls.ts";
import { breadcrumbLd, capitalize } from "./code.ts";
import {
	cite,
	classBadge,
	codeName,
	contentAlternates,
	crumbs,
	isContentLang,
	labelAlternates,
	linkerFor,
	pairLink,
	pairsWith,
	section,
	sipName,
} from "./common.ts";

/** The short card of one side: name, class, summary. */
function card(L: WebLabels, lang: Language, e: Explanation, P: Html): Html {
	const cls = classOf(e.code);
	return html`<article class="card ${`k${e.code.toString()[0]}`}" aria-labelledby="c-${e.code}">
<h2 id="c-${e.code}"><a href="${url.code(lang, e.code)}">${codeName(e.code, e.reason)}</a></h2>
<p class="tags">${classBadge(L, cls)} <span class="tag">${e.facts.final ? L.final : L.provisional}</span> ${cite(e.rfc)}</p>
<p${P}>${e.summary}</p>
</article>`;
}

/** The long text of one side: description, when you see it, how to fix. */
function details(L: WebLabels, lang: Language, e: Explanation, P: Html, link: Linker): Html {
	return html`<div><h3 class="side-title">${codeName(e.code, e.reason)}</h3>
<h4>${L.description}</h4><p${P}>${link.link(e.description)}</p>
<h4>${L.whenYouSeeIt}</h4><p${P}>${link.link(e.whenYouSeeIt)}</p>
<h4>${L.howToFix}</h4><ol class="steps"${P}>${e.howToFix.map((s) => html`<li>${link.link(s)}</li>`)}</ol>
<p><a href="${url.code(lang, e.code)}">${L.fullPage}: ${e.code} ${e.reason}</a></p></div>`;
}

function sideBySide(L: WebLabels, c: Comparison): Html {
	const { a, b } = c;
	const methods = (e: Explanation) => e.facts.methods.map((m) => (m === "any" ? L.anyMethod : m)).join(", ");
	const hdrs = (names: string[]) => (names.length ? names.join(", ") : L.none);
	const rows: [string, string, string][] = [
		[capitalize(L.final, c.lang), a.facts.final ? L.yes : L.no, b.facts.final ? L.yes : L.no],
		[L.scope, L.scopes[a.facts.scope], L.scopes[b.facts.scope]],
		[L.methods, methods(a), methods(b)],
		[L.senders, a.facts.senders.map((s) => L.sender[s]).join(", "), b.facts.senders.map((s) => L.sender[s]).join(", ")],
		[L.requiredHeaders, hdrs(a.facts.requiredHeaders), hdrs(b.facts.requiredHeaders)],
		[L.optionalHeaders, hdrs(a.facts.optionalHeaders), hdrs(b.facts.optionalHeaders)],
		[L.endsForking, a.facts.endsForking ? L.yes : L.no, b.facts.endsForking ? L.yes : L.no],
		[L.retry, L.retryKinds[a.facts.retryKind], L.retryKinds[b.facts.retryKind]],
		[L.dialogEffect, L.effect[a.facts.dialogEffect], L.effect[b.facts.dialogEffect]],
		[L.ack, L.ackRule[a.facts.ack], L.ackRule[b.facts.ack]],
		[
			L.q850To,
			a.facts.q850.toCause === null ? L.none : String(a.facts.q850.toCause),
			b.facts.q850.toCause === null ? L.none : String(b.facts.q850.toCause),
		],
		[L.statusLabel, L.status[a.status], L.status[b.status]],
	];
	return html`<div class="scroll"><table>
<thead><tr><th scope="col">${L.fact}</th><th scope="col">${codeName(a.code, a.reason)}</th><th scope="col">${codeName(b.code, b.reason)}</th></tr></thead>
<tbody>${rows.map(([label, x, y]) => html`<tr${x !== y ? html` class="diff"` : ""}><th scope="row">${label}</th><td>${x}</td><td>${y}</td></tr>`)}</tbody>
</table></div>`;
}

/** The page comparing two codes that both have knowledge-base entries (a < b). */
export function comparePage(ctx: Ctx, lang: Language, x: number, y: number): string {
	const L = LABELS[lang];
	const c = compare(x, y, { lang });
	const { a, b } = c;
	const untranslated = c.contentLang !== lang;
	const P = proseAttrs(untranslated);
	// The curated sentences of a pair the content language has not written yet are English, marked so.
	const pairFallback = c.curatedLang !== undefined && !untranslated;
	const curatedCount = c.curated
		? (curatedPair(a.code, b.code, c.curatedLang ?? c.contentLang)?.keyDifferences.length ?? 0)
		: 0;
	// Derived sentences are English too while the content language has no src/kb/phrases/{lang}.ts.
	const derivedEnglish = !untranslated && !hasPhrases(c.contentLang);
	const english = (i: number) => (pairFallback && i < curatedCount) || (derivedEnglish && i >= curatedCount);
	const link = linkerFor(lang);
	const title = `SIP ${a.code} ${a.reason} ${L.vs} ${b.code} ${b.reason}`;
	const others = [...pairsWith(a.code), ...pairsWith(b.code)].filter(
		([p, q], i, all) => !(p === a.code && q === b.code) && all.findIndex(([r, s]) => r === p && s === q) === i,
	);
	const body = html`${crumbs(L, [
		[L.navCompare, url.compareIndex(lang)],
		[`${a.code} ${L.vs} ${b.code}`, null],
	])}
<h1>${sipName(a.code, a.reason)} ${L.vs} ${codeName(b.code, b.reason)}</h1>
<p class="muted">${c.curated ? L.curated : L.derived}</p>
${untranslatedNotice(L, untranslated)}
<div class="cmp">${card(L, lang, a, P)}${card(L, lang, b, P)}</div>
${section("differences", L.differences, html`<ol class="steps"${P}>${c.differences.map((d, i) => html`<li${english(i) ? proseAttrs(true) : ""}>${link.link(d)}${itemFallback(L, english(i))}</li>`)}</ol>`)}
${section("which", L.whenToUseWhich, html`<p${proseAttrs(untranslated || pairFallback)}>${link.link(c.whenToUseWhich)}${itemFallback(L, pairFallback)}</p>`)}
${section("side", L.sideBySide, sideBySide(L, c))}
${section("details", `${L.description} · ${L.whenYouSeeIt} · ${L.howToFix}`, html`<div class="cmp">${details(L, lang, a, P, link)}${details(L, lang, b, P, link)}</div>`)}
${others.length ? section("more", L.pairsTitle, html`<ul class="list">${others.map(([p, q]) => html`<li>${pairLink(L, lang, p, q)}</li>`)}</ul>`) : ""}`;
	const indexable = c.curated && isContentLang(lang) && !pairFallback && !derivedEnglish;
	const self = url.compare(lang, a.code, b.code);
	const page: Page = {
		lang,
		title: `${title} — sipwhy`,
		description: L.compareMeta(`${a.code} ${a.reason}`, `${b.code} ${b.reason}`),
		pathIn: (l) => url.compare(l, a.code, b.code),
		canonical:
			c.curated && (!isContentLang(lang) || pairFallback || derivedEnglish) ? url.compare("en", a.code, b.code) : self,
		indexable,
		alternates: c.curated ? contentAlternates((l) => url.compare(l, a.code, b.code)) : [],
		ogType: "article",
		nav: "compare",
		jsonLd: [
			breadcrumbLd(ctx, [
				[L.navCompare, url.compareIndex(lang)],
				[`${a.code} ${L.vs} ${b.code}`, self],
			]),
		],
		body,
	};
	return renderPage(ctx, page);
}

/** The compare index: the picker and every curated pair. */
export function compareIndexPage(ctx: Ctx, lang: Language, options: Html): string {
	const L = LABELS[lang];
	const body = html`<h1>${L.compareTitle}</h1>
<p class="lead">${L.compareIntro}</p>
${options}
${section("pairs", L.pairsTitle, html`<p>${L.pairsIntro}</p><ul class="list">${pairsWith().map(([a, b]) => html`<li>${pairLink(L, lang, a, b)}</li>`)}</ul>`)}`;
	return renderPage(ctx, {
		lang,
		title: `${L.compareTitle} — sipwhy`,
		description: L.pairsIntro,
		pathIn: (l) => url.compareIndex(l),
		canonical: url.compareIndex(lang),
		indexable: true,
		alternates: labelAlternates((l) => url.compareIndex(l)),
		nav: "compare",
		body,
	});
}
