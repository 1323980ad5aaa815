/**
 * SIP messages out of text: raw SIP (with or without blank lines between messages, and with log
 * lines between them, as Kamailio's xlog of $mb writes to stderr), sngrep's text export, Asterisk's
 * pjsip logger and chan_sip debug, FreeSWITCH siptrace, baresip's SIP trace, Kamailio's sipdump
 * text files, and Kamailio/OpenSIPS syslog
 * lines that carry a whole message with escaped line breaks. The format is detected from the text, and times and
 * addresses are taken from the log where it has them. Every message is framed by Content-Length
 * like a stream (see text-log/text-framer.ts). Text arrives in chunks; reading is linear in the
 * input: only new text is scanned, a line is kept only up to MAX_LINE characters (a longer one is
 * skipped to its end and counted), and only the message being read is kept.
 */

import { parseMessage } from "../sip/parse-message.ts";
import type { Endpoint, SipEvent } from "./sip-event.ts";
import { type FramedText, isStartLine, TextFramer } from "./text-log/text-framer.ts";

/** Text formats sipwhy recognises. */
export type TextLogFormat = "raw" | "sngrep" | "asterisk" | "freeswitch" | "syslog" | "sipdump" | "baresip";

/** Counters of a text log read. */
export interface TextLogStats {
	lines: number;
	sipMessages: number;
	/** Runs of lines outside any message, and messages dropped for a lost or oversized line. */
	skippedBlocks: number;
	/** Lines longer than MAX_LINE characters, skipped. */
	longLines: number;
}

/** Options of a text log read. */
export interface TextLogOptions {
	/** Format, when known; detected from the text otherwise. */
	format?: TextLogFormat;
	/** Name shown for the host that wrote the log (pjsip and siptrace leave its address out). */
	localName?: string;
	/** Year of the log's first timestamp, for logs that write none (Asterisk's `[Dec  4 14:00:00]`). */
	year?: number;
	/**
	 * A time the log was still being written at, in seconds since 1970 (the file's modification
	 * time): the year (and for FreeSWITCH the day) of timestamps without one is the latest that does
	 * not put the first timestamp after it. Default: now.
	 */
	referenceTime?: number;
}

/** Longest line kept, in characters: a SIP message's head limit, escaped (Kamailio) at 4 per byte. */
export const MAX_LINE = 256 * 1024;

const SNGREP = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(\.\d+)? (\S+) -> (\S+)\s*$/;
// Asterisk res_pjsip_logger.c, logging_on_rx_msg / logging_on_tx_msg:
// "<--- Received SIP %s (%d bytes) from %s:%s:%d --->\n%s\n" (transport type name, address, port)
// and "<--- Transmitting SIP %s (%d bytes) to %s:%s:%d --->\n%.*s\n"; in the full log the first
// line carries the logger's "[date] VERBOSE[tid] res_pjsip_logger.c: " prefix.
const ASTERISK = /<--- (Received|Transmitting) SIP (?:request|response) \((\d+) bytes\) (?:from|to) (\w+):(\S+) --->/;
// Asterisk chan_sip (`sip set debug on`): "<--- SIP read from %s:%s --->" (transport:address) and
// "<--- %sTransmitting (%sNAT) to %s --->" ("Reliably ", "no "), the message, then a line of
// "<------------->". In a console log with timestamps every line carries the "[date] " prefix.
const CHAN_SIP = /<--- (?:SIP read from (\w+):(\S+)|(?:Reliably )?Transmitting \((?:no )?NAT\) to (\S+)) --->/;
const CHAN_SIP_END = /^<-{10,}>\s*$/;
// A line of the Asterisk log itself ("VERBOSE[1234] …", "NOTICE[1234][C-00000001] …", "  -- …").
const ASTERISK_LOG_LINE = /^(?:(?:VERBOSE|NOTICE|WARNING|ERROR|DEBUG|DTMF|SECURITY|EVENT)\[\d+\]|\s+(?:--|==) )/;
// Asterisk logger.conf dateformat: default "%b %e %T" ([Dec  4 14:00:00]), often set to ISO.
const ASTERISK_TIME = /^\[(?:(\d{4})-(\d\d)-(\d\d)|([A-Z][a-z]{2}) +(\d+)) (\d\d):(\d\d):(\d\d)(\.\d+)?\]/;
// Sofia-SIP tport_logging.c, tport_stamp(): "%s %zu bytes %s %s/[%s]:%u%s%s at %02u:%02u:%02u.%06lu:\n"
// (recv/send, size, from/to, protocol, address, port, IPv6 flow label "/%u", ";comp=sigcomp", UTC
// time of day); tport_log_msg() then writes a separator of 72 dashes and each line of the message
// indented by three spaces, and the separator again. FreeSWITCH prints it with `sofia global
// siptrace on` / `sofia profile X siptrace on`.
const FREESWITCH =
	/^(recv|send) (\d+) bytes (?:from|to) (\w+)\/(\[[^\]]*\]:\d+|\S+?)(?:\/\d+)?(?:;comp=sigcomp)? at (\d\d):(\d\d):(\d\d)(\.\d+)?:\s*$/;
