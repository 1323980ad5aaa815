// The static export: written to a temporary folder, served by a plain static server, and the
// same bytes as the live server for a sample of pages and API responses.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { entries } from "../../src/kb/registry.ts";
import { apiRequests, exportSite } from "../../src/web/node/export.ts";
import { startStaticServer } from "../../src/web/node/static-server.ts";
import { indexablePaths } from "../../src/web/sitemap.ts";
import { get, liveServer, SITE } from "./helpers.ts";

const live = liveServer({ siteUrl: SITE });
const dir = mkdtempSync(join(tmpdir(), "sipwhy-export-"));
let staticUrl = "";
let closeStatic: (() => Promise<void>) | undefined;
let written = { pages: 0, api: 0, bytes: 0 };

before(async () => {
	written = await exportSite(dir, { siteUrl: SITE });
	const s = await startStaticServer(dir);
	staticUrl = s.url;
	closeStatic = s.close;
});
after(async () => {
	await closeStatic?.();
	rmSync(dir, { recursive: true, force: true });
});

describe("static export", () => {
	test("writes every indexable page, the API, assets, sitemap and robots.txt", () => {
		assert.ok(written.pages >= indexablePaths().length);
		assert.ok(written.api > entries().length);
		for (const f of [
			"index.html",
			"404.html",
			"robots.txt",
			"sitemap.xml",
			"en.html",
			"en/glossary.html",
			"en/analyze.html",
			"en/troubleshoot.html",
			"tr/sip/603-decline.html",
			"api/openapi.json",
			"api/v1/codes.json",
			"api/v1/codes/603.tr.json",
		])
			assert.ok(existsSync(join(dir, f)), f);
	});

	test("a sample of pages is byte for byte what the live server sends", async () => {
		const all = indexablePaths();
		const sample = [
			"/en",
			"/tr",
			"/ar",
			"/zh-hans",
			"/en/analyze",
			"/tr/troubleshoot",
			"/tr/sip/603-decline",
			"/de/sip/486-busy-here",
			"/ar/sip/603-decline",
			"/en/compare/sip/486-busy-here-vs-603-decline",
			"/tr/glossary",
			"/en/sip/4xx",
			"/ja/api",
			"/sitemap.xml",
			"/robots.txt",
			...all.filter((_, i) => i % 17 === 0),
		];
		for (const path of sample) {
			const a = await get(live.url(), path, { "accept-encoding": "identity" });
			const b = await get(staticUrl, path);
			assert.equal(a.status, 200, path);
			assert.equal(b.status, 200, path);
			assert.equal(await b.text(), await a.text(), path);
		}
	});

	test("the assets a page links to are exported", async () => {
		const html = await (await get(staticUrl, "/en")).text();
		for (const m of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
			const r = await get(staticUrl, m[1] as string);
			assert.equal(r.status, 200, m[1]);
		}
	});

	test("API files hold the live API's answers", async () => {
		const requests = apiRequests();
		for (const [path, file] of requests.filter((_, i) => i % 23 === 0 || i < 3)) {
			const a = await (await get(live.url(), path, { "accept-encoding": "identity" })).text();
			assert.equal(readFileSync(join(dir, file), "utf8"), a, path);
		}
	});

	test("unknown addresses get the exported 404 page", async () => {
		const r = await get(staticUrl, "/en/no-such-page");
		assert.equal(r.status, 404);
		assert.match(await r.text(), /Page not found/);
	});
});
