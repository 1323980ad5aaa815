/**
 * The web site on Node: the Hono app behind node:http, with zlib compression (brotli and gzip).
 * Node-only code lives here and in export.ts, never in app.ts.
 */
import { createServer, type Server, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { getRequestListener } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.ts";
import { type Compressor, SECURITY_HEADERS } from "./respond.ts";

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
	/** Time a client has to send its request headers (default 10 s): a slow sender is cut off then. */
	headersTimeoutMs?: number;
	/** Time a client has to send its whole request (default 30 s). */
	requestTimeoutMs?: number;
}

/**
 * Node's own answer to a request it cannot parse (400), whose headers are too large (431) or
 * that came too slowly (408), with the security headers every other answer carries.
 */
function clientErrorAnswer(code: string | undefined): string {
	const status = code === "HPE_HEADER_OVERFLOW" ? 431 : code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
	const headers = Object.entries(SECURITY_HEADERS)
		.map(([k, v]) => `${k}: ${v}\r\n`)
		.join("");
	return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}content-length: 0\r\nconnection: close\r\n\r\n`;
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
		const headersTimeout = options.headersTimeoutMs ?? 10_000;
		const listener = getRequestListener(app.fetch, {
			hostname: host,
			// A request the adapter cannot turn into a Request (a backslash in the path, a bad Host)
			// is answered 400 with the security headers rather than with its bare 400.
			errorHandler: (e) =>
				new Response(null, {
					status: e instanceof Error && e.name === "RequestError" ? 400 : 500,
					headers: SECURITY_HEADERS,
				}),
		});
		// Node checks the timeouts only this often (30 s by default, which let a slow sender hold a
		// connection for ~30 s whatever headersTimeout said).
		const server = createServer(
			{ connectionsCheckingInterval: Math.max(50, Math.min(1000, headersTimeout / 4)) },
			listener,
		);
		server.headersTimeout = headersTimeout;
		server.requestTimeout = Math.max(options.requestTimeoutMs ?? 30_000, headersTimeout);
		server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
			const started = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
			if (err.code === "ECONNRESET" || !socket.writable || started) socket.destroy();
			else socket.end(clientErrorAnswer(err.code));
		});
		server.keepAliveTimeout = 5_000;
		server.maxHeadersCount = 100;
		server.once("error", reject);
		server.listen(options.port ?? 3000, host);
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
