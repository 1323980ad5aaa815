/** What capture hands on: one SIP message as seen on the wire or in a log, with where and when. */
import type { SipMessage } from "../sip/parse-message.ts";

/** An IP address and port. */
export interface Endpoint {
	ip: string;
	port: number;
}

/** One SIP message with where and when it was seen. */
export interface SipEvent {
	/** Seconds since the Unix epoch (fractional), or null when the input has no time. */
	time: number | null;
	src: Endpoint | null;
	dst: Endpoint | null;
	/** "udp", "tcp", "tls", "ws", "sctp", "hep" or "log". */
	transport: string;
	message: SipMessage;
	/** Position in the input (frame number of a capture, line of a log), counted from 1. */
	frame: number;
	/** Which input it came from, when an analysis reads several (0, 1, …). */
	input?: number;
}

/** "192.0.2.1:5060" or "[2001:db8::1]:5060". */
export function endpointText(e: Endpoint | null): string {
	if (!e) return "?";
	return e.ip.includes(":") ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}
