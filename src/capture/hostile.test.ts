import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CaptureOptions, CaptureReader } from "./capture-reader.ts";
import {
	pcapFile,
	pcapHeader,
	pcapngBlock,
	pcapngEpb,
	pcapngInterface,
	pcapngSection,
	pcapRecord,
} from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import {
	bytesOf,
	concat,
	ethernet,
	hep3,
	ipv4,
	ipv4Fragments,
	ipv6Fragments,
	TCP,
	tcp,
	udp,
	webSocketFrame,
} from "./packet-builder.ts";

const msg = (n: number) =>
	`OPTIONS sip:x@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK${n}\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:x@example.com>\r\nCall-ID: h${n}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`;
const udpFrame = (n: number) =>
	ethernet(0x0800, ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17 }, udp(5060, 5060, msg(n))));
const tcpFrame = (seq: number, flags: number, data = "") =>
	ethernet(
		0x0800,
		ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 6 }, tcp({ srcPort: 1234, dstPort: 5060, seq, flags }, data)),
	);

const PCAP = pcapFile({ linkType: 1, littleEndian: true }, [
	{ sec: 1700000000, data: udpFrame(1) },
	{ sec: 1700000001, data: tcpFrame(0, TCP.SYN) },
	{ sec: 1700000002, data: tcpFrame(1, TCP.ACK, msg(2)) },
	{ sec: 1700000003, data: udpFrame(3) },
]);
const PCAPNG = concat(
	pcapngSection(),
	pcapngInterface({ linkType: 1, tsresol: 9 }),
	pcapngEpb(0, { sec: 1700000000, data: udpFrame(1) }, 9),
	pcapngEpb(0, { sec: 1700000001, data: tcpFrame(0, TCP.SYN) }, 9),
	pcapngEpb(0, { sec: 1700000002, data: tcpFrame(1, TCP.ACK, msg(2)) }, 9),
	pcapngEpb(0, { sec: 1700000003, data: udpFrame(3) }, 9),
);

// Every decoder at once: VLAN, IPv4 and IPv6 fragments, HEP over UDP and TCP, WebSocket.
const big = msg(7) + "x".repeat(3000);
const wsUp = "GET / HTTP/1.1\r\nUpgrade: websocket\r\n\r\n";
const wsFrame = webSocketFrame(msg(8), { mask: new Uint8Array([1, 2, 3, 4]) });
const tcpFrom = (port: number, seq: number, flags: number, data: Uint8Array | string = "") =>
	ethernet(
		0x0800,
		ipv4({ src: "192.0.2.5", dst: "192.0.2.6", protocol: 6 }, tcp({ srcPort: port, dstPort: 80, seq, flags }, data)),
	);
const hepStream = concat(hep3({ src: "1.1.1.1", dst: "2.2.2.2", srcPort: 1, dstPort: 2, sec: 1, usec: 2 }, msg(9)));
const KITCHEN = pcapFile({ linkType: 1 }, [
	...ipv4Fragments({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17, id: 5 }, udp(5060, 5060, big), 1480)
		.reverse()
		.map((f) => ({ sec: 1700000000, data: ethernet(0x0800, f, [{ tpid: 0x8100, vid: 7 }]) })),
	...ipv6Fragments({ src: "2001:db8::1", dst: "2001:db8::2", protocol: 17 }, 6, udp(5060, 5060, big), 1232).map(
		(f) => ({
			sec: 1700000001,
			data: ethernet(0x86dd, f),
		}),
	),
	{ sec: 1700000002, data: tcpFrom(1000, 0, TCP.SYN) },
	{ sec: 1700000002, data: tcpFrom(1000, 1, TCP.ACK, concat(bytesOf(wsUp), wsFrame)) },
	{ sec: 1700000003, data: tcpFrom(1001, 0, TCP.SYN) },
	{ sec: 1700000003, data: tcpFrom(1001, 1, TCP.ACK, hepStream) },
	{
		sec: 1700000004,
		data: ethernet(
			0x0800,
			ipv4(
				{ src: "192.0.2.1", dst: "192.0.2.9", protocol: 17 },
				udp(1, 9060, hep3({ src: "1.1.1.1", dst: "2.2.2.2", srcPort: 1, dstPort: 2, sec: 1, usec: 2 }, msg(10))),
			),
		),
	},
]);

