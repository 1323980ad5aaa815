/**
 * What reading a capture counted: traffic, SIP found, reassembly work, and every malformed thing
 * that was skipped, each kind under its own key with a sentence saying what it means.
 */

/** The kinds of damage that are counted and skipped, with what each means. */
export const MALFORMED = {
	notACapture: "the input does not start with a pcap or pcapng magic number",
	badGzip: "gzip-compressed input that is corrupt or cut short; what decompressed before it was read",
	truncatedFile: "the input ends inside a file header, record or block",
	badFileHeader: "a pcap file header or pcapng section header that cannot be read",
	badRecord: "a pcap record with an impossible length; bytes were skipped up to the next plausible record",
	badBlock: "a pcapng block with an impossible or mismatched length; bytes were skipped up to the next valid block",
	badPacketBlock: "a pcapng packet block whose captured length does not fit inside the block",
	badOption: "a pcapng option that runs past the end of its block",
	unknownInterface: "a packet block naming an interface that no Interface Description Block described",
	snaplenCut: "a packet captured shorter than it was on the wire (snapshot length); what was captured is used",
	unknownLinkType: "a packet of a link-layer type that is not decoded",
	badLinkHeader: "a link-layer header shorter than its fixed size",
	badIpHeader: "an IPv4 or IPv6 header that is too short or whose version or lengths are wrong",
	truncatedIp: "an IP datagram longer than the bytes captured",
	badFragment: "an IP fragment with an impossible offset or length, or a second, different end",
	fragmentsExpired: "a fragmented datagram that never completed (timeout, limit or end of input) and was dropped",
	badUdp: "a UDP header that is too short or whose length field is wrong",
	badTcp: "a TCP header that is too short or whose data offset is wrong",
	badHep: "a HEP (HOMER) packet with a bad length or chunk",
	badHepCompressed:
		"a compressed HEP payload (chunk 0x0010) that is corrupt or inflates past 64 KiB (a decompression bomb); it was skipped",
	badTunnel: "a GRE, ERSPAN, PPP, VXLAN, EtherIP or GTP-U header that is cut short or whose flags or lengths are wrong",
	tunnelTooDeep: "tunnels nested more than 8 deep (hostile or looping input); the packet was skipped",
	badSctp: "an SCTP packet or chunk that is cut short or whose length is wrong",
	sctpFragments:
		"a fragmented SCTP message that could not be rebuilt (a piece missing or out of order, or over the buffer limit)",
	unsupportedEncapsulation:
		"a packet in an encapsulation that is not decoded (EtherType, IP protocol, GRE protocol type …); counted by kind in skippedEncapsulations",
	badWebSocket:
		"a WebSocket frame that cannot be read (reserved bits, or over the size limit); the stream was given up",
	tcpGap:
		"bytes missing from a TCP stream (never captured, or over a buffer limit); reading resumed at the next SIP start line",
	tcpLimit: "a TCP stream closed early because too many streams were open",
	sipDesync: "bytes on a SIP TCP stream that did not frame as a SIP message, or a message over the size limit, dropped",
	sipIncomplete: "a SIP message cut off by the end of its TCP stream or of the input",
	unsupported: "something well-formed that is not decoded (a compressed WebSocket message)",
	internalError: "a packet whose decoding failed unexpectedly (a bug in sipwhy: please report it); it was skipped",
} as const;

/** A kind of damage. */
export type MalformedKind = keyof typeof MALFORMED;

/** One problem, with where it was found. */
export interface CaptureProblem {
	kind: MalformedKind;
	/** Frame number (1-based) of the packet it concerns, or during which it was noticed (timeouts). */
	frame?: number;
	/** Byte offset in the input, when it concerns the file structure. */
	offset?: number;
	detail: string;
}

