// A SIP log whose every header carries terminal escapes and bidi controls, for the output tests.

/** What a hostile sender puts into headers: CSI, OSC title and link, 8-bit CSI, DEL, bidi. */
export const NASTY = {
	clear: "\x1b[2J",
	altScreen: "\x1b[?1049h",
	title: "\x1b]0;pwned\x07",
	link: "\x1b]8;;http://evil.example/\x1b\\",
	c1: "\x9b31m",
	del: "\x7f",
	rlo: "\u202e",
	isolate: "\u2066",
	marks: "\u200e\u200f\u061c",
};

const CALL_ID = `bad${NASTY.altScreen}${NASTY.c1}${NASTY.del}${NASTY.rlo}@h`;

/** Two messages (INVITE, 486) with escapes in the URI, From, To, Call-ID, agents, reason and Warning. */
export function hostileLog(): string {
	const common = (toTag: string) =>
		`Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK1\r\n` +
		`From: "${NASTY.rlo}moc.live${NASTY.marks}" <sip:alice${NASTY.clear}@example.com>;tag=1\r\n` +
		`To: <sip:bob${NASTY.isolate}${NASTY.c1}@example.com>${toTag}\r\n` +
		`Call-ID: ${CALL_ID}\r\n` +
		`CSeq: 1 INVITE\r\n`;
	return (
		`INVITE sip:bob${NASTY.title}@example.com SIP/2.0\r\n${common("")}` +
		`User-Agent: UA${NASTY.link}click${NASTY.link}\r\nContent-Length: 0\r\n\r\n` +
		`SIP/2.0 486 Busy${NASTY.clear}${NASTY.rlo} Here\r\n${common(";tag=2")}` +
		`Server: S${NASTY.title}\r\nWarning: 399 h "w${NASTY.altScreen}${NASTY.del}"\r\nContent-Length: 0\r\n\r\n`
	);
}

/** The bidi controls that no output may carry raw. */
export const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
