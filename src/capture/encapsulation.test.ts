// Tunnels and SCTP: a real SIPp call (INVITE, 180, 200, ACK, BYE, 200 from the udp-ipv4.pcap
// fixture) wrapped in each encapsulation reads as the same messages as without it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync, deflateRawSync as rawDeflate, deflateSync as zlibDeflate } from "node:zlib";
import fc from "fast-check";
import { serialize } from "../sip/serialize.ts";
import { type CaptureOptions, CaptureReader } from "./capture-reader.ts";
import { pcapFile } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import {
	concat,
	erspanI,
	erspanII,
	erspanIII,
	etherIp,
	ethernet,
	geneve,
	gre,
	gtpU,
	hep3,
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
} from "./packet-builder.ts";
import { MAX_TUNNEL_DEPTH } from "./packet-decoder.ts";

const FIXTURE = join(import.meta.dirname, "..", "..", "test", "fixtures", "captures", "udp-ipv4.pcap");

function read(records: { sec: number; nsec?: number; data: Uint8Array }[], linkType = 1, options?: CaptureOptions) {
	const reader = new CaptureReader(options);
	const messages: CapturedMessage[] = [...reader.push(pcapFile({ linkType }, records)), ...reader.end()];
	return { messages, stats: reader.stats };
}

/** The first call of the fixture: each message's bytes, addresses and time. */
const CALL = (() => {
	const reader = new CaptureReader();
	const all = [...reader.push(new Uint8Array(readFileSync(FIXTURE))), ...reader.end()];
	const first = all.filter((m) => m.message.callId === all[0]?.message.callId);
	assert.equal(first.length, 6);
	return first.map((m) => ({ bytes: serialize(m.message), m }));
})();

/** An inner IPv4/UDP packet of message `i`. */
const innerIpv4 = (i: number) => {
	const { m, bytes } = CALL[i] as (typeof CALL)[number];
	return ipv4({ src: m.src.ip, dst: m.dst.ip, protocol: 17 }, udp(m.src.port, m.dst.port, bytes));
};
const innerEthernet = (i: number) => ethernet(0x0800, innerIpv4(i));

/** What a reader should see of the call: the same messages, addresses and times. */
function summary(messages: CapturedMessage[]) {
	return messages.map((m) => [
		m.message.method ?? m.message.status,
		m.message.callId,
		m.src.ip,
		m.src.port,
		m.dst.ip,
		m.dst.port,
		m.transport,
		m.ts.sec,
		m.ts.nsec,
		m.frame,
	]);
}

const PLAIN = summary(CALL.map(({ m }, i) => ({ ...m, frame: i + 1 })));

/** Reads the call with each message's frame made by `wrap`. */
function readWrapped(wrap: (i: number) => Uint8Array, linkType = 1) {
	return read(
		CALL.map(({ m }, i) => ({ sec: m.ts.sec, nsec: m.ts.nsec, data: wrap(i) })),
		linkType,
	);
}

const outer4 = (protocol: number, payload: Uint8Array) =>
	ethernet(0x0800, ipv4({ src: "203.0.113.1", dst: "203.0.113.2", protocol }, payload));
const outer6 = (protocol: number, payload: Uint8Array) =>
	ethernet(0x86dd, ipv6({ src: "2001:db8::1", dst: "2001:db8::2", protocol }, payload));