const FREESWITCH_SEPARATOR = /^ {0,3}-{40,}\s*$/;
const FREESWITCH_TRUNCATED = /^ {3}\*\*\* message truncated at \d+ \*\*\*\s*$/;
// Kamailio sipdump module (src/modules/sipdump/sipdump_write.c, sipdump_data_print()): a record is
// "====================\n", "key: value" lines (tag: rcv|snd, pid, process, time: epoch.usec,
// date, proto: udp ipv4, srcip, srcport, dstip, dstport), "~~~~~~~~~~~~~~~~~~~~\n", the message as
// received or sent, and "||||||||||||||||||||\n" (right after the message's last byte).
const SIPDUMP_START = "====================";
const SIPDUMP_MESSAGE = "~~~~~~~~~~~~~~~~~~~~";
const SIPDUMP_END = "||||||||||||||||||||";
const SIPDUMP_FIELD = /^(tag|time|proto|srcip|srcport|dstip|dstport): (.*)$/;
// baresip (`baresip -s`), sip_trace_handler() in src/ua.c: "\x1b[36;1m" "#\n" (newer versions put
// a local time of day "HH:MM:SS.mmm" before the "#"), "%s %J -> %J\n" (transport, source and
// destination address), the message, "\x1b[;m\n".
// biome-ignore lint/suspicious/noControlCharactersInRegex: baresip's colour escape is part of its format
const BARESIP_MARK = /^(?:\x1b\[36;1m)?(?:(\d\d):(\d\d):(\d\d)(\.\d+))?#\s*$/;
const BARESIP_HEADER = /^(UDP|TCP|TLS|WSS?|SCTP) (\S+) -> (\S+)\s*$/;
const BARESIP_END = "\x1b[;m";
const SYSLOG_SIP = /((?:SIP\/2\.0 \d{3}[^\\#\n]*|[A-Z]+ \S+ SIP\/2\.0)(?:\\r\\n|#015#012|\\n|#012).*)$/;
// syslog's own stamp (RFC 3164 "Mmm dd hh:mm:ss", or RFC 5424 / rsyslog ISO 8601).
const SYSLOG_TIME =
	/^(?:<\d+>\d? ?)?(?:([A-Z][a-z]{2}) +(\d+) (\d\d):(\d\d):(\d\d)(\.\d+)?|(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)?) /;
// A start line after a log prefix ending in ": " or " - ".
const LOGGED_START = /(?::| -) ((?:SIP\/2\.0 \d{3}(?: [^\r\n]*)?|[A-Z]+ \S+ SIP\/2\.0))\s*$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = 86400;

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
	if (/<--- (Received|Transmitting) SIP|<--- (SIP read from \w+:|(Reliably )?Transmitting \()/.test(sample))
		return "asterisk";
	if (/^={20}\r?\ntag: /m.test(sample)) return "sipdump";
	// biome-ignore lint/suspicious/noControlCharactersInRegex: baresip's colour escape is part of its format
	if (/^(?:\x1b\[36;1m)?(?:\d\d:\d\d:\d\d\.\d+)?#\r?\n(?:UDP|TCP|TLS|WSS?|SCTP) \S+ -> \S+\r?$/m.test(sample))
		return "baresip";
	if (/^(recv|send) \d+ bytes (from|to) \w+\//m.test(sample)) return "freeswitch";
	if (/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d(\.\d+)? \S+ -> \S+\s*$/m.test(sample)) return "sngrep";
	if (/(?:SIP\/2\.0 \d{3}[^\\#\n]*|[A-Z]+ \S+ SIP\/2\.0)(?:\\r\\n|#015#012)/.test(sample)) return "syslog";
	return "raw";
}

/** Whether a text looks like it holds SIP at all (used to refuse unknown files). */
export function looksLikeSipText(sample: string): boolean {
	return /(^|\n|\\n|#012)(SIP\/2\.0 \d{3}|[A-Z]+ \S+ SIP\/2\.0)/.test(sample);
}

/**
 * Years for timestamps that have none: the first one gets the configured year (or the latest
 * that does not put it after the reference time), and a month much earlier than the previous
 * timestamp's (December → January) means the log went into the next year.
 */
class YearlessClock {
	#year: number | null = null;
	#previousMonth = -1;
	#explicit: number | undefined;
	#reference: number;

	constructor(explicit: number | undefined, reference: number) {
		this.#explicit = explicit;
		this.#reference = reference;
	}

	time(month: number, day: number, h: number, mi: number, s: number, frac: string | undefined): number {
		if (this.#year === null) {
			if (this.#explicit !== undefined) this.#year = this.#explicit;
			else {
				this.#year = new Date(this.#reference * 1000).getUTCFullYear();
				// Local times written as UTC may run up to a day ahead of the reference.
				if (utc(this.#year, month, day, h, mi, s, frac) > this.#reference + 2 * DAY) this.#year--;
			}
		} else if (month + 6 < this.#previousMonth) this.#year++;
		this.#previousMonth = month;
		return utc(this.#year, month, day, h, mi, s, frac);
	}
}

/**
 * Days for times of day (FreeSWITCH siptrace writes only the UTC time): the first one falls on the
 * reference day (or the day before, when later than the reference), and a time more than 12 hours
 * earlier than the previous one means midnight passed.
 */
class TimeOfDayClock {
	#day: number | null = null;
	#previous = 0;
	#reference: number;

	constructor(reference: number) {
		this.#reference = reference;
	}

	time(seconds: number): number {
		if (this.#day === null) {
			this.#day = Math.floor(this.#reference / DAY) * DAY;
			if (this.#day + seconds > this.#reference + 3600) this.#day -= DAY;
		} else if (seconds + DAY / 2 < this.#previous) this.#day += DAY;
		this.#previous = seconds;
		return this.#day + seconds;
	}
}

/** The meta lines of a sipdump record, read before its message. */
interface SipdumpRecord {
	fields: Record<string, string>;
	inMessage: boolean;
}

interface Block {
	time: number | null;
	src: Endpoint | null;
	dst: Endpoint | null;
	transport: string;
	frame: number;
}

/** Incremental reader: push text chunks, get events back. */
export class TextLogReader {
	format: TextLogFormat | null = null;
	stats: TextLogStats = { lines: 0, sipMessages: 0, skippedBlocks: 0, longLines: 0 };
	/** Text held back until the format is known (at most 64 KiB or four lines). */
	#held: string[] = [];
	#heldLength = 0;
	#heldNewlines = 0;
	/** The unfinished last line (at most MAX_LINE characters). */
	#partial = "";
	/** The current line is over MAX_LINE: its text is skipped up to the next newline. */
	#skipping = false;
	#framer = new TextFramer();
	#framed: FramedText[] = [];
	/** The log block (pjsip, siptrace, sngrep entry) the framer is reading, if any. */
	#block: Block | null = null;
	#lastTime: number | null = null;
	#sipdump: SipdumpRecord | null = null;
	/** baresip: the time of the "#" mark line, until its address line comes. */
	#baresipMark: number | null | undefined;
	#years: YearlessClock;
	#days: TimeOfDayClock;
	/** Host that wrote the log, shown in place of the local address pjsip and siptrace leave out. */
	#self: Endpoint;

	constructor(options: TextLogOptions = {}) {
		if (options.format) this.format = options.format;
		this.#self = { ip: options.localName ?? "log-host", port: 0 };
		const reference = options.referenceTime ?? Date.now() / 1000;
		this.#years = new YearlessClock(options.year, reference);
		this.#days = new TimeOfDayClock(reference);
	}

	/** Adds text; returns the messages it completed. */
	push(text: string): SipEvent[] {
		const out: SipEvent[] = [];
		if (this.format === null) {
			this.#held.push(text);
			this.#heldLength += text.length;
			for (let i = text.indexOf("\n"); i >= 0 && this.#heldNewlines < 4; i = text.indexOf("\n", i + 1))
				this.#heldNewlines++;
			if (this.#heldLength < 65536 && this.#heldNewlines < 4) return out;
			this.#decide(out);
		} else this.#feedLines(text, out);
		return out;
	}

	/** End of text: returns the last messages. */
	end(): SipEvent[] {
		const out: SipEvent[] = [];
		if (this.format === null) this.#decide(out);
		if (this.#skipping) this.#skipping = false;
		else if (this.#partial !== "") {
			const line = this.#partial;
			this.#partial = "";
			this.#line(line.endsWith("\r") ? line.slice(0, -1) : line, "", out);
		}
		this.#endBlock(out);
		this.#framer.end(this.#framed);
		this.#emit(out);
		this.stats.skippedBlocks += this.#framer.skippedBlocks + this.#framer.oversized;
		return out;
	}

	/** Decides the format from the held text, then reads it. */
	#decide(out: SipEvent[]): void {
		const sample = this.#held.join("");
		this.#held = [];
		this.format = detectTextFormat(sample.slice(0, 65536));
		this.#feedLines(sample, out);
	}

	/** Splits text into lines, scanning each character once. */
	#feedLines(text: string, out: SipEvent[]): void {
		let start = 0;
		for (;;) {
			const nl = text.indexOf("\n", start);
			if (nl < 0) {
				if (start < text.length && !this.#skipping) {
					if (this.#partial.length + text.length - start > MAX_LINE) this.#tooLong();
					else this.#partial += start === 0 ? text : text.slice(start);
				}
				return;
			}
			if (this.#skipping) {
				// The rest of an over-long line.
				this.#skipping = false;
			} else if (this.#partial.length + nl - start > MAX_LINE) {
				this.#tooLong();
				this.#skipping = false;
			} else {
				let line = this.#partial === "" ? text.slice(start, nl) : this.#partial + text.slice(start, nl);
				this.#partial = "";
				let eol = "\n";
				if (line.endsWith("\r")) {
					line = line.slice(0, -1);
					eol = "\r\n";
				}
				this.#line(line, eol, out);
			}
			start = nl + 1;
		}
	}

	/** A line over MAX_LINE: counted, the message it was part of dropped, its text skipped. */
	#tooLong(): void {
		this.stats.lines++;
		this.stats.longLines++;
		this.#partial = "";
		this.#skipping = true;
		this.#framer.abandon();
	}

	#emit(out: SipEvent[]): void {
		for (const f of this.#framed) {
			const b = this.#block;
			this.stats.sipMessages++;
			out.push({
				time: b ? b.time : null,
				src: b ? b.src : null,
				dst: b ? b.dst : null,
				transport: b ? b.transport : "log",
				message: parseMessage(f.text),
				frame: b ? b.frame : f.line,
			});
		}
		this.#framed.length = 0;
	}

	#beginBlock(out: SipEvent[], block: Omit<Block, "frame">): void {
		this.#endBlock(out);
		this.#block = { ...block, frame: this.stats.lines };
	}

	#endBlock(out: SipEvent[]): void {
		if (!this.#block) return;
		this.#framer.end(this.#framed);
		this.#emit(out);
		this.#block = null;
	}

	/** A message line of a log block (or of raw text). */
	#messageLine(line: string, eol: string, out: SipEvent[]): void {
		this.#framer.line(line, eol, this.stats.lines, this.#framed);
		if (this.#framed.length === 0) return;
		this.#emit(out);
		// A log block holds one message (two when a stream packet held them): what follows it up
		// to the next block is other log text.
		if (this.format !== "raw" && !this.#framer.busy) this.#block = null;
	}

	#line(line: string, eol: string, out: SipEvent[]): void {
		this.stats.lines++;
		switch (this.format) {
			case "sngrep": {
				const m = SNGREP.exec(line);
				if (m) {
					this.#beginBlock(out, {
						time: utc(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7]),
						src: parseAddress(m[8] as string),
						dst: parseAddress(m[9] as string),
						transport: "log",
					});
					return;
				}
				if (this.#block) this.#messageLine(line, eol, out);
				return;
			}
			case "asterisk": {
				const t = ASTERISK_TIME.exec(line);
				let rest = line;
				if (t) {
					this.#lastTime = this.#asteriskTime(t);
					rest = line.slice(t[0].length + (line.charCodeAt(t[0].length) === 32 ? 1 : 0));
				}
				const m = ASTERISK.exec(rest);
				if (m) {
					const peer = parseAddress(m[4] as string);
					const received = m[1] === "Received";
					this.#beginBlock(out, {
						time: this.#lastTime,
						src: received ? peer : this.#self,
						dst: received ? this.#self : peer,
						transport: (m[3] as string).toLowerCase(),
					});
					return;
				}
				const c = CHAN_SIP.exec(rest);
				if (c) {
					const received = c[1] !== undefined;
					const peer = parseAddress((received ? c[2] : c[3]) as string);
					this.#beginBlock(out, {
						time: this.#lastTime,
						src: received ? peer : this.#self,
						dst: received ? this.#self : peer,
						transport: received ? (c[1] as string).toLowerCase() : "log",
					});
					return;
				}
				if (!this.#block) return;
				// A log line of its own, or chan_sip's end mark, ends the message being read; other
				// timestamped lines are the message's lines with the console's timestamp in front.
				if (CHAN_SIP_END.test(rest) || (t && ASTERISK_LOG_LINE.test(rest))) this.#endBlock(out);
				else this.#messageLine(rest, eol, out);
				return;
			}
			case "freeswitch": {
				const m = FREESWITCH.exec(line);
				if (m) {
					const peer = parseAddress(m[4] as string);
					const received = m[1] === "recv";
					this.#beginBlock(out, {
						time: this.#days.time(Number(m[5]) * 3600 + Number(m[6]) * 60 + Number(m[7]) + (m[8] ? Number(m[8]) : 0)),
						src: received ? peer : this.#self,
						dst: received ? this.#self : peer,
						transport: (m[3] as string).toLowerCase(),
					});
					return;
				}
				if (!this.#block) return;
				if (FREESWITCH_SEPARATOR.test(line)) {
					// The first separator opens the message, the second closes it.
					if (this.#framer.busy) this.#endBlock(out);
					return;
				}
				if (FREESWITCH_TRUNCATED.test(line)) return;
				this.#messageLine(line.startsWith("   ") ? line.slice(3) : line, eol, out);
				return;
			}
			case "syslog": {
				const m = SYSLOG_SIP.exec(line);
				if (m) {
					const t = SYSLOG_TIME.exec(line);
					this.#beginBlock(out, { time: t ? this.#syslogTime(t) : null, src: null, dst: null, transport: "log" });
					const lines = (m[1] as string).split(/\\r\\n|#015#012|\\n|#012/);
					for (const [i, l] of lines.entries()) {
						this.#framer.line(l, i + 1 < lines.length ? "\r\n" : "", this.stats.lines, this.#framed);
						this.#emit(out);
					}
					this.#endBlock(out);
				}
				return;
			}
			case "sipdump":
				this.#sipdumpLine(line, eol, out);
				return;
			case "baresip":
				this.#baresipLine(line, eol, out);
				return;
			default: {
				// A log line that ends in a start line (xlog("… $mb") on stderr) starts a message there.
				const tail = this.#framer.busy ? null : LOGGED_START.exec(line);
				this.#messageLine(tail && !isStartLine(line) ? (tail[1] as string) : line, eol, out);
			}
		}
	}

	#baresipLine(line: string, eol: string, out: SipEvent[]): void {
		const mark = this.#baresipMark;
		this.#baresipMark = undefined;
		if (mark !== undefined) {
			const h = BARESIP_HEADER.exec(line);
			if (h) {
				this.#beginBlock(out, {
					time: mark,
					src: parseAddress(h[2] as string),
					dst: parseAddress(h[3] as string),
					transport: (h[1] as string).toLowerCase(),
				});
				return;
			}
		}
		const m = BARESIP_MARK.exec(line);
		if (m) {
			this.#endBlock(out);
			this.#baresipMark = m[1]
				? this.#days.time(Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]))
				: null;
			return;
		}
		if (!this.#block) return;
		// The colour reset follows the message's last byte: on its own line, or on the body's last.
		const endAt = line.indexOf(BARESIP_END);
		if (endAt > 0) this.#messageLine(line.slice(0, endAt), "", out);
		if (endAt >= 0) this.#endBlock(out);
		else this.#messageLine(line, eol, out);
	}

	#sipdumpLine(line: string, eol: string, out: SipEvent[]): void {
		const record = this.#sipdump;
		if (line === SIPDUMP_START) {
			this.#endBlock(out);
			this.#sipdump = { fields: {}, inMessage: false };
			return;
		}
		if (!record) return;
		if (!record.inMessage) {
			if (line === SIPDUMP_MESSAGE) {
				record.inMessage = true;
				const f = record.fields;
				const address = (ip: string | undefined, port: string | undefined) =>
					ip && port && /^\d{1,5}$/.test(port) ? { ip, port: Number(port) } : null;
				const time = f.time && /^\d+(\.\d+)?$/.test(f.time) ? Number(f.time) : null;
				this.#beginBlock(out, {
					time,
					src: address(f.srcip, f.srcport),
					dst: address(f.dstip, f.dstport),
					transport: (f.proto ?? "log").split(" ")[0] as string,
				});
				return;
			}
			const m = SIPDUMP_FIELD.exec(line);
			if (m) record.fields[m[1] as string] = m[2] as string;
			return;
		}
		// The end mark follows the message's last byte, on the same line when the body has no final CRLF.
		const endAt = line.endsWith(SIPDUMP_END) ? line.length - SIPDUMP_END.length : -1;
		if (endAt > 0) this.#messageLine(line.slice(0, endAt), "", out);
		if (endAt >= 0) {
			this.#endBlock(out);
			this.#sipdump = null;
			return;
		}
		if (this.#block) this.#messageLine(line, eol, out);
	}

	#asteriskTime(t: RegExpExecArray): number {
		if (t[1]) return utc(+t[1], Number(t[2]) - 1, Number(t[3]), Number(t[6]), Number(t[7]), Number(t[8]), t[9]);
		const month = Math.max(MONTHS.indexOf(t[4] as string), 0);
		return this.#years.time(month, Number(t[5]), Number(t[6]), Number(t[7]), Number(t[8]), t[9]);
	}

	#syslogTime(t: RegExpExecArray): number {
		if (t[1]) {
			const month = Math.max(MONTHS.indexOf(t[1]), 0);
			return this.#years.time(month, Number(t[2]), Number(t[3]), Number(t[4]), Number(t[5]), t[6]);
		}
		const local = utc(
			+(t[7] as string),
			Number(t[8]) - 1,
			Number(t[9]),
			Number(t[10]),
			Number(t[11]),
			Number(t[12]),
			t[13],
		);
		const zone = t[14] && t[14] !== "Z" ? /([+-])(\d\d):(\d\d)/.exec(t[14]) : null;
		return zone ? local - (zone[1] === "-" ? -1 : 1) * (Number(zone[2]) * 3600 + Number(zone[3]) * 60) : local;
	}
}

/** Reads a whole text at once. */
export function readTextLog(
	text: string,
	options: TextLogOptions = {},
): { format: TextLogFormat; events: SipEvent[]; stats: TextLogStats } {
	const reader = new TextLogReader(options);
	const events = [...reader.push(text), ...reader.end()];
	return { format: reader.format ?? "raw", events, stats: reader.stats };
}
