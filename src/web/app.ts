/**
 * The web site and JSON API as one Hono app on Web-standard Request/Response, so it runs on Node
 * (src/web/node-server.ts) or at the edge. Nothing here imports from Node.
 *
 * Pages are rendered on the server and need no JavaScript. Every rendered response for a URL is
 * kept in a bounded in-memory cache, so a page is rendered once and then served from memory.
 */
import { type Context, Hono } from "hono";
import { LABELS } from "../i18n/index.ts";
import { classOf } from "../kb/classes.ts";
import { compare } from "../kb/compare.ts";
import { InputError } from "../kb/errors.ts";
import { explain } from "../kb/explain.ts";
import { listCodes } from "../kb/list.ts";
import { isLanguage, LANGUAGES, type Language, resolveLanguage } from "../kb/locales.ts";
import { entry } from "../kb/registry.ts";
import { search } from "../kb/search.ts";
import { ASSETS } from "./assets/index.ts";
import { html } from "./html.ts";
import type { Ctx } from "./layout.ts";
import { openApiDocument } from "./openapi.ts";
import { codePage } from "./pages/code.ts";
import { compareIndexPage, comparePage } from "./pages/compare.ts";
import {
	analyzePage,
	apiPage,
	badRequestPage,
	classPage,
	codesPage,
	glossaryPage,
	homePage,
	notFoundPage,
	searchPage,
	troubleshootIndexPage,
	troubleshootPage,
} from "./pages/misc.ts";
import {
	CORS_HEADERS,
	type Compressor,
	type Encoding,
	type Out,
	ResponseCache,
	SECURITY_HEADERS,
	serve,
	toEntry,
	webGzip,
} from "./respond.ts";
import { robotsTxt, sitemapXml } from "./sitemap.ts";
import { url } from "./urls.ts";

/** Options of the app. */
export interface AppOptions {
	/** Absolute origin used in canonical links, hreflang, sitemap and OpenAPI; by default the request's origin. */
	siteUrl?: string;
	/** Body compressor; the default is gzip through CompressionStream. `null` turns compression off. */
	compress?: Compressor | null;
	/** Encodings the compressor offers, best first. */
	encodings?: Encoding[];
	/** Upper bound of the response cache in bytes (default 64 MiB). */
	cacheBytes?: number;
}

/** Longest URL served (longer → 414). */
export const MAX_URL = 2048;
/** Longest search text (longer → 400). */
export const MAX_QUERY = 200;

const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";
const PAGE_CACHE = "public, max-age=3600, stale-while-revalidate=86400";
const API_CACHE = "public, max-age=3600";
const ERROR_CACHE = "public, max-age=60";

class HttpError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

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

/**
 * A redirect target as a Location value: a path on this site (leading slashes and backslashes
 * folded into one slash, so "//evil.example" stays here), with every character outside the URL
 * syntax percent-encoded as UTF-8 and every "%" not starting an escape encoded too.
 */
export function locationPath(target: string): string {
	const path = `/${target.replace(/^[/\\\s]+/, "")}`;
	let out = "";
	for (let i = 0; i < path.length; i++) {
		const ch = path[i] as string;
		if (/[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/.test(ch)) out += ch;
		else if (ch === "%") out += /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3)) ? "%" : "%25";
		else {
			const code = path.codePointAt(i) as number;
			const whole = code > 0xffff ? path.slice(i, ++i + 1) : ch;
			out += utf8Escape(whole);
		}
	}
	return out;
}

function utf8Escape(ch: string): string {
	try {
		return encodeURIComponent(ch);
	} catch {
		// A lone surrogate has no UTF-8 form: it is sent as U+FFFD.
		return "%EF%BF%BD";
	}
}

/** Parses a three-digit code in 100–699, or returns null. */
function codeParam(text: string): number | null {
	if (!/^\d{3}$/.test(text)) return null;
	const n = Number(text);
	return n >= 100 && n <= 699 ? n : null;
}

