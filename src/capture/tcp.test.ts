import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { type CaptureOptions, CaptureReader } from "./capture-reader.ts";
import { type FrameRecord, pcapFile } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { bytesOf, concat, ipv4, ipv6, TCP, tcp } from "./packet-builder.ts";

const sip = (n: number, body = "") =>
	`MESSAGE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK${n}\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>\r\nCall-ID: call-${n}\r\nCSeq: ${n} MESSAGE\r\nContent-Type: text/plain\r\nContent-Length: ${bytesOf(body).length}\r\n\r\n${body}`;

interface Seg {
	/** "a" client → server, "b" server → client. */
	from?: "a" | "b";
	seq: number;
	flags?: number;
	data?: string | Uint8Array;
}

function frames(segs: Seg[], v6 = false): FrameRecord[] {
	return segs.map((s, i) => {
		const a = s.from !== "b";
		const t = tcp({ srcPort: a ? 40000 : 5060, dstPort: a ? 5060 : 40000, seq: s.seq, flags: s.flags }, s.data ?? "");
		const ip = v6
			? ipv6({ src: a ? "2001:db8::1" : "2001:db8::2", dst: a ? "2001:db8::2" : "2001:db8::1", protocol: 6 }, t)
			: ipv4({ src: a ? "10.0.0.1" : "10.0.0.2", dst: a ? "10.0.0.2" : "10.0.0.1", protocol: 6 }, t);
		return { sec: 100 + i, data: ip };
	});
}

function read(segs: Seg[], options: CaptureOptions = {}, v6 = false) {
	const reader = new CaptureReader(options);
	const messages: CapturedMessage[] = [...reader.push(pcapFile({ linkType: 101 }, frames(segs, v6))), ...reader.end()];
	return { messages, stats: reader.stats };
}

/** Cuts `text` into segments at `cuts`, numbered from `isn + 1`. */
function split(text: string, cuts: number[], isn: number): Seg[] {
	const b = bytesOf(text);
	const points = [...new Set([0, ...cuts.filter((c) => c > 0 && c < b.length), b.length])].sort((x, y) => x - y);
	const out: Seg[] = [];
	for (let i = 0; i + 1 < points.length; i++)
		out.push({ seq: (isn + 1 + (points[i] as number)) >>> 0, data: b.subarray(points[i], points[i + 1]) });
	return out;
}

const SYN = (isn: number): Seg => ({ seq: isn, flags: TCP.SYN });

test("a message split across segments, out of order, retransmitted and overlapping", () => {
	const text = sip(1, "hello world, this body is long enough to split") + sip(2);
	const b = bytesOf(text);
	const isn = 1000;
	const s = (from: number, to: number): Seg => ({ seq: isn + 1 + from, data: b.subarray(from, to) });
	const { messages, stats } = read([
		SYN(isn),
		s(0, 100),
		s(250, b.length), // ahead of a hole
		s(0, 100), // retransmission
		s(80, 180), // overlaps delivered bytes
		s(150, 260), // fills the hole, overlapping both sides
	]);
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-1", "call-2"],
	);
	assert.equal(messages[0]?.message.body, "hello world, this body is long enough to split");
	// Both completed by the segment that filled the hole (frame 6).
	assert.deepEqual(
		messages.map((m) => m.frame),
		[6, 6],
	);
	assert.deepEqual(
		messages.map((m) => [m.transport, m.src.ip, m.src.port, m.dst.ip, m.dst.port]),
		[
			["tcp", "10.0.0.1", 40000, "10.0.0.2", 5060],
			["tcp", "10.0.0.1", 40000, "10.0.0.2", 5060],
		],
	);
	assert.equal(stats.tcpStreams, 1);
	assert.equal(stats.tcpRetransmissions, 1);
	assert.equal(stats.tcpOutOfOrder, 1);
	// The segment that filled the hole overlapped both sides; the waiting one then overlapped it.
	assert.equal(stats.tcpOverlaps, 3);
	assert.equal(stats.sipMessages, 2);
	assert.equal(
		Object.values(stats.malformed).reduce((x, y) => x + y),
		0,
	);
});

