import assert from "node:assert/strict";
import { test } from "node:test";
import { CaptureReader } from "./capture-reader.ts";
import { pcapFile, pcapHeader, pcapRecord } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { concat, ethernet, ipv4, ipv6, nullLoopback, sll, sll2, udp } from "./packet-builder.ts";

const INVITE =
	"INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
const OK =
	"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>;tag=b\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";

function read(bytes: Uint8Array, chunk = bytes.length): { messages: CapturedMessage[]; reader: CaptureReader } {
	const reader = new CaptureReader();
	const messages: CapturedMessage[] = [];
	for (let o = 0; o < bytes.length; o += chunk) messages.push(...reader.push(bytes.subarray(o, o + chunk)));
	messages.push(...reader.end());
	return { messages, reader };
}

const v4 = (payload: string, sport = 5060, dport = 5060) =>
	ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17 }, udp(sport, dport, payload));
const v6 = (payload: string) =>
	ipv6({ src: "2001:db8::1", dst: "2001:db8::2", protocol: 17 }, udp(5062, 5060, payload));

test("both byte orders, microsecond and nanosecond magic", () => {
	for (const littleEndian of [false, true])
		for (const nano of [false, true]) {
			const file = pcapFile({ linkType: 1, littleEndian, nano }, [
				{ sec: 1700000000, nsec: 123456789, data: ethernet(0x0800, v4(INVITE)) },
				{ sec: 1700000001, nsec: 5000, data: ethernet(0x0800, v4(OK)) },
			]);
			const { messages, reader } = read(file);
			assert.equal(reader.stats.format, "pcap");
			assert.deepEqual(
				messages.map((m) => m.message.method ?? m.message.status),
				["INVITE", 200],
			);
			const [a, b] = messages as [CapturedMessage, CapturedMessage];
			assert.deepEqual(a.ts, { sec: 1700000000, nsec: nano ? 123456789 : 123456000 });
			assert.deepEqual(b.ts, { sec: 1700000001, nsec: 5000 });
			assert.equal(a.time, 1700000000 + (nano ? 0.123456789 : 0.123456));
			assert.deepEqual(
				[a.src.ip, a.src.port, a.dst.ip, a.dst.port, a.transport, a.frame],
				["192.0.2.1", 5060, "192.0.2.2", 5060, "udp", 1],
			);
			assert.equal(b.frame, 2);
			assert.equal(reader.stats.packets, 2);
			assert.equal(reader.stats.sipMessages, 2);
			assert.equal(reader.stats.sipPackets, 2);
			assert.equal(reader.stats.bytes, file.length);
			assert.equal(
				Object.values(reader.stats.malformed).reduce((x, y) => x + y),
				0,
			);
		}
});

test("every link type: Ethernet, 802.1Q, QinQ, SLL, SLL2, raw, raw IPv4/IPv6, null both orders, loop", () => {
	const cases: [string, number, Uint8Array][] = [
		["ethernet ipv4", 1, ethernet(0x0800, v4(INVITE))],
		["ethernet ipv6", 1, ethernet(0x86dd, v6(INVITE))],
		["802.1Q", 1, ethernet(0x0800, v4(INVITE), [{ tpid: 0x8100, vid: 100 }])],
		[
			"QinQ",
			1,
			ethernet(0x86dd, v6(INVITE), [
				{ tpid: 0x88a8, vid: 10 },
				{ tpid: 0x8100, vid: 20 },
			]),
		],
		["SLL", 113, sll(0x0800, v4(INVITE))],
		["SLL with VLAN", 113, sll(0x8100, concat(new Uint8Array([0, 5, 0x86, 0xdd]), v6(INVITE)))],
		["SLL2", 276, sll2(0x86dd, v6(INVITE))],
		["raw 101 v4", 101, v4(INVITE)],
		["raw 101 v6", 101, v6(INVITE)],
		["raw IPv4 228", 228, v4(INVITE)],
		["raw IPv6 229", 229, v6(INVITE)],
		["null LE AF_INET", 0, nullLoopback(2, true, v4(INVITE))],
		["null BE AF_INET", 0, nullLoopback(2, false, v4(INVITE))],
		["null LE AF_INET6 darwin", 0, nullLoopback(30, true, v6(INVITE))],
		["null BE AF_INET6 freebsd", 0, nullLoopback(28, false, v6(INVITE))],
		["null LE AF_INET6 linux", 0, nullLoopback(10, true, v6(INVITE))],
		["loop 108", 108, nullLoopback(2, false, v4(INVITE))],
	];
	for (const [name, linkType, data] of cases) {
		const { messages, reader } = read(pcapFile({ linkType }, [{ sec: 1, data }]));
		assert.equal(messages.length, 1, name);
		assert.equal(messages[0]?.message.method, "INVITE", name);
		assert.equal(messages[0]?.message.callId, "c1", name);
		const v6addr = messages[0]?.src.ip.includes(":");
		assert.equal(messages[0]?.src.ip, v6addr ? "2001:db8::1" : "192.0.2.1", name);
		assert.equal(reader.stats.sipPackets, 1, name);
	}
});