/** Builds the app. */
export function createApp(options: AppOptions = {}): Hono {
	const app = new Hono();
	const cache = new ResponseCache(options.cacheBytes ?? 64 * 1024 * 1024);
	const compress = options.compress === undefined ? webGzip : options.compress;
	const encodings = options.encodings ?? (compress === webGzip ? ["gzip"] : ["br", "gzip"]);
	const ctxOf = (c: Context): Ctx => ({ origin: options.siteUrl ?? new URL(c.req.url).origin });
	const isApi = (path: string) => path.startsWith("/api/");

	const send = (c: Context, out: Out) => {
		const e = toEntry(out);
		const keep = out.cache === true && c.req.method !== "OPTIONS";
		if (keep) cache.set(c.req.url, e);
		return serve(e, c.req.raw, { compress, encodings, cors: isApi(c.req.path), reusable: keep });
	};
	const page = (body: string, status = 200): Out => ({
		status,
		type: HTML,
		body,
		cacheControl: status === 200 ? PAGE_CACHE : ERROR_CACHE,
		cache: status === 200,
	});
	const redirect = (c: Context, target: string, status: 301 | 302 = 301) => {
		// Always a path on this site: "//host" or "/\\host" would send the reader elsewhere; and
		// percent-encoded, since a header holds only visible ASCII.
		const to = locationPath(target);
		return send(c, {
			status,
			type: HTML,
			body: html`<!doctype html><title>${status}</title><a href="${to}">${to}</a>`.value,
			cacheControl: status === 301 ? PAGE_CACHE : "no-store",
			headers: { location: to },
			cache: status === 301,
		});
	};
	const json = (value: unknown, status = 200): Out => ({
		status,
		type: JSON_TYPE,
		// < > & escaped as \u003c … so that no browser could ever read the JSON as markup.
		body: JSON.stringify(value).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`),
		cacheControl: status === 200 ? API_CACHE : ERROR_CACHE,
		cache: status === 200,
	});
	const apiError = (status: number, message: string) => json({ error: message, status }, status);
	const notFound = (c: Context, lang: Language, hint: { code?: number; words?: string } = {}) =>
		send(c, page(notFoundPage(ctxOf(c), lang, hint), 404));
	const badRequest = (c: Context, lang: Language, detail: string) =>
		send(c, page(badRequestPage(ctxOf(c), lang, detail), 400));

	// Gate: methods, URL length, then the cache.
	app.use("*", async (c, next) => {
		const method = c.req.method;
		const api = isApi(c.req.path);
		if (method === "OPTIONS") {
			return new Response(null, {
				status: 204,
				headers: {
					...SECURITY_HEADERS,
					allow: "GET, HEAD, OPTIONS",
					...(api
						? {
								...CORS_HEADERS,
								"access-control-allow-methods": "GET, HEAD, OPTIONS",
								"access-control-allow-headers": "Content-Type, If-None-Match",
								"access-control-max-age": "86400",
							}
						: {}),
				},
			});
		}
		if (method !== "GET" && method !== "HEAD") {
			const e = toEntry(
				api
					? json({ error: `method ${method.slice(0, 20)} not allowed`, status: 405 }, 405)
					: {
							status: 405,
							type: "text/plain; charset=utf-8",
							body: "405 Method Not Allowed\n",
							cacheControl: "no-store",
						},
			);
			e.headers.allow = "GET, HEAD, OPTIONS";
			return serve(e, c.req.raw, { compress: null, encodings: [], cors: api });
		}
		if (c.req.url.length > MAX_URL) {
			const e = toEntry(
				api
					? json({ error: `URI longer than ${MAX_URL} characters`, status: 414 }, 414)
					: page(badRequestPage(ctxOf(c), "en", `URI longer than ${MAX_URL} characters`), 414),
			);
			return serve(e, c.req.raw, { compress: null, encodings: [], cors: api });
		}
		const hit = cache.get(c.req.url);
		if (hit) return serve(hit, c.req.raw, { compress, encodings, cors: api, reusable: true });
		await next();
	});

	app.onError((err, c) => {
		const api = isApi(c.req.path);
		if (err instanceof HttpError || err instanceof InputError) {
			const status = err instanceof HttpError ? err.status : 400;
			return send(c, api ? apiError(status, err.message) : page(badRequestPage(ctxOf(c), "en", err.message), status));
		}
		console.error(`sipwhy web: ${c.req.method} ${c.req.path.slice(0, 200)}: ${(err as Error).stack ?? err}`);
		const out: Out = api
			? apiError(500, "internal error")
			: {
					status: 500,
					type: "text/plain; charset=utf-8",
					body: "500 Internal Server Error\n",
					cacheControl: "no-store",
				};
		return send(c, out);
	});

	// ---- Assets and well-known files ----
	app.get("/assets/:file", (c) => {
		const a = ASSETS[c.req.path];
		if (!a) return notFound(c, "en");
		return send(c, {
			status: 200,
			type: a.type,
			body: a.body,
			cacheControl: "public, max-age=31536000, immutable",
			cache: true,
		});
	});
	app.get("/favicon.ico", (c) => redirect(c, Object.keys(ASSETS).find((p) => p.endsWith(".svg")) as string));
	app.get("/robots.txt", (c) =>
		send(c, {
			status: 200,
			type: "text/plain; charset=utf-8",
			body: robotsTxt(ctxOf(c).origin),
			cacheControl: PAGE_CACHE,
			cache: true,
		}),
	);
	app.get("/sitemap.xml", (c) =>
		send(c, {
			status: 200,
			type: "application/xml; charset=utf-8",
			body: sitemapXml(ctxOf(c).origin),
			cacheControl: PAGE_CACHE,
			cache: true,
		}),
	);

	// ---- API ----
	const apiLang = (c: Context, fromName?: string): Language => {
		const l = fromName ?? c.req.query("lang") ?? "en";
		if (!isLanguage(l))
			throw new HttpError(400, `unknown language "${l.slice(0, 40)}" (offered: ${LANGUAGES.join(", ")})`);
		return l;
	};
	/** `603`, `603.json` or `603.tr.json` (the static export's file names). */
	const splitName = (name: string): { base: string; lang?: string } | null => {
		const m = /^([^.]+)(?:\.([a-z-]+))?\.json$/.exec(name);
		if (m) return { base: m[1] as string, lang: m[2] };
		return name.includes(".") ? null : { base: name };
	};
	const apiCode = (text: string): number => {
		if (/^\d{3}$/.test(text)) {
			const n = codeParam(text);
			if (n === null) throw new HttpError(404, `${text} is not a SIP status code (100–699)`);
			return n;
		}
		throw new HttpError(400, `"${text.slice(0, 40)}" is not a SIP status code (three digits, 100–699)`);
	};

	app.get("/api/openapi.json", (c) => send(c, json(openApiDocument(ctxOf(c).origin))));
	const listRoute = (c: Context) => {
		const cls = c.req.query("class");
		const all = c.req.query("all");
		if (all !== undefined && !["1", "true", "0", "false"].includes(all))
			throw new HttpError(400, 'all must be "true" or "false"');
		return send(c, json(listCodes({ class: cls, includeUnregistered: all === "1" || all === "true" })));
	};
	app.get("/api/v1/codes", listRoute);
	app.get("/api/v1/codes.json", listRoute);
	app.get("/api/v1/codes/:code", (c) => {
		const name = splitName(c.req.param("code") ?? "");
		if (!name) throw new HttpError(404, "no such resource");
		const lang = apiLang(c, name.lang);
		return send(c, json(explain(apiCode(name.base), { lang })));
	});
	app.get("/api/v1/compare/:a/:b", (c) => {
		const name = splitName(c.req.param("b") ?? "");
		if (!name) throw new HttpError(404, "no such resource");
		const lang = apiLang(c, name.lang);
		return send(c, json(compare(apiCode(c.req.param("a") ?? ""), apiCode(name.base), { lang })));
	});
	app.get("/api/v1/search", (c) => {
		const q = c.req.query("q");
		if (q === undefined || q.trim() === "") throw new HttpError(400, "missing q (the search text)");
		if (q.length > MAX_QUERY) throw new HttpError(400, `q is longer than ${MAX_QUERY} characters`);
		const lang = apiLang(c);
		const limitText = c.req.query("limit") ?? "10";
		const limit = Number(limitText);
		if (!/^\d{1,3}$/.test(limitText) || limit < 1 || limit > 100) throw new HttpError(400, "limit must be 1–100");
		return send(c, json(search(q, { lang, limit })));
	});
	app.all("/api/*", (c) =>
		c.req.path === "/api" ? redirect(c, "/en/api") : send(c, apiError(404, `no API route ${c.req.path.slice(0, 100)}`)),
	);

	// ---- Pages ----
	app.get("/", (c) => {
		const lang = negotiateLanguage(c.req.header("accept-language"));
		return send(c, {
			status: 302,
			type: HTML,
			body: html`<!doctype html><title>sipwhy</title><a href="${url.home(lang)}">${url.home(lang)}</a>`.value,
			cacheControl: "private, max-age=0",
			headers: { location: url.home(lang), vary: "Accept-Language" },
		});
	});

	/** English pages asked for without the language prefix (/sip/603) move to /en/…. */
	const unprefixed = (c: Context) => {
		const first = c.req.path.split("/")[1] ?? "";
		if (!["sip", "compare", "glossary", "search", "api", "analyze", "troubleshoot"].includes(first)) return null;
		const url = new URL(c.req.url);
		// Straight to the page's one address: without a trailing slash (/glossary/ → /en/glossary).
		const path =
			url.pathname.length > 1 && !url.pathname.endsWith("//") ? url.pathname.replace(/\/$/, "") : url.pathname;
		return redirect(c, `/en${path}${url.search}`);
	};
	/** Resolves the language segment: a language, a redirect to its lower-case form, or null. */
	const langOf = (c: Context): Language | Response | Promise<Response> | null => {
		const raw = c.req.param("lang") ?? "";
		if (isLanguage(raw)) return raw;
		const lower = raw.toLowerCase();
		if (isLanguage(lower)) {
			const url = new URL(c.req.url);
			return redirect(c, url.pathname.replace(/^\/[^/]+/, `/${lower}`) + url.search);
		}
		return null;
	};
	/** Runs a page handler once the language is known; unknown language → 404 (in English). */
	const withLang =
		(h: (c: Context, lang: Language) => Response | Promise<Response>) =>
		(c: Context): Response | Promise<Response> => {
			const l = langOf(c);
			if (l === null) return unprefixed(c) ?? notFound(c, "en", { words: c.req.path });
			if (typeof l !== "string") return l;
			return h(c, l);
		};

	// Pages live at paths without a trailing slash (urls.ts); with one, app.notFound sends a 301.
	app.get(
		"/:lang",
		withLang((c, lang) => send(c, page(homePage(ctxOf(c), lang)))),
	);
	app.get(
		"/:lang/sip",
		withLang((c, lang) => send(c, page(codesPage(ctxOf(c), lang)))),
	);
	app.get(
		"/:lang/sip/:rest",
		withLang((c, lang) => {
			const rest = c.req.param("rest") ?? "";
			const cls = /^([1-6])xx$/i.exec(rest);
			if (cls) {
				const canonical = url.cls(lang, `${cls[1]}xx` as ReturnType<typeof classOf>);
				if (c.req.path !== canonical) return redirect(c, canonical);
				return send(c, page(classPage(ctxOf(c), lang, classOf(Number(`${cls[1]}00`)))));
			}
			const m = /^(\d{3})(?:-([a-z0-9-]*))?$/i.exec(rest);
			const code = m ? codeParam(m[1] as string) : null;
			if (code === null) return notFound(c, lang, { words: rest });
			// Codes without an entry get their page too: explained as unregistered, never indexed.
			const canonical = url.code(lang, code);
			if (c.req.path !== canonical) return redirect(c, canonical);
			return send(c, page(codePage(ctxOf(c), lang, code)));
		}),
	);
	app.get(
		"/:lang/compare",
		withLang((c, lang) => redirect(c, url.compareIndex(lang))),
	);
	app.get(
		"/:lang/compare/",
		withLang((c, lang) => redirect(c, url.compareIndex(lang))),
	);
	app.get(
		"/:lang/compare/sip",
		withLang((c, lang) => {
			const a = c.req.query("a");
			const b = c.req.query("b");
			if (a === undefined && b === undefined) {
				const picker = html`<form class="pick" action="${url.compareIndex(lang)}" method="get">${pickSelect(lang, "a", 486)}${pickSelect(lang, "b", 603)}<button type="submit">${LABELS[lang].compareButton}</button></form>`;
				return send(c, page(compareIndexPage(ctxOf(c), lang, picker)));
			}
			const x = codeParam((a ?? "").trim());
			const y = codeParam((b ?? "").trim());
			if (x === null || y === null) return badRequest(c, lang, "a and b must be SIP status codes (100–699)");
			if (!entry(x)) return notFound(c, lang, { code: x });
			if (!entry(y)) return notFound(c, lang, { code: y });
			return redirect(c, x === y ? url.code(lang, x) : url.compare(lang, x, y), 302);
		}),
	);
	app.get(
		"/:lang/compare/sip/:pair",
		withLang((c, lang) => {
			const pair = c.req.param("pair") ?? "";
			const same = /^(\d{3})-(\d{3})$/.exec(pair);
			const parts = same ? [same[1] as string, same[2] as string] : pair.split("-vs-");
			const codes = parts.map((p) => {
				const m = /^(\d{3})(?:-[a-z0-9-]+)?$/i.exec(p);
				return m ? codeParam(m[1] as string) : null;
			});
			if (parts.length !== 2 || codes.some((x) => x === null)) return notFound(c, lang, { words: pair });
			const [x, y] = codes as [number, number];
			for (const n of [x, y]) if (!entry(n)) return notFound(c, lang, { code: n });
			if (x === y) return redirect(c, url.code(lang, x));
			const canonical = url.compare(lang, x, y);
			if (c.req.path !== canonical) return redirect(c, canonical);
			return send(c, page(comparePage(ctxOf(c), lang, x, y)));
		}),
	);
	/**
	 * The pair without the `sip/` segment, as people type it: /en/compare/486-486,
	 * /en/compare/486-vs-603 or /en/compare/603-decline-vs-486-busy-here. The same code twice is
	 * that code's page; two codes go to their compare page.
	 */
	app.get(
		"/:lang/compare/:pair",
		withLang((c, lang) => {
			const pair = c.req.param("pair") ?? "";
			const m = /^(\d{3})(?:-[a-z][a-z-]*)?-(?:vs-)?(\d{3})(?:-[a-z][a-z-]*)?$/i.exec(pair);
			const x = m ? codeParam(m[1] as string) : null;
			const y = m ? codeParam(m[2] as string) : null;
			if (x === null || y === null) return notFound(c, lang, { words: pair });
			if (x === y) return redirect(c, url.code(lang, x));
			for (const n of [x, y]) if (!entry(n)) return notFound(c, lang, { code: n });
			return redirect(c, url.compare(lang, x, y));
		}),
	);
	app.get(
		"/:lang/glossary",
		withLang((c, lang) => send(c, page(glossaryPage(ctxOf(c), lang)))),
	);
	app.get(
		"/:lang/search",
		withLang((c, lang) => {
			const q = c.req.query("q") ?? "";
			if (q.length > MAX_QUERY) return badRequest(c, lang, LABELS[lang].queryTooLong);
			return send(c, page(searchPage(ctxOf(c), lang, q.trim())));
		}),
	);
	app.get(
		"/:lang/api",
		withLang((c, lang) => send(c, page(apiPage(ctxOf(c), lang)))),
	);
	app.get(
		"/:lang/analyze",
		withLang((c, lang) => send(c, page(analyzePage(ctxOf(c), lang)))),
	);
	app.get(
		"/:lang/troubleshoot",
		withLang((c, lang) => send(c, page(troubleshootIndexPage(ctxOf(c), lang)))),
	);
	app.get(
		"/:lang/troubleshoot/:rule",
		withLang((c, lang) => {
			const body = troubleshootPage(ctxOf(c), lang, c.req.param("rule") ?? "");
			return body ? send(c, page(body)) : notFound(c, lang);
		}),
	);

	// Everything else: English without the prefix redirects to /en/…; a trailing slash is dropped; else 404.
	app.notFound((c) => {
		const path = c.req.path;
		const moved = unprefixed(c);
		if (moved) return moved;
		if (path.length > 1 && path.endsWith("/") && !path.endsWith("//")) {
			// From the path as sent (still percent-encoded), so that the target is the same resource.
			const url = new URL(c.req.url);
			return redirect(c, url.pathname.slice(0, -1) + url.search);
		}
		const seg = path.split("/")[1] ?? "";
		const lang = isLanguage(seg) ? seg : "en";
		return notFound(c, lang, { words: path.replace(/^\/[^/]*\//, "") });
	});

	return app;
}

/** A select of every code for the compare picker. */
function pickSelect(lang: Language, name: "a" | "b", selected: number) {
	const L = LABELS[lang];
	return html`<label for="pick-${name}" class="vh">${L.pickCode} (${name})</label><select id="pick-${name}" name="${name}">${listCodes({ includeUnregistered: true }).map((r) => html`<option value="${r.code}"${r.code === selected ? html` selected` : ""}>${r.code} ${r.reason}</option>`)}</select>`;
}