/** Counters of one read: plain numbers and records of numbers, so the object serialises as is. */
export interface CaptureStats {
	/** Detected format; null before the first bytes were seen. */
	format: "pcap" | "pcapng" | "unknown" | null;
	/** Input bytes read. */
	bytes: number;
	/** Packet records read (frames), malformed ones included. */
	packets: number;
	/** Sum of the captured lengths of the packets. */
	capturedBytes: number;
	/** pcapng sections (1 for pcap). */
	sections: number;
	/** Interfaces described (pcapng IDBs; 1 for pcap). */
	interfaces: number;
	/** SIP messages delivered. */
	sipMessages: number;
	/** Packets that carried SIP bytes (UDP and HEP datagrams, segments of SIP TCP streams). */
	sipPackets: number;
	/** Packets read without damage that carried no SIP (other protocols, pure TCP ACKs, RTP …). */
	nonSipPackets: number;
	/** SIP keep-alives (CRLF / CRLFCRLF datagrams, RFC 5626 §4.4). */
	keepAlives: number;
	/** Non-SIP datagrams the media listener took as RTP or RTCP (a subset of nonSipPackets). */
	mediaPackets: number;
	/** HEP (HOMER) packets decoded. */
	hepPackets: number;
	/** IP fragments seen. */
	ipFragments: number;
	/** Datagrams rebuilt from fragments. */
	fragmentsReassembled: number;
	/** Fragments that overlapped bytes already held (first copy kept). */
	fragmentOverlaps: number;
	/** TCP connections seen (a 4-tuple reused after a new SYN counts again). */
	tcpStreams: number;
	/** TCP segments with data. */
	tcpSegments: number;
	/** Segments whose bytes had all been delivered already. */
	tcpRetransmissions: number;
	/** Segments that arrived ahead of a missing one and waited. */
	tcpOutOfOrder: number;
	/** Segments that overlapped bytes already delivered (the new part was kept). */
	tcpOverlaps: number;
	/** Packets that went through at least one tunnel (IP-in-IP, GRE, ERSPAN, VXLAN, EtherIP, GTP-U). */
	tunnelPackets: number;
	/** SCTP packets seen. */
	sctpPackets: number;
	/** Packets skipped because an encapsulation is not decoded, by what it was ("GRE type 0x1234", "IP protocol 50" …; at most 32 kinds, the rest under "other"). */
	skippedEncapsulations: Record<string, number>;
	/** Input bytes skipped while looking for the next valid record or block, or left at the end. */
	skippedBytes: number;
	/** Every kind of damage counted. */
	malformed: Record<MalformedKind, number>;
	/** The first problems in detail (see `maxProblems`). */
	problems: CaptureProblem[];
}

/** Fresh counters, all zero. */
export function createStats(): CaptureStats {
	const malformed = {} as Record<MalformedKind, number>;
	for (const k of Object.keys(MALFORMED) as MalformedKind[]) malformed[k] = 0;
	return {
		format: null,
		bytes: 0,
		packets: 0,
		capturedBytes: 0,
		sections: 0,
		interfaces: 0,
		sipMessages: 0,
		sipPackets: 0,
		nonSipPackets: 0,
		keepAlives: 0,
		mediaPackets: 0,
		hepPackets: 0,
		ipFragments: 0,
		fragmentsReassembled: 0,
		fragmentOverlaps: 0,
		tcpStreams: 0,
		tcpSegments: 0,
		tcpRetransmissions: 0,
		tcpOutOfOrder: 0,
		tcpOverlaps: 0,
		tunnelPackets: 0,
		sctpPackets: 0,
		skippedEncapsulations: {},
		skippedBytes: 0,
		malformed,
		problems: [],
	};
}

const MAX_ENCAPSULATION_KINDS = 32;

/**
 * Counts one packet skipped for an encapsulation that is not decoded, under `what`; true when
 * `what` is seen for the first time (its detail is then worth a problem line).
 */
export function countSkippedEncapsulation(stats: CaptureStats, what: string): boolean {
	const kinds = stats.skippedEncapsulations;
	const n = kinds[what];
	if (n !== undefined) {
		kinds[what] = n + 1;
		return false;
	}
	// Hostile input could name thousands of kinds: the list stays short.
	if (Object.keys(kinds).length >= MAX_ENCAPSULATION_KINDS) {
		kinds.other = (kinds.other ?? 0) + 1;
		return false;
	}
	kinds[what] = 1;
	return true;
}

/** Counts one malformed thing and keeps its detail while fewer than `max` problems are kept. */
export function countMalformed(
	stats: CaptureStats,
	kind: MalformedKind,
	detail: string,
	where: { frame?: number; offset?: number } = {},
	max = 100,
): void {
	stats.malformed[kind]++;
	if (stats.problems.length < max) stats.problems.push({ kind, ...where, detail });
}
