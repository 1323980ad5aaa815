/**
 * `serialize(message)`: a SIP message back to bytes. Headers whose value was not changed keep
 * their original text (folding and spacing), so serialize(parseMessage(x)) reproduces a
 * well-formed CRLF message byte for byte; changed or added headers are written `Name: value`.
 */
import { RAW, type SipMessage } from "./parse-message.ts";

const ENCODER = new TextEncoder();

function startLine(m: SipMessage): string {
	const raw = m[RAW]?.startLine;
	if (raw !== undefined) return raw;
	return m.kind === "response"
		? `${m.version ?? "SIP/2.0"} ${m.status ?? 500} ${m.reason ?? ""}`
		: `${m.method ?? "OPTIONS"} ${m.uri ?? ""} ${m.version ?? "SIP/2.0"}`;
}

/** Trims spaces and tabs only (String.prototype.trim would also eat U+FEFF and other Unicode spaces). */
function trimLws(s: string): string {
	return s.replace(/^[ \t]+|[ \t]+$/g, "");
}

/** The message as bytes, CRLF line ends. */
export function serialize(m: SipMessage): Uint8Array {
	let head = `${startLine(m)}\r\n`;
	for (const h of m.headers) {
		const raw = h.raw;
		const unchanged =
			raw !== undefined && trimLws(raw.slice(raw.indexOf(":") + 1).replace(/\r\n[ \t]+/g, " ")) === h.value;
		head += `${unchanged ? raw : `${h.name}: ${h.value}`}\r\n`;
	}
	head += "\r\n";
	const rawBody = m[RAW]?.body;
	const body =
		rawBody === undefined || (typeof rawBody === "string" && rawBody !== (m.body ?? "")) ? (m.body ?? "") : rawBody;
	const headBytes = ENCODER.encode(head);
	const bodyBytes = typeof body === "string" ? ENCODER.encode(body) : body;
	const out = new Uint8Array(headBytes.length + bodyBytes.length);
	out.set(headBytes, 0);
	out.set(bodyBytes, headBytes.length);
	return out;
}

/** The message as text (bodies that are not UTF-8 lose bytes; use `serialize` for those). */
export function serializeToString(m: SipMessage): string {
	return new TextDecoder().decode(serialize(m));
}
