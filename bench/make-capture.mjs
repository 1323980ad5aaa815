// node bench/make-capture.mjs OUT.pcap [MB] — writes a deterministic pcap (Ethernet/IPv4/UDP) of
// at least MB megabytes (default 100) full of mixed SIP traffic: answered calls, busy, not found,
// cancelled calls, REGISTER with digest challenges and OPTIONS keep-alives, between many hosts.
import { createPcap, sipMessage as msg } from "./pcap-file.mjs";

const out = process.argv[2] ?? "/tmp/sipwhy-bench.pcap";
const targetBytes = Number(process.argv[3] ?? 100) * 1e6;
const pcap = createPcap(out);
const packet = pcap.packet;

const SDP = (ip, port) =>
	`v=0\r\no=- ${port} ${port} IN IP4 ${ip}\r\ns=-\r\nc=IN IP4 ${ip}\r\nt=0 0\r\nm=audio ${port} RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n`;

let t = 1_764_000_000;
let n = 0;
const proxy = ["198.51.100.1", 5060];
while (pcap.written < targetBytes) {
	n++;
	const caller = [`10.${(n >> 8) & 255}.${n & 255}.10`, 5060];
	const callee = [`10.${(n >> 8) & 255}.${n & 255}.20`, 5060];
	const cid = `${n.toString(16)}-bench@${caller[0]}`;
	const from = `From: "User ${n}" <sip:${1000 + (n % 9000)}@pbx.example.com>;tag=f${n}`;
	const toNo = `To: <sip:${2000 + (n % 7000)}@pbx.example.com>`;
	const to = `${toNo};tag=t${n}`;
	const via = `Via: SIP/2.0/UDP ${caller[0]}:5060;rport;branch=z9hG4bK${n}a`;
	const common = (seq, m) => [via, from, seq === 0 ? toNo : to, `Call-ID: ${cid}`, `CSeq: ${seq === 0 ? 1 : seq} ${m}`];
	const kind = n % 10;
	t += 0.05;
	if (kind === 9) {
		packet(
			t,
			caller,
			proxy,
			msg(`OPTIONS sip:pbx.example.com SIP/2.0`, [
				via,
				"Max-Forwards: 70",
				from,
				toNo,
				`Call-ID: ${cid}`,
				"CSeq: 1 OPTIONS",
				"User-Agent: Bench/1.0",
			]),
		);
		packet(
			t + 0.001,
			proxy,
			caller,
			msg("SIP/2.0 200 OK", [via, from, to, `Call-ID: ${cid}`, "CSeq: 1 OPTIONS", "Server: BenchPBX"]),
		);
		continue;
	}
	if (kind === 8) {
		packet(
			t,
			caller,
			proxy,
			msg(`REGISTER sip:pbx.example.com SIP/2.0`, [
				via,
				"Max-Forwards: 70",
				from,
				toNo,
				`Call-ID: ${cid}`,
				"CSeq: 1 REGISTER",
				`Contact: <sip:${caller[0]}:5060>`,
				"Expires: 300",
			]),
		);
		packet(
			t + 0.001,
			proxy,
			caller,
			msg("SIP/2.0 401 Unauthorized", [
				via,
				from,
				to,
				`Call-ID: ${cid}`,
				"CSeq: 1 REGISTER",
				`WWW-Authenticate: Digest realm="pbx.example.com", nonce="${n}abc"`,
			]),
		);
		const via2 = `Via: SIP/2.0/UDP ${caller[0]}:5060;rport;branch=z9hG4bK${n}b`;
		packet(
			t + 0.01,
			caller,
			proxy,
			msg(`REGISTER sip:pbx.example.com SIP/2.0`, [
				via2,
				"Max-Forwards: 70",
				from,
				toNo,
				`Call-ID: ${cid}`,
				"CSeq: 2 REGISTER",
				`Contact: <sip:${caller[0]}:5060>`,
				`Authorization: Digest username="u${n}", realm="pbx.example.com", nonce="${n}abc", uri="sip:pbx.example.com", response="0123456789abcdef0123456789abcdef"`,
				"Expires: 300",
			]),
		);
		packet(
			t + 0.011,
			proxy,
			caller,
			msg("SIP/2.0 200 OK", [
				via2,
				from,
				to,
				`Call-ID: ${cid}`,
				"CSeq: 2 REGISTER",
				`Contact: <sip:${caller[0]}:5060>;expires=300`,
			]),
		);
		continue;
	}
	const inv = msg(
		`INVITE sip:${2000 + (n % 7000)}@pbx.example.com SIP/2.0`,
		[
			...common(0, "INVITE"),
			"Max-Forwards: 70",
			`Contact: <sip:${caller[0]}:5060>`,
			"User-Agent: Bench/1.0",
			"Content-Type: application/sdp",
		],
		SDP(caller[0], 10000 + (n % 50000)),
	);
	packet(t, caller, callee, inv);
	packet(t + 0.01, callee, caller, msg("SIP/2.0 100 Trying", common(0, "INVITE")));
	if (kind === 7) {
		packet(t + 0.02, callee, caller, msg("SIP/2.0 404 Not Found", [...common(1, "INVITE"), "Server: BenchPBX"]));
		packet(
			t + 0.03,
			caller,
			callee,
			msg(`ACK sip:${2000 + (n % 7000)}@pbx.example.com SIP/2.0`, [...common(1, "ACK"), "Max-Forwards: 70"]),
		);
		continue;
	}
	packet(
		t + 0.5,
		callee,
		caller,
		msg("SIP/2.0 180 Ringing", [...common(1, "INVITE"), `Contact: <sip:${callee[0]}:5060>`]),
	);
	if (kind === 6) {
		packet(t + 3, callee, caller, msg("SIP/2.0 486 Busy Here", [...common(1, "INVITE"), "Server: BenchPhone"]));
		packet(
			t + 3.01,
			caller,
			callee,
			msg(`ACK sip:${2000 + (n % 7000)}@pbx.example.com SIP/2.0`, [...common(1, "ACK"), "Max-Forwards: 70"]),
		);
		continue;
	}
	if (kind === 5) {
		packet(
			t + 4,
			caller,
			callee,
			msg(`CANCEL sip:${2000 + (n % 7000)}@pbx.example.com SIP/2.0`, [...common(0, "CANCEL"), "Max-Forwards: 70"]),
		);
		packet(t + 4.01, callee, caller, msg("SIP/2.0 200 OK", common(1, "CANCEL")));
		packet(t + 4.02, callee, caller, msg("SIP/2.0 487 Request Terminated", common(1, "INVITE")));
		packet(
			t + 4.03,
			caller,
			callee,
			msg(`ACK sip:${2000 + (n % 7000)}@pbx.example.com SIP/2.0`, [...common(1, "ACK"), "Max-Forwards: 70"]),
		);
		continue;
	}
	packet(
		t + 2,
		callee,
		caller,
		msg(
			"SIP/2.0 200 OK",
			[
				...common(1, "INVITE"),
				`Contact: <sip:${callee[0]}:5060>`,
				"Server: BenchPhone",
				"Content-Type: application/sdp",
			],
			SDP(callee[0], 20000 + (n % 40000)),
		),
	);
	const via3 = `Via: SIP/2.0/UDP ${caller[0]}:5060;rport;branch=z9hG4bK${n}c`;
	packet(
		t + 2.01,
		caller,
		callee,
		msg(`ACK sip:${callee[0]}:5060 SIP/2.0`, [via3, "Max-Forwards: 70", from, to, `Call-ID: ${cid}`, "CSeq: 1 ACK"]),
	);
	const via4 = `Via: SIP/2.0/UDP ${caller[0]}:5060;rport;branch=z9hG4bK${n}d`;
	packet(
		t + 60,
		caller,
		callee,
		msg(`BYE sip:${callee[0]}:5060 SIP/2.0`, [via4, "Max-Forwards: 70", from, to, `Call-ID: ${cid}`, "CSeq: 2 BYE"]),
	);
	packet(t + 60.01, callee, caller, msg("SIP/2.0 200 OK", [via4, from, to, `Call-ID: ${cid}`, "CSeq: 2 BYE"]));
}
pcap.close();
console.log(`${out}: ${(pcap.written / 1e6).toFixed(1)} MB, ${n} calls`);
