/** One page per response code. */

import { LABELS, q850BasisLabel, type WebLabels } from "../../i18n/index.ts";
import { classOf } from "../../kb/classes.ts";
import { type Explanation, explain } from "../../kb/explain.ts";
import type { Language } from "../../kb/locales.ts";
import { entries, entry, REGISTRY_SOURCE } from "../../kb/registry.ts";
import { type Html, html } from "../html.ts";
import { type Ctx, type Page, proseAttrs, renderPage, untranslatedNotice } from "../layout.ts";
import { url } from "../urls.ts";
import {
	cite,
	classBadge,
	codeLink,
	codeName,
	contentRoutes,
	crumbs,
	kls,
	labelText,
	linkerFor,
	pairLink,
	pairsWith,
	reasonOf,
	section,
	sipName,
} from "./common.ts";

/** A raw SIP message with the start line, header names and values, and SDP keys marked up. */
export function highlightMessage(raw: string): Html {
	const lines = raw.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
	const out: Html[] = [];
	let inBody = false;
	lines.forEach((line, i) => {
		if (i === 0) {
			const m = /^(SIP\/2\.0) (\d{3}) (.*)$/.exec(line);
			out.push(
				m
					? html`<span class="sl">${m[1]} <span class="code ${kls(Number(m[2]))}">${m[2]}</span> ${m[3]}</span>`
					: html`<span class="sl">${line}</span>`,
			);
		} else if (inBody) {
			const m = /^([a-z])=(.*)$/.exec(line);
			out.push(m ? html`<span class="sk">${m[1]}=</span>${m[2]}` : html`${line}`);
		} else if (line === "") {
			inBody = true;
			out.push(html``);
		} else {
			const c = line.indexOf(":");
			out.push(
				c > 0
					? html`<span class="hn">${line.slice(0, c)}</span>:<span class="hv">${line.slice(c + 1)}</span>`
					: html`${line}`,
			);
		}
	});
	return html`<pre><code>${out.map((l, i) => (i === 0 ? l : html`\n${l}`))}</code></pre>`;
}

/** First letter upper-cased, the language's way (Turkish i → İ). */
export function capitalize(s: string, lang: string): string {
	return s.charAt(0).toLocaleUpperCase(lang) + s.slice(1);
}

function yesNo(L: WebLabels, v: boolean): string {
	return v ? L.yes : L.no;
}

/** The facts table of an explanation. */
export function factsTable(L: WebLabels, e: Explanation, untranslated: boolean): Html {
	const f = e.facts;
	const c = e.citations;
	const headers = (names: string[]) =>
		names.length
			? names.map((n, i) => html`${i ? ", " : ""}<code>${n}</code> ${c.headers[n] ? cite(c.headers[n]) : ""}`)
			: L.none;
	const row = (label: string, value: Html | string, source?: Html) =>
		html`<tr><th scope="row">${label}</th><td>${value}${source ? html` ${source}` : ""}</td></tr>`;
	return html`<div class="scroll"><table>
<caption class="vh">${L.facts}</caption>
${row(capitalize(L.final, e.lang), yesNo(L, f.final), cite(c.final))}
${row(L.scope, L.scopes[f.scope], cite(c.scope))}
${row(L.methods, f.methods.map((m) => (m === "any" ? L.anyMethod : m)).join(", "), cite(c.methods))}
${row(L.senders, f.senders.map((s) => L.sender[s]).join(", "), cite(c.senders))}
${row(L.requiredHeaders, html`${headers(f.requiredHeaders)}`)}
${row(L.optionalHeaders, html`${headers(f.optionalHeaders)}`)}
${row(L.endsForking, yesNo(L, f.endsForking), cite(c.endsForking))}
${row(L.retry, html`<strong>${L.retryKinds[f.retryKind]}</strong>. <span${proseAttrs(untranslated)}>${f.retry}</span>`, cite(c.retry))}
${row(L.dialogEffect, L.effect[f.dialogEffect], cite(c.dialogEffect))}
${row(L.ack, L.ackRule[f.ack], cite(c.ack))}
</table></div>`;
}

/** The Q.850 mapping table. */
export function q850Table(L: WebLabels, e: Explanation): Html {
	const q = e.facts.q850;
	const name = (n: number) => html`${n} <span lang="en">${q.names[String(n)] ?? ""}</span>`;
	const [toCite, fromCite] = e.citations.q850;
	return html`<p>${labelText(e.lang as Language, L.q850Intro)}</p><div class="scroll"><table>
<tr><th scope="row">${L.q850To}</th><td>${q.toCause === null ? L.none : name(q.toCause)} (${q850BasisLabel(L, q.basis)})${toCite ? html` ${cite(toCite)}` : ""}</td></tr>
<tr><th scope="row">${L.q850From}</th><td>${q.fromCauses.length ? q.fromCauses.map((n, i) => html`${i ? ", " : ""}${name(n)}`) : L.none}${fromCite ? html` ${cite(fromCite)}` : ""}</td></tr>
</table></div>`;
}

/** The form that compares a code with any other. */
export function comparePicker(L: WebLabels, lang: Language, code: number): Html {
	const options = entries()
		.filter((x) => x.code !== code)
		.map((x) => html`<option value="${x.code}">${x.code} ${x.reason}</option>`);
	return html`<form class="pick" action="/${lang}/compare/sip" method="get"><input type="hidden" name="a" value="${code}"><label for="pick-b">${L.pickCode}</label><select id="pick-b" name="b">${options}</select><button type="submit">${L.compareButton}</button></form>`;
}

