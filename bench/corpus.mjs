// A corpus of realistic SIP messages (one basic call with SDP, a REGISTER with its challenge,
// an OPTIONS ping, a failed call), as Asterisk, Kamailio and phones print them. Used by the
// parser benchmark; every parser under test parses exactly these strings.
const sdp = [
	"v=0",
	"o=- 1852349123 1852349123 IN IP4 198.51.100.10",
	"s=Asterisk",
	"c=IN IP4 198.51.100.10",
	"t=0 0",
	"m=audio 17540 RTP/AVP 0 8 9 101",
	"a=rtpmap:0 PCMU/8000",
	"a=rtpmap:8 PCMA/8000",
	"a=rtpmap:9 G722/8000",
	"a=rtpmap:101 telephone-event/8000",
	"a=fmtp:101 0-16",
	"a=ptime:20",
	"a=maxptime:150",
	"a=sendrecv",
	"",
].join("\r\n");
const len = (s) => new TextEncoder().encode(s).length;

function msg(start, headers, body = "") {
	return `${start}\r\n${headers.join("\r\n")}\r\nContent-Length: ${len(body)}\r\n\r\n${body}`;
}

const via = "Via: SIP/2.0/UDP 198.51.100.10:5060;rport;branch=z9hG4bKPj6f1c2b1e-5d2a-4c1e-9a1b-3e2f1d0c9b8a";
const viaProxy = "Via: SIP/2.0/UDP 203.0.113.5;branch=z9hG4bK83ab.6a2c8f31e0d2b5c7a1e9f0d3b6c8a2e5.0";
const from = 'From: "Alice Smith" <sip:1001@pbx.example.com>;tag=7c3a5d1e-9f2b-4e6a';
const to = "To: <sip:1002@pbx.example.com>";
const toTag = "To: <sip:1002@pbx.example.com>;tag=as58f4201b";
const callId = "Call-ID: 6a1c2b3e-4d5f-4a6b-8c7d-9e0f1a2b3c4d@198.51.100.10";
const contact = 'Contact: "Alice Smith" <sip:1001@198.51.100.10:5060;ob>';
const ua = "User-Agent: Yealink SIP-T46U 108.86.0.20";
const server = "Server: Asterisk PBX 20.5.0";
const allow = "Allow: INVITE, ACK, CANCEL, BYE, NOTIFY, REFER, MESSAGE, OPTIONS, INFO, SUBSCRIBE, UPDATE, PRACK";

/** The messages, in the order a call produces them. */
export const CORPUS = [
	msg(
		"INVITE sip:1002@pbx.example.com SIP/2.0",
		[
			viaProxy,
			via,
			"Max-Forwards: 69",
			from,
			to,
			callId,
			"CSeq: 4711 INVITE",
			contact,
			ua,
			allow,
			"Supported: replaces, 100rel, timer, norefersub",
			"Session-Expires: 1800",
			"Min-SE: 90",
			"Content-Type: application/sdp",
		],
		sdp,
	),
	msg("SIP/2.0 100 Trying", [viaProxy, via, from, to, callId, "CSeq: 4711 INVITE", server]),
	msg("SIP/2.0 180 Ringing", [
		viaProxy,
		via,
		from,
		toTag,
		callId,
		"CSeq: 4711 INVITE",
		server,
		"Contact: <sip:1002@203.0.113.20:5060>",
		allow,
	]),
	msg(
		"SIP/2.0 200 OK",
		[
			viaProxy,
			via,
			"Record-Route: <sip:203.0.113.5;lr;ftag=7c3a5d1e-9f2b-4e6a>",
			from,
			toTag,
			callId,
			"CSeq: 4711 INVITE",
			server,
			"Contact: <sip:1002@203.0.113.20:5060>",
			allow,
			"Supported: replaces, timer",
			"Session-Expires: 1800;refresher=uac",
			"Require: timer",
			"Content-Type: application/sdp",
		],
		sdp,
	),
	msg("ACK sip:1002@203.0.113.20:5060 SIP/2.0", [
		"Via: SIP/2.0/UDP 198.51.100.10:5060;rport;branch=z9hG4bKPj0a1b2c3d",
		"Max-Forwards: 70",
		"Route: <sip:203.0.113.5;lr;ftag=7c3a5d1e-9f2b-4e6a>",
		from,
		toTag,
		callId,
		"CSeq: 4711 ACK",
		ua,
	]),
	msg("BYE sip:1002@203.0.113.20:5060 SIP/2.0", [
		"Via: SIP/2.0/UDP 198.51.100.10:5060;rport;branch=z9hG4bKPj9e8d7c6b",
		"Max-Forwards: 70",
		"Route: <sip:203.0.113.5;lr;ftag=7c3a5d1e-9f2b-4e6a>",
		from,
		toTag,
		callId,
		"CSeq: 4712 BYE",
		ua,
		'Reason: Q.850;cause=16;text="Normal call clearing"',
	]),
	msg("SIP/2.0 200 OK", [
		"Via: SIP/2.0/UDP 198.51.100.10:5060;rport=5060;received=198.51.100.10;branch=z9hG4bKPj9e8d7c6b",
		from,
		toTag,
		callId,
		"CSeq: 4712 BYE",
		server,
	]),
	msg("REGISTER sip:pbx.example.com SIP/2.0", [
		via,
		"Max-Forwards: 70",
		"From: <sip:1001@pbx.example.com>;tag=r3g15t3r",
		"To: <sip:1001@pbx.example.com>",
		"Call-ID: reg-4f3e2d1c0b9a@198.51.100.10",
		"CSeq: 21 REGISTER",
		'<sip:1001@198.51.100.10:5060;ob>;+sip.instance="<urn:uuid:00000000-0000-1000-8000-0015651a2b3c>";reg-id=1'.replace(
			/^/,
			"Contact: ",
		),
		"Expires: 300",
		ua,
		allow,
	]),
	msg("SIP/2.0 401 Unauthorized", [
		via,
		"From: <sip:1001@pbx.example.com>;tag=r3g15t3r",
		"To: <sip:1001@pbx.example.com>;tag=z9hG4bK.4e5f",
		"Call-ID: reg-4f3e2d1c0b9a@198.51.100.10",
		"CSeq: 21 REGISTER",
		'WWW-Authenticate: Digest realm="pbx.example.com", nonce="1732548120/6b0d9c1f2e3a4b5c6d7e8f9a0b1c2d3e", opaque="5a6b7c8d", algorithm=MD5, qop="auth"',
		server,
	]),
	msg("OPTIONS sip:1001@198.51.100.10:5060 SIP/2.0", [
		"Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK.0ptions1",
		"Max-Forwards: 70",
		"From: <sip:pbx@203.0.113.5>;tag=0pt10n5",
		"To: <sip:1001@198.51.100.10:5060>",
		"Call-ID: opt-1a2b3c4d@203.0.113.5",
		"CSeq: 102 OPTIONS",
		"Contact: <sip:pbx@203.0.113.5:5060>",
		"Accept: application/sdp",
		server,
	]),
	msg("SIP/2.0 486 Busy Here", [
		viaProxy,
		via,
		from,
		"To: <sip:1002@pbx.example.com>;tag=as1b2c3d4e",
		callId,
		"CSeq: 4713 INVITE",
		server,
		allow,
		"Supported: replaces, timer",
	]),
];
