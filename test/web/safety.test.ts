// Headers, caching, compression, methods, limits, escaping and robustness of the site and API.
import assert from "node:assert/strict";
import { connect } from "node:net";
import { describe, test } from "node:test";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import fc from "fast-check";
import { get, liveServer } from "./helpers.ts";

const live = liveServer();
const base = () => live.url();

const SAMPLE = [
	"/en",
	"/tr/sip/603-decline",
	"/ar/compare/sip/486-busy-here-vs-603-decline",
	"/en/glossary",
	"/en/search?q=busy",
	"/en/nope",
	"/api/v1/codes",
	"/api/v1/codes/603?lang=tr",
	"/api/v1/nope",
	"/api/openapi.json",
	"/sitemap.xml",
];

describe("headers", () => {
	test("every response carries the security headers", async () => {
		for (const p of SAMPLE) {
			const r = await get(base(), p);
			const csp = r.headers.get("content-security-policy") ?? "";
			assert.match(csp, /default-src 'none'/, p);
			assert.match(csp, /script-src 'self'(;|$)/, p);
			assert.match(csp, /style-src 'self'(;|$)/, p);
			assert.match(csp, /frame-ancestors 'none'/, p);
			assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, p);
			assert.equal(r.headers.get("x-content-type-options"), "nosniff", p);
			assert.equal(r.headers.get("referrer-policy"), "strict-origin-when-cross-origin", p);
		}
	});

	test("pages hold no inline script, no inline style and no external resource", async () => {
		for (const p of [
			"/en",
			"/tr/sip/603-decline",
			"/en/compare/sip/486-busy-here-vs-603-decline",
			"/ar/glossary",
			"/en/sip/499",
		]) {
			const html = await (await fetch(base() + p)).text();
			for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
				const attrs = m[1] as string;
				if (/type="application\/ld\+json"/.test(attrs)) {
					JSON.parse(m[2] as string);
					continue;
				}
				assert.match(attrs, /src="\/assets\/[^"]+\.js"/, `${p}: script without src`);
				assert.equal(m[2], "", `${p}: inline script`);
			}
			assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i, p);
			for (const m of html.matchAll(/(?:src|href)="((?:https?:)?\/\/[^"]*)"/g)) {
				const target = m[1] as string;
				if (target.startsWith(`${base()}/`) || /^https:\/\/www\.(rfc-editor|iana)\.org\//.test(target)) continue;
				assert.fail(`${p}: external link or resource ${target}`);
			}
			assert.doesNotMatch(html, /<script[^>]+src="(?!\/assets\/)/, `${p}: script from elsewhere`);
			assert.doesNotMatch(
				html,
				/<link rel="(stylesheet|icon|preload|preconnect)" href="(?!\/assets\/)/,
				`${p}: resource from elsewhere`,
			);
			assert.doesNotMatch(html, /<(img|iframe|object|embed)\b/, `${p}: embedded resource`);
			for (const m of html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)) {
				const css = await fetch(base() + (m[1] as string));
				assert.equal(css.status, 200);
				assert.match(css.headers.get("content-type") ?? "", /text\/css/);
				assert.match(css.headers.get("cache-control") ?? "", /immutable/);
			}
		}
	});

	test("ETag, Cache-Control and 304", async () => {
		for (const p of ["/tr/sip/603-decline", "/api/v1/codes/603"]) {
			const r = await get(base(), p);
			const etag = r.headers.get("etag");
			assert.match(etag ?? "", /^W\/".+"$/);
			assert.match(r.headers.get("cache-control") ?? "", /public, max-age=\d+/);
			const again = await get(base(), p, { "if-none-match": etag as string });
			assert.equal(again.status, 304, p);
			assert.equal(await again.text(), "");
			const other = await get(base(), p, { "if-none-match": 'W/"other"' });
			assert.equal(other.status, 200);
		}
	});

	test("brotli and gzip, negotiated, decompress to the same bytes", async () => {
		const plain = await get(base(), "/en/sip/486-busy-here", { "accept-encoding": "identity" });
		assert.equal(plain.headers.get("content-encoding"), null);
		const body = Buffer.from(await plain.arrayBuffer());
		const raw = (enc: string) =>
			new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
				import("node:http").then(({ request }) => {
					const req = request(`${base()}/en/sip/486-busy-here`, { headers: { "accept-encoding": enc } }, (res) => {
						const chunks: Buffer[] = [];
						res.on("data", (c: Buffer) => chunks.push(c));
						res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
					});
					req.on("error", reject);
					req.end();
				});
			});
		const br = await raw("gzip, deflate, br");
		assert.equal(br.headers["content-encoding"], "br");
		assert.match(String(br.headers.vary), /Accept-Encoding/);
		assert.deepEqual(brotliDecompressSync(br.body), body);
		const gz = await raw("gzip;q=1, br;q=0");
		assert.equal(gz.headers["content-encoding"], "gzip");
		assert.deepEqual(gunzipSync(gz.body), body);
		assert.ok(br.body.length < body.length / 3);
	});

	test("CORS for the API, not for pages", async () => {
		const api = await get(base(), "/api/v1/codes", { origin: "https://example.org" });
		assert.equal(api.headers.get("access-control-allow-origin"), "*");
		const pre = await get(
			base(),
			"/api/v1/codes/603",
			{ origin: "https://example.org", "access-control-request-method": "GET" },
			"OPTIONS",
		);
		assert.equal(pre.status, 204);
		assert.match(pre.headers.get("access-control-allow-methods") ?? "", /GET/);
		const page = await get(base(), "/en", { origin: "https://example.org" });
		assert.equal(page.headers.get("access-control-allow-origin"), null);
	});
});

