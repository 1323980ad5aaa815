import assert from "node:assert/strict";
import { test } from "node:test";
import { CaptureReader } from "./capture-reader.ts";
import { pcapngBlock, pcapngEpb, pcapngInterface, pcapngOpb, pcapngSection, pcapngSpb } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { concat, ethernet, ipv4, ipv6, sll2, udp } from "./packet-builder.ts";

const msg = (callId: string) =>
	`OPTIONS sip:x@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK${callId}\r\nMax-Forwards: 70\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:x@example.com>\r\nCall-ID: ${callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`;

const v4 = (callId: string) => ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17 }, udp(5060, 5060, msg(callId)));
const v6 = (callId: string) =>
	ipv6({ src: "2001:db8::a", dst: "2001:db8::b", protocol: 17 }, udp(5060, 5060, msg(callId)));

function read(bytes: Uint8Array, chunk = bytes.length): { messages: CapturedMessage[]; reader: CaptureReader } {
	const reader = new CaptureReader();
	const messages: CapturedMessage[] = [];
	for (let o = 0; o < bytes.length; o += chunk) messages.push(...reader.push(bytes.subarray(o, o + chunk)));
	messages.push(...reader.end());
	return { messages, reader };
}

test("EPB, SPB and OPB on several interfaces, in both byte orders", () => {
	for (const le of [false, true]) {
		const file = concat(
			pcapngSection(le),
			pcapngInterface({ linkType: 1 }, le),
			pcapngInterface({ linkType: 276, tsresol: 9 }, le),
			pcapngEpb(0, { sec: 1700000000, nsec: 250000000, data: ethernet(0x0800, v4("epb0")) }, 6, le),
			pcapngEpb(1, { sec: 1700000001, nsec: 987654321, data: sll2(0x86dd, v6("epb1")) }, 9, le),
			pcapngSpb({ sec: 0, data: ethernet(0x0800, v4("spb")) }, le),
			pcapngOpb(1, { sec: 1700000002, nsec: 1, data: sll2(0x0800, v4("opb")) }, 9, le),
		);
		const { messages, reader } = read(file);
		assert.equal(reader.stats.format, "pcapng");
		assert.deepEqual(
			messages.map((m) => m.message.callId),
			["epb0", "epb1", "spb", "opb"],
		);
		assert.deepEqual(messages[0]?.ts, { sec: 1700000000, nsec: 250000000 });
		assert.deepEqual(messages[1]?.ts, { sec: 1700000001, nsec: 987654321 });
		// A Simple Packet Block has no time: it takes the previous packet's.
		assert.deepEqual(messages[2]?.ts, messages[1]?.ts);
		assert.deepEqual(messages[3]?.ts, { sec: 1700000002, nsec: 1 });
		assert.equal(messages[1]?.src.ip, "2001:db8::a");
		assert.deepEqual(
			messages.map((m) => m.frame),
			[1, 2, 3, 4],
		);
		assert.equal(reader.stats.interfaces, 2);
		assert.equal(reader.stats.sections, 1);
		assert.equal(
			Object.values(reader.stats.malformed).reduce((x, y) => x + y),
			0,
		);
	}
});

test("if_tsresol as a power of 10 and of 2, and if_tsoffset", () => {
	const cases: [number, number, { sec: number; nsec: number }][] = [
		[3, 0, { sec: 1700000000, nsec: 123000000 }],
		[6, 0, { sec: 1700000000, nsec: 123456000 }],
		[9, 0, { sec: 1700000000, nsec: 123456789 }],
		[0x80 | 20, 0, { sec: 1700000000, nsec: 123456789 }],
		[0x80 | 30, 0, { sec: 1700000000, nsec: 123456789 }],
		[9, 3600, { sec: 1700003600, nsec: 123456789 }],
	];
	for (const [tsresol, tsoffset, want] of cases) {
		const file = concat(
			pcapngSection(),
			pcapngInterface({ linkType: 101, tsresol, tsoffset }),
			pcapngEpb(0, { sec: 1700000000, nsec: 123456789, data: v4("t") }, tsresol),
		);
		const [m] = read(file).messages;
		assert.equal(m?.ts.sec, want.sec, `tsresol ${tsresol}`);
		// Powers of 2 are not exact in decimal: within one unit.
		const unit = tsresol & 0x80 ? 1e9 / 2 ** (tsresol & 0x7f) : 10 ** (9 - tsresol);
		assert.ok(Math.abs((m?.ts.nsec ?? 0) - want.nsec) <= Math.max(unit, 1), `tsresol ${tsresol}: ${m?.ts.nsec}`);
	}
});

test("several sections, each with its own byte order and interfaces", () => {
	const file = concat(
		pcapngSection(false),
		pcapngInterface({ linkType: 1 }, false),
		pcapngEpb(0, { sec: 1, data: ethernet(0x0800, v4("s1")) }, 6, false),
		pcapngSection(true),
		pcapngInterface({ linkType: 101, tsresol: 9 }, true),
		pcapngEpb(0, { sec: 2, nsec: 7, data: v4("s2") }, 9, true),
	);
	const { messages, reader } = read(file);
	assert.deepEqual(
		messages.map((m) => [m.message.callId, m.ts.sec, m.ts.nsec]),
		[
			["s1", 1, 0],
			["s2", 2, 7],
		],
	);
	assert.equal(reader.stats.sections, 2);
	assert.equal(reader.stats.interfaces, 2);
});

test("unknown, statistics, name-resolution and custom blocks are skipped", () => {
	const file = concat(
		pcapngSection(),
		pcapngBlock(0x12345678, new Uint8Array(13)),
		pcapngInterface({ linkType: 101 }),
		pcapngBlock(4, new Uint8Array(4)),
		pcapngBlock(5, new Uint8Array(20)),
		pcapngBlock(0xbad, new Uint8Array(8)),
		pcapngEpb(0, { sec: 1, data: v4("after") }),
	);
	const { messages, reader } = read(file);
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["after"],
	);
	assert.equal(reader.stats.skippedBytes, 0);
	assert.equal(
		Object.values(reader.stats.malformed).reduce((x, y) => x + y),
		0,
	);
});

test("a packet on an interface that was never described is counted and still numbered", () => {
	const file = concat(
		pcapngSection(),
		pcapngInterface({ linkType: 101 }),
		pcapngEpb(3, { sec: 1, data: v4("lost") }),
		pcapngEpb(0, { sec: 1, data: v4("kept") }),
	);
	const { messages, reader } = read(file);
	assert.equal(reader.stats.malformed.unknownInterface, 1);
	assert.equal(messages[0]?.message.callId, "kept");
	assert.equal(messages[0]?.frame, 2);
	assert.equal(reader.stats.packets, 2);
});

test("snaplen-cut EPB is counted", () => {
	const data = v4("cut");
	const file = concat(
		pcapngSection(),
		pcapngInterface({ linkType: 101, snaplen: 100 }),
		pcapngEpb(0, { sec: 1, data: data.subarray(0, 100), origLen: data.length }),
	);
	const { reader } = read(file);
	assert.equal(reader.stats.malformed.snaplenCut, 1);
	assert.equal(reader.stats.sipMessages, 1);
});
