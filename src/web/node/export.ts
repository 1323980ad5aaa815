/**
 * `npm run export`: the whole site and the API's GET responses as static files in dist/site/,
 * for any static host or CDN. Pages are written as `path.html` (or `path/index.html` for paths
 * ending in `/`), so a host with clean URLs (`try_files $uri $uri.html $uri/index.html`) serves them
 * at the same addresses as the live server. API responses are written as `path.json` for English
 * and `path.{lang}.json` for the other languages; the live server answers those names too.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LABELS } from "../../i18n/index.ts";
import { LANGUAGES } from "../../kb/locales.ts";
import { entries } from "../../kb/registry.ts";
import { createApp } from "../app.ts";
import { ASSETS } from "../assets/index.ts";
import { html } from "../html.ts";
import { isContentLang, pairsWith } from "../pages/common.ts";
import { allPagePaths } from "../sitemap.ts";
import { url } from "../urls.ts";

/** Where a page path is written. */
export function pageFile(path: string): string {
	return path.endsWith("/") ? `${path}index.html` : `${path}.html`;
}

/** Where an API GET (path and lang) is written. */
export function apiFile(path: string, lang: string): string {
	return lang === "en" ? `${path}.json` : `${path}.${lang}.json`;
}

/** Every API GET the export writes, as [URL, file]. */
export function apiRequests(): [string, string][] {
	const out: [string, string][] = [
		["/api/openapi.json", "/api/openapi.json"],
		["/api/v1/codes", "/api/v1/codes.json"],
	];
	const pairs = new Set<string>(pairsWith().map(([a, b]) => `${a}/${b}`));
	for (const e of entries())
		for (const r of e.related)
			if (r !== e.code && entries().some((x) => x.code === r))
				pairs.add(`${Math.min(e.code, r)}/${Math.max(e.code, r)}`);
	const curated = pairsWith().map(([a, b]) => `${a}/${b}`);
	for (const lang of LANGUAGES) {
		const q = lang === "en" ? "" : `?lang=${lang}`;
		for (const e of entries()) out.push([`/api/v1/codes/${e.code}${q}`, apiFile(`/api/v1/codes/${e.code}`, lang)]);
		for (const p of isContentLang(lang) ? pairs : curated)
			out.push([`/api/v1/compare/${p}${q}`, apiFile(`/api/v1/compare/${p}`, lang)]);
	}
	return out;
}

/** Writes the site to `outDir`; returns what was written. */
export async function exportSite(
	outDir: string,
	options: { siteUrl: string; log?: (s: string) => void },
): Promise<{ pages: number; api: number; bytes: number }> {
	const app = createApp({ siteUrl: options.siteUrl, compress: null });
	rmSync(outDir, { recursive: true, force: true });
	let bytes = 0;
	const write = (file: string, body: string | Uint8Array) => {
		const target = join(outDir, file);
		mkdirSync(dirname(target), { recursive: true });
		writeFileSync(target, body);
		bytes += typeof body === "string" ? Buffer.byteLength(body) : body.length;
	};
	const get = async (path: string, expect = 200) => {
		const res = await app.request(path);
		if (res.status !== expect) throw new Error(`export: GET ${path} answered ${res.status}, expected ${expect}`);
		return new Uint8Array(await res.arrayBuffer());
	};
	const pages = allPagePaths();
	for (const path of pages) write(pageFile(path), await get(path));
	write("404.html", await get("/en/page-that-does-not-exist", 404));
	for (const path of Object.keys(ASSETS)) write(path, await get(path));
	write("robots.txt", await get("/robots.txt"));
	write("sitemap.xml", await get("/sitemap.xml"));
	// The root cannot negotiate a language on a static host: it offers every language, English first.
	const langs = LANGUAGES.map(
		(l) => html`<li><a href="${url.home(l)}" hreflang="${l}" lang="${l}">${LABELS[l].langName}</a></li>`,
	);
	write(
		"index.html",
		html`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="refresh" content="0; url=/en"><title>sipwhy</title><link rel="canonical" href="${options.siteUrl}/en"></head><body><p><a href="/en">sipwhy</a></p><ul>${langs}</ul></body></html>\n`
			.value,
	);
	const api = apiRequests();
	for (const [path, file] of api) write(file, await get(path));
	options.log?.(
		`sipwhy export: ${pages.length} pages, ${api.length} API responses, ${(bytes / 1e6).toFixed(1)} MB in ${outDir}`,
	);
	return { pages: pages.length, api: api.length, bytes };
}

// `node dist/web/node/export.js [DIR]` (npm run export): SITE_URL sets the origin of canonical links.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
	const out = resolve(process.argv[2] ?? join(root, "dist", "site"));
	const siteUrl = (process.env.SITE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
	exportSite(out, { siteUrl, log: (s) => console.log(s) }).catch((e: Error) => {
		console.error(`sipwhy export: ${e.message}`);
		process.exitCode = 1;
	});
}
