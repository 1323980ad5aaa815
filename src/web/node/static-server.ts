/**
 * A tiny static file server for the exported site (tests and the benchmark): clean URLs
 * (`/a` → `a`, `a.html`, `a.json`; `/a/` → `a/index.html`), files kept in memory after the
 * first read, 404.html for anything else. Not meant to face the internet.
 */
import { readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
	".html": "text/html; charset=utf-8",
	".css": "text/css; charset=utf-8",
	".js": "text/javascript; charset=utf-8",
	".json": "application/json; charset=utf-8",
	".svg": "image/svg+xml",
	".xml": "application/xml; charset=utf-8",
	".txt": "text/plain; charset=utf-8",
};

/** Starts a static server on `dir`; resolves with its URL and a close function. */
export function startStaticServer(
	dir: string,
	options: { port?: number; host?: string } = {},
): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
	const root = normalize(dir);
	const files = new Map<string, { body: Buffer; type: string } | null>();
	const load = (rel: string) => {
		if (files.has(rel)) return files.get(rel) ?? null;
		const full = normalize(join(root, rel));
		let found: { body: Buffer; type: string } | null = null;
		if (full.startsWith(root + sep) || full === root) {
			try {
				if (statSync(full).isFile())
					found = { body: readFileSync(full), type: TYPES[extname(full)] ?? "application/octet-stream" };
			} catch {
				found = null;
			}
		}
		if (files.size < 20_000) files.set(rel, found);
		return found;
	};
	const server = createServer((req, res) => {
		let path: string;
		try {
			path = decodeURIComponent((req.url ?? "/").split("?")[0] as string);
		} catch {
			path = "/";
		}
		const candidates = path.endsWith("/") ? [`${path}index.html`] : [path, `${path}.html`, `${path}.json`];
		let file = null;
		for (const c of candidates) {
			file = load(c);
			if (file) break;
		}
		const status = file ? 200 : 404;
		file ??= load("/404.html") ?? { body: Buffer.from("not found\n"), type: "text/plain" };
		res.writeHead(status, { "content-type": file.type, "content-length": file.body.length });
		res.end(req.method === "HEAD" ? undefined : file.body);
	});
	return new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
			const addr = server.address() as AddressInfo;
			resolve({
				server,
				url: `http://${addr.address}:${addr.port}`,
				close: () =>
					new Promise<void>((done) => {
						server.close(() => done());
						server.closeAllConnections();
					}),
			});
		});
	});
}
