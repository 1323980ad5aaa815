import assert from "node:assert/strict";
import { test } from "node:test";
import { jitterClockRate } from "./codecs.ts";
import { MediaTracker } from "./media-tracker.ts";
import { parseRtcp } from "./rtcp.ts";
import { mediaPacketKind, parseRtpHeader } from "./rtp-packet.ts";
import { RtpStreamStats } from "./stream-stats.ts";
import { DtmfCollector } from "./telephone-event.ts";

function rtp(
	seq: number,
	ts: number,
	ssrc: number,
	pt = 8,
	marker = false,
	payload: number[] = new Array(160).fill(0xd5),
) {
	const b = new Uint8Array(12 + payload.length);
	b[0] = 0x80;
	b[1] = (marker ? 0x80 : 0) | pt;
	b[2] = seq >> 8;
	b[3] = seq & 0xff;
	new DataView(b.buffer).setUint32(4, ts >>> 0);
	new DataView(b.buffer).setUint32(8, ssrc >>> 0);
	b.set(payload, 12);
	return b;
}

test("RTP and RTCP told apart on one port by the packet type range (RFC 5761 §4)", () => {
	assert.equal(mediaPacketKind(rtp(1, 0, 1)), "rtp");
	// A marker bit with payload type 72 would read as RTCP type 200: the length word decides.
	const rr = new Uint8Array([0x80, 201, 0, 1, 0, 0, 0, 9]);
	assert.equal(mediaPacketKind(rr), "rtcp");
	const fakeRtcp = rtp(1, 0, 1, 72, true);
	assert.equal(mediaPacketKind(fakeRtcp), null);
	assert.equal(mediaPacketKind(new Uint8Array([0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])), null, "version 1");
	assert.equal(parseRtpHeader(new Uint8Array([0x8f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])), null, "15 CSRCs past the end");
});

test("stream figures: a gap counts as lost and one sequence error, a duplicate as another error", () => {
	const s = new RtpStreamStats();
	const seqs = [100, 101, 102, 105, 106, 106, 107];
	for (const [i, q] of seqs.entries()) s.add(i * 20, q, q * 160, 8, false, 8000);
	const f = s.figures();
	assert.equal(f.packets, 7);
	assert.equal(f.expected, 8);
	assert.equal(f.lost, 1);
	assert.equal(f.sequenceErrors, 2);
});

test("stream figures: the sequence wraps past 65535 without losses", () => {
	const s = new RtpStreamStats();
	for (let i = 0; i < 10; i++) s.add(i * 20, (65530 + i) % 65536, i * 160, 0, false, 8000);
	const f = s.figures();
	assert.equal(f.expected, 10);
	assert.equal(f.lost, 0);
	assert.equal(f.sequenceErrors, 0);
	assert.equal(f.maxJitterMs, 0);
});

test("jitter follows RFC 3550 A.8: one packet 8 ms late gives J = 8/16 then decays", () => {
	const s = new RtpStreamStats();
	s.add(0, 1, 0, 0, false, 8000);
	s.add(20, 2, 160, 0, false, 8000);
	s.add(48, 3, 320, 0, false, 8000); // 8 ms late
	assert.equal(s.jitterMs, 0.5);
	s.add(60, 4, 480, 0, false, 8000); // 8 ms early against the late one
	assert.equal(s.jitterMs, (15 * 0.5 + 8) / 16);
	assert.equal(s.figures().maxDeltaMs, 28);
});

test("telephone-event has no jitter clock; dynamic codecs take the SDP rate", () => {
	assert.equal(jitterClockRate(101, "telephone-event", 8000), 0);
	assert.equal(jitterClockRate(111, "opus", 48000), 48000);
	assert.equal(jitterClockRate(96, null, null), 0);
	assert.equal(jitterClockRate(9, null, null), 8000);
});

test("DTMF: one digit per event timestamp, whatever the number of packets", () => {
	const d = new DtmfCollector();
	const ev = (event: number, end: boolean, duration: number) =>
		new Uint8Array([event, end ? 0x8a : 0x0a, duration >> 8, duration & 0xff]);
	for (const [ts, e, end, dur] of [
		[1000, 11, false, 160],
		[1000, 11, false, 320],
		[1000, 11, true, 480],
		[1000, 11, true, 480],
		[5000, 5, true, 400],
	] as [number, number, boolean, number][])
		d.add(ts, ts / 8000, ev(e, end, dur), 0, 4);
	assert.deepEqual(
		d.digits.map((x) => [x.digit, x.duration]),
		[
			["#", 480],
			["5", 400],
		],
	);
});

