/**
 * RTCP compound packets (RFC 3550 §6.4–6.6, RFC 3611 §4.7): sender and receiver reports with
 * their report blocks, SDES CNAME, BYE, and the XR VoIP-metrics block. Never throws: a packet
 * whose length word overruns the datagram ends the walk.
 */
import { readU32 } from "./rtp-packet.ts";

/** One reception report block (RFC 3550 §6.4.1) about the media source `ssrc`. */
export interface ReportBlock {
	ssrc: number;
	/** Fraction lost since the previous report, 0–1. */
	fractionLost: number;
	/** Cumulative packets lost (24-bit signed). */
	cumulativeLost: number;
	highestSequence: number;
	/** Interarrival jitter in RTP timestamp units. */
	jitter: number;
	/** Middle 32 bits of the NTP time of the last SR received from `ssrc`, 0 if none. */
	lastSr: number;
	/** Delay since that SR, in 1/65536 s. */
	delaySinceLastSr: number;
}

/** RFC 3611 §4.7 VoIP metrics, the fields worth showing (null when the sender marked them unavailable). */
export interface VoipMetrics {
	ssrc: number;
	/** Fraction of packets lost, 0–1. */
	lossRate: number;
	/** Fraction discarded (late or early), 0–1. */
	discardRate: number;
	roundTripMs: number;
	endSystemDelayMs: number;
	rFactor: number | null;
	mosLq: number | null;
	mosCq: number | null;
}

/** What one RTCP compound packet said. */
export interface RtcpCompound {
	/** SSRC of the sender of the compound (first packet). */
	sender: number | null;
	/** Sender report: NTP middle 32 bits (for LSR matching), packet and octet counts. */
	sr?: { ntpMiddle: number; rtpTimestamp: number; packets: number; octets: number };
	reports: ReportBlock[];
	cname?: string;
	bye: boolean;
	xr: VoipMetrics[];
}

function reportBlock(b: Uint8Array, at: number): ReportBlock {
	let cumulative = ((b[at + 5] as number) << 16) | ((b[at + 6] as number) << 8) | (b[at + 7] as number);
	if (cumulative & 0x800000) cumulative -= 0x1000000;
	return {
		ssrc: readU32(b, at),
		fractionLost: (b[at + 4] as number) / 256,
		cumulativeLost: cumulative,
		highestSequence: readU32(b, at + 8),
		jitter: readU32(b, at + 12),
		lastSr: readU32(b, at + 16),
		delaySinceLastSr: readU32(b, at + 20),
	};
}

/** Parses an RTCP compound packet (one UDP payload). */
export function parseRtcp(b: Uint8Array): RtcpCompound {
	const out: RtcpCompound = { sender: null, reports: [], bye: false, xr: [] };
	let at = 0;
	while (at + 8 <= b.length) {
		const count = (b[at] as number) & 0x1f;
		const type = b[at + 1] as number;
		const end = at + ((((b[at + 2] as number) << 8) | (b[at + 3] as number)) + 1) * 4;
		if (end > b.length) break;
		const ssrc = readU32(b, at + 4);
		if (out.sender === null) out.sender = ssrc;
		let blocks = at + 8;
		if (type === 200 && at + 28 <= end) {
			out.sr = {
				ntpMiddle: ((readU32(b, at + 8) & 0xffff) * 0x10000 + (readU32(b, at + 12) >>> 16)) >>> 0,
				rtpTimestamp: readU32(b, at + 16),
				packets: readU32(b, at + 20),
				octets: readU32(b, at + 24),
			};
			blocks = at + 28;
		}
		if (type === 200 || type === 201)
			for (let i = 0; i < count && blocks + 24 <= end; i++, blocks += 24) out.reports.push(reportBlock(b, blocks));
		else if (type === 202) readCname(b, at + 4, end, out);
		else if (type === 203) out.bye = true;
		else if (type === 207) readXr(b, at + 8, end, out);
		at = end;
	}
	return out;
}

function readCname(b: Uint8Array, at: number, end: number, out: RtcpCompound): void {
	// First chunk only: SSRC, then items (type, length, text) up to a zero type.
	let i = at + 4;
	while (i + 2 <= end && b[i] !== 0) {
		const length = b[i + 1] as number;
		if (b[i] === 1 && i + 2 + length <= end) {
			let s = "";
			for (let k = i + 2; k < i + 2 + length; k++) s += String.fromCharCode(b[k] as number);
			out.cname = s;
			return;
		}
		i += 2 + length;
	}
}

function readXr(b: Uint8Array, at: number, end: number, out: RtcpCompound): void {
	let i = at;
	while (i + 4 <= end) {
		const type = b[i] as number;
		const next = i + 4 + (((b[i + 2] as number) << 8) | (b[i + 3] as number)) * 4;
		if (next > end) return;
		if (type === 7 && next - i >= 36) {
			const u16 = (k: number) => ((b[k] as number) << 8) | (b[k + 1] as number);
			const unavailable = (v: number) => (v === 127 ? null : v);
			out.xr.push({
				ssrc: readU32(b, i + 4),
				lossRate: (b[i + 8] as number) / 256,
				discardRate: (b[i + 9] as number) / 256,
				roundTripMs: u16(i + 16),
				endSystemDelayMs: u16(i + 18),
				rFactor: unavailable(b[i + 24] as number),
				mosLq: (b[i + 26] as number) === 127 ? null : (b[i + 26] as number) / 10,
				mosCq: (b[i + 27] as number) === 127 ? null : (b[i + 27] as number) / 10,
			});
		}
		i = next;
	}
}