const ENCAPSULATIONS: [string, (i: number) => Uint8Array][] = [
	["GRE (no options) with IPv4 inside", (i) => outer4(47, gre({ protocol: 0x0800 }, innerIpv4(i)))],
	[
		"GRE with checksum, key and sequence number",
		(i) => outer4(47, gre({ protocol: 0x0800, checksum: true, key: 7, sequence: i }, innerIpv4(i))),
	],
	["GRE over IPv6", (i) => outer6(47, gre({ protocol: 0x0800, key: 1 }, innerIpv4(i)))],
	["GRE transparent Ethernet bridging (0x6558)", (i) => outer4(47, gre({ protocol: 0x6558 }, innerEthernet(i)))],
	[
		"GRE carrying MPLS",
		(i) => outer4(47, gre({ protocol: 0x8847 }, concat(new Uint8Array([0, 0, 0x11, 64]), innerIpv4(i)))),
	],
	["ERSPAN type I", (i) => outer4(47, erspanI(innerEthernet(i)))],
	["ERSPAN type II", (i) => outer4(47, erspanII(100, i, innerEthernet(i)))],
	["ERSPAN type III", (i) => outer4(47, erspanIII(100, i, innerEthernet(i), { timestamp: 5 }))],
	[
		"ERSPAN type III with the platform subheader",
		(i) => outer4(47, erspanIII(100, i, innerEthernet(i), { platform: true })),
	],
	["ERSPAN type III of an IP frame", (i) => outer4(47, erspanIII(100, i, innerIpv4(i), { frameType: 2 }))],
	["PPTP: PPP in enhanced GRE", (i) => outer4(47, pptpGre(9, i, 0x0021, innerIpv4(i)))],
	["PPTP with a compressed PPP protocol field", (i) => outer4(47, pptpGre(9, i, 0x21, innerIpv4(i), true))],
	["EtherIP", (i) => outer4(97, etherIp(innerEthernet(i)))],
	["VXLAN", (i) => outer4(17, udp(40000 + i, 4789, vxlan(42, innerEthernet(i))))],
	["VXLAN-GPE carrying IPv4", (i) => outer4(17, udp(40000, 4790, vxlanGpe(1, 1, innerIpv4(i))))],
	[
		"VXLAN-GPE carrying NSH carrying Ethernet",
		(i) => outer4(17, udp(40000, 4790, vxlanGpe(1, 4, nsh(3, innerEthernet(i), new Uint8Array(8))))),
	],
	[
		"Geneve with options, carrying Ethernet",
		(i) => outer6(17, udp(40000, 6081, geneve(7, 0x6558, innerEthernet(i), new Uint8Array(8)))),
	],
	["NSH on Ethernet (0x894F) carrying IPv4", (i) => ethernet(0x894f, nsh(1, innerIpv4(i)))],
	["GTP-U (VoLTE) T-PDU", (i) => outer4(17, udp(2152, 2152, gtpU({ teid: 0x1234 }, innerIpv4(i))))],
	[
		"GTP-U with a sequence number and two extension headers",
		(i) =>
			outer6(
				17,
				udp(
					2152,
					2152,
					gtpU(
						{
							teid: 1,
							sequence: i,
							extensions: [
								{ type: 0x85, content: new Uint8Array([0x10, 9]) }, // PDU session container
								{ type: 0x40, content: new Uint8Array([0, 1, 2, 3, 4, 5]) }, // UDP port
							],
						},
						innerIpv4(i),
					),
				),
			),
	],
	[
		"GTP-U inside GRE inside VXLAN inside ERSPAN",
		(i) =>
			outer4(
				47,
				erspanII(
					1,
					i,
					ethernet(
						0x0800,
						ipv4(
							{ src: "10.0.0.1", dst: "10.0.0.2", protocol: 17 },
							udp(
								1,
								4789,
								vxlan(
									5,
									ethernet(
										0x0800,
										ipv4(
											{ src: "10.0.1.1", dst: "10.0.1.2", protocol: 47 },
											gre(
												{ protocol: 0x0800 },
												ipv4(
													{ src: "10.0.2.1", dst: "10.0.2.2", protocol: 17 },
													udp(2152, 2152, gtpU({ teid: 1 }, innerIpv4(i))),
												),
											),
										),
									),
								),
							),
						),
					),
				),
			),
	],
];

for (const [name, wrap] of ENCAPSULATIONS)
	test(`${name}: the call reads as without it`, () => {
		const { messages, stats } = readWrapped(wrap);
		assert.deepEqual(summary(messages), PLAIN);
		assert.deepEqual(
			Object.entries(stats.malformed).filter(([, n]) => n > 0),
			[],
		);
		assert.equal(stats.tunnelPackets, CALL.length);
		assert.equal(stats.sipPackets, CALL.length);
	});

