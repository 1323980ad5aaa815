import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { pcapFile } from "./capture-writer.ts";
import { bytesOf, ethernet, ipv4, udp } from "./packet-builder.ts";
import { InflationLimitError } from "./read-capture.ts";
import { readInput } from "./read-input.ts";
import type { SipEvent } from "./sip-event.ts";

const OPTIONS = [
	"OPTIONS sip:b@192.0.2.2 SIP/2.0",
	"Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-ri",
	"Max-Forwards: 70",
	"From: <sip:a@192.0.2.1>;tag=1",
	"To: <sip:b@192.0.2.2>",
	"Call-ID: read-input-1",
	"CSeq: 1 OPTIONS",
	"Content-Length: 0",
	"",
	"",
].join("\r\n");

const frame = (srcPort: number, dstPort: number, payload: string | Uint8Array) =>
	ethernet(0x0800, ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17 }, udp(srcPort, dstPort, payload)));

/** Byte chunks of `b`, `size` bytes each: the sniffing must not depend on chunk boundaries. */
function* chunks(b: Uint8Array, size: number): Generator<Uint8Array> {
	for (let o = 0; o < b.length; o += size) yield b.subarray(o, o + size);
}

test("a pcap, one byte at a time: SIP events in frame order with the datagrams between them", async () => {
	const rtp = new Uint8Array([0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 7]);
	const file = pcapFile({ linkType: 1 }, [
		{ sec: 10, data: frame(5060, 5060, OPTIONS) },
		{ sec: 11, data: frame(4000, 4002, rtp) },
		{ sec: 12, data: frame(5060, 5060, OPTIONS.replace("read-input-1", "read-input-2")) },
	]);
	const heard: string[] = [];
	const events: SipEvent[] = [];
	const progress: number[] = [];
	const stats = await readInput(
		"a.pcap",
		chunks(file, 1),
		(e) => {
			events.push(e);
			heard.push(`sip ${e.message.callId}`);
		},
		{
			onDatagram: (time, src, srcPort, dst, dstPort) => {
				heard.push(`datagram ${time} ${src}:${srcPort} ${dst}:${dstPort}`);
				return true;
			},
			progress: (n) => progress.push(n),
		},
	);
	assert.deepEqual(heard, ["sip read-input-1", "datagram 11 192.0.2.1:4000 192.0.2.2:4002", "sip read-input-2"]);
	const e = events[0] as SipEvent;
	assert.deepEqual(
		[e.time, e.ts, e.src, e.dst, e.transport, e.frame],
		[10, { sec: 10, nsec: 0 }, { ip: "192.0.2.1", port: 5060 }, { ip: "192.0.2.2", port: 5060 }, "udp", 1],
	);
	assert.equal(stats.format, "pcap");
	assert.equal(stats.name, "a.pcap");
	assert.equal(stats.packets, 3);
	assert.equal(stats.sipMessages, 2);
	assert.equal(stats.bytes, file.length);
	assert.equal(progress.at(-1), file.length);
});

test("a gzipped Asterisk log: inflated, told as text, its yearless times given the year asked for", async () => {
	const log = [
		"[Dec  4 14:00:00] VERBOSE[1234] res_pjsip_logger.c: <--- Received SIP request (300 bytes) from UDP:192.0.2.1:5060 --->",
		OPTIONS,
	].join("\n");
	const events: SipEvent[] = [];
	const stats = await readInput("a.log.gz", chunks(new Uint8Array(gzipSync(log)), 7), (e) => events.push(e), {
		textLog: { year: 2023 },
	});
	assert.equal(stats.format, "text");
	assert.equal(stats.textFormat, "asterisk");
	assert.deepEqual(stats.problems, []);
	assert.deepEqual(
		events.map((e) => [e.message.callId, e.time, e.src]),
		[["read-input-1", Date.UTC(2023, 11, 4, 14) / 1000, { ip: "192.0.2.1", port: 5060 }]],
	);
});

test("neither a capture nor SIP text: format unknown with one problem; corrupt gzip is said", async () => {
	const none = await readInput("x.bin", [bytesOf("just some words\n".repeat(10))], () => assert.fail("no events"));
	assert.equal(none.format, "unknown");
	assert.deepEqual(none.problems, ["neither a pcap/pcapng capture nor text holding SIP messages"]);
	const gz = new Uint8Array(gzipSync(OPTIONS));
	const cut = await readInput("cut.gz", [gz.subarray(0, gz.length - 12)], () => {});
	assert.ok(
		cut.problems.some((p) => p.startsWith("gzip: ")),
		cut.problems.join("; "),
	);
});

test("gzip inflating past the limit rejects with InflationLimitError", async () => {
	const bomb = new Uint8Array(gzipSync(new Uint8Array(4 << 20)));
	await assert.rejects(
		readInput("bomb.gz", [bomb], () => {}, { inflationLimit: { ratio: 10, floorBytes: 1024 } }),
		InflationLimitError,
	);
});
