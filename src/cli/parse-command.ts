/** `sipwhy parse [FILE|-]`: parse raw SIP messages and report them. */
import { readFileSync } from "node:fs";
import { visible as v } from "../flow/visible.ts";
import { InputError } from "../kb/errors.ts";
import { canonicalName, parseMessage, type SipMessage } from "../sip/parse-message.ts";
import { splitMessages } from "../sip/split-messages.ts";
import { color, heading, wrap } from "./terminal.ts";

/** Reads a file, or stdin for "-" / no name; unreadable input is an InputError naming it. */
export function readInput(file: string | undefined): { name: string; text: string } {
	const name = file === undefined || file === "-" ? "stdin" : file;
	try {
		return { name, text: readFileSync(file === undefined || file === "-" ? 0 : file, "utf8") };
	} catch (e) {
		const err = e as NodeJS.ErrnoException;
		const why =
			err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a directory" : (err.code ?? err.message);
		throw new InputError(`${name}: cannot read (${why})`);
	}
}

/** Parses every message of an input. */
export function parseAll(text: string): SipMessage[] {
	return splitMessages(text).map((m) => parseMessage(m));
}

function describe(m: SipMessage): string {
	const L: string[] = [];
	const start =
		m.kind === "response"
			? v(`${m.version} ${m.status ?? "?"} ${m.reason ?? ""}`)
			: v(`${m.method ?? "?"} ${m.uri ?? ""} ${m.version ?? ""}`);
	L.push(`${m.ok ? color.green("✓") : color.red("✗")} ${color.bold(start.trim())}`);
	for (const h of m.headers) L.push(wrap(v(h.value), `  ${color.dim(`${v(h.name)}:`)} `, "      "));
	L.push("", heading("  Decoded"));
	L.push(`    Call-ID       ${v(m.callId ?? "—")}`);
	L.push(`    CSeq          ${m.cseq ? v(`${m.cseq.seq} ${m.cseq.method}`) : "—"}`);
	for (const k of ["from", "to"] as const) {
		const a = m[k];
		L.push(
			`    ${k === "from" ? "From" : "To  "}          ${a ? v(`${a.displayName ? `"${a.displayName}" ` : ""}${a.uri}${a.tag ? ` tag=${a.tag}` : ""}`) : "—"}`,
		);
	}
	for (const [i, via] of m.via.entries())
		L.push(
			`    Via[${i}]        ${v(`${via.transport} ${via.host}${via.port ? `:${via.port}` : ""}${via.branch ? ` branch=${via.branch}` : ""}`)}`,
		);
	for (const c of m.contact) L.push(`    Contact       ${v(c.uri)}`);
	L.push(`    Body          ${m.body ? `${m.contentLength ?? m.body.length} bytes${bodyType(m)}` : "none"}`);
	for (const e of m.errors) L.push(color.red(`  error   @${e.offset}: ${v(e.message)}`));
	for (const w of m.warnings) L.push(color.yellow(`  warning @${w.offset}: ${v(w.message)}`));
	return L.join("\n");
}

function bodyType(m: SipMessage): string {
	const ct = m.headers.find((h) => canonicalName(h.name) === "content-type");
	return ct ? ` of ${v(ct.value)}` : "";
}

/** Renders parsed messages for the terminal. */
export function renderParsed(messages: SipMessage[]): string {
	return `${messages.map(describe).join("\n\n")}\n`;
}