test("unknown link types and non-IP frames are counted, not fatal", () => {
	const file = concat(pcapHeader({ linkType: 147 }), pcapRecord({ linkType: 147 }, { sec: 1, data: v4(INVITE) }));
	const { messages, reader } = read(file);
	assert.equal(messages.length, 0);
	assert.equal(reader.stats.malformed.unknownLinkType, 1);
	assert.match(reader.stats.problems[0]?.detail ?? "", /link type 147/);

	const arp = pcapFile({ linkType: 1 }, [
		{ sec: 1, data: ethernet(0x0806, new Uint8Array(28)) },
		{ sec: 1, data: new Uint8Array(10) },
		{ sec: 1, data: ethernet(0x0800, v4("RTP-ish binary \u0001\u0002", 40000, 40002)) },
	]);
	const r = read(arp).reader;
	assert.equal(r.stats.nonSipPackets, 2);
	assert.equal(r.stats.malformed.badLinkHeader, 1);
});

test("SIP is recognised by content on any port, and keep-alives are counted", () => {
	const file = pcapFile({ linkType: 101 }, [
		{ sec: 1, data: v4(INVITE, 33333, 44444) },
		{ sec: 2, data: v4("\r\n\r\n", 5060, 5060) },
		{ sec: 3, data: v4("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 5060, 5060) },
	]);
	const { messages, reader } = read(file);
	assert.equal(messages.length, 1);
	assert.equal(messages[0]?.src.port, 33333);
	assert.equal(reader.stats.keepAlives, 1);
	assert.equal(reader.stats.nonSipPackets, 1);
});

test("snaplen-cut packets are counted and what was captured is used", () => {
	const frame = ethernet(0x0800, v4(INVITE));
	const file = pcapFile({ linkType: 1, snaplen: 120 }, [
		{ sec: 1, data: frame.subarray(0, 120), origLen: frame.length },
	]);
	const { messages, reader } = read(file);
	assert.equal(reader.stats.malformed.snaplenCut, 1);
	assert.equal(reader.stats.malformed.truncatedIp, 0);
	assert.equal(messages.length, 1);
	assert.equal(messages[0]?.message.method, "INVITE");
	assert.equal(messages[0]?.message.callId, null);
});

test("IPv4 options are skipped", () => {
	const withOptions = ipv4(
		{ src: "10.0.0.1", dst: "10.0.0.2", protocol: 17, options: new Uint8Array([0x94, 4, 0, 0, 1, 1, 1, 0]) },
		udp(5060, 5060, INVITE),
	);
	const { messages } = read(pcapFile({ linkType: 101 }, [{ sec: 1, data: withOptions }]));
	assert.equal(messages[0]?.message.method, "INVITE");
	assert.equal(messages[0]?.src.ip, "10.0.0.1");
});

test("IPv6 extension headers are skipped", () => {
	const pkt = ipv6(
		{
			src: "fe80::1",
			dst: "ff02::1:2",
			protocol: 17,
			extensions: [
				{ type: 0, length: 8 },
				{ type: 43, length: 24 },
				{ type: 60, length: 16 },
				{ type: 51, length: 16 },
			],
		},
		udp(5060, 5060, OK),
	);
	const { messages, reader } = read(pcapFile({ linkType: 229 }, [{ sec: 1, data: pkt }]));
	assert.equal(messages[0]?.message.status, 200);
	assert.equal(messages[0]?.src.ip, "fe80::1");
	assert.equal(messages[0]?.dst.ip, "ff02::1:2");
	assert.equal(reader.stats.sipPackets, 1);
});

test("IP-in-IP tunnels are followed", () => {
	const inner = v6(INVITE);
	const outer = ipv4({ src: "198.51.100.1", dst: "198.51.100.2", protocol: 41 }, inner);
	const { messages } = read(pcapFile({ linkType: 101 }, [{ sec: 1, data: outer }]));
	assert.equal(messages[0]?.src.ip, "2001:db8::1");
});

test("the modified (Kuznetzov) pcap variant has 24-byte record headers", () => {
	const header = pcapHeader({ linkType: 101 });
	header.set([0xa1, 0xb2, 0xcd, 0x34], 0);
	const data = v4(INVITE);
	const rec = pcapRecord({ linkType: 101 }, { sec: 1, data });
	const modified = concat(rec.subarray(0, 16), new Uint8Array(8), data);
	const { messages, reader } = read(concat(header, modified, modified));
	assert.equal(messages.length, 2);
	assert.equal(reader.stats.skippedBytes, 0);
});
