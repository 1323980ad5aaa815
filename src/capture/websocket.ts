/**
 * WebSocket framing (RFC 6455) for SIP over WebSocket (RFC 7118): frames are unmasked and
 * fragmented messages joined; each text or binary message carries one SIP message. Compressed
 * messages (permessage-deflate) are reported, not decoded.
 */
import { appendBytes, concatBytes, u16, u32 } from "./bytes.ts";

/** What one push of stream bytes gave. */
export interface WebSocketOutput {
	/** Whole data messages, in order. */
	messages: Uint8Array[];
	/** Problems, in order (the stream should be given up after "fatal" ones). */
	problems: { detail: string; fatal: boolean }[];
}

/** Incremental WebSocket deframer for one direction of a stream. */
export class WebSocketDeframer {
	#buf = new Uint8Array(0);
	#len = 0;
	#parts: Uint8Array[] = [];
	#partBytes = 0;
	#compressed = false;
	#maxMessage: number;

	constructor(maxMessageBytes = 1024 * 1024) {
		this.#maxMessage = maxMessageBytes;
	}

	/** Adds stream bytes; returns the messages they complete. */
	push(bytes: Uint8Array): WebSocketOutput {
		const out: WebSocketOutput = { messages: [], problems: [] };
		this.#hold(bytes);
		const b = this.#buf;
		let o = 0;
		while (this.#len - o >= 2) {
			const b0 = b[o] as number;
			const b1 = b[o + 1] as number;
			let len = b1 & 0x7f;
			let h = 2;
			if (len === 126) {
				if (this.#len - o < 4) break;
				len = u16(b, o + 2);
				h = 4;
			} else if (len === 127) {
				if (this.#len - o < 10) break;
				len = u32(b, o + 2) !== 0 ? Number.POSITIVE_INFINITY : u32(b, o + 6);
				h = 10;
			}
			const masked = (b1 & 0x80) !== 0;
			if (masked) h += 4;
			// RSV1 marks compression; RSV2 and RSV3 have no meaning without an extension.
			if (len > this.#maxMessage || (b0 & 0x30) !== 0) {
				out.problems.push({ detail: `WebSocket frame of ${len} bytes or with reserved bits set`, fatal: true });
				this.#len = 0;
				return out;
			}
			if (this.#len - o < h + len) break;
			const payload = b.slice(o + h, o + h + len);
			if (masked) {
				const k = o + h - 4;
				for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (b[k + (i & 3)] as number);
			}
			o += h + len;
			const opcode = b0 & 0x0f;
			if (opcode >= 8) continue; // close, ping, pong
			if (opcode !== 0) {
				this.#parts = [];
				this.#partBytes = 0;
				this.#compressed = (b0 & 0x40) !== 0;
			}
			this.#parts.push(payload);
			this.#partBytes += payload.length;
			if (this.#partBytes > this.#maxMessage) {
				out.problems.push({ detail: `a WebSocket message over ${this.#maxMessage} bytes`, fatal: false });
				this.#parts = [];
				this.#partBytes = 0;
				continue;
			}
			if ((b0 & 0x80) === 0) continue; // more fragments follow
			const whole = this.#parts.length === 1 ? (this.#parts[0] as Uint8Array) : concatBytes(this.#parts);
			this.#parts = [];
			this.#partBytes = 0;
			if (this.#compressed)
				out.problems.push({ detail: "a compressed (permessage-deflate) WebSocket message", fatal: false });
			else out.messages.push(whole);
		}
		b.copyWithin(0, o, this.#len);
		this.#len -= o;
		return out;
	}

	#hold(bytes: Uint8Array): void {
		this.#buf = appendBytes(this.#buf, this.#len, bytes);
		this.#len += bytes.length;
	}
}
