/**
 * Turning a rendered body into a Response: ETag and 304, Cache-Control, compression (negotiated
 * once per body and kept), security headers, CORS for the API, and an in-memory LRU cache of
 * rendered responses keyed by URL, bounded in bytes.
 */
import { hash53 } from "./hash.ts";

export type Encoding = "br" | "gzip";

/** Compresses a body; the Node server passes zlib, the default is the Web CompressionStream. */
export type Compressor = (data: Uint8Array, encoding: Encoding) => Uint8Array | Promise<Uint8Array>;

/** A rendered response, before negotiation. */
export interface Out {
	status: number;
	type: string;
	body: string;
	cacheControl: string;
	headers?: Record<string, string>;
	/** Keep it in the response cache (deterministic for its URL). */
	cache?: boolean;
}

/** A response ready to be served many times. */
export interface Entry {
	status: number;
	type: string;
	body: Uint8Array;
	etag: string;
	cacheControl: string;
	headers: Record<string, string>;
	encoded: Partial<Record<Encoding, Uint8Array>>;
	size: number;
}

export const CSP =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Headers on every response. */
export const SECURITY_HEADERS: Record<string, string> = {
	"content-security-policy": CSP,
	"x-content-type-options": "nosniff",
	"referrer-policy": "strict-origin-when-cross-origin",
	"x-frame-options": "DENY",
	"cross-origin-opener-policy": "same-origin",
	"permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
};

/** CORS headers of the API (GET only; no credentials). */
export const CORS_HEADERS: Record<string, string> = {
	"access-control-allow-origin": "*",
	"access-control-expose-headers": "ETag, Content-Length",
};

const encoder = new TextEncoder();

/** Builds a servable entry from a rendered response. */
export function toEntry(out: Out): Entry {
	const body = encoder.encode(out.body);
	const etag = `W/"${hash53(out.body)}-${body.length.toString(36)}"`;
	return {
		status: out.status,
		type: out.type,
		body,
		etag,
		cacheControl: out.cacheControl,
		headers: out.headers ?? {},
		encoded: {},
		size: body.length * 2 + 512,
	};
}

/** A bounded LRU of entries by key; eviction by total size. */
export class ResponseCache<T extends { size: number } = Entry> {
	private readonly map = new Map<string, T>();
	private bytes = 0;
	constructor(private readonly maxBytes: number) {}

	get(key: string): T | undefined {
		const e = this.map.get(key);
		if (e) {
			this.map.delete(key);
			this.map.set(key, e);
		}
		return e;
	}

	set(key: string, e: T): void {
		if (e.size > this.maxBytes / 8) return;
		const old = this.map.get(key);
		if (old) {
			this.bytes -= old.size;
			this.map.delete(key);
		}
		this.map.set(key, e);
		this.bytes += e.size;
		for (const [k, v] of this.map) {
			if (this.bytes <= this.maxBytes) break;
			this.map.delete(k);
			this.bytes -= v.size;
		}
	}

	get stats() {
		return { entries: this.map.size, bytes: this.bytes };
	}
}

/** Whether a content type is worth compressing. */
function compressible(type: string): boolean {
	return /^(text\/|application\/(json|xml|javascript)|image\/svg)/.test(type);
}

/** Picks br or gzip from Accept-Encoding (q-values honoured), among those offered. */
export function pickEncoding(header: string | null, offered: readonly Encoding[]): Encoding | null {
	if (!header || offered.length === 0) return null;
	const q = new Map<string, number>();
	for (const part of header.toLowerCase().split(",")) {
		const [name, ...params] = part.trim().split(";");
		if (!name) continue;
		let quality = 1;
		for (const p of params) {
			const m = /^\s*q=([0-9.]+)\s*$/.exec(p);
			if (m) quality = Number(m[1]);
		}
		q.set(name.trim(), Number.isFinite(quality) ? quality : 0);
	}
	let best: Encoding | null = null;
	let bestQ = 0;
	for (const enc of offered) {
		const v = q.get(enc) ?? q.get("*") ?? 0;
		if (v > bestQ) {
			best = enc;
			bestQ = v;
		}
	}
	return best;
}

/** Whether If-None-Match matches an ETag (weak comparison). */
export function etagMatches(header: string | null, etag: string): boolean {
	if (!header) return false;
	const bare = etag.replace(/^W\//, "");
	return header.split(",").some((t) => {
		const v = t.trim();
		return v === "*" || v.replace(/^W\//, "") === bare;
	});
}

/** A full answer that the same request (URL, Host, negotiated encoding) always gets again. */
export interface ReusableAnswer {
	status: number;
	/** Every header of the answer, as Response headers list them (lower-case, sorted). */
	headers: [string, string][];
	/** The ETag, for answering If-None-Match with 304 (200 answers only). */
	etag: string;
	body: Uint8Array;
}

const reusable = new WeakMap<Response, ReusableAnswer>();

/**
 * The answer behind a Response that `serve` built from a cached entry, or undefined: a server may
 * keep it and send it again without entering the app (src/web/node/node-server.ts does).
 */
export function reusableAnswer(res: Response): ReusableAnswer | undefined {
	return reusable.get(res);
}

/**
 * Serves an entry to a request. `reusable`: the entry is the cached answer of its URL, so the
 * Response is registered for `reusableAnswer`.
 */
export async function serve(
	e: Entry,
	req: Request,
	opts: { compress: Compressor | null; encodings: readonly Encoding[]; cors: boolean; reusable?: boolean },
): Promise<Response> {
	const headers: Record<string, string> = {
		...SECURITY_HEADERS,
		...(opts.cors ? CORS_HEADERS : {}),
		...e.headers,
		"content-type": e.type,
		"cache-control": e.cacheControl,
		etag: e.etag,
	};
	const canCompress = opts.compress !== null && e.body.length >= 256 && compressible(e.type);
	if (canCompress) headers.vary = e.headers.vary ? `${e.headers.vary}, Accept-Encoding` : "Accept-Encoding";
	if (e.status === 200 && etagMatches(req.headers.get("if-none-match"), e.etag))
		return new Response(null, { status: 304, headers: stripForNotModified(headers) });
	let body = e.body;
	if (canCompress && opts.compress) {
		const enc = pickEncoding(req.headers.get("accept-encoding"), opts.encodings);
		if (enc) {
			let z = e.encoded[enc];
			if (!z) {
				z = await opts.compress(e.body, enc);
				e.encoded[enc] = z;
			}
			if (z.length < body.length) {
				body = z;
				headers["content-encoding"] = enc;
			}
		}
	}
	headers["content-length"] = String(body.length);
	const res = new Response(e.status === 204 || e.status === 304 ? null : (body as Uint8Array<ArrayBuffer>), {
		status: e.status,
		headers,
	});
	if (opts.reusable && (e.status === 200 || e.status === 301))
		reusable.set(res, { status: e.status, headers: [...res.headers], etag: e.etag, body });
	return res;
}

function stripForNotModified(h: Record<string, string>): Record<string, string> {
	const out = { ...h };
	delete out["content-type"];
	delete out["content-length"];
	return out;
}

/** The Web-standard gzip compressor (CompressionStream), for runtimes without zlib. */
export const webGzip: Compressor = async (data) => {
	const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("gzip"));
	return new Uint8Array(await new Response(stream).arrayBuffer());
};
