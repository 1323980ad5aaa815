/**
 * The site's HTML pages, assets and well-known files as a sub-app mounted at /, and the app's
 * notFound handler (unprefixed English paths, trailing slashes, 404). Every page path starts with
 * its language: /{lang}/sip/{code}-{slug}, /{lang}/compare/sip/{a}-vs-{b}, /{lang}/glossary ….
 */
import { type Context, Hono, type NotFoundHandler } from "hono";
import { LABELS } from "../../i18n/index.ts";
import { classOf } from "../../kb/classes.ts";
import { listCodes } from "../../kb/list.ts";
import { isLanguage, type Language, resolveLanguage } from "../../kb/locales.ts";
import { entry } from "../../kb/registry.ts";
import { ASSETS } from "../assets/index.ts";
import { html } from "../html.ts";
import { codePage } from "../pages/code.ts";
import { compareIndexPage, comparePage } from "../pages/compare.ts";
import {
	analyzePage,
	apiPage,
	classPage,
	codesPage,
	glossaryPage,
	homePage,
	searchPage,
	troubleshootIndexPage,
	troubleshootPage,
} from "../pages/misc.ts";
import { HTML, PAGE_CACHE, page, type Replies } from "../replies.ts";
import { robotsTxt, sitemapXml } from "../sitemap.ts";
import { url } from "../urls.ts";
import { codeParam, MAX_QUERY } from "./params.ts";

/** Best offered language for an Accept-Language header. */
export function negotiateLanguage(header: string | null | undefined): Language {
	if (!header) return "en";
	const ranked = header
		.slice(0, 500)
		.split(",")
		.map((part, i) => {
			const [tag = "", ...params] = part.trim().split(";");
			const q = params.map((p) => /^\s*q=([0-9.]+)/.exec(p)?.[1]).find(Boolean);
			return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
		})
		.filter((x) => x.tag && x.q > 0)
		.sort((a, b) => b.q - a.q || a.i - b.i);
	for (const { tag } of ranked) {
		const lang = resolveLanguage(tag);
		if (lang) return lang;
	}
	return "en";
}

/** English pages asked for without the language prefix (/sip/603) move to /en/…. */
function unprefixed(r: Replies, c: Context): Promise<Response> | null {
	const first = c.req.path.split("/")[1] ?? "";
	if (!["sip", "compare", "glossary", "search", "api", "analyze", "troubleshoot"].includes(first)) return null;
	const url = new URL(c.req.url);
	// Straight to the page's one address: without a trailing slash (/glossary/ → /en/glossary).
	const path = url.pathname.length > 1 && !url.pathname.endsWith("//") ? url.pathname.replace(/\/$/, "") : url.pathname;
	return r.redirect(c, `/en${path}${url.search}`);
}

/** Resolves the language segment: a language, a redirect to its lower-case form, or null. */
function langOf(r: Replies, c: Context): Language | Promise<Response> | null {
	const raw = c.req.param("lang") ?? "";
	if (isLanguage(raw)) return raw;
	const lower = raw.toLowerCase();
	if (isLanguage(lower)) {
		const url = new URL(c.req.url);
		return r.redirect(c, url.pathname.replace(/^\/[^/]+/, `/${lower}`) + url.search);
	}
	return null;
}

