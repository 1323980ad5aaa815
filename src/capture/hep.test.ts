import assert from "node:assert/strict";
import { test } from "node:test";
import { CaptureReader } from "./capture-reader.ts";
import { pcapFile } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { decodeHep3 } from "./hep.ts";
import { concat, ethernet, hep3, ipv4, TCP, tcp, udp } from "./packet-builder.ts";

const BYE =
	"BYE sip:bob@198.51.100.7 SIP/2.0\r\nVia: SIP/2.0/UDP 198.51.100.5;branch=z9hG4bKh\r\nMax-Forwards: 70\r\nFrom: <sip:a@x>;tag=1\r\nTo: <sip:b@x>;tag=2\r\nCall-ID: hep-1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n";
const FIELDS = {
	src: "198.51.100.5",
	dst: "198.51.100.7",
	srcPort: 5080,
	dstPort: 5060,
	sec: 1700000123,
	usec: 456789,
};

function read(frames: Uint8Array[]) {
	const reader = new CaptureReader();
	const file = pcapFile(
		{ linkType: 1 },
		frames.map((data, i) => ({ sec: 1 + i, data })),
	);
	const messages: CapturedMessage[] = [...reader.push(file), ...reader.end()];
	return { messages, stats: reader.stats };
}

const overUdp = (payload: Uint8Array) =>
	ethernet(0x0800, ipv4({ src: "10.1.1.1", dst: "10.9.9.9", protocol: 17 }, udp(34000, 9060, payload)));

test("HEP v3 over UDP: the inner SIP with the addresses and time of the HEP chunks", () => {
	const { messages, stats } = read([overUdp(hep3({ ...FIELDS, captureId: 2001, correlationId: "corr" }, BYE))]);
	assert.equal(messages.length, 1);
	const m = messages[0] as CapturedMessage;
	assert.equal(m.transport, "hep/udp");
	assert.equal(m.message.method, "BYE");
	assert.deepEqual([m.src.ip, m.src.port, m.dst.ip, m.dst.port], ["198.51.100.5", 5080, "198.51.100.7", 5060]);
	assert.deepEqual(m.ts, { sec: 1700000123, nsec: 456789000 });
	assert.deepEqual(m.hep, {
		transport: "udp",
		captureId: 2001,
		correlationId: "corr",
		agent: { src: "10.1.1.1", srcPort: 34000, dst: "10.9.9.9", dstPort: 9060 },
	});
	assert.equal(stats.hepPackets, 1);
	assert.equal(stats.sipPackets, 1);
});

test("HEP v3 with IPv6 addresses and a TCP original", () => {
	const { messages } = read([overUdp(hep3({ ...FIELDS, src: "2001:db8::5", dst: "2001:db8::7", ipProtocol: 6 }, BYE))]);
	assert.equal(messages[0]?.src.ip, "2001:db8::5");
	assert.equal(messages[0]?.transport, "hep/tcp");
	assert.equal(messages[0]?.hep?.transport, "tcp");
});

test("HEP v3 over TCP: packets framed by their length across segments", () => {
	const stream = concat(hep3(FIELDS, BYE), hep3({ ...FIELDS, usec: 1 }, BYE.replace("hep-1", "hep-2")));
	const seg = (seq: number, flags: number, data: Uint8Array = new Uint8Array(0)) =>
		ethernet(
			0x0800,
			ipv4({ src: "10.1.1.1", dst: "10.9.9.9", protocol: 6 }, tcp({ srcPort: 40000, dstPort: 9060, seq, flags }, data)),
		);
	const { messages, stats } = read([
		seg(0, TCP.SYN),
		seg(1, TCP.ACK, stream.subarray(0, 100)),
		seg(101, TCP.ACK, stream.subarray(100, 300)),
		seg(301, TCP.ACK, stream.subarray(300)),
	]);
	assert.deepEqual(
		messages.map((m) => [m.message.callId, m.transport, m.ts.nsec]),
		[
			["hep-1", "hep/udp", 456789000],
			["hep-2", "hep/udp", 1000],
		],
	);
	assert.equal(stats.hepPackets, 2);
});

test("HEP packets that are not SIP, compressed or broken", () => {
	const rtcp = hep3({ ...FIELDS, protocolType: 5 }, new Uint8Array([0x80, 0xc8, 0, 6]));
	const broken = hep3(FIELDS, BYE).subarray(0, 40);
	const badChunk = hep3(FIELDS, BYE);
	badChunk[11] = 2; // the first chunk's length below its 6-byte header
	// A compressed payload chunk (0x0010) with nothing in it.
	const compressed = concat(new TextEncoder().encode("HEP3"), new Uint8Array([0, 12, 0, 0, 0, 16, 0, 6]));
	const { messages, stats } = read([rtcp, broken, badChunk, compressed].map(overUdp));
	assert.equal(messages.length, 0);
	assert.equal(stats.hepPackets, 2);
	assert.equal(stats.malformed.badHep, 2);
	assert.equal(stats.malformed.badHepCompressed, 1);
	assert.equal(stats.malformed.unsupported, 0);
	assert.match(String(decodeHep3(broken)), /past the 40 bytes/);
});

test("HEP over TCP joined midway: found by its magic, not by the SIP inside it", () => {
	const stream = concat(hep3(FIELDS, BYE), hep3({ ...FIELDS, usec: 1 }, BYE.replace("hep-1", "hep-2")));
	const seg = (seq: number, data: Uint8Array) =>
		ethernet(
			0x0800,
			ipv4({ src: "10.1.1.1", dst: "10.9.9.9", protocol: 6 }, tcp({ srcPort: 40000, dstPort: 9060, seq }, data)),
		);
	// The first segment starts exactly at the SIP start line inside the first HEP packet.
	const first = hep3(FIELDS, BYE).length;
	const at = first - BYE.length;
	const { messages } = read([
		seg(1000, stream.subarray(at, first + 20)),
		seg(1000 + first + 20 - at, stream.subarray(first + 20)),
	]);
	assert.deepEqual(
		messages.map((m) => [m.message.callId, m.transport, m.src.ip]),
		[["hep-2", "hep/udp", "198.51.100.5"]],
	);
});
