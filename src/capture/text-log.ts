/**
 * SIP messages out of text: raw SIP pasted with blank lines between messages, sngrep's text
 * export, Asterisk's pjsip logger, FreeSWITCH siptrace, and Kamailio/OpenSIPS log lines that carry
 * a whole message with escaped line breaks. The format is detected from the text, and times and
 * addresses are taken from the log where it has them. Text arrives in chunks; only the message
 * being read is kept.
 */
import type { Endpoint, SipEvent } from "../flow/sip-event.ts";
import { parseMessage } from "../sip/parse-message.ts";

/** Text formats sipwhy recognises. */
export type TextLogFormat = "raw" | "sngrep" | "asterisk" | "freeswitch" | "syslog";

/** Counters of a text log read. */
export interface TextLogStats {
	lines: number;
	sipMessages: number;
	/** Blocks that looked like a message but had no SIP start line. */
	skippedBlocks: number;
}

const START_LINE = /^(?:SIP\/2\.0 \d{3}(?: .*)?|[A-Za-z!%*_+`'~.-]+ \S+ SIP\/2\.0)\s*$/;
const SNGREP = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)? (\S+) -> (\S+)\s*$/;
const ASTERISK = /<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) (\w+):(\S+) --->/;
const ASTERISK_TIME = /^\[(?:(\d{4})-(\d\d)-(\d\d)|([A-Z][a-z]{2}) +(\d+)) (\d\d):(\d\d):(\d\d)(\.\d+)?\]/;
const FREESWITCH = /^(recv|send) (\d+) bytes (?:from|to) (\w+)\/(\S+) at (\d\d):(\d\d):(\d\d)(\.\d+)?:\s*$/;
const DASHES = /^-{20,}\s*$/;
const SYSLOG_SIP = /((?:SIP\/2\.0 \d{3}[^\\#\n]*|[A-Z]+ \S+ SIP\/2\.0)(?:\\r\\n|#015#012|\\n|#012).*)$/;
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder();
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "10.0.0.5:5060", "[2001:db8::1]:5060" → endpoint. */
export function parseAddress(text: string): Endpoint | null {
	const m = /^\[?([0-9A-Fa-f:.]+?)\]?:(\d{1,5})$/.exec(text.trim());
	return m ? { ip: m[1] as string, port: Number(m[2]) } : null;
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, frac: string | undefined): number {
	return Date.UTC(y, mo, d, h, mi, s) / 1000 + (frac ? Number(frac) : 0);
}

/** Guesses the format from the first part of a text. */
export function detectTextFormat(sample: string): TextLogFormat {
	if (/<--- (Received|Transmitting) SIP/.test(sample)) return "asterisk";
	if (/^(recv|send) \d+ bytes (from|to) \w+\//m.test(sample)) return "freeswitch";
	if (/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ -> \S+\s*$/m.test(sample)) return "sngrep";
	if (/(?:SIP\/2\.0 \d{3}[^\\#\n]*|[A-Z]+ \S+ SIP\/2\.0)(?:\\r\\n|#015#012)/.test(sample)) return "syslog";
	return "raw";
}

/** Whether a text looks like it holds SIP at all (used to refuse unknown files). */
export function looksLikeSipText(sample: string): boolean {
	return /(^|\n|\\n|#012)(SIP\/2\.0 \d{3}|[A-Z]+ \S+ SIP\/2\.0)/.test(sample);
}

interface Pending {
	lines: string[];
	time: number | null;
	src: Endpoint | null;
	dst: Endpoint | null;
	transport: string;
	frame: number;
}

/** Incremental reader: push text chunks, get events back. */
export class TextLogReader {
	format: TextLogFormat | null = null;
	stats: TextLogStats = { lines: 0, sipMessages: 0, skippedBlocks: 0 };
	#rest = "";
	#sample = "";
	#pending: Pending | null = null;
	#previousBlank = true;
	#lastTime: number | null = null;
	/** Host that wrote the log, shown in place of the local address pjsip and siptrace leave out. */
	#self: Endpoint;

	constructor(options: { format?: TextLogFormat; localName?: string } = {}) {
		if (options.format) this.format = options.format;
		this.#self = { ip: options.localName ?? "log-host", port: 0 };
	}

	/** Adds text; returns the messages it completed. */
	push(text: string): SipEvent[] {
		const out: SipEvent[] = [];
		let data = this.#rest + text;
		if (this.format === null) {
			this.#sample += text;
			if (this.#sample.length < 65536 && !/\n[\s\S]*\n[\s\S]*\n[\s\S]*\n/.test(this.#sample)) {
				this.#rest = data;
				return out;
			}
			this.format = detectTextFormat(this.#sample);
			this.#sample = "";
		}
		let start = 0;
		for (;;) {
			const nl = data.indexOf("\n", start);
			if (nl < 0) break;
			this.#line(data.slice(start, nl).replace(/\r$/, ""), out);
			start = nl + 1;
		}
		data = data.slice(start);
		this.#rest = data;
		return out;
	}

	/** End of text: returns the last messages. */
	end(): SipEvent[] {
		const out: SipEvent[] = [];
		if (this.format === null) this.format = detectTextFormat(this.#sample || this.#rest);
		const lines = this.#rest.split("\n");
		this.#rest = "";
		for (const line of lines) if (line !== "" || lines.length > 1) this.#line(line.replace(/\r$/, ""), out);
		this.#flush(out);
		return out;
	}

	#begin(out: SipEvent[], meta: Omit<Pending, "lines" | "frame">): void {
		this.#flush(out);
		this.#pending = { lines: [], frame: this.stats.lines, ...meta };
	}

	#flush(out: SipEvent[]): void {
		const p = this.#pending;
		this.#pending = null;
		if (!p) return;
		while (p.lines.length && (p.lines[0] as string).trim() === "") p.lines.shift();
		if (p.lines.length === 0) return;
		if (!START_LINE.test(p.lines[0] as string)) {
			this.stats.skippedBlocks++;
			return;
		}
		// A message's body may end in blank lines only if Content-Length says so; trailing blank
		// lines of the log are dropped by taking the head plus Content-Length bytes.
		let text = p.lines.join("\r\n");
		const headEnd = text.indexOf("\r\n\r\n");
		if (headEnd < 0) text += "\r\n\r\n";
		else {
			const cl = /^(?:content-length|l)\s*:\s*(\d+)\s*$/im.exec(text.slice(0, headEnd));
			const bodyStart = headEnd + 4;
			const rest = text.slice(bodyStart);
			if (cl) {
				const want = Number(cl[1]);
				let body = ENCODER.encode(rest);
				// Logs often lose the final CRLF of a body: add it back when that makes the length right.
				if (body.length < want) body = ENCODER.encode(`${rest}\r\n`);
				text = text.slice(0, bodyStart) + DECODER.decode(body.length > want ? body.subarray(0, want) : body);
			} else text = text.slice(0, bodyStart) + rest.replace(/(\r\n)+$/, "");
		}
		this.stats.sipMessages++;
		out.push({
			time: p.time,
			src: p.src,
			dst: p.dst,
			transport: p.transport,
			message: parseMessage(text),
			frame: p.frame,
		});
	}

	#line(line: string, out: SipEvent[]): void {
		this.stats.lines++;
		const lineNo = this.stats.lines;
		switch (this.format) {
			case "sngrep": {
				const m = SNGREP.exec(line);
				if (m) {
					this.#begin(out, {
						time: utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7]),
						src: parseAddress(m[8] as string),
						dst: parseAddress(m[9] as string),
						transport: "log",
					});
					return;
				}
				break;
			}
			case "asterisk": {
				const t = ASTERISK_TIME.exec(line);
				if (t) this.#lastTime = asteriskTime(t);
				const m = ASTERISK.exec(line);
				if (m) {
					const peer = parseAddress(m[4] as string);
					const received = m[1] === "Received";
					this.#begin(out, {
						time: this.#lastTime,
						src: received ? peer : this.#self,
						dst: received ? this.#self : peer,
						transport: (m[3] as string).toLowerCase(),
					});
					return;
				}
				if (t) {
					// Any other timestamped log line ends the message being read.
					this.#flush(out);
					return;
				}
				break;
			}
			case "freeswitch": {
				const m = FREESWITCH.exec(line);
				if (m) {
					const peer = parseAddress(m[4] as string);
					const received = m[1] === "recv";
					this.#begin(out, {
						time: utc(1970, 0, 1, Number(m[5]), Number(m[6]), Number(m[7]), m[8]),
						src: received ? peer : this.#self,
						dst: received ? this.#self : peer,
						transport: (m[3] as string).toLowerCase(),
					});
					return;
				}
				if (DASHES.test(line)) return;
				break;
			}
			case "syslog": {
				const m = SYSLOG_SIP.exec(line);
				if (m) {
					this.#flush(out);
					const text = (m[1] as string).replace(/\\r\\n|#015#012|\\n|#012/g, "\n");
					this.#pending = {
						lines: text.split("\n"),
						time: null,
						src: null,
						dst: null,
						transport: "log",
						frame: lineNo,
					};
					this.#flush(out);
				}
				return;
			}
			default:
				break;
		}
		// Raw SIP (and the message lines of every other format).
		const blank = line.trim() === "";
		if (this.format === "raw" && this.#previousBlank && START_LINE.test(line)) {
			this.#begin(out, { time: null, src: null, dst: null, transport: "log" });
		}
		this.#previousBlank = blank;
		if (this.#pending) this.#pending.lines.push(line);
	}
}

function asteriskTime(t: RegExpExecArray): number {
	if (t[1]) return utc(+t[1], Number(t[2]) - 1, Number(t[3]), Number(t[6]), Number(t[7]), Number(t[8]), t[9]);
	const month = MONTHS.indexOf(t[4] as string);
	return utc(1970, Math.max(month, 0), Number(t[5]), Number(t[6]), Number(t[7]), Number(t[8]), t[9]);
}

/** Reads a whole text at once. */
export function readTextLog(text: string): { format: TextLogFormat; events: SipEvent[]; stats: TextLogStats } {
	const reader = new TextLogReader();
	const events = [...reader.push(text), ...reader.end()];
	return { format: reader.format ?? "raw", events, stats: reader.stats };
}