describe("methods and limits", () => {
	test("wrong methods: 405 with Allow", async () => {
		for (const method of ["POST", "PUT", "DELETE", "PATCH"])
			for (const p of ["/en", "/api/v1/codes", "/en/sip/603-decline", "/nope"]) {
				const r = await get(base(), p, {}, method);
				assert.equal(r.status, 405, `${method} ${p}`);
				assert.equal(r.headers.get("allow"), "GET, HEAD, OPTIONS");
				if (p.startsWith("/api")) assert.equal((await r.json()).status, 405);
			}
	});

	test("HEAD answers like GET without a body", async () => {
		const r = await get(base(), "/en/sip/603-decline", {}, "HEAD");
		assert.equal(r.status, 200);
		assert.equal(await r.text(), "");
		assert.match(r.headers.get("content-type") ?? "", /text\/html/);
	});

	test("absurdly long URLs and queries: 414 and 400, JSON on the API", async () => {
		const long = "x".repeat(5000);
		assert.equal((await get(base(), `/en/search?q=${long}`)).status, 414);
		assert.equal((await get(base(), `/en/sip/${long}`)).status, 414);
		const api = await get(base(), `/api/v1/search?q=${long}`);
		assert.equal(api.status, 414);
		assert.equal((await api.json()).status, 414);
		assert.equal((await get(base(), `/api/v1/search?q=${"y".repeat(300)}`)).status, 400);
		assert.equal((await get(base(), `/en/search?q=${"y".repeat(300)}`)).status, 400);
	});
});

const PAYLOADS = [
	"<script>alert(1)</script>",
	'"><img src=x onerror=alert(1)>',
	"'><svg onload=alert(1)>",
	"' onmouseover='alert(1)",
	'" autofocus onfocus="alert(1)',
	"</title><script>alert(1)</script>",
	"javascript:alert(1)",
	"%3Cscript%3Ealert(1)%3C/script%3E",
];