/** The pages, assets and well-known files as a sub-app, to be mounted at /. */
export function pageRoutes(r: Replies): Hono {
	const site = new Hono();
	/** Runs a page handler once the language is known; unknown language → 404 (in English). */
	const withLang =
		(h: (c: Context, lang: Language) => Response | Promise<Response>) =>
		(c: Context): Response | Promise<Response> => {
			const l = langOf(r, c);
			if (l === null) return unprefixed(r, c) ?? r.notFound(c, "en", { words: c.req.path });
			if (typeof l !== "string") return l;
			return h(c, l);
		};

	// ---- Assets and well-known files ----
	site.get("/assets/:file", (c) => {
		const a = ASSETS[c.req.path];
		if (!a) return r.notFound(c, "en");
		return r.send(c, {
			status: 200,
			type: a.type,
			body: a.body,
			cacheControl: "public, max-age=31536000, immutable",
			cache: true,
		});
	});
	site.get("/favicon.ico", (c) => r.redirect(c, Object.keys(ASSETS).find((p) => p.endsWith(".svg")) as string));
	site.get("/robots.txt", (c) =>
		r.send(c, {
			status: 200,
			type: "text/plain; charset=utf-8",
			body: robotsTxt(r.ctxOf(c).origin),
			cacheControl: PAGE_CACHE,
			cache: true,
		}),
	);
	site.get("/sitemap.xml", (c) =>
		r.send(c, {
			status: 200,
			type: "application/xml; charset=utf-8",
			body: sitemapXml(r.ctxOf(c).origin),
			cacheControl: PAGE_CACHE,
			cache: true,
		}),
	);

	// ---- Pages ----
	site.get("/", (c) => {
		const lang = negotiateLanguage(c.req.header("accept-language"));
		return r.send(c, {
			status: 302,
			type: HTML,
			body: html`<!doctype html><title>sipwhy</title><a href="${url.home(lang)}">${url.home(lang)}</a>`.value,
			cacheControl: "private, max-age=0",
			headers: { location: url.home(lang), vary: "Accept-Language" },
		});
	});

	// Pages live at paths without a trailing slash (urls.ts); with one, app.notFound sends a 301.
	site.get(
		"/:lang",
		withLang((c, lang) => r.send(c, page(homePage(r.ctxOf(c), lang)))),
	);
	site.get(
		"/:lang/sip",
		withLang((c, lang) => r.send(c, page(codesPage(r.ctxOf(c), lang)))),
	);
	site.get(
		"/:lang/sip/:rest",
		withLang((c, lang) => {
			const rest = c.req.param("rest") ?? "";
			const cls = /^([1-6])xx$/i.exec(rest);
			if (cls) {
				const canonical = url.cls(lang, `${cls[1]}xx` as ReturnType<typeof classOf>);
				if (c.req.path !== canonical) return r.redirect(c, canonical);
				return r.send(c, page(classPage(r.ctxOf(c), lang, classOf(Number(`${cls[1]}00`)))));
			}
			const m = /^(\d{3})(?:-([a-z0-9-]*))?$/i.exec(rest);
			const code = m ? codeParam(m[1] as string) : null;
			if (code === null) return r.notFound(c, lang, { words: rest });
			// Codes without an entry get their page too: explained as unregistered, never indexed.
			const canonical = url.code(lang, code);
			if (c.req.path !== canonical) return r.redirect(c, canonical);
			return r.send(c, page(codePage(r.ctxOf(c), lang, code)));
		}),
	);
	site.get(
		"/:lang/compare",
		withLang((c, lang) => r.redirect(c, url.compareIndex(lang))),
	);
	site.get(
		"/:lang/compare/",
		withLang((c, lang) => r.redirect(c, url.compareIndex(lang))),
	);
	site.get(
		"/:lang/compare/sip",
		withLang((c, lang) => {
			const a = c.req.query("a");
			const b = c.req.query("b");
			if (a === undefined && b === undefined) {
				const picker = html`<form class="pick" action="${url.compareIndex(lang)}" method="get">${pickSelect(lang, "a", 486)}${pickSelect(lang, "b", 603)}<button type="submit">${LABELS[lang].compareButton}</button></form>`;
				return r.send(c, page(compareIndexPage(r.ctxOf(c), lang, picker)));
			}
			const x = codeParam((a ?? "").trim());
			const y = codeParam((b ?? "").trim());
			if (x === null || y === null) return r.badRequest(c, lang, "a and b must be SIP status codes (100–699)");
			if (!entry(x)) return r.notFound(c, lang, { code: x });
			if (!entry(y)) return r.notFound(c, lang, { code: y });
			return r.redirect(c, x === y ? url.code(lang, x) : url.compare(lang, x, y), 302);
		}),
	);
	site.get(
		"/:lang/compare/sip/:pair",
		withLang((c, lang) => {
			const pair = c.req.param("pair") ?? "";
			const same = /^(\d{3})-(\d{3})$/.exec(pair);
			const parts = same ? [same[1] as string, same[2] as string] : pair.split("-vs-");
			const codes = parts.map((p) => {
				const m = /^(\d{3})(?:-[a-z0-9-]+)?$/i.exec(p);
				return m ? codeParam(m[1] as string) : null;
			});
			if (parts.length !== 2 || codes.some((x) => x === null)) return r.notFound(c, lang, { words: pair });
			const [x, y] = codes as [number, number];
			for (const n of [x, y]) if (!entry(n)) return r.notFound(c, lang, { code: n });
			if (x === y) return r.redirect(c, url.code(lang, x));
			const canonical = url.compare(lang, x, y);
			if (c.req.path !== canonical) return r.redirect(c, canonical);
			return r.send(c, page(comparePage(r.ctxOf(c), lang, x, y)));
		}),
	);
	/**
	 * The pair without the `sip/` segment, as people type it: /en/compare/486-486,
	 * /en/compare/486-vs-603 or /en/compare/603-decline-vs-486-busy-here. The same code twice is
	 * that code's page; two codes go to their compare page.
	 */
	site.get(
		"/:lang/compare/:pair",
		withLang((c, lang) => {
			const pair = c.req.param("pair") ?? "";
			const m = /^(\d{3})(?:-[a-z][a-z-]*)?-(?:vs-)?(\d{3})(?:-[a-z][a-z-]*)?$/i.exec(pair);
			const x = m ? codeParam(m[1] as string) : null;
			const y = m ? codeParam(m[2] as string) : null;
			if (x === null || y === null) return r.notFound(c, lang, { words: pair });
			if (x === y) return r.redirect(c, url.code(lang, x));
			for (const n of [x, y]) if (!entry(n)) return r.notFound(c, lang, { code: n });
			return r.redirect(c, url.compare(lang, x, y));
		}),
	);
	site.get(
		"/:lang/glossary",
		withLang((c, lang) => r.send(c, page(glossaryPage(r.ctxOf(c), lang)))),
	);
	site.get(
		"/:lang/search",
		withLang((c, lang) => {
			const q = c.req.query("q") ?? "";
			if (q.length > MAX_QUERY) return r.badRequest(c, lang, LABELS[lang].queryTooLong);
			return r.send(c, page(searchPage(r.ctxOf(c), lang, q.trim())));
		}),
	);
	site.get(
		"/:lang/api",
		withLang((c, lang) => r.send(c, page(apiPage(r.ctxOf(c), lang)))),
	);
	site.get(
		"/:lang/analyze",
		withLang((c, lang) => r.send(c, page(analyzePage(r.ctxOf(c), lang)))),
	);
	site.get(
		"/:lang/troubleshoot",
		withLang((c, lang) => r.send(c, page(troubleshootIndexPage(r.ctxOf(c), lang)))),
	);
	site.get(
		"/:lang/troubleshoot/:rule",
		withLang((c, lang) => {
			const body = troubleshootPage(r.ctxOf(c), lang, c.req.param("rule") ?? "");
			return body ? r.send(c, page(body)) : r.notFound(c, lang);
		}),
	);

	return site;
}