test("SIP over SCTP: several DATA chunks per packet, padding, control chunks, any PPID", () => {
	const { m: first } = CALL[0] as (typeof CALL)[number];
	const data = CALL.map(({ bytes }, i) => sctpData({ tsn: 100 + i, stream: 1, ssn: i, ppid: i % 2 ? 0 : 39 }, bytes));
	const sack = sctpChunk(3, 0, new Uint8Array(12));
	const packet = (chunks: Uint8Array[]) =>
		outer4ip(132, sctp(first.src.port, first.dst.port, 0xabcd, chunks), first.src.ip, first.dst.ip);
	const { messages, stats } = read([
		{ sec: 1, data: packet([sack, data[0] as Uint8Array]) },
		{ sec: 2, data: packet([data[1] as Uint8Array, data[2] as Uint8Array, sctpChunk(4, 0, new Uint8Array(5))]) },
		{ sec: 3, data: packet(data.slice(3)) },
		{ sec: 4, data: packet([sack]) },
	]);
	assert.deepEqual(
		messages.map((m) => [m.frame, m.transport, m.message.method ?? m.message.status, m.src.port, m.message.errors]),
		[
			[1, "sctp", "INVITE", first.src.port, []],
			[2, "sctp", 180, first.src.port, []],
			[2, "sctp", 200, first.src.port, []],
			[3, "sctp", "ACK", first.src.port, []],
			[3, "sctp", "BYE", first.src.port, []],
			[3, "sctp", 200, first.src.port, []],
		],
	);
	assert.equal(stats.sctpPackets, 4);
	assert.equal(stats.sipPackets, 3);
	assert.equal(stats.nonSipPackets, 1);
	assert.deepEqual(
		Object.entries(stats.malformed).filter(([, n]) => n > 0),
		[],
	);
});

function outer4ip(protocol: number, payload: Uint8Array, src = "192.0.2.1", dst = "192.0.2.2") {
	return ethernet(0x0800, ipv4({ src, dst, protocol }, payload));
}

test("SCTP: a message in three DATA fragments is rebuilt; a retransmitted piece is ignored", () => {
	const bytes = (CALL[0] as (typeof CALL)[number]).bytes;
	const a = bytes.subarray(0, 100);
	const b = bytes.subarray(100, 300);
	const c = bytes.subarray(300);
	const pkt = (chunk: Uint8Array) => outer4ip(132, sctp(5060, 5060, 1, [chunk]));
	const { messages, stats } = read([
		{ sec: 1, data: pkt(sctpData({ tsn: 0xffffffff, stream: 2, begin: true, end: false }, a)) },
		{ sec: 2, data: pkt(sctpData({ tsn: 0, stream: 2, begin: false, end: false }, b)) },
		{ sec: 3, data: pkt(sctpData({ tsn: 0, stream: 2, begin: false, end: false }, b)) },
		{ sec: 4, data: pkt(sctpData({ tsn: 1, stream: 2, begin: false, end: true }, c)) },
	]);
	assert.equal(messages.length, 1);
	assert.deepEqual(serialize((messages[0] as CapturedMessage).message), bytes);
	assert.equal(messages[0]?.frame, 4);
	assert.equal(stats.malformed.sctpFragments, 0);
});

test("SCTP fragments that cannot be rebuilt are counted: a hole, a piece without a start, over the limit, cut by the end", () => {
	const bytes = (CALL[0] as (typeof CALL)[number]).bytes;
	const pkt = (chunk: Uint8Array) => outer4ip(132, sctp(5060, 5060, 1, [chunk]));
	const piece = (tsn: number, stream: number, begin: boolean, end: boolean, n = 50) =>
		pkt(sctpData({ tsn, stream, begin, end }, bytes.subarray(0, n)));
	const { messages, stats } = read(
		[
			{ sec: 1, data: piece(1, 1, true, false) },
			{ sec: 2, data: piece(3, 1, false, true) }, // TSN 2 never came
			{ sec: 3, data: piece(9, 2, false, true) }, // no first piece
			{ sec: 4, data: piece(10, 3, true, false, 400) },
			{ sec: 5, data: piece(11, 3, false, false, 400) }, // past 600 bytes
			{ sec: 6, data: piece(20, 4, true, false) }, // never finished
		],
		1,
		{ sctp: { maxMessageBytes: 600 } },
	);
	assert.equal(messages.length, 0);
	assert.equal(stats.malformed.sctpFragments, 4);
	assert.deepEqual(
		stats.problems.map((p) => p.detail),
		[
			"a piece of an SCTP message is missing",
			"an SCTP message piece arrived without its first piece",
			"an SCTP message grew past 600 bytes",
			"an SCTP message was cut off by the end of the input",
		],
	);
});

