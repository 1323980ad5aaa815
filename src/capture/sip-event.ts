/**
 * What capture hands on: one SIP message as seen on the wire or in a log, with where and when.
 * Both readers produce it: CaptureReader (pcap, pcapng, HEP) and TextLogReader (logs, raw SIP).
 */
import type { SipMessage } from "../sip/parse-message.ts";
import type { Timestamp } from "./timestamp.ts";

/** An IP address (IPv6 in RFC 5952 form) and port. */
export interface Endpoint {
	ip: string;
	port: number;
}

/** What a HEP (HOMER) agent reported about the packet it encapsulated. */
export interface HepInfo {
	/** Transport of the original packet ("udp", "tcp", "sctp" or "ip-proto-N"). */
	transport: string;
	captureId: number;
	/** HEP correlation ID chunk, "" if absent. */
	correlationId: string;
	/** The HEP packet itself: from the agent to the collector. */
	agent: { src: string; srcPort: number; dst: string; dstPort: number };
}

/** One SIP message with where and when it was seen. */
export interface SipEvent {
	/**
	 * Seconds since the Unix epoch (a double: about 0.25 µs precision for present-day dates), or
	 * null when the input has no time.
	 */
	time: number | null;
	/** The exact time, seconds and nanoseconds: captures only. */
	ts?: Timestamp;
	src: Endpoint | null;
	dst: Endpoint | null;
	/**
	 * How it was carried: "udp", "tcp", "tls", "ws" (SIP over WebSocket, RFC 7118), "sctp"
	 * (RFC 4168), "log" (a log that does not say), or "hep/<original transport>" for a
	 * HEP-encapsulated packet (`hep` holds the details). Tunnels (GRE, ERSPAN, VXLAN, GTP-U,
	 * IP-in-IP) are taken off: this is the innermost transport.
	 */
	transport: string;
	message: SipMessage;
	/**
	 * Position in the input, counted from 1: in a capture the frame number (counting every packet
	 * record as Wireshark does) of the packet that completed the message (the datagram, its last IP
	 * fragment, or the TCP segment that made it whole); in a log the line.
	 */
	frame: number;
	/** For HEP-encapsulated messages: what the agent reported. */
	hep?: HepInfo;
	/** Which input it came from, when an analysis reads several (0, 1, …). */
	input?: number;
}

/** "192.0.2.1:5060" or "[2001:db8::1]:5060". */
export function endpointText(e: Endpoint | null): string {
	if (!e) return "?";
	return e.ip.includes(":") ? `[${e.ip}]:${e.port}` : `${e.ip}:${e.port}`;
}
