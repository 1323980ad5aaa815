/**
 * RTP and RTCP recognised in a UDP payload by their fixed headers (RFC 3550 §5.1, §6.4), with RTCP
 * told from RTP on a shared port by its packet type (RFC 5761 §4: RTCP types 192–223 fall where an
 * RTP marker bit plus payload type 64–95 would be). Never throws; a view is read, not copied.
 */

/** The fixed RTP header fields the stream analysis needs. */
export interface RtpHeader {
	marker: boolean;
	payloadType: number;
	sequence: number;
	timestamp: number;
	ssrc: number;
	/** Where the payload starts (after CSRCs and the header extension). */
	payloadOffset: number;
	/** Payload bytes without padding. */
	payloadLength: number;
}

/** What a UDP payload looks like: RTP, RTCP, or neither. */
export type MediaPacketKind = "rtp" | "rtcp" | null;

/** RTP or RTCP by the version bits and, on one port, the RTCP packet-type range (RFC 5761 §4). */
export function mediaPacketKind(b: Uint8Array): MediaPacketKind {
	if (b.length < 8 || (b[0] as number) >> 6 !== 2) return null;
	const second = b[1] as number;
	if (second >= 192 && second <= 223) return isRtcpCompound(b) ? "rtcp" : null;
	return b.length >= 12 ? "rtp" : null;
}

/** The first RTCP packet's length word must fit the datagram, and every packet after it too. */
function isRtcpCompound(b: Uint8Array): boolean {
	let at = 0;
	while (at + 4 <= b.length) {
		if ((b[at] as number) >> 6 !== 2) return false;
		const words = ((b[at + 2] as number) << 8) | (b[at + 3] as number);
		at += (words + 1) * 4;
	}
	return at === b.length;
}

/** Parses the RTP fixed header; null when the CSRC list, extension or padding overrun the datagram. */
export function parseRtpHeader(b: Uint8Array): RtpHeader | null {
	if (b.length < 12 || (b[0] as number) >> 6 !== 2) return null;
	const first = b[0] as number;
	let offset = 12 + (first & 0x0f) * 4;
	if (first & 0x10) {
		if (offset + 4 > b.length) return null;
		offset += 4 + (((b[offset + 2] as number) << 8) | (b[offset + 3] as number)) * 4;
	}
	let end = b.length;
	if (first & 0x20) end -= b[b.length - 1] as number;
	if (offset > end) return null;
	return {
		marker: ((b[1] as number) & 0x80) !== 0,
		payloadType: (b[1] as number) & 0x7f,
		sequence: ((b[2] as number) << 8) | (b[3] as number),
		timestamp: readU32(b, 4),
		ssrc: readU32(b, 8),
		payloadOffset: offset,
		payloadLength: end - offset,
	};
}

/** Big-endian unsigned 32-bit value at `at`. */
export function readU32(b: Uint8Array, at: number): number {
	return (
		(((b[at] as number) << 24) >>> 0) +
		((b[at + 1] as number) << 16) +
		((b[at + 2] as number) << 8) +
		(b[at + 3] as number)
	);
}
