/**
 * Payload type → codec name and RTP clock rate: the RFC 3551 static table, and for dynamic types
 * the rate of the encoding name an SDP rtpmap gave. The clock rates are the ones Wireshark's RTP
 * stream analysis uses (ui/tap-rtp-analysis.c), so jitter is computed on the same clock; note
 * G.722 runs an 8000 Hz RTP clock (RFC 3551 §4.5.2) whatever its sampling rate.
 */

/** RFC 3551 §6 static payload types: name and RTP clock rate. */
const STATIC: Record<number, [string, number]> = {
	0: ["PCMU", 8000],
	1: ["1016", 8000],
	2: ["G721", 8000],
	3: ["GSM", 8000],
	4: ["G723", 8000],
	5: ["DVI4", 8000],
	6: ["DVI4", 16000],
	7: ["LPC", 8000],
	8: ["PCMA", 8000],
	9: ["G722", 8000],
	10: ["L16", 44100],
	11: ["L16", 44100],
	12: ["QCELP", 8000],
	13: ["CN", 8000],
	14: ["MPA", 90000],
	15: ["G728", 8000],
	16: ["DVI4", 11025],
	17: ["DVI4", 22050],
	18: ["G729", 8000],
	19: ["CN", 8000],
	25: ["CelB", 90000],
	26: ["JPEG", 90000],
	28: ["nv", 90000],
	31: ["H261", 90000],
	32: ["MPV", 90000],
	33: ["MP2T", 90000],
	34: ["H263", 90000],
};

/** Rates for dynamic encodings by name (IANA RTP parameters), matched as a name prefix. */
const DYNAMIC: [string, number][] = [
	["AMR", 8000],
	["AMR-WB", 16000],
	["EVRC", 8000],
	["EVRCWB", 16000],
	["EVS", 16000],
	["G7221", 16000],
	["G726-16", 8000],
	["G726-24", 8000],
	["G726-32", 8000],
	["G726-40", 8000],
	["GSM-EFR", 8000],
	["H263-1998", 90000],
	["H263-2000", 90000],
	["H264", 90000],
	["MP4V-ES", 90000],
	["opus", 48000],
	["red", 1000],
	["speex", 8000],
	["t140", 1000],
	["telephone-event", 8000],
	["VP8", 90000],
];

/** A payload type as a stream knows it: the name, and the clock when one is known. */
export interface PayloadInfo {
	name: string | null;
	clockRate: number;
}

/** Static payload name, or null for a dynamic or unassigned type. */
export function staticPayloadName(pt: number): string | null {
	return STATIC[pt]?.[0] ?? null;
}

/**
 * Clock rate used for jitter: the static rate for types below 96; for dynamic types the SDP rate,
 * else the rate known for the name; 0 (no jitter) for telephone-event, whose timestamp stays on
 * the event start (RFC 4733 §2.2.1), and for anything unknown.
 */
export function jitterClockRate(pt: number, name: string | null, sdpRate: number | null): number {
	if (pt < 96) return STATIC[pt]?.[1] ?? 0;
	if (!name) return 0;
	if (/^telephone-event/i.test(name)) return 0;
	if (sdpRate) return sdpRate;
	let best = 0;
	let bestLength = -1;
	const lower = name.toLowerCase();
	for (const [n, rate] of DYNAMIC)
		if (lower.startsWith(n.toLowerCase()) && n.length > bestLength) {
			best = rate;
			bestLength = n.length;
		}
	return best;
}

/** Comfort noise (RFC 3389 type 13, and the old 19): not counted in delta and jitter. */
export function isComfortNoise(pt: number): boolean {
	return pt === 13 || pt === 19;
}