test("compressed HEP payloads are inflated: zlib, gzip and raw deflate (compressed by Node's zlib)", () => {
	const compressors = [zlibDeflate, gzipSync, rawDeflate].map((f) => (b: Uint8Array) => new Uint8Array(f(b)));
	const records = compressors.map((compress, i) => {
		const { m, bytes } = CALL[i] as (typeof CALL)[number];
		const h = hep3(
			{
				src: m.src.ip,
				dst: m.dst.ip,
				srcPort: m.src.port,
				dstPort: m.dst.port,
				sec: m.ts.sec,
				usec: m.ts.nsec / 1000,
				compress,
			},
			bytes,
		);
		return { sec: 1, data: outer4(17, udp(30000, 9060, h)) };
	});
	const { messages, stats } = read(records);
	assert.deepEqual(
		messages.map((m) => [m.transport, m.message.method ?? m.message.status, m.src.ip, m.message.errors]),
		CALL.slice(0, 3).map(({ m }) => ["hep/udp", m.message.method ?? m.message.status, m.src.ip, []]),
	);
	assert.deepEqual(
		messages.map((m) => serialize(m.message)),
		CALL.slice(0, 3).map(({ bytes }) => bytes),
	);
	assert.equal(stats.malformed.badHepCompressed, 0);
});

test("a zlib bomb in HEP is given up past 64 KiB, quickly; a corrupt one is counted too", () => {
	// 60 MB of zeros deflate to about 60 KB: one HEP packet.
	const bomb = (b: Uint8Array) => {
		void b;
		return new Uint8Array(zlibDeflate(new Uint8Array(60 * 1024 * 1024), { level: 9 }));
	};
	const corrupt = () => new Uint8Array([0x78, 0x9c, 0xff, 0xff, 0xff, 0xff]);
	const fields = { src: "192.0.2.1", dst: "192.0.2.2", srcPort: 5060, dstPort: 5060, sec: 1, usec: 0 };
	const bombHep = hep3({ ...fields, compress: bomb }, "x");
	assert.ok(bombHep.length < 65536);
	const started = performance.now();
	const { messages, stats } = read([
		{ sec: 1, data: outer4(17, udp(30000, 9060, bombHep)) },
		{ sec: 2, data: outer4(17, udp(30000, 9060, hep3({ ...fields, compress: corrupt }, "x"))) },
	]);
	assert.ok(performance.now() - started < 2000);
	assert.equal(messages.length, 0);
	assert.equal(stats.malformed.badHepCompressed, 2);
	assert.match(stats.problems[0]?.detail ?? "", /inflates past 65536 bytes/);
});

test("packets in encapsulations that are not decoded are counted by kind; ARP and ICMP are not", () => {
	const ip = innerIpv4(0);
	const { messages, stats } = read([
		{ sec: 1, data: outer4(47, gre({ protocol: 0x1234 }, ip)) },
		{ sec: 2, data: outer4(47, gre({ protocol: 0x1234 }, ip)) },
		{ sec: 3, data: outer4(50, new Uint8Array(40)) },
		{ sec: 4, data: ethernet(0x88e5, new Uint8Array(40)) }, // MACsec
		{ sec: 5, data: outer4(47, pptpGre(1, 1, 0x002b, ip)) }, // PPP IPX
		{ sec: 6, data: ethernet(0x0806, new Uint8Array(28)) }, // ARP
		{ sec: 7, data: outer4(1, new Uint8Array(8)) }, // ICMP
		{ sec: 8, data: outer4(47, pptpGre(1, 1, 0xc021, new Uint8Array(8))) }, // LCP
		{ sec: 9, data: outer4(17, udp(2152, 2152, gtpU({ teid: 1, type: 1 }, new Uint8Array(0)))) }, // echo request
		{
			sec: 10,
			data: outer4(
				47,
				gre(
					{ protocol: 0x0800 },
					ipv4({ src: "203.0.113.2", dst: "203.0.113.1", protocol: 47 }, gre({ protocol: 0 }, new Uint8Array(0))),
				),
			),
		}, // a GRE keepalive
	]);
	assert.equal(messages.length, 0);
	assert.deepEqual(stats.skippedEncapsulations, {
		"GRE protocol type 0x1234": 2,
		"IP protocol 50 (ESP)": 1,
		"EtherType 0x88e5": 1,
		"PPP protocol 0x002b": 1,
	});
	assert.equal(stats.malformed.unsupportedEncapsulation, 5);
	// One problem line per kind, not per packet.
	assert.equal(stats.problems.filter((p) => p.kind === "unsupportedEncapsulation").length, 4);
	assert.equal(stats.nonSipPackets, 5);
});