function read(bytes: Uint8Array, chunk = bytes.length || 1, options: CaptureOptions = {}) {
	const reader = new CaptureReader(options);
	const messages: CapturedMessage[] = [];
	for (let o = 0; o < bytes.length; o += chunk) messages.push(...reader.push(bytes.subarray(o, o + chunk)));
	messages.push(...reader.end());
	return { messages, stats: reader.stats, ids: messages.map((m) => m.message.callId) };
}

const damage = (stats: CaptureReader["stats"]) => Object.values(stats.malformed).reduce((x, y) => x + y, 0);

test("the clean captures read whole", () => {
	for (const file of [PCAP, PCAPNG]) {
		const { ids, stats } = read(file);
		assert.deepEqual(ids, ["h1", "h2", "h3"]);
		assert.equal(damage(stats), 0);
	}
});

test("the kitchen-sink capture reads whole", () => {
	const { ids, stats } = read(KITCHEN);
	assert.deepEqual(ids, ["h7", "h7", "h8", "h9", "h10"]);
	assert.equal(damage(stats), 0);
});

test("truncated at every byte offset: never throws, counts the damage, keeps what came before", () => {
	for (const file of [PCAP, PCAPNG]) {
		const full = read(file).ids;
		for (let n = 0; n < file.length; n++) {
			for (const chunk of [n || 1, 7]) {
				const { ids, stats } = read(file.subarray(0, n), chunk);
				assert.deepEqual(ids, full.slice(0, ids.length), `cut at ${n}`);
				assert.equal(stats.bytes, n);
				if (n < 4) assert.equal(stats.malformed.notACapture, 1, `cut at ${n}`);
				else assert.ok(stats.malformed.truncatedFile + stats.malformed.sipIncomplete <= 2, `cut at ${n}`);
				if (n >= 4 && stats.skippedBytes > 0) assert.equal(stats.malformed.truncatedFile, 1, `cut at ${n}`);
			}
		}
	}
});

test("wrong magic and empty input are not captures", () => {
	for (const input of ["", "abc", "GIF89a........", "INVITE sip:x SIP/2.0\r\n\r\n"]) {
		const { messages, stats } = read(new TextEncoder().encode(input));
		assert.equal(messages.length, 0);
		assert.equal(stats.format, "unknown");
		assert.equal(stats.malformed.notACapture, 1);
		assert.equal(stats.skippedBytes, input.length);
	}
});

test("an absurd pcap record length is counted and reading resynchronises", () => {
	const s = { linkType: 1 };
	const bad = pcapRecord(s, { sec: 1700000000, data: new Uint8Array(8) });
	bad.set([0xff, 0xff, 0xff, 0xf0], 8); // incl_len 0xFFFFFFF0
	const file = concat(
		pcapHeader(s),
		pcapRecord(s, { sec: 1700000000, data: udpFrame(1) }),
		bad,
		pcapRecord(s, { sec: 1700000001, data: udpFrame(2) }),
		pcapRecord(s, { sec: 1700000002, data: udpFrame(3) }),
	);
	for (const chunk of [file.length, 1, 5, 64]) {
		const { ids, stats } = read(file, chunk);
		assert.deepEqual(ids, ["h1", "h2", "h3"], `chunks of ${chunk}`);
		assert.equal(stats.malformed.badRecord, 1);
		assert.equal(stats.skippedBytes, bad.length);
	}
});

