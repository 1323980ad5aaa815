/**
 * Builders of SIP messages for tests of the flow and diagnosis layers: a dialog's worth of
 * requests and responses with consistent Call-ID, tags, branches and CSeq.
 */

import type { Endpoint, SipEvent } from "../capture/sip-event.ts";
import { parseMessage } from "../sip/parse-message.ts";

/** Options for one message. */
export interface MessageSpec {
	callId?: string;
	fromTag?: string;
	toTag?: string | null;
	branch?: string;
	cseq?: number;
	/** CSeq method of a response (defaults to the request method of the scenario). */
	method?: string;
	extraHeaders?: string[];
	body?: string;
	via?: string[];
}

const enc = (s: string) => new TextEncoder().encode(s).length;

/** A request as text. */
export function request(method: string, spec: MessageSpec = {}): string {
	const via = spec.via ?? [`SIP/2.0/UDP 192.0.2.10:5060;branch=${spec.branch ?? "z9hG4bK-1"}`];
	const body = spec.body ?? "";
	return [
		`${method} sip:bob@example.com SIP/2.0`,
		...via.map((v) => `Via: ${v}`),
		"Max-Forwards: 70",
		`From: "Alice" <sip:alice@example.com>;tag=${spec.fromTag ?? "a1"}`,
		`To: <sip:bob@example.com>${spec.toTag ? `;tag=${spec.toTag}` : ""}`,
		`Call-ID: ${spec.callId ?? "call-1@192.0.2.10"}`,
		`CSeq: ${spec.cseq ?? 1} ${spec.method ?? method}`,
		"Contact: <sip:alice@192.0.2.10:5060>",
		"User-Agent: TestPhone 1.0",
		...(spec.extraHeaders ?? []),
		`Content-Length: ${enc(body)}`,
		"",
		body,
	].join("\r\n");
}

/** A response as text. */
export function response(status: number, reason: string, spec: MessageSpec = {}): string {
	const via = spec.via ?? [`SIP/2.0/UDP 192.0.2.10:5060;branch=${spec.branch ?? "z9hG4bK-1"}`];
	const body = spec.body ?? "";
	return [
		`SIP/2.0 ${status} ${reason}`,
		...via.map((v) => `Via: ${v}`),
		`From: "Alice" <sip:alice@example.com>;tag=${spec.fromTag ?? "a1"}`,
		`To: <sip:bob@example.com>${spec.toTag === null ? "" : `;tag=${spec.toTag ?? "b1"}`}`,
		`Call-ID: ${spec.callId ?? "call-1@192.0.2.10"}`,
		`CSeq: ${spec.cseq ?? 1} ${spec.method ?? "INVITE"}`,
		"Server: TestServer 2.0",
		...(spec.extraHeaders ?? []),
		`Content-Length: ${enc(body)}`,
		"",
		body,
	].join("\r\n");
}

/** Caller and callee addresses used by the builders. */
export const ALICE: Endpoint = { ip: "192.0.2.10", port: 5060 };
export const BOB: Endpoint = { ip: "192.0.2.20", port: 5060 };

/** Events from [time, text, direction] rows; direction ">" is Alice → Bob. */
export function events(rows: [number, string, ">" | "<"][]): SipEvent[] {
	return rows.map(([time, text, dir], i) => ({
		time: 1_700_000_000 + time,
		src: dir === ">" ? ALICE : BOB,
		dst: dir === ">" ? BOB : ALICE,
		transport: "udp",
		message: parseMessage(text),
		frame: i + 1,
	}));
}