test("RTCP SR with a report block, SDES CNAME and BYE; round trip from LSR/DLSR", () => {
	const m = new MediaTracker();
	// Stream with SSRC 0x1111 from A to B.
	m.datagram(10, "10.0.0.1", 4000, "10.0.0.2", 5000, rtp(1, 0, 0x1111));
	// B sends an SR (SSRC 0x2222) at t = 10.1: NTP 0x00010002.00030000 → middle 32 bits 0x00020003.
	const sr = new Uint8Array(28);
	sr.set([0x80, 200, 0, 6, 0, 0, 0x22, 0x22, 0, 1, 0, 2, 0, 3, 0, 0]);
	m.datagram(10.1, "10.0.0.2", 5001, "10.0.0.1", 4001, sr);
	// A answers with an RR about 0x1111 at t = 10.4, DLSR 0.25 s: RTT = 0.3 − 0.25 = 50 ms.
	const rr = new Uint8Array(8 + 24 + 16);
	rr.set([0x81, 201, 0, 7, 0, 0, 0x33, 0x33]);
	rr.set([0, 0, 0x11, 0x11, 64, 0xff, 0xff, 0xfe, 0, 0, 0, 9, 0, 0, 0, 80, 0, 2, 0, 3, 0, 0, 0x40, 0], 8);
	rr.set([0x81, 202, 0, 3, 0, 0, 0x33, 0x33, 1, 2, 0x61, 0x62, 0, 0, 0, 0], 32);
	const c = parseRtcp(rr.subarray(0, 32));
	assert.equal(c.reports[0]?.cumulativeLost, -2, "24-bit signed");
	assert.equal(c.reports[0]?.fractionLost, 0.25);
	m.datagram(10.4, "10.0.0.1", 4001, "10.0.0.2", 5001, rr);
	const [s] = m.streams();
	assert.ok(s?.rtcp);
	assert.equal(s.rtcp.reports, 1);
	assert.equal(s.rtcp.fractionLostPercent, 25);
	assert.equal(s.rtcp.jitterMs, 10, "80 units at 8000 Hz");
	assert.ok(Math.abs((s.rtcp.roundTripMs ?? 0) - 50) < 1e-6, String(s.rtcp.roundTripMs));
	assert.equal(m.rtcpPackets, 2);
	assert.equal(parseRtcp(rr).cname, "ab");
});

test("the tracker keeps at most maxStreams streams and counts the rest", () => {
	const m = new MediaTracker({ maxStreams: 3 });
	for (let i = 0; i < 5; i++) m.datagram(1, "10.0.0.1", 4000 + i, "10.0.0.2", 5000, rtp(1, 0, i));
	assert.equal(m.size, 3);
	assert.equal(m.droppedStreams, 2);
});

test("a stream is tied to the call whose SDP named both its ends before the one naming only the shared port", () => {
	const m = new MediaTracker();
	const a = (callId: string) => ({ callId, codecs: [], srtp: false, time: 0 });
	m.announce("10.0.0.9", 16000, a("call-1"));
	m.announce("10.0.0.1", 6000, a("call-1"));
	m.announce("10.0.0.9", 16000, a("call-2"));
	m.announce("10.0.0.1", 6002, a("call-2"));
	m.datagram(1, "10.0.0.1", 6000, "10.0.0.9", 16000, rtp(1, 0, 7));
	m.datagram(1, "10.0.0.9", 16000, "10.0.0.1", 6002, rtp(1, 0, 8));
	assert.deepEqual(
		m.takeCall("call-1").map((s) => s.ssrc),
		[7],
	);
	assert.deepEqual(
		m.takeCall("call-2").map((s) => s.ssrc),
		[8],
	);
});

test("the same stream in two inputs (two capture points) stays two streams", () => {
	const m = new MediaTracker();
	m.beginInput();
	m.datagram(1, "10.0.0.1", 4000, "10.0.0.2", 5000, rtp(1, 0, 9));
	m.beginInput();
	m.datagram(50, "10.0.0.1", 4000, "10.0.0.2", 5000, rtp(1, 0, 9));
	assert.deepEqual(
		m.streams().map((s) => s.figures.packets),
		[1, 1],
	);
});

test("timeline: per-second packets and lost, merged to stay within the bucket limit", async () => {
	const { Timeline } = await import("./timeline.ts");
	const t = new Timeline(4);
	// 50 packets a second for 3 s; in the second second packets 60–64 are missing.
	let expected = 0;
	for (let k = 0; k < 150; k++) {
		expected = k + 1;
		if (k >= 60 && k < 65) continue;
		t.add(k * 0.02, expected, k === 100 ? 7 : 1);
	}
	const v = t.view();
	assert.equal(v.stepSeconds, 1);
	assert.deepEqual(v.packets, [50, 45, 50]);
	assert.deepEqual(v.lost, [0, 5, 0]);
	assert.deepEqual(v.jitterMs, [1, 1, 7]);
	t.add(9, expected + 1, 1); // 9 s: beyond four 1 s buckets, so they merge to 2 s, then 4 s
	assert.equal(t.view().stepSeconds, 4);
	assert.equal(
		t.view().packets.reduce((a, b) => a + b),
		146,
	);
});

test("RTCP XR VoIP metrics block (RFC 3611 §4.7): loss, discard, round trip, R factor, MOS; 127 = unavailable", () => {
	const b = new Uint8Array(8 + 36);
	b.set([0x80, 207, 0, 10, 0, 0, 0, 5]); // XR header, sender SSRC 5
	const x = 8;
	b.set([7, 0, 0, 8, 0, 0, 0x11, 0x11], x); // block type 7, length 8 words, about SSRC 0x1111
	b.set([64, 13, 0, 0], x + 8); // loss 64/256, discard 13/256
	b.set([0, 120, 0, 40], x + 16); // round trip 120 ms, end system delay 40 ms
	b.set([93, 127, 41, 127], x + 24); // R 93, ext R unavailable, MOS-LQ 4.1, MOS-CQ unavailable
	assert.equal(mediaPacketKind(b), "rtcp");
	const [m] = parseRtcp(b).xr;
	assert.deepEqual(m, {
		ssrc: 0x1111,
		lossRate: 0.25,
		discardRate: 13 / 256,
		roundTripMs: 120,
		endSystemDelayMs: 40,
		rFactor: 93,
		mosLq: 4.1,
		mosCq: null,
	});
});
