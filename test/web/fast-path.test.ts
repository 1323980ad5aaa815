// The answers node:http sends from its own cache, before the app is entered, are byte for byte
// the app's answers: same status, headers (security headers, ETag, CORS, Vary …) and body, for
// GET, HEAD and conditional requests in every encoding; answers that vary otherwise are not kept.
import assert from "node:assert/strict";
import { request } from "node:http";
import { describe, test } from "node:test";
import { type RunningServer, startServer } from "../../src/web/node/node-server.ts";

interface Raw {
	status: number;
	headers: string[];
	body: Buffer;
}

/** One request; headers as `name: value` (the order of fields carries no meaning: sorted), without Date. */
function raw(base: string, path: string, method: string, headers: Record<string, string>): Promise<Raw> {
	return new Promise((resolve, reject) => {
		request(base + path, { method, headers, agent: false }, (res) => {
			const chunks: Buffer[] = [];
			res.on("data", (c: Buffer) => chunks.push(c));
			res.on("end", () => {
				const list: string[] = [];
				for (let i = 0; i < res.rawHeaders.length; i += 2)
					if (res.rawHeaders[i]?.toLowerCase() !== "date")
						list.push(`${res.rawHeaders[i]?.toLowerCase()}: ${res.rawHeaders[i + 1]}`);
				resolve({ status: res.statusCode ?? 0, headers: list.sort(), body: Buffer.concat(chunks) });
			});
		})
			.on("error", reject)
			.end();
	});
}

const PATHS = [
	"/en/sip/603-decline",
	"/tr/sip/486-busy-here",
	"/api/v1/codes/603",
	"/api/v1/codes/603?lang=tr",
	"/api/v1/codes",
	"/en/sip/603",
	"/sitemap.xml",
	"/robots.txt",
];
const ENCODINGS: Record<string, string>[] = [
	{},
	{ "accept-encoding": "gzip" },
	{ "accept-encoding": "br, gzip" },
	{ "accept-encoding": "br;q=0, gzip;q=0.5" },
];

describe("answers from the node:http cache", () => {
	test("are identical to the app's, for GET, HEAD and If-None-Match, in every encoding", async () => {
		const servers: RunningServer[] = [];
		const start = async () => {
			const s = await startServer({ port: 0, siteUrl: "http://sipwhy.test" });
			servers.push(s);
			return s;
		};
		try {
			const warm = await start();
			for (const method of ["GET", "HEAD", "conditional"]) {
				// A fresh server: each request below is the first for its key, so the app answers it.
				const cold = await start();
				for (const path of PATHS)
					for (const enc of ENCODINGS) {
						const first = await raw(warm.url, path, "GET", enc);
						const etag = first.headers.find((h) => h.toLowerCase().startsWith("etag: "))?.slice(6);
						const headers = method === "conditional" && etag ? { ...enc, "if-none-match": etag } : enc;
						const verb = method === "HEAD" ? "HEAD" : "GET";
						const hitsBefore = warm.fastPath().hits;
						const fromCache = await raw(warm.url, path, verb, headers);
						assert.equal(
							warm.fastPath().hits,
							hitsBefore + 1,
							`${method} ${path} ${JSON.stringify(enc)} not from the cache`,
						);
						const fromApp = await raw(cold.url, path, verb, headers);
						const label = `${method} ${path} ${JSON.stringify(enc)}`;
						assert.equal(fromCache.status, fromApp.status, label);
						assert.deepEqual(fromCache.headers, fromApp.headers, label);
						assert.ok(fromCache.body.equals(fromApp.body), label);
						if (method === "conditional")
							assert.equal(fromCache.status, first.status === 200 ? 304 : first.status, label);
						if (method === "HEAD") assert.equal(fromCache.body.length, 0, label);
					}
			}
		} finally {
			for (const s of servers) await s.close();
		}
	});

	test("keys answers by Host, whose origin the pages' links carry when no site URL is set", async () => {
		const s = await startServer({ port: 0 });
		try {
			for (let i = 0; i < 2; i++)
				for (const host of ["a.example", "b.example"]) {
					const page = await raw(s.url, "/en/sip/603-decline", "GET", { host });
					assert.match(page.body.toString(), new RegExp(`<link rel="canonical" href="http://${host}/`), host);
				}
			assert.equal(s.fastPath().hits, 2);
		} finally {
			await s.close();
		}
	});

	test("keeps neither the language redirect of / nor error answers", async () => {
		const s = await startServer({ port: 0 });
		try {
			for (let i = 0; i < 2; i++) {
				const tr = await raw(s.url, "/", "GET", { "accept-language": "tr" });
				const de = await raw(s.url, "/", "GET", { "accept-language": "de" });
				assert.match(tr.headers.join("\n"), /location: \/tr\b/i);
				assert.match(de.headers.join("\n"), /location: \/de\b/i);
				assert.equal((await raw(s.url, "/en/sip/nope", "GET", {})).status, 404);
				assert.equal((await raw(s.url, "/api/v1/codes/999", "GET", {})).status, 404);
			}
			assert.equal(s.fastPath().hits, 0);
		} finally {
			await s.close();
		}
	});

	test("is bounded in bytes", async () => {
		const s = await startServer({ port: 0, cacheBytes: 400_000 });
		try {
			for (const code of [100, 180, 200, 301, 400, 401, 403, 404, 408, 480, 486, 500, 503, 600, 603, 606])
				await raw(s.url, `/api/v1/codes/${code}`, "GET", {});
			assert.ok(s.fastPath().bytes <= 400_000, String(s.fastPath().bytes));
			assert.ok(s.fastPath().entries > 0);
		} finally {
			await s.close();
		}
	});
});
