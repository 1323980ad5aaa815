/**
 * Frames SIP messages out of text lines the way a stream transport frames them (RFC 3261 §18.3):
 * a message is its start line, its header lines up to the empty line, and exactly Content-Length
 * bytes of body, so messages that follow each other without a blank line are all read. Blank lines
 * (and CRLF keep-alives, RFC 5626 §4.4.1) between messages are skipped. Text differs from a stream
 * in two ways handled here:
 * - a message without Content-Length (allowed over UDP, and common in pasted text) ends where the
 *   next start line follows a blank line, or at the end of the text;
 * - text whose head lines end in a bare LF lost its CRs on the way (a paste, an editor), so its
 *   body lines are counted and rebuilt as CRLF, which is what Content-Length counted.
 * A start line inside a head ends the message before it (the blank line was lost). Lines that
 * belong to no message are counted, never parsed.
 */

const START_LINE = /^(?:SIP\/2\.0 \d{3}(?: .*)?|[A-Za-z!%*_+`'~.-]+ \S+ SIP\/2\.0)\s*$/;
const CONTENT_LENGTH = /^(?:content-length|l)[ \t]*:[ \t]*(.*?)[ \t]*$/i;

/** Whether a line is a SIP request or status line. */
export function isStartLine(line: string): boolean {
	return START_LINE.test(line);
}

/** One framed message: its text (CRLF line ends) and where it started. */
export interface FramedText {
	text: string;
	/** Line number (1-based) of the start line in the input. */
	line: number;
	/** The head's lines ended in a bare LF in the input (rebuilt as CRLF). */
	bareLf: boolean;
}

/** Limits of a framed message. */
export interface TextFramerLimits {
	/** Head (start line and headers) bytes; beyond it the message is dropped. */
	maxHeadBytes: number;
	/** Body bytes; a larger Content-Length is not trusted and the body ends as if it had none. */
	maxBodyBytes: number;
}

const DEFAULT_FRAMER_LIMITS: TextFramerLimits = { maxHeadBytes: 65536, maxBodyBytes: 1 << 20 };

/** UTF-8 length of a string, without allocating. */
export function utf8Length(s: string): number {
	let n = s.length;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c < 0x80) continue;
		if (c < 0x800) n += 1;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
			n += 2;
			i++;
		} else n += 2;
	}
	return n;
}

/** The longest prefix of `s` that fits `bytes` UTF-8 bytes. */
function utf8Prefix(s: string, bytes: number): string {
	let n = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : 3;
		if (n + w > bytes) return s.slice(0, i);
		n += w;
		if (w === 4) i++;
	}
	return s;
}

/** "drop": the rest of a message that was given up, skipped up to the next start line. */
type State = "idle" | "head" | "body" | "free" | "drop";

/** Line-by-line framer: feed lines (without their line end), get whole messages back. */
export class TextFramer {
	/** Runs of lines outside any message that were skipped. */
	skippedBlocks = 0;
	/** Lines outside any message that were skipped. */
	skippedLines = 0;
	/** Messages dropped for a head over the limit. */
	oversized = 0;
	#limits: TextFramerLimits;
	#state: State = "idle";
	#parts: string[] = [];
	#bytes = 0;
	#line = 0;
	#bareLf = false;
	#contentLength: string | null = null;
	/** Body bytes still wanted (state "body"). */
	#want = 0;
	#previousBlank = false;
	#inSkippedRun = false;

	constructor(limits: Partial<TextFramerLimits> = {}) {
		this.#limits = { ...DEFAULT_FRAMER_LIMITS, ...limits };
	}

	/** Whether a message is being read. */
	get busy(): boolean {
		return this.#state !== "idle" && this.#state !== "drop";
	}

	/**
	 * Adds one line. `eol` is the line end it had: "\r\n", "\n", or "" (last line of the input).
	 * Returns the messages it completed (at most two: one ended by this line, one inside it).
	 */
	line(text: string, eol: string, lineNo: number, out: FramedText[]): void {
		switch (this.#state) {
			case "idle":
				this.#idle(text, eol, lineNo);
				return;
			case "head":
				this.#head(text, eol, lineNo, out);
				return;
			case "body":
				this.#body(text, eol, lineNo, out);
				return;
			case "free":
				this.#free(text, eol, lineNo, out);
				return;
			case "drop":
				if (START_LINE.test(text)) this.#begin(text, eol, lineNo);
				return;
		}
	}

	/** End of input (or of a log block): the message being read is complete as it is. */
	end(out: FramedText[]): void {
		if (this.#state === "body" && this.#want > 0 && this.#want <= 2) {
			// Logs often lose the final CRLF of a body: put it back when that makes the length right.
			this.#parts.push("\r\n".slice(2 - this.#want));
			this.#want = 0;
		}
		if (this.#state === "head") this.#parts.push("\r\n");
		this.#emit(out);
	}

	/** Drops the message being read (a line of it was lost). */
	abandon(): void {
		if (this.#state !== "idle" && this.#state !== "drop") this.skippedBlocks++;
		this.#reset();
		this.#state = "drop";
	}

	#reset(): void {
		this.#state = "idle";
		this.#parts = [];
		this.#bytes = 0;
		this.#contentLength = null;
		this.#want = 0;
		this.#previousBlank = false;
	}

	#emit(out: FramedText[]): void {
		if (this.#state === "idle" || this.#state === "drop") {
			this.#reset();
			return;
		}
		let text = this.#parts.join("");
		if (this.#state === "free") {
			// Without Content-Length, blank lines before the next message are not body.
			const headEnd = text.indexOf("\r\n\r\n") + 4;
			text = text.slice(0, headEnd) + text.slice(headEnd).replace(/(\r?\n)(?:[ \t]*\r?\n)+$/, "$1");
		}
		out.push({ text, line: this.#line, bareLf: this.#bareLf });
		this.#reset();
	}

	#begin(text: string, eol: string, lineNo: number): void {
		this.#state = "head";
		this.#line = lineNo;
		this.#bareLf = eol === "\n";
		this.#parts = [text, "\r\n"];
		this.#bytes = text.length + 2;
		this.#contentLength = null;
		this.#inSkippedRun = false;
	}

	#idle(text: string, eol: string, lineNo: number): void {
		if (text.trim() === "") {
			this.#inSkippedRun = false;
			return;
		}
		if (START_LINE.test(text)) {
			this.#begin(text, eol, lineNo);
			return;
		}
		this.skippedLines++;
		if (!this.#inSkippedRun) this.skippedBlocks++;
		this.#inSkippedRun = true;
	}

	#head(text: string, eol: string, lineNo: number, out: FramedText[]): void {
		if (text === "") {
			this.#parts.push("\r\n");
			this.#bytes += 2;
			const cl = this.#contentLength;
			const length = cl !== null && /^\d+$/.test(cl) ? Number(cl) : -1;
			if (length === 0) {
				this.#emit(out);
				return;
			}
			if (length > 0 && length <= this.#limits.maxBodyBytes) {
				this.#state = "body";
				this.#want = length;
			} else {
				this.#state = "free";
				this.#previousBlank = true;
			}
			return;
		}
		if (START_LINE.test(text)) {
			// The empty line after this head was lost: the head ends here.
			this.#parts.push("\r\n");
			this.#emit(out);
			this.#begin(text, eol, lineNo);
			return;
		}
		this.#bytes += text.length + 2;
		if (this.#bytes > this.#limits.maxHeadBytes) {
			this.oversized++;
			this.#reset();
			this.#state = "drop";
			return;
		}
		if (this.#contentLength === null) {
			const m = CONTENT_LENGTH.exec(text);
			if (m) this.#contentLength = m[1] as string;
		}
		this.#parts.push(text, "\r\n");
	}

	#body(text: string, eol: string, lineNo: number, out: FramedText[]): void {
		// Line ends lost with the head's CRs are counted as the CRLF they were.
		const end = this.#bareLf && eol === "\n" ? "\r\n" : eol;
		const size = utf8Length(text);
		if (size + end.length <= this.#want) {
			this.#parts.push(text, end);
			this.#want -= size + end.length;
			if (this.#want === 0) this.#emit(out);
			return;
		}
		// The body ends inside this line: the rest of the line starts the next message.
		let rest = "";
		if (size >= this.#want) {
			const head = utf8Prefix(text, this.#want);
			this.#parts.push(head);
			rest = text.slice(head.length);
		} else this.#parts.push(text, end.slice(0, this.#want - size));
		this.#want = 0;
		this.#emit(out);
		if (rest !== "") this.#idle(rest, eol, lineNo);
	}

	#free(text: string, eol: string, lineNo: number, out: FramedText[]): void {
		const blank = text.trim() === "";
		if (this.#previousBlank && START_LINE.test(text)) {
			this.#emit(out);
			this.#begin(text, eol, lineNo);
			return;
		}
		this.#previousBlank = blank;
		this.#bytes += text.length + 2;
		if (this.#bytes > this.#limits.maxHeadBytes + this.#limits.maxBodyBytes) {
			// A body without Content-Length that never ends: keep what fits and stop there.
			this.#emit(out);
			this.skippedLines++;
			this.skippedBlocks++;
			this.#inSkippedRun = true;
			return;
		}
		this.#parts.push(text, this.#bareLf && eol === "\n" ? "\r\n" : eol || "\r\n");
	}
}