test("absurd, zero, unaligned and mismatched pcapng block lengths are counted and skipped", () => {
	const good = (n: number) => pcapngEpb(0, { sec: 1700000000 + n, data: udpFrame(n) });
	const absurd = concat(new Uint8Array([0, 0, 0, 6, 0xff, 0xff, 0xff, 0xf0]), new Uint8Array(24));
	const zero = new Uint8Array([0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0]);
	const unaligned = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 13, 0, 0, 0, 0, 0, 0, 0, 13]);
	const mismatched = pcapngBlock(5, new Uint8Array(8));
	mismatched[mismatched.length - 1] = 99;
	const file = concat(
		pcapngSection(),
		pcapngInterface({ linkType: 1 }),
		good(1),
		absurd,
		good(2),
		zero,
		good(3),
		unaligned,
		good(4),
		mismatched,
		good(5),
	);
	for (const chunk of [file.length, 1, 3, 100]) {
		const { ids, stats } = read(file, chunk);
		assert.deepEqual(ids, ["h1", "h2", "h3", "h4", "h5"], `chunks of ${chunk}`);
		assert.equal(stats.malformed.badBlock, 4);
		assert.equal(stats.skippedBytes, absurd.length + zero.length + unaligned.length + mismatched.length);
	}
});

test("a bad section header byte-order magic, and packet blocks that lie about their length", () => {
	const shb = pcapngSection();
	shb.set([1, 2, 3, 4], 8);
	const lying = pcapngEpb(0, { sec: 1, data: udpFrame(9) });
	lying.set([0, 0, 0x10, 0], 20); // captured length 4096 in a small block
	const file = concat(
		shb,
		pcapngSection(),
		pcapngInterface({ linkType: 1 }),
		lying,
		pcapngEpb(0, { sec: 2, data: udpFrame(1) }),
	);
	const { ids, stats } = read(file);
	assert.deepEqual(ids, ["h1"]);
	assert.equal(stats.malformed.badBlock, 1);
	assert.equal(stats.malformed.badPacketBlock, 1);
	assert.equal(stats.packets, 2);
	assert.equal(stats.sections, 1);
});

test("garbage after a valid header: bounded work, never throws", () => {
	let x = 12345;
	const noise = new Uint8Array(1 << 20).map(() => {
		x = (x * 1103515245 + 12345) >>> 0;
		return x >>> 24;
	});
	for (const head of [pcapHeader({ linkType: 1 }), concat(pcapngSection(), pcapngInterface({ linkType: 1 }))]) {
		const started = performance.now();
		const { stats } = read(concat(head, noise), 65536);
		assert.ok(performance.now() - started < 5000);
		assert.ok(stats.malformed.badRecord + stats.malformed.badBlock > 0);
		assert.equal(stats.bytes, head.length + noise.length);
	}
});

test("random mutations of a capture never throw and always end", () => {
	fc.assert(
		fc.property(
			fc.constantFrom(PCAP, PCAPNG, KITCHEN),
			fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
			fc.integer({ min: 1, max: 64 }),
			(file, edits, chunk) => {
				const copy = file.slice();
				for (const [at, value] of edits) copy[at % copy.length] = value;
				const { stats } = read(copy, chunk);
				assert.equal(stats.bytes, copy.length);
				assert.equal(stats.malformed.internalError, 0);
				assert.ok(stats.sipMessages <= 5 + edits.length);
			},
		),
		{ numRuns: 1500 },
	);
});

test("random bytes never throw", () => {
	fc.assert(
		fc.property(
			fc.uint8Array({ maxLength: 2000 }),
			fc.constantFrom(PCAP.subarray(0, 24), PCAPNG.subarray(0, 48)),
			(noise, head) => {
				const { stats } = read(concat(head, noise), 13);
				assert.equal(stats.bytes, head.length + noise.length);
			},
		),
		{ numRuns: 300 },
	);
});

test("pushes after end are ignored", () => {
	const reader = new CaptureReader();
	reader.push(PCAP);
	reader.end();
	assert.deepEqual(reader.push(PCAP), []);
	assert.deepEqual(reader.end(), []);
	assert.equal(reader.stats.bytes, PCAP.length);
});