test("two messages in one segment, and a message in two directions", () => {
	const { messages } = read([
		SYN(0),
		{ from: "b", seq: 500, flags: TCP.SYN | TCP.ACK },
		{ seq: 1, data: sip(1) + sip(2) },
		{ from: "b", seq: 501, data: "SIP/2.0 200 OK\r\nCall-ID: call-1\r\nContent-Length: 0\r\n\r\n" },
	]);
	assert.deepEqual(
		messages.map((m) => [m.message.callId, m.frame, m.src.port]),
		[
			["call-1", 3, 40000],
			["call-2", 3, 40000],
			["call-1", 4, 5060],
		],
	);
});

test("sequence numbers wrap around 2^32", () => {
	const isn = 0xffffff00;
	const { messages, stats } = read([SYN(isn), ...split(sip(1, "x".repeat(300)) + sip(2), [100, 255, 256, 400], isn)]);
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-1", "call-2"],
	);
	assert.equal(stats.tcpRetransmissions, 0);
});

test("FIN closes, a new SYN on the same 4-tuple is a new stream, late retransmissions are recognised", () => {
	const first = sip(1);
	const { messages, stats } = read([
		SYN(100),
		{ seq: 101, data: first },
		{ seq: 101 + first.length, flags: TCP.FIN | TCP.ACK },
		{ seq: 101, data: first }, // retransmitted after the close
		SYN(9000),
		{ seq: 9001, data: sip(2) },
	]);
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-1", "call-2"],
	);
	assert.equal(stats.tcpStreams, 2);
	assert.equal(stats.tcpRetransmissions, 1);
});

test("RST ends a stream; a half-sent message is counted as incomplete", () => {
	const text = sip(1);
	const { messages, stats } = read([
		SYN(0),
		{ seq: 1, data: text.slice(0, 50) },
		{ seq: 51, flags: TCP.RST },
		{ seq: 51, data: text.slice(50) },
	]);
	assert.equal(messages.length, 0);
	assert.equal(stats.malformed.sipIncomplete, 1);
	assert.equal(stats.tcpRetransmissions, 1);
});

test("a stream joined midway is searched for the next start line", () => {
	// (Bodies end with CRLF, as SDP does, so the next start line begins a line.)
	const text = sip(1, "body of the message that started before the capture\r\n") + sip(2) + sip(3);
	const { messages, stats } = read(split(text, [40, 200, 320], 7777).slice(1));
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-2", "call-3"],
	);
	assert.equal(
		Object.values(stats.malformed).reduce((x, y) => x + y),
		0,
	);
});

test("a segment never captured is a counted gap; reading resumes at the next message", () => {
	const text = sip(1) + sip(2, "x".repeat(100)) + sip(3);
	const segs = split(text, [60, 300, 330], 0);
	assert.equal(segs.length, 4);
	const { messages, stats } = read([SYN(0), segs[0] as Seg, segs[2] as Seg, segs[3] as Seg]);
	// The hole is skipped at the end of the input; call-2 lost its start, call-3 is found.
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-3"],
	);
	assert.equal(stats.malformed.tcpGap, 1);
});

test("holding out-of-order data is bounded: over the limit the hole is skipped", () => {
	const text = sip(1) + sip(2) + sip(3) + sip(4);
	const segs = split(text, [10, 400, 500, 600, 700, 800, 900], 0);
	const { messages, stats } = read([SYN(0), ...segs.slice(1)], { tcp: { maxPendingSegments: 2 } });
	assert.ok(stats.malformed.tcpGap >= 1);
	assert.ok(messages.some((m) => m.message.callId === "call-4"));
});

test("non-SIP TCP streams are ignored without holding their bytes", () => {
	const { messages, stats } = read([
		SYN(0),
		{ seq: 1, data: "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n" },
		{ seq: 1000, data: "x".repeat(500) },
		{ seq: 40, data: "y".repeat(960) },
	]);
	assert.equal(messages.length, 0);
	assert.equal(stats.nonSipPackets, 4);
	assert.equal(stats.sipPackets, 0);
	const tls = read([SYN(0), { seq: 1, data: new Uint8Array([0x16, 3, 1, 0, 5, 1, 2, 3, 4, 5]) }]);
	assert.equal(tls.stats.nonSipPackets, 2);
});

