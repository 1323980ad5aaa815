/**
 * What every request passes before a route sees it, as Hono middleware in this order: CORS
 * preflight and OPTIONS, the allowed methods, the URL length, then the response cache. And the
 * app's error handler, which renders an HTTPException (or bad input) as the 400/404 page or API
 * error and anything else as a bare 500.
 */
import type { ErrorHandler, MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { InputError } from "../kb/errors.ts";
import { badRequestPage } from "./pages/misc.ts";
import { apiError, isApi, json, page, type Replies } from "./replies.ts";
import { CORS_HEADERS, type Out, SECURITY_HEADERS, serve, toEntry } from "./respond.ts";

/** Longest URL served (longer → 414). */
export const MAX_URL = 2048;

const ALLOW = "GET, HEAD, OPTIONS";

/** OPTIONS gets 204 with Allow (and, on the API, the CORS preflight answer). */
export const preflight: MiddlewareHandler = async (c, next) => {
	if (c.req.method !== "OPTIONS") return next();
	return new Response(null, {
		status: 204,
		headers: {
			...SECURITY_HEADERS,
			allow: ALLOW,
			...(isApi(c.req.path)
				? {
						...CORS_HEADERS,
						"access-control-allow-methods": ALLOW,
						"access-control-allow-headers": "Content-Type, If-None-Match",
						"access-control-max-age": "86400",
					}
				: {}),
		},
	});
};

/** Any method but GET, HEAD and OPTIONS gets 405 (JSON on the API, plain text elsewhere). */
export const readOnly: MiddlewareHandler = async (c, next) => {
	const method = c.req.method;
	if (method === "GET" || method === "HEAD" || method === "OPTIONS") return next();
	const api = isApi(c.req.path);
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
	e.headers.allow = ALLOW;
	return serve(e, c.req.raw, { compress: null, encodings: [], cors: api });
};

/** A URL longer than MAX_URL gets 414 (the English 400 page, or JSON on the API). */
export function urlLimit(r: Replies): MiddlewareHandler {
	return async (c, next) => {
		if (c.req.url.length <= MAX_URL) return next();
		const api = isApi(c.req.path);
		const e = toEntry(
			api
				? json({ error: `URI longer than ${MAX_URL} characters`, status: 414 }, 414)
				: page(badRequestPage(r.ctxOf(c), "en", `URI longer than ${MAX_URL} characters`), 414),
		);
		return serve(e, c.req.raw, { compress: null, encodings: [], cors: api });
	};
}

/** A URL answered before is served from the response cache (ETag, 304 and compression as then). */
export function cachedAnswers(r: Replies): MiddlewareHandler {
	return async (c, next) => {
		const hit = r.cache.get(c.req.url);
		if (hit)
			return serve(hit, c.req.raw, {
				compress: r.compress,
				encodings: r.encodings,
				cors: isApi(c.req.path),
				reusable: true,
			});
		await next();
	};
}

/**
 * The app's onError: an HTTPException keeps its status and message, bad input (InputError) is a
 * 400; both as the API's JSON error or the English 400 page. Anything else is logged and a 500.
 */
export function renderError(r: Replies): ErrorHandler {
	return (err, c) => {
		const api = isApi(c.req.path);
		if (err instanceof HTTPException || err instanceof InputError) {
			const status = err instanceof HTTPException ? err.status : 400;
			return r.send(
				c,
				api ? apiError(status, err.message) : page(badRequestPage(r.ctxOf(c), "en", err.message), status),
			);
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
		return r.send(c, out);
	};
}
