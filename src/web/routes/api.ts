/**
 * The JSON API, mounted at /api: OpenAPI document, code list, one code, a comparison and search.
 * Bad parameters throw an HTTPException, which the app's onError answers as `{ error, status }`.
 */
import { type Context, Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { compare } from "../../kb/compare.ts";
import { explain } from "../../kb/explain.ts";
import { listCodes } from "../../kb/list.ts";
import { isLanguage, LANGUAGES, type Language } from "../../kb/locales.ts";
import { search } from "../../kb/search.ts";
import { openApiDocument } from "../openapi.ts";
import { apiError, json, type Replies } from "../replies.ts";
import { codeParam, MAX_QUERY } from "./params.ts";

/** The language of an API request: from the file name (`603.tr.json`) or `?lang=`; English by default. */
function apiLang(c: Context, fromName?: string): Language {
	const l = fromName ?? c.req.query("lang") ?? "en";
	if (!isLanguage(l))
		throw new HTTPException(400, {
			message: `unknown language "${l.slice(0, 40)}" (offered: ${LANGUAGES.join(", ")})`,
		});
	return l;
}

/** `603`, `603.json` or `603.tr.json` (the static export's file names). */
function splitName(name: string): { base: string; lang?: string } | null {
	const m = /^([^.]+)(?:\.([a-z-]+))?\.json$/.exec(name);
	if (m) return { base: m[1] as string, lang: m[2] };
	return name.includes(".") ? null : { base: name };
}

/** A status code path segment: three digits outside 100–699 → 404, anything else → 400. */
function apiCode(text: string): number {
	if (/^\d{3}$/.test(text)) {
		const n = codeParam(text);
		if (n === null) throw new HTTPException(404, { message: `${text} is not a SIP status code (100–699)` });
		return n;
	}
	throw new HTTPException(400, { message: `"${text.slice(0, 40)}" is not a SIP status code (three digits, 100–699)` });
}

/** The API's routes as a sub-app, to be mounted at /api. */
export function apiRoutes(r: Replies): Hono {
	const api = new Hono();
	api.get("/openapi.json", (c) => r.send(c, json(openApiDocument(r.ctxOf(c).origin))));
	const listRoute = (c: Context) => {
		const cls = c.req.query("class");
		const all = c.req.query("all");
		if (all !== undefined && !["1", "true", "0", "false"].includes(all))
			throw new HTTPException(400, { message: 'all must be "true" or "false"' });
		return r.send(c, json(listCodes({ class: cls, includeUnregistered: all === "1" || all === "true" })));
	};
	api.get("/v1/codes", listRoute);
	api.get("/v1/codes.json", listRoute);
	api.get("/v1/codes/:code", (c) => {
		const name = splitName(c.req.param("code") ?? "");
		if (!name) throw new HTTPException(404, { message: "no such resource" });
		const lang = apiLang(c, name.lang);
		return r.send(c, json(explain(apiCode(name.base), { lang })));
	});
	api.get("/v1/compare/:a/:b", (c) => {
		const name = splitName(c.req.param("b") ?? "");
		if (!name) throw new HTTPException(404, { message: "no such resource" });
		const lang = apiLang(c, name.lang);
		return r.send(c, json(compare(apiCode(c.req.param("a") ?? ""), apiCode(name.base), { lang })));
	});
	api.get("/v1/search", (c) => {
		const q = c.req.query("q");
		if (q === undefined || q.trim() === "") throw new HTTPException(400, { message: "missing q (the search text)" });
		if (q.length > MAX_QUERY) throw new HTTPException(400, { message: `q is longer than ${MAX_QUERY} characters` });
		const lang = apiLang(c);
		const limitText = c.req.query("limit") ?? "10";
		const limit = Number(limitText);
		if (!/^\d{1,3}$/.test(limitText) || limit < 1 || limit > 100)
			throw new HTTPException(400, { message: "limit must be 1–100" });
		return r.send(c, json(search(q, { lang, limit })));
	});
	// Mounted at /api, this is /api/*, which matches /api itself too: that goes to the API's page.
	api.all("/*", (c) =>
		c.req.path === "/api"
			? r.redirect(c, "/en/api")
			: r.send(c, apiError(404, `no API route ${c.req.path.slice(0, 100)}`)),
	);
	return api;
}
