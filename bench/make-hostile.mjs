// node bench/make-hostile.mjs KIND OUT [MB] — captures shaped as an attacker would shape them, for
// bench/capture.mjs (issue 10: memory must stay within 256 MB whatever the input):
//   retransmissions  one INVITE retransmitted until the file has MB megabytes (one call, ~1M copies at 248 MB)
//   unanswered       INVITEs never answered, one call each, 1 per millisecond (400k calls ≈ 200 MB)
import { createPcap, sipMessage } from "./pcap-file.mjs";

const [kind, out, mbArg] = process.argv.slice(2);
const target = Number(mbArg ?? 100) * 1e6;
if (!out || (kind !== "retransmissions" && kind !== "unanswered")) {
	console.error("usage: make-hostile.mjs retransmissions|unanswered OUT [MB]");
	process.exit(2);
}
const pcap = createPcap(out);
const caller = ["203.0.113.10", 5060];
const callee = ["198.51.100.20", 5060];
const invite = (cid, branch) =>
	sipMessage("INVITE sip:bob@example.com SIP/2.0", [
		`Via: SIP/2.0/UDP 203.0.113.10:5060;branch=z9hG4bK${branch}`,
		"Max-Forwards: 70",
		"From: <sip:alice@example.com>;tag=a1",
		"To: <sip:bob@example.com>",
		`Call-ID: ${cid}`,
		"CSeq: 1 INVITE",
		"Contact: <sip:alice@203.0.113.10>",
	]);
let n = 0;
let t = 1_764_000_000;
if (kind === "retransmissions") {
	const text = invite("storm@203.0.113.10", "storm");
	while (pcap.written < target) {
		t += 0.0001;
		pcap.packet(t, caller, callee, text);
		n++;
	}
} else {
	while (pcap.written < target) {
		t += 0.001;
		pcap.packet(t, caller, callee, invite(`u${n}@203.0.113.10`, `u${n}`));
		n++;
	}
}
pcap.close();
console.log(`${out}: ${(pcap.written / 1e6).toFixed(1)} MB, ${n} packets`);