test("a message over the size limit is dropped and reading resumes", () => {
	const huge = sip(1).replace("Content-Length: 0", "Content-Length: 99999999");
	const { messages, stats } = read(
		[SYN(0), ...split(`${huge + "z".repeat(3000)}\r\n${sip(2)}`, [1000, 2000, 3000], 0)],
		{ stream: { maxMessageBytes: 1500 } },
	);
	assert.equal(stats.malformed.sipDesync, 1);
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-2"],
	);
});

test("IPv6 TCP", () => {
	const { messages } = read([SYN(5), { seq: 6, data: sip(1) }], {}, true);
	assert.equal(messages[0]?.src.ip, "2001:db8::1");
	assert.equal(messages[0]?.transport, "tcp");
});

test("any split, order and duplication of a stream's segments gives the same messages", () => {
	const text = `${sip(1, "é body with UTF-8 ü")}\r\n\r\n${sip(2)}${sip(3, "three")}`;
	const len = bytesOf(text).length;
	fc.assert(
		fc.property(
			fc.array(fc.integer({ min: 1, max: len - 1 }), { maxLength: 15 }),
			fc.array(fc.nat(), { maxLength: 30 }),
			fc.array(fc.nat(), { maxLength: 4 }),
			fc.integer({ min: 0, max: 0xffffffff }),
			(cuts, order, dups, isn) => {
				const segs = split(text, cuts, isn);
				// Shuffle with the drawn keys, then repeat a few segments.
				const keyed = segs.map((s, i) => ({ s, k: order[i] ?? i }));
				keyed.sort((x, y) => x.k - y.k);
				const shuffled = keyed.map((x) => x.s);
				for (const d of dups) shuffled.splice(d % (shuffled.length + 1), 0, segs[d % segs.length] as Seg);
				const { messages, stats } = read([SYN(isn), ...shuffled]);
				assert.deepEqual(
					messages.map((m) => m.message.callId),
					["call-1", "call-2", "call-3"],
				);
				assert.equal(messages[0]?.message.body, "é body with UTF-8 ü");
				assert.equal(stats.malformed.tcpGap, 0);
			},
		),
		{ numRuns: 300 },
	);
});

test("chunk boundaries of the input do not change the result", () => {
	const file = pcapFile({ linkType: 101 }, frames([SYN(0), ...split(sip(1) + sip(2), [30, 333], 0)]));
	const whole = new CaptureReader();
	const want = [...whole.push(file), ...whole.end()].map((m) => [m.message.callId, m.frame]);
	for (const size of [1, 2, 3, 7, 16, 17, 100, 1000]) {
		const r = new CaptureReader();
		const got: CapturedMessage[] = [];
		for (let o = 0; o < file.length; o += size) got.push(...r.push(file.subarray(o, o + size)));
		got.push(...r.end());
		assert.deepEqual(
			got.map((m) => [m.message.callId, m.frame]),
			want,
			`chunks of ${size}`,
		);
		assert.deepEqual(r.stats, whole.stats);
	}
	assert.equal(concat(file).length, whole.stats.bytes);
});

test("open connections are bounded and idle ones are closed", () => {
	const reader = new CaptureReader({ tcp: { maxStreams: 2, idleTimeout: 60 } });
	const frame = (port: number, seq: number, flags: number, data = "", sec = 100) => ({
		sec,
		data: ipv4(
			{ src: "10.0.0.1", dst: "10.0.0.2", protocol: 6 },
			tcp({ srcPort: port, dstPort: 5060, seq, flags }, data),
		),
	});
	const half = sip(9).slice(0, 60);
	const file = pcapFile({ linkType: 101 }, [
		...[1, 2, 3, 4].flatMap((p) => [frame(p, 0, TCP.SYN), frame(p, 1, TCP.ACK, sip(p))]),
		frame(7, 0, TCP.SYN, "", 200),
		frame(7, 1, TCP.ACK, half, 200),
		frame(8, 0, TCP.SYN, "", 400),
	]);
	const messages = [...reader.push(file), ...reader.end()];
	assert.deepEqual(
		messages.map((m) => m.message.callId),
		["call-1", "call-2", "call-3", "call-4"],
	);
	assert.equal(reader.stats.tcpStreams, 6);
	assert.equal(reader.stats.malformed.tcpLimit, 2);
	// The half message on port 7 was cut off when the connection idled out.
	assert.equal(reader.stats.malformed.sipIncomplete, 1);
});
