/**
 * SDP (RFC 8866) as the analyzer needs it: session and media sections, connection addresses,
 * codecs from rtpmap/fmtp, direction attributes and SDES crypto lines. Never throws.
 */

/** A connection line (c=). */
export interface SdpConnection {
	netType: string;
	addrType: string;
	address: string;
}

/** One codec of a media section. */
export interface SdpCodec {
	payloadType: number;
	/** Encoding name as written (PCMU, opus, telephone-event …); static types get their RFC 3551 name. */
	name: string;
	clockRate: number | null;
	channels: number | null;
	fmtp: string | null;
}

/** Media direction. */
export type SdpDirection = "sendrecv" | "sendonly" | "recvonly" | "inactive";

/** One media section (m=). */
export interface SdpMedia {
	type: string;
	port: number;
	portCount: number;
	protocol: string;
	formats: string[];
	codecs: SdpCodec[];
	connection: SdpConnection | null;
	direction: SdpDirection;
	crypto: string[];
	attributes: { name: string; value: string | null }[];
}

/** A parsed session description. */
export interface Sdp {
	version: number | null;
	origin: { username: string; sessionId: string; sessionVersion: string; address: string } | null;
	sessionName: string | null;
	connection: SdpConnection | null;
	direction: SdpDirection;
	attributes: { name: string; value: string | null }[];
	media: SdpMedia[];
	errors: string[];
}

/** RFC 3551 static payload types. */
const STATIC: Record<number, [string, number, number | null]> = {
	0: ["PCMU", 8000, 1],
	3: ["GSM", 8000, 1],
	4: ["G723", 8000, 1],
	5: ["DVI4", 8000, 1],
	6: ["DVI4", 16000, 1],
	7: ["LPC", 8000, 1],
	8: ["PCMA", 8000, 1],
	9: ["G722", 8000, 1],
	10: ["L16", 44100, 2],
	11: ["L16", 44100, 1],
	12: ["QCELP", 8000, 1],
	13: ["CN", 8000, 1],
	14: ["MPA", 90000, null],
	15: ["G728", 8000, 1],
	16: ["DVI4", 11025, 1],
	17: ["DVI4", 22050, 1],
	18: ["G729", 8000, 1],
	25: ["CelB", 90000, null],
	26: ["JPEG", 90000, null],
	28: ["nv", 90000, null],
	31: ["H261", 90000, null],
	32: ["MPV", 90000, null],
	33: ["MP2T", 90000, null],
	34: ["H263", 90000, null],
};

const DIRECTIONS = new Set(["sendrecv", "sendonly", "recvonly", "inactive"]);

function connection(v: string, errors: string[]): SdpConnection | null {
	const [netType, addrType, address] = v.trim().split(/\s+/);
	if (!netType || !addrType || !address) {
		errors.push(`malformed c= line "${v}"`);
		return null;
	}
	return { netType, addrType, address: address.split("/")[0] as string };
}

/** Parses an SDP body. */
export function parseSdp(text: string): Sdp {
	const sdp: Sdp = {
		version: null,
		origin: null,
		sessionName: null,
		connection: null,
		direction: "sendrecv",
		attributes: [],
		media: [],
		errors: [],
	};
	let media: SdpMedia | null = null;
	let sessionDirection: SdpDirection | null = null;
	const explicit = new Set<SdpMedia>();
	const lines = text.split(/\r?\n/);
	for (const line of lines) {
		if (!line) continue;
		if (line[1] !== "=") {
			sdp.errors.push(`not a type=value line: "${line.slice(0, 40)}"`);
			continue;
		}
		const type = line[0];
		const v = line.slice(2);
		switch (type) {
			case "v":
				sdp.version = /^\d+$/.test(v) ? Number(v) : null;
				break;
			case "o": {
				const p = v.split(/\s+/);
				if (p.length < 6) sdp.errors.push(`malformed o= line "${v}"`);
				else
					sdp.origin = {
						username: p[0] as string,
						sessionId: p[1] as string,
						sessionVersion: p[2] as string,
						address: p[5] as string,
					};
				break;
			}
			case "s":
				sdp.sessionName = v;
				break;
			case "c":
				if (media) media.connection = connection(v, sdp.errors);
				else sdp.connection = connection(v, sdp.errors);
				break;
			case "m": {
				const m = /^(\S+)\s+(\d+)(?:\/(\d+))?\s+(\S+)\s*(.*)$/.exec(v);
				if (!m) {
					sdp.errors.push(`malformed m= line "${v}"`);
					media = null;
					break;
				}
				const formats = (m[5] as string).split(/\s+/).filter(Boolean);
				media = {
					type: m[1] as string,
					port: Number(m[2]),
					portCount: m[3] ? Number(m[3]) : 1,
					protocol: m[4] as string,
					formats,
					codecs: formats
						.filter((f) => /^\d+$/.test(f))
						.map((f) => {
							const pt = Number(f);
							const s = STATIC[pt];
							return {
								payloadType: pt,
								name: s?.[0] ?? "",
								clockRate: s?.[1] ?? null,
								channels: s?.[2] ?? null,
								fmtp: null,
							};
						}),
					connection: null,
					direction: "sendrecv",
					crypto: [],
					attributes: [],
				};
				sdp.media.push(media);
				break;
			}
			case "a": {
				const colon = v.indexOf(":");
				const name = colon < 0 ? v : v.slice(0, colon);
				const value = colon < 0 ? null : v.slice(colon + 1);
				const target = media ?? sdp;
				target.attributes.push({ name, value });
				if (DIRECTIONS.has(name)) {
					if (media) {
						media.direction = name as SdpDirection;
						explicit.add(media);
					} else sessionDirection = name as SdpDirection;
				} else if (media && value !== null && (name === "rtpmap" || name === "fmtp")) {
					const m = /^(\d+)\s+(.*)$/.exec(value);
					if (!m) break;
					const pt = Number(m[1]);
					const codec = media.codecs.find((c) => c.payloadType === pt);
					if (!codec) break;
					if (name === "fmtp") codec.fmtp = m[2] as string;
					else {
						const [enc, rate, ch] = (m[2] as string).split("/");
						codec.name = enc ?? "";
						codec.clockRate = rate && /^\d+$/.test(rate) ? Number(rate) : null;
						codec.channels = ch && /^\d+$/.test(ch) ? Number(ch) : null;
					}
				} else if (media && name === "crypto" && value !== null) media.crypto.push(value);
				break;
			}
		}
	}
	if (sessionDirection) sdp.direction = sessionDirection;
	for (const m of sdp.media) if (!explicit.has(m) && sessionDirection) m.direction = sessionDirection;
	if (sdp.version === null) sdp.errors.push("missing v= line");
	return sdp;
}

/** The connection address that applies to a media section (its own c= or the session's). */
export function mediaAddress(sdp: Sdp, m: SdpMedia): string | null {
	return (m.connection ?? sdp.connection)?.address ?? null;
}
