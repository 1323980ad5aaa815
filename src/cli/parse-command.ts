/** `sipwhy parse [FILE|-]`: parse raw SIP messages and report them. */
import { readFileSync } from "node:fs";
import { type FramedText, TextFramer } from "../capture/text-log/text-framer.ts";
import { visible } from "../flow/visible.ts";
import { InputError } from "../kb/errors.ts";
import { canonicalName, parseMessage, type SipMessage } from "../sip/parse-message.ts";
import { readErrorWording } from "./read-error.ts";
import { color, heading, wrap } from "./terminal.ts";

/** Reads a file, or stdin for "-" / no name; unreadable input is an InputError naming it. */
export function readInput(file: string | undefined): { name: string; text: string } {
	const name = file === undefined || file === "-" ? "stdin" : file;
	try {
		return { name, text: readFileSync(file === undefined || file === "-" ? 0 : file, "utf8") };
	} catch (e) {
		throw new InputError(`${name}: cannot read (${readErrorWording((e as NodeJS.ErrnoException).code)})`);
	}
}

/**
 * Parses every message of an input, framed like a stream: by Content-Length, with or without blank
 * lines between messages (a message without Content-Length ends at the next start line after a
 * blank line). Lines outside any message are named in a warning of the message before them (or the
 * first one); text with no start line at all is parsed as one message, so its errors are shown.
 */
export function parseAll(text: string): SipMessage[] {
	const framer = new TextFramer();
	const framed: FramedText[] = [];
	const out: SipMessage[] = [];
	let skipped = 0;
	let lineNo = 0;
	const take = () => {
		for (const f of framed) {
			const m = parseMessage(f.text);
			if (f.bareLf)
				m.problem("warning", "lines end with a bare LF instead of CRLF (read as CRLF, as Content-Length counts)", 0);
			note(out.at(-1) ?? m);
			out.push(m);
		}
		framed.length = 0;
	};
	const note = (m: SipMessage) => {
		const n = framer.skippedLines - skipped;
		if (n === 0) return;
		skipped = framer.skippedLines;
		m.problem("warning", `${n} line${n === 1 ? "" : "s"} outside any SIP message skipped`, 0);
	};
	for (let start = 0; start < text.length; ) {
		const nl = text.indexOf("\n", start);
		const end = nl < 0 ? text.length : nl;
		const cr = end > start && text.charCodeAt(end - 1) === 13;
		lineNo++;
		framer.line(text.slice(start, cr ? end - 1 : end), nl < 0 ? "" : cr ? "\r\n" : "\n", lineNo, framed);
		take();
		start = end + 1;
	}
	framer.end(framed);
	take();
	const last = out.at(-1);
	if (last) note(last);
	else if (text.trim() !== "") out.push(parseMessage(text));
	return out;
}

const BODY_LINES = 200;

/** The body, one line per line, made visible; long bodies are cut with a note. */
function bodyLines(m: SipMessage): string[] {
	const body = m.body;
	if (body === undefined || body === "") return [];
	const lines = body.split(/\r?\n/);
	if (lines.at(-1) === "") lines.pop();
	const shown = lines.slice(0, BODY_LINES).map((l) => `  ${color.cyan("│")} ${visible(l)}`);
	if (lines.length > BODY_LINES) shown.push(color.dim(`  … ${lines.length - BODY_LINES} more lines`));
	return ["", heading("  Body"), ...shown];
}

function describe(m: SipMessage): string {
	const L: string[] = [];
	const start =
		m.kind === "response"
			? `${m.version} ${m.status ?? "?"} ${m.reason ?? ""}`
			: `${m.method ?? "?"} ${m.uri ?? ""} ${m.version ?? ""}`;
	L.push(`${m.ok ? color.green("✓") : color.red("✗")} ${color.bold(visible(start.trim()))}`);
	for (const h of m.headers) L.push(wrap(visible(h.value), `  ${color.dim(`${visible(h.name)}:`)} `, "      "));
	L.push(...bodyLines(m));
	L.push("", heading("  Decoded"));
	L.push(`    Call-ID       ${visible(m.callId ?? "—")}`);
	L.push(`    CSeq          ${m.cseq ? `${m.cseq.seq} ${visible(m.cseq.method)}` : "—"}`);
	for (const k of ["from", "to"] as const) {
		const a = m[k];
		L.push(
			`    ${k === "from" ? "From" : "To  "}          ${a ? visible(`${a.displayName ? `"${a.displayName}" ` : ""}${a.uri}${a.tag ? ` tag=${a.tag}` : ""}`) : "—"}`,
		);
	}
	for (const [i, via] of m.via.entries())
		L.push(
			`    Via[${i}]        ${visible(`${via.transport} ${via.host}${via.port ? `:${via.port}` : ""}${via.branch ? ` branch=${via.branch}` : ""}`)}`,
		);
	for (const c of m.contact) L.push(`    Contact       ${visible(c.uri)}`);
	L.push(`    Body          ${m.body ? `${m.contentLength ?? m.body.length} bytes${bodyType(m)}` : "none"}`);
	for (const e of m.errors) L.push(color.red(`  error   @${e.offset}: ${visible(e.message)}`));
	for (const w of m.warnings) L.push(color.yellow(`  warning @${w.offset}: ${visible(w.message)}`));
	return L.join("\n");
}

function bodyType(m: SipMessage): string {
	const ct = m.headers.find((h) => canonicalName(h.name) === "content-type");
	return ct ? ` of ${visible(ct.value)}` : "";
}

/** Renders parsed messages for the terminal. */
export function renderParsed(messages: SipMessage[]): string {
	const n = messages.length;
	const bad = messages.filter((m) => !m.ok).length;
	const count = n > 1 ? `\n\n${color.dim(`${n} messages${bad ? `, ${bad} with errors` : ""}`)}` : "";
	return `${messages.map(describe).join("\n\n")}${count}\n`;
}
