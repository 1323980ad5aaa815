/**
 * One SIP message found in a capture, with where and when it travelled.
 */
import type { SipMessage } from "../sip/parse-message.ts";
import type { Timestamp } from "./timestamp.ts";

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

/** A SIP message read from a capture. */
export interface CapturedMessage {
	/**
	 * Frame number (1-based, counting every packet record of the input as Wireshark does) of the
	 * packet that completed the message: the datagram, its last IP fragment, or the TCP segment
	 * that made the message whole.
	 */
	frame: number;
	/** Seconds since the Unix epoch (a double: about 0.25 µs precision for present-day dates). */
	time: number;
	/** The exact time: seconds and nanoseconds. */
	ts: Timestamp;
	/** Source and destination IP addresses (IPv6 in RFC 5952 form) and ports. */
	src: string;
	srcPort: number;
	dst: string;
	dstPort: number;
	/**
	 * How it was carried: "ws" is SIP over WebSocket (RFC 7118) on TCP; "sctp" is SIP over SCTP
	 * (RFC 4168); "hep" means HEP-encapsulated, and `hep.transport` is the original transport.
	 * Tunnels (GRE, ERSPAN, VXLAN, GTP-U, IP-in-IP) are taken off: this is the innermost transport.
	 */
	transport: "udp" | "tcp" | "ws" | "sctp" | "hep";
	message: SipMessage;
	/** For transport "hep". */
	hep?: HepInfo;
}
