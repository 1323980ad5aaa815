/**
 * The web site on Node: the Hono app behind node:http, with zlib compression (brotli and gzip).
 * Node-only code lives here and in export.ts, never in app.ts.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { serve } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.ts";
import type { Compressor } from "./respond.ts";

/**
 * zlib: brotli at quality 5 and gzip at level 6. Bodies are compressed once and kept; quality 11
 * would save about a tenth of the bytes for thirty times the CPU on each page's first request.
 */
export const zlibCompressor: Compressor = (data, encoding) =>
	encoding === "br"
		? brotliCompressSync(data, {
				params: {
					[constants.BROTLI_PARAM_QUALITY]: 5,
					[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
					[constants.BROTLI_PARAM_SIZE_HINT]: data.length,
				},
			})
		: gzipSync(data, { level: 6 });

/** Options of the Node server. */
export interface ServerOptions extends AppOptions {
	port?: number;
	host?: string;
}

/** A running server. */
export interface RunningServer {
	server: Server;
	/** Base URL, e.g. `http://127.0.0.1:3000`. */
	url: string;
	close: () => Promise<void>;
}

/** Starts the site; resolves once it listens (port 0 picks a free port). */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const host = options.host ?? "127.0.0.1";
	const app = createApp({ compress: zlibCompressor, encodings: ["br", "gzip"], ...options });
	return new Promise((resolve, reject) => {
		const server = serve({ fetch: app.fetch, port: options.port ?? 3000, hostname: host }) as Server;
		server.headersTimeout = 10_000;
		server.requestTimeout = 30_000;
		server.keepAliveTimeout = 5_000;
		server.maxHeadersCount = 100;
		server.once("error", reject);
		server.once("listening", () => {
			server.off("error", reject);
			const addr = server.address() as AddressInfo;
			const shown = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
			resolve({
				server,
				url: `http://${shown}:${addr.port}`,
				close: () =>
					new Promise<void>((done) => {
						server.close(() => done());
						server.closeAllConnections?.();
					}),
			});
		});
	});
}

/** Starts the site and stops it cleanly on SIGINT or SIGTERM; resolves with its URL. */
export async function serveUntilSignal(options: ServerOptions): Promise<string> {
	const running = await startServer(options);
	const stop = () => {
		void running.close().then(() => process.exit(0));
	};
	process.once("SIGINT", stop);
	process.once("SIGTERM", stop);
	return running.url;
}
