/**
 * What one direction of a TCP stream carries, told by content: SIP (framed by the parser's
 * StreamFramer), HEP v3 packets, or something else that is ignored. A stream seen from its SYN is
 * judged by its first line; a stream joined in the middle, or after lost bytes, is searched line
 * by line for a SIP start line, for a bounded number of bytes.
 */
import type { SipMessage } from "../sip/parse-message.ts";
import { parseMessage } from "../sip/parse-message.ts";
import { StreamFramer } from "../sip/stream-framer.ts";
import { appendBytes, startsWithAscii } from "./bytes.ts";
import { isSipStartLine, looksLikeSip, MAX_START_LINE } from "./sip-detect.ts";
import type { MalformedKind } from "./stats.ts";
import type { SegmentContext, StreamSink } from "./tcp-reassembly.ts";
import { WebSocketDeframer } from "./websocket.ts";

/** Where a stream's findings go. */
export interface StreamHandlers {
	message(message: SipMessage, ctx: SegmentContext, transport: "tcp" | "ws"): void;
	hep(packet: Uint8Array, ctx: SegmentContext): void;
	damage(kind: MalformedKind, detail: string, frame: number | undefined): void;
}

/** Limits of one stream. */
export interface StreamLimits {
	/** Bytes one SIP message may take on a stream before it is dropped; default 1 MiB. */
	maxMessageBytes: number;
	/** Bytes searched for a SIP start line in a stream joined midway before giving up; default 256 KiB. */
	maxSearchBytes: number;
}

/** Default stream limits. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { maxMessageBytes: 1024 * 1024, maxSearchBytes: 256 * 1024 };

type Mode = "search" | "sip" | "hep" | "upgrade" | "ws" | "other";

/** Longest HTTP head of a WebSocket upgrade looked at. */
const MAX_HTTP_HEAD = 16384;

const SIP_VERSION = /^SIP\/\d\.\d$/i;
const TEXT = new TextDecoder();

/** True if a framed message has a SIP start line (the framer frames any bytes it is given). */
export function isSipMessage(m: SipMessage): boolean {
	return m.version !== null && SIP_VERSION.test(m.version);
}

/** The content of one TCP direction. */
export class StreamContent implements StreamSink {
	#mode: Mode = "search";
	/** The first byte of the stream is the first byte held (judge by the first line). */
	#fromStart: boolean;
	/** The first byte held starts a line. */
	#atLineStart = true;
	#buf = new Uint8Array(0);
	#len = 0;
	#searched = 0;
	#framer: StreamFramer | null = null;
	#ws: WebSocketDeframer | null = null;
	#handlers: StreamHandlers;
	#limits: StreamLimits;

	constructor(fromStart: boolean, handlers: StreamHandlers, limits: Partial<StreamLimits> = {}) {
		this.#fromStart = fromStart;
		this.#handlers = handlers;
		this.#limits = { ...DEFAULT_STREAM_LIMITS, ...limits };
	}

	get carriesSip(): boolean {
		return this.#mode === "sip" || this.#mode === "hep" || this.#mode === "ws";
	}

	get ignoring(): boolean {
		return this.#mode === "other";
	}

	data(bytes: Uint8Array, ctx: SegmentContext): void {
		switch (this.#mode) {
			case "sip":
				this.#frame(bytes, ctx);
				return;
			case "hep":
				this.#hold(bytes);
				this.#hepPackets(ctx);
				return;
			case "search":
				this.#hold(bytes);
				this.#search(ctx);
				return;
			case "upgrade":
				this.#hold(bytes);
				this.#upgrade(ctx);
				return;
			case "ws":
				this.#webSocket(bytes, ctx);
				return;
		}
	}

	gap(): void {
		if (this.#mode === "other") return;
		// What was held is no longer followed by the right bytes: look for the next start line.
		this.#mode = "search";
		this.#framer = null;
		this.#ws = null;
		this.#fromStart = false;
		this.#atLineStart = true;
		this.#len = 0;
	}

	end(): void {
		if (this.#mode === "sip" && this.#framer && this.#framer.pending > 0)
			this.#handlers.damage(
				"sipIncomplete",
				`a TCP stream ended inside a SIP message (${this.#framer.pending} bytes)`,
				undefined,
			);
		this.#ignore();
	}

	#ignore(): void {
		this.#mode = "other";
		this.#framer = null;
		this.#ws = null;
		this.#buf = new Uint8Array(0);
		this.#len = 0;
	}

