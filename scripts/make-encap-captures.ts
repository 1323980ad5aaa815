// Makes the crafted encapsulation captures in test/fixtures/captures/: the two real SIPp calls of
// udp-ipv4.pcap (every SIP message with its addresses, ports and nanosecond time), each message
// wrapped by src/capture/packet-builder.ts in a tunnel or carried over SCTP, written as
// nanosecond pcap; then what tshark reads from each (FILE.tshark.tsv, as make-captures.sh does),
// which src/capture/fixtures.test.ts compares with what sipwhy reads.
//   npx tsx scripts/make-encap-captures.ts        (needs Debian's tshark)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CaptureReader } from "../src/capture/capture-reader.ts";
import { type FrameRecord, pcapFile } from "../src/capture/capture-writer.ts";
import {
	erspanI,
	erspanII,
	erspanIII,
	etherIp,
	ethernet,
	geneve,
	gre,
	gtpU,
	ipv4,
	ipv6,
	nsh,
	pptpGre,
	sctp,
	sctpChunk,
	sctpData,
	udp,
	vxlan,
	vxlanGpe,
} from "../src/capture/packet-builder.ts";
import { serialize } from "../src/sip/serialize.ts";

const DIR = join(import.meta.dirname, "..", "test", "fixtures", "captures");
const reader = new CaptureReader();
const source = [...reader.push(new Uint8Array(readFileSync(join(DIR, "udp-ipv4.pcap")))), ...reader.end()];
const messages = source.map((m) => ({ m, bytes: serialize(m.message) }));

const innerIpv4 = (i: number) => {
	const { m, bytes } = messages[i] as (typeof messages)[number];
	return ipv4({ src: m.src.ip, dst: m.dst.ip, protocol: 17, id: i + 1 }, udp(m.src.port, m.dst.port, bytes));
};
const innerEthernet = (i: number) => ethernet(0x0800, innerIpv4(i));
const outer4 = (protocol: number, payload: Uint8Array) =>
	ethernet(0x0800, ipv4({ src: "203.0.113.1", dst: "203.0.113.2", protocol }, payload));
const outer6 = (protocol: number, payload: Uint8Array) =>
	ethernet(0x86dd, ipv6({ src: "2001:db8::1", dst: "2001:db8::2", protocol }, payload));
const at = (i: number, data: Uint8Array): FrameRecord => {
	const { m } = messages[i] as (typeof messages)[number];
	return { sec: m.ts.sec, nsec: m.ts.nsec, data };
};
const each = (wrap: (i: number) => Uint8Array) => messages.map((_, i) => at(i, wrap(i)));

/** SIP over SCTP: one association per call direction; each INVITE in three DATA fragments, a SACK bundled in front of every answer. */
function overSctp(): FrameRecord[] {
	const records: FrameRecord[] = [];
	let tsn = 1000;
	messages.forEach(({ m, bytes }, i) => {
		const packet = (chunks: Uint8Array[], nsec = m.ts.nsec) => ({
			sec: m.ts.sec,
			nsec,
			data: ethernet(
				0x0800,
				ipv4({ src: m.src.ip, dst: m.dst.ip, protocol: 132 }, sctp(m.src.port, m.dst.port, 7, chunks)),
			),
		});
		if (m.message.method === "INVITE") {
			const cuts = [0, 200, 400, bytes.length];
			for (let k = 0; k < 3; k++)
				records.push(
					packet(
						[
							sctpData(
								{ tsn: tsn++, stream: 0, ssn: i, ppid: 0, begin: k === 0, end: k === 2 },
								bytes.subarray(cuts[k], cuts[k + 1]),
							),
						],
						m.ts.nsec - (2 - k) * 1000,
					),
				);
			return;
		}
		const sack = sctpChunk(3, 0, new Uint8Array(12));
		records.push(packet([sack, sctpData({ tsn: tsn++, stream: 0, ssn: i, ppid: 0 }, bytes)]));
	});
	return records;
}

const FILES: [string, FrameRecord[]][] = [
	["gre-ipv4.pcap", each((i) => outer4(47, gre({ protocol: 0x0800, key: 42, sequence: i }, innerIpv4(i))))],
	["gre-teb-ip6.pcap", each((i) => outer6(47, gre({ protocol: 0x6558, checksum: true }, innerEthernet(i))))],
	["erspan-ii.pcap", each((i) => outer4(47, erspanII(7, i, innerEthernet(i))))],
	["erspan-iii.pcap", each((i) => outer4(47, erspanIII(7, i, innerEthernet(i), { platform: true, timestamp: i })))],
	["pptp-ppp.pcap", each((i) => outer4(47, pptpGre(3, i, 0x0021, innerIpv4(i))))],
	["vxlan.pcap", each((i) => outer4(17, udp(49152 + i, 4789, vxlan(100, innerEthernet(i)))))],
	[
		"gtp-u.pcap",
		each((i) =>
			outer4(
				17,
				udp(
					2152,
					2152,
					gtpU(
						{ teid: 0x100 + i, sequence: i, extensions: [{ type: 0x85, content: new Uint8Array([0x10, 5]) }] },
						innerIpv4(i),
					),
				),
			),
		),
	],
	["sctp.pcap", overSctp()],
	["erspan-i.pcap", each((i) => outer4(47, erspanI(innerEthernet(i))))],
	["etherip.pcap", each((i) => outer4(97, etherIp(innerEthernet(i))))],
	[
		"geneve.pcap",
		each((i) => outer6(17, udp(49152 + i, 6081, geneve(9, 0x6558, innerEthernet(i), new Uint8Array(8))))),
	],
	[
		"vxlan-gpe-nsh.pcap",
		each((i) => outer4(17, udp(49152 + i, 4790, vxlanGpe(9, 4, nsh(1, innerIpv4(i), new Uint8Array(8)))))),
	],
];

for (const [name, records] of FILES) {
	const file = join(DIR, name);
	writeFileSync(file, pcapFile({ linkType: 1, nano: true }, records));
	const tsv = execFileSync(
		"tshark",
		[
			"-r",
			file,
			"-Y",
			"sip",
			"-T",
			"fields",
			"-E",
			"separator=/t",
			"-e",
			"frame.number",
			"-e",
			"frame.time_epoch",
			"-e",
			"sip.Call-ID",
			"-e",
			"sip.CSeq.method",
			"-e",
			"sip.Status-Code",
		],
		{ encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
	);
	writeFileSync(`${file}.tshark.tsv`, tsv);
	console.log(name, records.length, "frames,", tsv.split("\n").filter(Boolean).length, "SIP frames by tshark");
}
execFileSync(
	process.execPath,
	[join(import.meta.dirname, "make-tshark-keys.mjs"), ...FILES.map(([name]) => join(DIR, name))],
	{
		stdio: "inherit",
	},
);
