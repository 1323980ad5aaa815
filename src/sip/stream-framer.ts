/**
 * Frames SIP messages out of a byte stream (TCP, TLS, WebSocket payloads): messages are cut by
 * Content-Length across arbitrary chunk boundaries, CRLF keep-alives (RFC 5626 §4.4.1) between
 * messages are skipped, and a message without Content-Length is reported as an error
 * (RFC 3261 §18.3) and taken to have no body.
 */
import { DEFAULT_LIMITS, parseMessage, type SipMessage } from "./parse-message.ts";

const DECODER = new TextDecoder();

/** Incremental framer: push chunks, get whole parsed messages back. */
export class StreamFramer {
	#buf = new Uint8Array(0);
	#start = 0;
	#end = 0;
	#maxHead: number;
	/** Where the search for the empty line resumes (bytes before it hold none). */
	#scanned = 0;
	/** CRLF keep-alive bytes skipped so far. */
	keepAliveBytes = 0;
	/** Bytes dropped because they could not be framed (oversized or garbage heads). */
	droppedBytes = 0;

	constructor(options: { maxHeaderBytes?: number } = {}) {
		this.#maxHead = options.maxHeaderBytes ?? DEFAULT_LIMITS.maxHeaderBytes;
	}

	/** Bytes buffered and not yet framed. */
	get pending(): number {
		return this.#end - this.#start;
	}

	/** Adds a chunk and returns every message it completes. */
	push(chunk: Uint8Array): SipMessage[] {
		this.#append(chunk);
		const out: SipMessage[] = [];
		for (;;) {
			const b = this.#buf;
			// Skip CRLF keep-alives between messages.
			while (this.#start < this.#end && (b[this.#start] === 13 || b[this.#start] === 10)) {
				this.#start++;
				this.keepAliveBytes++;
			}
			if (this.#scanned < this.#start) this.#scanned = this.#start;
			if (this.#start >= this.#end) break;
			const headEnd = this.#findHeadEnd();
			if (headEnd < 0) {
				if (this.#end - this.#start > this.#maxHead) {
					// No message head fits the limit: report it and drop the bytes.
					const m = parseMessage(b.subarray(this.#start, this.#start + this.#maxHead + 1), { stream: true });
					out.push(m);
					this.droppedBytes += this.#end - this.#start;
					this.#start = this.#end;
					this.#scanned = this.#end;
				}
				break;
			}
			const head = DECODER.decode(b.subarray(this.#start, headEnd));
			const cl = /^(?:content-length|l)[ \t]*:[ \t]*(\d+)[ \t]*\r?$/im.exec(head);
			const length = cl ? Number(cl[1]) : 0;
			if (headEnd + length > this.#end) break;
			// A copy: the buffer is reused, and the message keeps its raw body for serialising.
			out.push(parseMessage(b.subarray(this.#start, headEnd + length), { stream: true }));
			this.#start = headEnd + length;
			this.#scanned = this.#start;
		}
		return out;
	}

	/** Byte index just after the empty line that ends the head, or -1. */
	#findHeadEnd(): number {
		const b = this.#buf;
		const limit = Math.min(this.#end, this.#start + this.#maxHead + 4);
		for (let i = Math.max(this.#start, this.#scanned - 2); i + 1 < limit; i++) {
			if (b[i] !== 10) continue;
			if (b[i + 1] === 10) return i + 2;
			if (b[i + 1] === 13 && i + 2 < this.#end && b[i + 2] === 10) return i + 3;
		}
		this.#scanned = Math.max(this.#start, limit - 1);
		return -1;
	}

	#append(chunk: Uint8Array): void {
		if (this.#start === this.#end) {
			this.#start = 0;
			this.#end = 0;
			this.#scanned = 0;
		}
		if (this.#end + chunk.length > this.#buf.length) {
			const live = this.#end - this.#start;
			const size = Math.max(live + chunk.length, this.#buf.length * 2, 4096);
			if (size > this.#buf.length) {
				const next = new Uint8Array(size);
				next.set(this.#buf.subarray(this.#start, this.#end), 0);
				this.#buf = next;
			} else this.#buf.copyWithin(0, this.#start, this.#end);
			this.#scanned -= this.#start;
			this.#start = 0;
			this.#end = live;
		}
		this.#buf.set(chunk, this.#end);
		this.#end += chunk.length;
	}
}