	#hold(bytes: Uint8Array): void {
		this.#buf = appendBytes(this.#buf, this.#len, bytes);
		this.#len += bytes.length;
	}

	#consume(n: number): void {
		this.#buf.copyWithin(0, n, this.#len);
		this.#len -= n;
	}

	#search(ctx: SegmentContext): void {
		const b = this.#buf;
		const n = this.#len;
		if (this.#fromStart) {
			let s = 0;
			while (s < n && (b[s] === 13 || b[s] === 10)) s++;
			if (n - s >= 4 && startsWithAscii(b.subarray(0, n), s, "HEP3")) {
				this.#consume(s);
				this.#mode = "hep";
				this.#hepPackets(ctx);
				return;
			}
			if (s < n && !isLetter(b[s] as number)) {
				this.#ignore();
				return;
			}
			const limit = Math.min(n, s + MAX_START_LINE);
			for (let i = s; i < limit; i++)
				if (b[i] === 10) {
					if (isSipStartLine(b, s, i)) this.#startSip(s, ctx);
					else if (startsWithAscii(b.subarray(0, i), s, "GET ") || startsWithAscii(b.subarray(0, i), s, "HTTP/1.")) {
						// Perhaps a WebSocket upgrade (SIP over WebSocket, RFC 7118).
						this.#consume(s);
						this.#mode = "upgrade";
						this.#upgrade(ctx);
					} else this.#ignore();
					return;
				}
			if (n - s >= MAX_START_LINE) this.#ignore();
			return;
		}
		// Joined midway: any line may start a message, and a HEP packet may start anywhere.
		let line = 0;
		let candidate = this.#atLineStart;
		let sipAt = -1;
		for (let i = 0; i < n; i++) {
			if (b[i] !== 10) continue;
			if (candidate && isSipStartLine(b, line, i)) {
				sipAt = line;
				break;
			}
			line = i + 1;
			candidate = true;
		}
		// A HEP stream carries SIP start lines inside its packets: the HEP framing wins.
		const hepAt = findHep3(b, n);
		if (hepAt >= 0) {
			this.#consume(hepAt);
			this.#mode = "hep";
			this.#hepPackets(ctx);
			return;
		}
		if (sipAt >= 0) {
			this.#startSip(sipAt, ctx);
			return;
		}
		// Keep the unfinished last line if it can still become a start line.
		let keep = line;
		this.#atLineStart = candidate;
		if (n - line > MAX_START_LINE) {
			keep = n;
			this.#atLineStart = false;
		}
		this.#searched += keep;
		this.#consume(keep);
		if (this.#searched > this.#limits.maxSearchBytes) this.#ignore();
	}

	/** Reads the HTTP head of a WebSocket handshake; the frames follow it. */
	#upgrade(ctx: SegmentContext): void {
		const b = this.#buf;
		const n = Math.min(this.#len, MAX_HTTP_HEAD);
		let end = -1;
		for (let i = 0; i + 1 < n; i++)
			if (b[i] === 10 && (b[i + 1] === 10 || (b[i + 1] === 13 && b[i + 2] === 10))) {
				end = i + (b[i + 1] === 10 ? 2 : 3);
				break;
			}
		if (end < 0) {
			if (this.#len >= MAX_HTTP_HEAD) this.#ignore();
			return;
		}
		const head = TEXT.decode(b.subarray(0, end));
		if (!/^(?:GET |HTTP\/1\.\d 101)/.test(head) || !/^upgrade:[ \t]*websocket/im.test(head)) {
			this.#ignore();
			return;
		}
		const rest = b.slice(end, this.#len);
		this.#buf = new Uint8Array(0);
		this.#len = 0;
		this.#mode = "ws";
		this.#ws = new WebSocketDeframer(this.#limits.maxMessageBytes);
		this.#webSocket(rest, ctx);
	}

	#webSocket(bytes: Uint8Array, ctx: SegmentContext): void {
		const out = (this.#ws as WebSocketDeframer).push(bytes);
		for (const m of out.messages) if (looksLikeSip(m)) this.#handlers.message(parseMessage(m), ctx, "ws");
		for (const p of out.problems) {
			this.#handlers.damage(p.fatal ? "badWebSocket" : "unsupported", p.detail, ctx.frame);
			if (p.fatal) this.#ignore();
		}
	}

	#startSip(at: number, ctx: SegmentContext): void {
		const rest = this.#buf.slice(at, this.#len);
		this.#buf = new Uint8Array(0);
		this.#len = 0;
		this.#mode = "sip";
		this.#framer = new StreamFramer();
		this.#frame(rest, ctx);
	}

	#frame(bytes: Uint8Array, ctx: SegmentContext): void {
		const framer = this.#framer as StreamFramer;
		for (const m of framer.push(bytes)) {
			if (isSipMessage(m)) this.#handlers.message(m, ctx, "tcp");
			else
				this.#handlers.damage(
					"sipDesync",
					`bytes framed on a SIP stream do not start with a SIP start line (${JSON.stringify(m.method?.slice(0, 20) ?? "")}…)`,
					ctx.frame,
				);
		}
		if (framer.pending > this.#limits.maxMessageBytes) {
			this.#handlers.damage(
				"sipDesync",
				`a SIP message on a TCP stream grew past ${this.#limits.maxMessageBytes} bytes and was dropped`,
				ctx.frame,
			);
			this.gap();
		}
	}

	#hepPackets(ctx: SegmentContext): void {
		const b = this.#buf;
		let o = 0;
		while (this.#len - o >= 6) {
			const len = ((b[o + 4] as number) << 8) | (b[o + 5] as number);
			if (!startsWithAscii(b, o, "HEP3") || len < 6) {
				this.#handlers.damage(
					"badHep",
					"a HEP-over-TCP stream lost its framing; looking for the next packet",
					ctx.frame,
				);
				this.gap();
				return;
			}
			if (this.#len - o < len) break;
			this.#handlers.hep(b.slice(o, o + len), ctx);
			o += len;
		}
		this.#consume(o);
	}
}

/** Index of the first plausible HEP v3 header ("HEP3" and a length of at least one chunk) before `end`, or -1. */
function findHep3(b: Uint8Array, end: number): number {
	for (let i = 0; i + 6 <= end; i++)
		if (b[i] === 0x48 && b[i + 1] === 0x45 && b[i + 2] === 0x50 && b[i + 3] === 0x33) {
			if ((((b[i + 4] as number) << 8) | (b[i + 5] as number)) >= 12) return i;
		}
	return -1;
}

function isLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