test("SIP sent to an overlay or GTP-U port is still SIP", () => {
	const { m, bytes } = CALL[0] as (typeof CALL)[number];
	const { messages, stats } = read(
		[2152, 4789, 4790, 6081].map((port, i) => ({
			sec: i,
			data: ethernet(0x0800, ipv4({ src: m.src.ip, dst: m.dst.ip, protocol: 17 }, udp(5060, port, bytes))),
		})),
	);
	assert.equal(messages.length, 4);
	assert.equal(stats.tunnelPackets, 0);
	assert.deepEqual(stats.skippedEncapsulations, {});
});

test("a tunnel header cut by the snapshot length is counted once, as the cut", () => {
	const frame = outer4(17, udp(2152, 2152, gtpU({ teid: 1, sequence: 1 }, innerIpv4(0))));
	const reader = new CaptureReader();
	const file = pcapFile({ linkType: 1, snaplen: 50 }, [{ sec: 1, data: frame.slice(0, 50), origLen: frame.length }]);
	const messages = [...reader.push(file), ...reader.end()];
	assert.equal(messages.length, 0);
	assert.equal(reader.stats.malformed.snaplenCut, 1);
	assert.equal(reader.stats.malformed.badTunnel, 0);
});

test("tunnels nested deeper than the limit are counted, not followed: GRE in GRE 1000 times, IP in IP, GTP in GTP", () => {
	let greBomb = innerIpv4(0);
	let ipBomb = innerIpv4(0);
	let gtpBomb = innerIpv4(0);
	for (let n = 0; n < 1000; n++) {
		greBomb = ipv4({ src: "10.0.0.1", dst: "10.0.0.2", protocol: 47 }, gre({ protocol: 0x0800 }, greBomb));
		ipBomb = ipv4({ src: "10.0.0.1", dst: "10.0.0.2", protocol: 4 }, ipBomb);
		gtpBomb = ipv4({ src: "10.0.0.1", dst: "10.0.0.2", protocol: 17 }, udp(2152, 2152, gtpU({ teid: n }, gtpBomb)));
	}
	const { messages, stats } = read([greBomb, ipBomb, gtpBomb].map((b, i) => ({ sec: i, data: ethernet(0x0800, b) })));
	assert.equal(messages.length, 0);
	assert.equal(stats.malformed.tunnelTooDeep, 3);
	// The limit itself is fine.
	let deep = innerIpv4(0);
	for (let n = 0; n < MAX_TUNNEL_DEPTH; n++)
		deep = ipv4({ src: "10.0.0.1", dst: "10.0.0.2", protocol: 47 }, gre({ protocol: 0x0800 }, deep));
	assert.equal(read([{ sec: 1, data: ethernet(0x0800, deep) }]).messages.length, 1);
});

test("every tunnel header cut short at every length: counted, never thrown, no message", () => {
	for (const [name, wrap] of ENCAPSULATIONS) {
		const frame = wrap(0);
		const inner = innerIpv4(0);
		// Where the inner packet starts: its bytes are at the end of the frame.
		const innerAt = frame.length - inner.length;
		for (let cut = 14 + 20; cut < innerAt + 8; cut++) {
			const data = frame.slice(0, cut);
			const { messages, stats } = read([{ sec: 1, data }]);
			assert.equal(messages.length, 0, `${name} cut at ${cut}`);
			assert.equal(stats.malformed.internalError, 0, `${name} cut at ${cut}`);
			const damage = Object.values(stats.malformed).reduce((a, b) => a + b, 0);
			assert.ok(damage + stats.nonSipPackets > 0, `${name} cut at ${cut}`);
		}
	}
});