/** Extra notes at the top: unregistered, deprecated, renamed. */
function notes(L: WebLabels, lang: Language, e: Explanation): Html {
	const out: Html[] = [];
	if (e.treatedAs !== undefined)
		out.push(
			html`<p class="notice">${labelText(lang, L.treatedAs(e.code, `${e.treatedAs} ${reasonOf(e.treatedAs)}`))} <a href="${url.code(lang, e.treatedAs)}">${codeName(e.treatedAs)}</a></p>`,
		);
	if (e.deprecatedBy)
		out.push(html`<p class="notice">${L.status.deprecated}. ${L.deprecatedBy}: ${cite(e.deprecatedBy)}</p>`);
	if (e.renamedFrom)
		out.push(html`<p class="notice">${L.renamedFrom}: “${e.renamedFrom.reason}” (${cite(e.renamedFrom.by)})</p>`);
	return html`${out}`;
}

/**
 * The page of a code in 100–699: its knowledge-base entry, or, for a code sipwhy has no entry for
 * (499), its unregistered explanation linking to the code it is treated as (RFC 3261 §8.1.3.2).
 * Those pages are never indexed: they are one template over 500 numbers, and the codes seen in
 * the wild (409, 411, 478, 490) have entries of their own, in the sitemap.
 */
export function codePage(ctx: Ctx, lang: Language, code: number): string {
	const L = LABELS[lang];
	const e = explain(code, { lang });
	const known = entry(code) !== undefined;
	const untranslated = e.contentLang !== lang;
	const P = proseAttrs(untranslated);
	const link = linkerFor(lang);
	const cls = classOf(code);
	const pairs = pairsWith(code);
	const pairSet = new Set(pairs.map(([a, b]) => `${a}-${b}`));
	const relatedPairs = e.related.filter((r) => !pairSet.has(`${Math.min(r, code)}-${Math.max(r, code)}`) && r !== code);
	const title = `SIP ${e.code} ${e.reason}`;
	const body = html`${crumbs(L, [
		[L.navCodes, url.codes(lang)],
		[`${cls} ${L.className[cls]}`, url.cls(lang, cls)],
		[String(code), null],
	])}
<h1>${sipName(e.code, e.reason)}</h1>
<p class="tags">${classBadge(L, cls)} <span class="tag">${e.facts.final ? L.final : L.provisional}</span> <span class="tag">${L.status[e.status]}</span> <span class="tag">${L.definedIn} ${cite(e.rfc)}</span></p>
${untranslatedNotice(L, untranslated)}
<p class="lead"${P}>${e.summary}</p>
${notes(L, lang, e)}
${section("description", L.description, html`<p${P}>${link.link(e.description)}</p>`)}
${section("when", L.whenYouSeeIt, html`<p${P}>${link.link(e.whenYouSeeIt)}</p>`)}
${section("fix", L.howToFix, html`<ol class="steps"${P}>${e.howToFix.map((s) => html`<li>${link.link(s)}</li>`)}</ol>`)}
${section("causes", L.commonCauses, html`<ul${P}>${e.commonCauses.map((s) => html`<li>${link.link(s)}</li>`)}</ul>`)}
${section("misdiagnoses", L.misdiagnoses, html`<ul${P}>${e.misdiagnoses.map((s) => html`<li>${link.link(s)}</li>`)}</ul>`)}
${section("facts", L.facts, factsTable(L, e, untranslated))}
${e.example ? section("example", L.example, highlightMessage(e.example)) : ""}
${section("q850", L.q850, q850Table(L, e))}
${e.related.length ? section("related", L.related, html`<ul class="list">${e.related.map((r) => html`<li>${codeLink(lang, r)}</li>`)}</ul>`) : ""}
${
	known
		? section(
				"compare",
				L.compareWith,
				html`${pairs.length || relatedPairs.length ? html`<ul class="list">${pairs.map(([a, b]) => html`<li>${pairLink(L, lang, a, b)}</li>`)}${relatedPairs.map((r) => html`<li>${pairLink(L, lang, code, r)}</li>`)}</ul>` : ""}<h3>${L.compareWithAny}</h3>${comparePicker(L, lang, code)}`,
			)
		: ""
}`;
	const contentRoute = contentRoutes(lang, (l) => url.code(l, code));
	const routes = known ? contentRoute : { ...contentRoute, indexable: false, alternates: [] };
	const indexable = routes.indexable;
	const definedTerm = {
		"@context": "https://schema.org",
		"@type": "DefinedTerm",
		name: title,
		termCode: String(e.code),
		description: e.summary,
		url: `${ctx.origin}${url.code(indexable ? lang : "en", code)}`,
		inLanguage: e.contentLang,
		inDefinedTermSet: {
			"@type": "DefinedTermSet",
			name: "SIP response codes (IANA)",
			url: REGISTRY_SOURCE.source,
		},
	};
	const page: Page = {
		lang,
		title: `${title} — sipwhy`,
		description: e.summary,
		...routes,
		ogType: "article",
		nav: "codes",
		jsonLd: [
			...(known ? [definedTerm] : []),
			breadcrumbLd(ctx, [
				[L.navCodes, url.codes(lang)],
				[`${cls} ${L.className[cls]}`, url.cls(lang, cls)],
				[title, url.code(lang, code)],
			]),
		],
		body,
	};
	return renderPage(ctx, page);
}

/** schema.org BreadcrumbList. */
export function breadcrumbLd(ctx: Ctx, items: [string, string][]): object {
	return {
		"@context": "https://schema.org",
		"@type": "BreadcrumbList",
		itemListElement: items.map(([name, path], i) => ({
			"@type": "ListItem",
			position: i + 1,
			name,
			item: `${ctx.origin}${path}`,
		})),
	};
}
