/**
 * The answers the app gives, shared by its middleware and routes: one `Replies` per app holds the
 * response cache and the compression settings, and turns a rendered page or JSON value into a
 * Response (kept in the cache when it is the same for every request to its URL).
 */
import type { Context } from "hono";
import type { Language } from "../kb/locales.ts";
import { html } from "./html.ts";
import type { Ctx } from "./layout.ts";
import { badRequestPage, notFoundPage } from "./pages/misc.ts";
import { type Compressor, type Encoding, type Out, ResponseCache, serve, toEntry, webGzip } from "./respond.ts";

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

export const HTML = "text/html; charset=utf-8";
export const JSON_TYPE = "application/json; charset=utf-8";
export const PAGE_CACHE = "public, max-age=3600, stale-while-revalidate=86400";
const API_CACHE = "public, max-age=3600";
const ERROR_CACHE = "public, max-age=60";

/** Whether a path is the JSON API's (its answers carry CORS headers and errors as JSON). */
export const isApi = (path: string): boolean => path.startsWith("/api/");

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

/** A rendered HTML page; only a 200 is kept in the response cache. */
export function page(body: string, status = 200): Out {
	return {
		status,
		type: HTML,
		body,
		cacheControl: status === 200 ? PAGE_CACHE : ERROR_CACHE,
		cache: status === 200,
	};
}

/** A JSON answer; only a 200 is kept in the response cache. */
export function json(value: unknown, status = 200): Out {
	return {
		status,
		type: JSON_TYPE,
		// < > & escaped as \u003c … so that no browser could ever read the JSON as markup.
		body: JSON.stringify(value).replace(/[<>&]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`),
		cacheControl: status === 200 ? API_CACHE : ERROR_CACHE,
		cache: status === 200,
	};
}

/** The API's error answer: `{ error, status }`. */
export const apiError = (status: number, message: string): Out => json({ error: message, status }, status);

/** The response helpers of one app, bound to its cache and compression. */
export interface Replies {
	/** Rendered responses by URL, filled by `send` and read by the `cachedAnswers` middleware. */
	cache: ResponseCache;
	compress: Compressor | null;
	encodings: readonly Encoding[];
	/** The page context of a request: the origin its links use. */
	ctxOf(c: Context): Ctx;
	/** Serves a rendered response, keeping it in the cache when it says so. */
	send(c: Context, out: Out): Promise<Response>;
	/** A redirect to a path on this site (301 kept in the cache; 302 never stored). */
	redirect(c: Context, target: string, status?: 301 | 302): Promise<Response>;
	/** The 404 page in `lang`, with what was asked for as a hint. */
	notFound(c: Context, lang: Language, hint?: { code?: number; words?: string }): Promise<Response>;
	/** The 400 page in `lang`, saying what is wrong. */
	badRequest(c: Context, lang: Language, detail: string): Promise<Response>;
}

/** Builds the response helpers of one app from its options. */
export function createReplies(options: AppOptions): Replies {
	const cache = new ResponseCache(options.cacheBytes ?? 64 * 1024 * 1024);
	const compress = options.compress === undefined ? webGzip : options.compress;
	const encodings = options.encodings ?? (compress === webGzip ? ["gzip"] : ["br", "gzip"]);
	const ctxOf = (c: Context): Ctx => ({ origin: options.siteUrl ?? new URL(c.req.url).origin });
	const send = (c: Context, out: Out) => {
		const e = toEntry(out);
		const keep = out.cache === true && c.req.method !== "OPTIONS";
		if (keep) cache.set(c.req.url, e);
		return serve(e, c.req.raw, { compress, encodings, cors: isApi(c.req.path), reusable: keep });
	};
	return {
		cache,
		compress,
		encodings,
		ctxOf,
		send,
		redirect: (c, target, status = 301) => {
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
		},
		notFound: (c, lang, hint = {}) => send(c, page(notFoundPage(ctxOf(c), lang, hint), 404)),
		badRequest: (c, lang, detail) => send(c, page(badRequestPage(ctxOf(c), lang, detail), 400)),
	};
}
