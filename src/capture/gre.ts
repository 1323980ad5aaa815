/**
 * GRE (RFC 2784 with the key and sequence number of RFC 2890, the routing of RFC 1701, and the
 * enhanced GRE of PPTP, RFC 2637 §4.1) and PPP inside it (RFC 1661 §2, with the address and
 * control field and protocol field compression of RFC 1662 / RFC 1661 §6.5).
 */
import { u16 } from "./bytes.ts";

/** A GRE header read. */
export type GreResult =
	/** The payload starts at `offset`; `protocol` is its protocol type (an EtherType). */
	| { kind: "payload"; protocol: number; offset: number; hasSequence: boolean }
	/** An enhanced GRE packet that only acknowledges (no payload). */
	| { kind: "empty" }
	/** Cut short, or flags or lengths that cannot be. */
	| { kind: "bad"; detail: string }
	/** A GRE version that is not decoded. */
	| { kind: "unsupported"; what: string };

const CHECKSUM = 0x8000;
const ROUTING = 0x4000;
const KEY = 0x2000;
const SEQUENCE = 0x1000;
/** Enhanced GRE (version 1): an acknowledgment number follows. */
const ACK = 0x0080;
const MAX_ROUTING_ENTRIES = 16;

/** Reads the GRE header at the start of `b`. */
export function parseGre(b: Uint8Array): GreResult {
	if (b.length < 4) return { kind: "bad", detail: `GRE header cut short (${b.length} bytes)` };
	const flags = u16(b, 0);
	const protocol = u16(b, 2);
	const version = flags & 7;
	const hasSequence = (flags & SEQUENCE) !== 0;
	let o = 4;
	if (version === 1) {
		// PPTP: no checksum or routing, a key holding the payload length and call ID (RFC 2637 §4.1).
		if (flags & (CHECKSUM | ROUTING) || !(flags & KEY))
			return { kind: "bad", detail: `enhanced GRE flags 0x${flags.toString(16)}` };
		const length = b.length >= 6 ? u16(b, 4) : 0;
		o += 4 + (hasSequence ? 4 : 0) + (flags & ACK ? 4 : 0);
		if (o > b.length) return { kind: "bad", detail: "enhanced GRE header cut short" };
		if (!hasSequence || length === 0) return { kind: "empty" };
		if (o + length > b.length) return { kind: "bad", detail: `enhanced GRE payload of ${length} bytes cut short` };
		return { kind: "payload", protocol, offset: o, hasSequence };
	}
	if (version !== 0) return { kind: "unsupported", what: `GRE version ${version}` };
	const routing = (flags & ROUTING) !== 0;
	if (flags & CHECKSUM || routing) o += 4; // checksum and offset (present when either bit is)
	if (flags & KEY) o += 4;
	if (hasSequence) o += 4;
	if (o > b.length) return { kind: "bad", detail: `GRE header of ${o} bytes cut short at ${b.length}` };
	if (routing) {
		// RFC 1701 source route entries, up to the one with address family 0 and length 0.
		for (let n = 0; ; n++) {
			if (o + 4 > b.length) return { kind: "bad", detail: "GRE routing entries cut short" };
			const family = u16(b, o);
			const length = b[o + 3] as number;
			o += 4 + length;
			if (family === 0 && length === 0) break;
			if (o > b.length) return { kind: "bad", detail: "GRE routing entry cut short" };
			if (n >= MAX_ROUTING_ENTRIES) return { kind: "bad", detail: "more than 16 GRE routing entries" };
		}
	}
	return { kind: "payload", protocol, offset: o, hasSequence };
}

/** A PPP frame read. */
export type PppResult = { protocol: number; offset: number } | { error: string };

/** Reads the PPP protocol field at `o` in `b` (after an optional 0xFF 0x03 address and control field). */
export function parsePpp(b: Uint8Array, o: number): PppResult {
	if (b[o] === 0xff && b[o + 1] === 0x03) o += 2;
	if (o >= b.length) return { error: "PPP frame cut short" };
	// An odd first byte is a compressed (one-byte) protocol field.
	if (((b[o] as number) & 1) === 1) return { protocol: b[o] as number, offset: o + 1 };
	if (o + 2 > b.length) return { error: "PPP protocol field cut short" };
	return { protocol: u16(b, o), offset: o + 2 };
}