/**
 * The app's notFound: English without the language prefix redirects to /en/…; a trailing slash
 * is dropped; anything else is the 404 page, in the language of its first segment if it names one.
 */
export function unmatched(r: Replies): NotFoundHandler {
	return (c) => {
		const path = c.req.path;
		const moved = unprefixed(r, c);
		if (moved) return moved;
		if (path.length > 1 && path.endsWith("/") && !path.endsWith("//")) {
			// From the path as sent (still percent-encoded), so that the target is the same resource.
			const url = new URL(c.req.url);
			return r.redirect(c, url.pathname.slice(0, -1) + url.search);
		}
		const seg = path.split("/")[1] ?? "";
		const lang = isLanguage(seg) ? seg : "en";
		return r.notFound(c, lang, { words: path.replace(/^\/[^/]*\//, "") });
	};
}

/** A select of every code for the compare picker. */
function pickSelect(lang: Language, name: "a" | "b", selected: number) {
	const L = LABELS[lang];
	return html`<label for="pick-${name}" class="vh">${L.pickCode} (${name})</label><select id="pick-${name}" name="${name}">${listCodes({ includeUnregistered: true }).map((r) => html`<option value="${r.code}"${r.code === selected ? html` selected` : ""}>${r.code} ${r.reason}</option>`)}</select>`;
}
