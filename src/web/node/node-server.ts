/**
 * The web site on Node: the Hono app behind node:http, with zlib compression (brotli and gzip).
 * Node-only code lives in this folder (src/web/node/), never in app.ts or what it loads.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { getRequestListener } from "@hono/node-server";
import { type AppOptions, createApp } from "../app.ts";
import {
	type Compressor,
	type Encoding,
	etagMatches,
	pickEncoding,
	ResponseCache,
	reusableAnswer,
	SECURITY_HEADERS,
} from "../respond.ts";

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

/** A cached answer as node:http writes it: status, flat header list, body. */
interface Prebuilt {
	status: number;
	headers: string[];
	/** The headers of its 304 (no Content-Type or Content-Length), for a matching If-None-Match. */
	notModified: string[];
	etag: string;
	body: Buffer;
	size: number;
}

const BODY_HEADERS = new Set(["content-type", "content-length", "content-encoding"]);

function prebuild(status: number, headers: [string, string][], etag: string, body: Uint8Array): Prebuilt {
	const flat = headers.flat();
	// As the app's own 304 (respond.ts): no body, so nothing that describes one.
	const notModified = headers.filter(([k]) => !BODY_HEADERS.has(k)).flat();
	const size = body.length + flat.reduce((n, h) => n + h.length, 0) * 2 + 256;
	return {
		status,
		headers: flat,
		notModified,
		etag,
		body: Buffer.from(body.buffer, body.byteOffset, body.length),
		size,
	};
}

/**
 * Answers repeated requests straight from node:http, before the request is turned into a Web
 * Request and the app is entered: a page or API answer the app served from its cache is kept here
 * as status, headers and body, and sent again as they are (304 for a matching If-None-Match; no
 * body for HEAD). The key is what the answer depends on: the request target as sent, the Host
 * (canonical links carry the request's origin when no site URL is set) and the encoding that
 * Accept-Encoding negotiates. GET and HEAD share a key (HEAD is GET's answer without the body);
 * nothing that varies on Accept-Language is ever kept, since the app marks only answers that are
 * the same for every request to their URL. Bounded in bytes (LRU).
 */
class FastPath {
	private readonly cache: ResponseCache<Prebuilt>;
	private readonly negotiated = new Map<string, Encoding | null>();
	constructor(
		maxBytes: number,
		private readonly encodings: readonly Encoding[],
	) {
		this.cache = new ResponseCache<Prebuilt>(maxBytes);
	}

	private key(req: IncomingMessage): string {
		const accept = req.headers["accept-encoding"] ?? "";
		let enc = this.negotiated.get(accept);
		if (enc === undefined) {
			enc = pickEncoding(accept, this.encodings);
			// Accept-Encoding takes few distinct values; a sender making up new ones only refills this.
			if (this.negotiated.size >= 256) this.negotiated.clear();
			this.negotiated.set(accept, enc);
		}
		return `${enc ?? "-"} ${req.headers.host ?? ""} ${req.url ?? ""}`;
	}

	/** Requests answered from here so far. */
	hits = 0;

	get stats() {
		return { ...this.cache.stats, hits: this.hits };
	}

	/** Answers `req` from the cache; false when it holds nothing for it. */
	answer(req: IncomingMessage, res: ServerResponse): boolean {
		if (req.method !== "GET" && req.method !== "HEAD") return false;
		const hit = this.cache.get(this.key(req));
		if (!hit) return false;
		this.hits++;
		const inm = req.headers["if-none-match"];
		if (hit.status === 200 && inm !== undefined && etagMatches(inm, hit.etag)) {
			res.writeHead(304, hit.notModified);
			res.end();
		} else {
			res.writeHead(hit.status, hit.headers);
			if (req.method === "HEAD") res.end();
			else res.end(hit.body);
		}
		return true;
	}

	/** Keeps the answer the app gave to a GET, when the app marked it reusable. */
	record(req: IncomingMessage, res: Response): void {
		if (req.method !== "GET") return;
		const a = reusableAnswer(res);
		if (a) this.cache.set(this.key(req), prebuild(a.status, a.headers, a.etag, a.body));
	}
}

/** A running server. */
export interface RunningServer {
	server: Server;
	/** Base URL, e.g. `http://127.0.0.1:3000`. */
	url: string;
	close: () => Promise<void>;
	/** The answers kept in front of the app (entries, bytes) and how many requests they answered. */
	fastPath: () => { entries: number; bytes: number; hits: number };
}

/** Starts the site; resolves once it listens (port 0 picks a free port). */
export function startServer(options: ServerOptions = {}): Promise<RunningServer> {
	const host = options.host ?? "127.0.0.1";
	const encodings = options.encodings ?? ["br", "gzip"];
	const app = createApp({ compress: zlibCompressor, ...options, encodings });
	const fast = new FastPath(options.cacheBytes ?? 64 * 1024 * 1024, options.compress === null ? [] : encodings);
	return new Promise((resolve, reject) => {
		const headersTimeout = options.headersTimeoutMs ?? 10_000;
		// The server is HTTP/1 (createServer below), so the incoming request is an IncomingMessage.
		const fetchAndKeep = async (request: Request, env: { incoming: unknown }) => {
			const res = await app.fetch(request, env);
			fast.record(env.incoming as IncomingMessage, res);
			return res;
		};
		const appListener = getRequestListener(fetchAndKeep, {
			hostname: host,
			// A request the adapter cannot turn into a Request (a backslash in the path, a bad Host)
			// is answered 400 with the security headers rather than with its bare 400.
			errorHandler: (e) =>
				new Response(null, {
					status: e instanceof Error && e.name === "RequestError" ? 400 : 500,
					headers: SECURITY_HEADERS,
				}),
		});
		const listener = (req: IncomingMessage, res: ServerResponse) => {
			if (!fast.answer(req, res)) return appListener(req, res);
		};
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
				fastPath: () => fast.stats,
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