/** The payloads' markup must never appear unescaped: no tag opened, no attribute broken out of. */
function assertNoInjection(body: string, where: string) {
	for (const bad of [
		"<script>alert",
		"<img src=x",
		"<svg onload",
		'" autofocus onfocus="alert',
		"' onmouseover='alert",
		"'><svg",
	])
		assert.ok(!body.includes(bad), `${where}: unescaped ${bad}`);
	assert.doesNotMatch(body, /(href|src|action)="javascript:/i, where);
}

describe("escaping", () => {
	test("payloads through every route and query are escaped", async () => {
		for (const raw of PAYLOADS) {
			const p = encodeURIComponent(raw);
			const paths = [
				`/en/search?q=${p}`,
				`/tr/search?q=${p}`,
				`/ar/search?q=${p}`,
				`/en/sip/${p}`,
				`/en/sip/603-${p}`,
				`/en/compare/sip/${p}`,
				`/en/compare/sip/486-vs-${p}`,
				`/en/compare/sip?a=${p}&b=603`,
				`/en/compare/sip?a=486&b=${p}`,
				`/${p}`,
				`/en/${p}`,
				`/${p}/sip/603`,
				`/en/glossary?x=${p}`,
				`/en/api?${p}`,
				`/api/v1/codes/${p}`,
				`/api/v1/codes/603?lang=${p}`,
				`/api/v1/codes?class=${p}`,
				`/api/v1/compare/${p}/603`,
				`/api/v1/search?q=${p}`,
				`/api/v1/search?q=busy&lang=${p}`,
				`/api/v1/search?q=busy&limit=${p}`,
				`/api/${p}`,
				`/sip/${p}`,
			];
			for (const path of paths) {
				const r = await get(base(), path, { "accept-language": raw.replace(/[^\x20-\x7e]/g, "") });
				assert.ok(r.status < 500, `${path} → ${r.status}`);
				const body = await r.text();
				if (r.headers.get("content-type")?.includes("json")) assert.ok(!body.includes("<"), `${path}: < in JSON`);
				else assertNoInjection(body, path);
				const loc = r.headers.get("location");
				if (loc) assert.ok(loc.startsWith("/"), `${path} redirects off-site: ${loc}`);
				if (r.headers.get("content-type")?.includes("json") && body) JSON.parse(body);
			}
		}
	});

	test("no redirect leaves the site", async () => {
		const { request } = await import("node:http");
		const u = new URL(base());
		for (const path of [
			"//evil.example/",
			"//evil.example/sip/",
			"/\\evil.example/",
			"/%5Cevil.example/",
			"/%2F%2Fevil.example/",
			"///evil.example//",
			"/sip//evil.example",
			"/en//evil.example/",
		]) {
			const location = await new Promise<string | undefined>((resolve, reject) => {
				const req = request({ host: u.hostname, port: u.port, path }, (res) => {
					res.resume();
					resolve(res.headers.location);
				});
				req.on("error", reject);
				req.end();
			});
			if (location !== undefined) assert.match(location, /^\/(?![/\\])/, `${path} → ${location}`);
		}
	});

	test("a hostile Host header cannot inject markup", async () => {
		const { request } = await import("node:http");
		const body = await new Promise<string>((resolve, reject) => {
			const u = new URL(`${base()}/en/`);
			const req = request(
				{ host: u.hostname, port: u.port, path: "/en/", headers: { host: 'a"><script>alert(1)</script>' } },
				(res) => {
					let s = "";
					res.on("data", (c) => {
						s += c;
					});
					res.on("end", () => resolve(s));
				},
			);
			req.on("error", reject);
			req.end();
		});
		assertNoInjection(body, "host header");
	});
});

describe("robustness", () => {
	test("random paths and queries never crash the server", async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(
					fc.oneof(
						fc.constantFrom(
							"en",
							"tr",
							"ar",
							"sip",
							"compare",
							"api",
							"v1",
							"codes",
							"search",
							"603",
							"486-vs-603",
							"..",
							"%",
							"%zz",
							"%E0%A4%A",
							"4xx",
						),
						fc.string({ maxLength: 12 }),
					),
					{ maxLength: 6 },
				),
				fc.string({ maxLength: 40 }),
				async (segments, query) => {
					const path = `/${segments.map((s) => s.replace(/[?#\s]/g, "")).join("/")}?q=${encodeURIComponent(query)}&lang=${encodeURIComponent(query)}`;
					const r = await fetch(base() + path, { redirect: "manual" }).catch(() => null);
					if (r === null) return true;
					await r.arrayBuffer();
					return r.status < 500;
				},
			),
			{ numRuns: 300 },
		);
	});

	test("garbage on the socket does not take the server down", async () => {
		for (const junk of [
			"GARBAGE\r\n\r\n",
			`GET /${"a".repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
			"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
			"\x00\x01\x02\x03",
		]) {
			const u = new URL(base());
			await new Promise<void>((resolve) => {
				const s = connect(Number(u.port), u.hostname, () => s.end(junk));
				s.on("data", () => {});
				s.on("close", () => resolve());
				s.on("error", () => resolve());
				s.setTimeout(2000, () => s.destroy());
			});
		}
		assert.equal((await get(base(), "/en")).status, 200);
	});

	test("many different URLs stay within the response cache's bound", async () => {
		for (let i = 0; i < 300; i++) await (await get(base(), `/en/search?q=busy${i}`)).arrayBuffer();
		assert.equal((await get(base(), "/en/sip/603-decline")).status, 200);
	});
});

/** Sends `request` as is on a new connection; resolves with the whole answer (latin1) once closed. */
function rawRequest(request: string | Buffer, timeoutMs = 5000): Promise<{ answer: string; ms: number }> {
	const u = new URL(base());
	const started = Date.now();
	return new Promise((resolve) => {
		let answer = "";
		const s = connect(Number(u.port), u.hostname, () => s.write(request));
		s.on("data", (d) => {
			answer += d.toString("latin1");
		});
		s.on("close", () => resolve({ answer, ms: Date.now() - started }));
		s.on("error", () => {});
		s.setTimeout(timeoutMs, () => s.destroy());
	});
}

function statusOf(answer: string): number {
	return Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
}

describe("hostile requests", () => {
	test("weird paths: never a 500, every Location a percent-encoded path on this site", async () => {
		const paths = [
			"/%E2%80%AE",
			"/%E2%80%AE/",
			"/sip/%E2%80%AE",
			"/sip/%E2%80%AE/",
			"/EN/%E2%80%AE",
			"/EN/sip/486?x=%E2%80%AE",
			"/%00",
			"/sip/%00",
			"/sip/%0d%0aSet-Cookie:x=1",
			"/\u00fc/",
			"/sip/\u00fc",
			"/sip/%C3%BC",
			"/sip/%C3%BC/",
			"/%FF",
			"/%FF/",
			"/sip/%FF",
			"/en/sip/%FF/",
			"/sip/%F0%9F%98%80",
			"/sip/%ED%A0%80",
			"//evil.com",
			"//evil.com/",
			"/\\evil",
			"/\\evil/",
			"/sip/\\evil/",
			"/Tr/compare/%E2%80%AE/",
		];
		for (const path of paths) {
			const { answer } = await rawRequest(
				Buffer.from(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, "latin1"),
			);
			const status = statusOf(answer);
			assert.ok(status >= 200 && status < 500, `${JSON.stringify(path)}: ${answer.slice(0, 200)}`);
			assert.match(
				answer,
				/\r\ncontent-security-policy: default-src 'none'/i,
				`${JSON.stringify(path)}: security headers`,
			);
			assert.match(answer, /\r\nx-content-type-options: nosniff/i, JSON.stringify(path));
			const location = /\r\nlocation: ([^\r]*)/i.exec(answer)?.[1];
			if (location === undefined) continue;
			assert.match(location, /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/, `${JSON.stringify(path)} → ${location}`);
			assert.doesNotMatch(location, /%(?![0-9A-Fa-f]{2})/, `${JSON.stringify(path)} → ${location}`);
		}
	});

	test("a percent-encoded path redirects to the same resource", async () => {
		for (const [path, to] of [
			["/sip/%C3%BC", "/en/sip/%C3%BC"],
			["/sip/%E2%80%AE", "/en/sip/%E2%80%AE"],
			["/en/sip/%FF/", "/en/sip/%FF"],
			["/TR/sip/486?q=%C3%BC", "/tr/sip/486?q=%C3%BC"],
		] as const) {
			const r = await get(base(), path);
			assert.equal(r.status, 301, path);
			assert.equal(r.headers.get("location"), to, path);
		}
	});

	test("Node's own 400 and 431 carry the security headers", async () => {
		for (const [request, status] of [
			["GARBAGE\r\n\r\n", 400],
			["GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400],
			[`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
		] as const) {
			const { answer } = await rawRequest(request);
			assert.equal(statusOf(answer), status, answer.slice(0, 200));
			assert.match(answer, /\r\ncontent-security-policy: default-src 'none'/i);
			assert.match(answer, /\r\nx-frame-options: DENY/i);
		}
	});
});

describe("slow senders", () => {
	const slow = liveServer({ headersTimeoutMs: 600 });
	test("a client that never finishes its headers is cut off after headersTimeout, not ~30 s", async () => {
		const u = new URL(slow.url());
		const started = Date.now();
		const answer = await new Promise<string>((resolve) => {
			let text = "";
			const s = connect(Number(u.port), u.hostname, () => s.write("GET /en/ HTTP/1.1\r\nHost: x\r\n"));
			// A header line now and then, never the blank line that ends them (slowloris).
			const drip = setInterval(() => s.write("X-A: b\r\n"), 100);
			s.on("data", (d) => {
				text += d.toString("latin1");
			});
			s.on("close", () => {
				clearInterval(drip);
				resolve(text);
			});
			s.on("error", () => {});
			s.setTimeout(10_000, () => s.destroy());
		});
		const ms = Date.now() - started;
		assert.ok(ms < 3000, `cut off after ${ms} ms`);
		assert.equal(statusOf(answer), 408, answer);
		assert.match(answer, /\r\ncontent-security-policy: /i);
	});
});