test("SCTP and compressed HEP cut short at every length: counted, never an internal error, no message", () => {
	const bytes = (CALL[0] as (typeof CALL)[number]).bytes;
	const hep = hep3(
		{
			src: "192.0.2.1",
			dst: "192.0.2.2",
			srcPort: 1,
			dstPort: 2,
			sec: 1,
			usec: 0,
			compress: (b) => new Uint8Array(zlibDeflate(b)),
		},
		bytes,
	);
	// Where each packet's data ends (the SCTP chunk's padding may be cut without loss).
	const cases: [string, Uint8Array, number, number][] = [
		[
			"SCTP",
			sctp(5060, 5060, 1, [sctpChunk(3, 0, new Uint8Array(12)), sctpData({ tsn: 1 }, bytes)]),
			132,
			12 + 16 + 16 + bytes.length,
		],
		["HEP", udp(1, 9060, hep), 17, 8 + hep.length],
	];
	for (const [name, payload, protocol, end] of cases)
		for (let cut = 0; cut < end; cut++) {
			// The IP header says the cut length: the cut is inside the SCTP or HEP packet itself.
			const { messages, stats } = read([{ sec: 1, data: outer4(protocol, payload.slice(0, cut)) }]);
			assert.equal(messages.length, 0, `${name} cut at ${cut}`);
			assert.equal(stats.malformed.internalError, 0, `${name} cut at ${cut}`);
		}
});

test("random bytes changed in every tunnel frame and in SCTP: never an internal error, never more than the one message", () => {
	const frames = [
		...ENCAPSULATIONS.map(([, wrap]) => wrap(0)),
		outer4(132, sctp(5060, 5060, 1, [sctpData({ tsn: 1 }, (CALL[0] as (typeof CALL)[number]).bytes)])),
		outer4(
			17,
			udp(
				1,
				9060,
				hep3(
					{
						src: "192.0.2.1",
						dst: "192.0.2.2",
						srcPort: 1,
						dstPort: 2,
						sec: 1,
						usec: 0,
						compress: (b) => new Uint8Array(zlibDeflate(b)),
					},
					(CALL[0] as (typeof CALL)[number]).bytes,
				),
			),
		),
	];
	fc.assert(
		fc.property(
			fc.constantFrom(...frames),
			fc.array(fc.tuple(fc.nat({ max: 120 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
			(frame, edits) => {
				const copy = frame.slice();
				// Edits within the headers (the first 120 bytes), where the tunnels are.
				for (const [at, value] of edits) copy[at % copy.length] = value;
				const { messages, stats } = read([{ sec: 1, data: copy }]);
				assert.equal(stats.malformed.internalError, 0, stats.problems.map((p) => p.detail).join("; "));
				assert.ok(messages.length <= 1);
			},
		),
		{ numRuns: 3000 },
	);
});

test("IPv4 authentication headers are skipped to the UDP inside", () => {
	const ah = (next: number, payload: Uint8Array) =>
		concat(new Uint8Array([next, 4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]), new Uint8Array(12), payload);
	const { m, bytes } = CALL[0] as (typeof CALL)[number];
	const { messages, stats } = read([
		{
			sec: 1,
			data: ethernet(
				0x0800,
				ipv4({ src: m.src.ip, dst: m.dst.ip, protocol: 51 }, ah(17, udp(m.src.port, m.dst.port, bytes))),
			),
		},
		{ sec: 2, data: ethernet(0x0800, ipv4({ src: m.src.ip, dst: m.dst.ip, protocol: 51 }, new Uint8Array(6))) },
	]);
	assert.equal(messages.length, 1);
	assert.equal(messages[0]?.message.method, "INVITE");
	assert.equal(stats.malformed.badIpHeader, 1);
});
