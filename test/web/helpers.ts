// Shared by the web tests: a live server on an ephemeral port, and small HTML readers.
import { after, before } from "node:test";
import { type RunningServer, startServer } from "../../src/web/node/node-server.ts";

export const SITE = "http://sipwhy.test";

/** Starts a server (127.0.0.1, ephemeral port) for the tests of one file. */
export function liveServer(options: { siteUrl?: string; headersTimeoutMs?: number } = {}): {
	url: () => string;
	server: () => RunningServer;
} {
	let running: RunningServer | undefined;
	before(async () => {
		running = await startServer({ port: 0, host: "127.0.0.1", ...options });
	});
	after(async () => {
		await running?.close();
	});
	return {
		url: () => {
			if (!running) throw new Error("server not started");
			return running.url;
		},
		server: () => running as RunningServer,
	};
}

/** GET without following redirects. */
export function get(
	base: string,
	path: string,
	headers: Record<string, string> = {},
	method = "GET",
): Promise<Response> {
	return fetch(base + path, { method, headers, redirect: "manual" });
}

/** Attribute of the first tag matching a pattern, e.g. attr(html, /<link rel="canonical"[^>]*>/, "href"). */
export function attr(html: string, tag: RegExp, name: string): string | undefined {
	const m = tag.exec(html);
	if (!m) return undefined;
	return new RegExp(`\\s${name}="([^"]*)"`).exec(m[0])?.[1];
}

/** Every `<link rel="alternate" hreflang>` as [hreflang, href]. */
export function alternates(html: string): [string, string][] {
	return [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => [
		m[1] as string,
		m[2] as string,
	]);
}

export function canonical(html: string): string | undefined {
	return attr(html, /<link rel="canonical"[^>]*>/, "href");
}

export function isNoindex(html: string): boolean {
	return /<meta name="robots" content="noindex/.test(html);
}
