// Real media captures made by scripts/make-media-captures.sh (SIPp playing the G.711 and RFC 2833
// pcaps of Debian's sip-tester, an echoing SIPp UAS, a seeded impairing relay), each compared
// stream by stream with what `tshark -q -z rtp,streams` printed for the same file (the
// NAME.tshark.json key beside it): packets and lost exactly, deltas and jitter within 0.5 ms or 5 %.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "./analyze.ts";
import type { CallMediaStream } from "./call-media.ts";
import type { CallSummary } from "./call-summary.ts";

const DIR = join(import.meta.dirname, "..", "..", "test", "fixtures", "media");
// Every capture with its calls (rtp-without-sip.pcap, RTP alone, has its own test below).
const FILES = readdirSync(DIR).filter((f) => /\.pcap(ng)?(\.gz)?$/.test(f) && f !== "rtp-without-sip.pcap");

interface KeyStream {
	src: string;
	dst: string;
	ssrc: number;
	payload: string;
	packets: number;
	lost: number;
	lostPercent: number;
	maxDeltaMs: number;
	meanJitterMs: number;
	maxJitterMs: number;
}

const near = (ours: number, theirs: number) => Math.abs(ours - theirs) <= Math.max(0.5, Math.abs(theirs) * 0.05);

async function read(file: string): Promise<CallSummary[]> {
	const { calls } = await analyze([{ name: file, source: [new Uint8Array(readFileSync(join(DIR, file)))] }]);
	return calls;
}

for (const file of FILES) {
	test(`media fixture ${file}: every stream as tshark -z rtp,streams counts it`, async () => {
		const key = JSON.parse(readFileSync(join(DIR, `${file.replace(/\.pcap(ng)?(\.gz)?$/, "")}.tshark.json`), "utf8"));
		const ours = (await read(file)).flatMap((c) => c.media ?? []);
		assert.equal(ours.length, key.streams.length, "stream count");
		for (const t of key.streams as KeyStream[]) {
			const o = ours.find((m) => m.src === t.src && m.dst === t.dst && m.ssrc === t.ssrc);
			const where = `${t.src} → ${t.dst} ssrc ${t.ssrc}`;
			assert.ok(o, `stream ${where} missing`);
			assert.equal(o.packets, t.packets, `${where} packets`);
			assert.equal(o.lost, t.lost, `${where} lost`);
			assert.ok(Math.abs(o.lostPercent - t.lostPercent) < 0.1, `${where} lost %: ${o.lostPercent} vs ${t.lostPercent}`);
			assert.ok(near(o.maxDeltaMs, t.maxDeltaMs), `${where} max delta ${o.maxDeltaMs} vs ${t.maxDeltaMs}`);
			assert.ok(near(o.maxJitterMs, t.maxJitterMs), `${where} max jitter ${o.maxJitterMs} vs ${t.maxJitterMs}`);
			assert.ok(near(o.meanJitterMs, t.meanJitterMs), `${where} mean jitter ${o.meanJitterMs} vs ${t.meanJitterMs}`);
		}
	});
}

function streamsOf(calls: CallSummary[]): CallMediaStream[] {
	return calls.flatMap((c) => c.media ?? []);
}

test("clean call: both directions tied to the call by the SDP, DTMF digit 1 read from RFC 4733 events", async () => {
	const calls = await read("clean-two-way.pcapng");
	assert.equal(calls.length, 1);
	const audio = streamsOf(calls).filter((s) => s.codec === "PCMA");
	assert.deepEqual(audio.map((s) => s.direction).sort(), ["callee→caller", "caller→callee"]);
	for (const s of audio) assert.ok(s.sdp.matched, `${s.src} → ${s.dst} went where the SDP said`);
	const events = streamsOf(calls).filter((s) => s.codec === "telephone-event");
	assert.equal(events.length, 2);
	for (const s of events)
		assert.deepEqual(
			s.dtmf.map((d) => d.digit),
			["1"],
		);
});

test("one-way: only the caller's stream flows", async () => {
	const streams = streamsOf(await read("one-way.pcapng"));
	assert.ok(streams.length > 0);
	assert.deepEqual([...new Set(streams.map((s) => s.direction))], ["caller→callee"]);
});

test("20 concurrent calls through one UAS port: each call holds its own two audio streams", async () => {
	const calls = await read("concurrent-20.pcapng.gz");
	assert.equal(calls.length, 20);
	const callers = new Set<string>();
	for (const c of calls) {
		const audio = (c.media ?? []).filter((s) => s.codec === "PCMA");
		assert.equal(audio.length, 2, `${c.callId}: ${audio.length} audio streams`);
		const caller = audio.find((s) => s.direction === "caller→callee");
		assert.ok(caller);
		callers.add(caller.src);
	}
	assert.equal(callers.size, 20, "every call's caller stream comes from its own port");
});

test("loss through the impairing relay is measured on the lossy leg only", async () => {
	const streams = streamsOf(await read("loss.pcapng")).filter((s) => s.codec === "PCMA");
	const lossy = streams.filter((s) => s.lost > 0);
	assert.ok(lossy.length >= 1);
	const clean = streams.find((s) => s.src === "127.0.0.1:6000");
	assert.equal(clean?.lost, 0);
});

test("SRTP: streams of an RTP/SAVP session are counted (headers are in the clear) and marked srtp", async () => {
	const streams = streamsOf(await read("srtp.pcapng"));
	assert.ok(streams.length >= 2);
	for (const s of streams) assert.equal(s.srtp, true);
	for (const s of streamsOf(await read("clean-two-way.pcapng"))) assert.equal(s.srtp, false);
});

test("no media: beside a call with RTP, the answered call without any has an empty media list", async () => {
	const calls = await read("none.pcapng");
	assert.equal(calls.length, 2);
	assert.deepEqual(calls.map((c) => c.media?.length).sort(), [0, 4]);
});

test("a capture without any RTP (filtered to SIP) gives no media lists at all", async () => {
	const { calls } = await analyze([
		{ name: "basic", source: [new Uint8Array(readFileSync(join(DIR, "..", "captures", "udp-ipv4.pcap")))] },
	]);
	assert.ok(calls.length > 0);
	for (const c of calls) assert.equal(c.media, undefined);
});

test("media labels for the call list: two-way with loss, one-way, none", async () => {
	const { mediaLabel } = await import("./call-media.ts");
	const label = async (file: string) => (await read(file)).map((c) => mediaLabel(c.media)).sort();
	assert.deepEqual(await label("loss.pcapng"), ["↔ PCMA 2.6% loss"]);
	assert.deepEqual(await label("one-way.pcapng"), ["→ one-way PCMA"]);
	assert.deepEqual(await label("none.pcapng"), ["↔ PCMA", "✕ no RTP"]);
	assert.equal(mediaLabel(undefined), "");
});

test("baresip with opus and RTCP: the 48 kHz clock from the SDP rtpmap, RTCP reports and round trip per stream", async () => {
	const calls = await read("baresip-rtcp-opus.pcapng.gz");
	const streams = streamsOf(calls);
	assert.equal(streams.length, 2);
	for (const s of streams) {
		assert.equal(s.codec, "opus");
		assert.ok(s.sdp.matched);
		assert.ok(s.rtcp && s.rtcp.reports >= 1, "receiver reports about the stream");
		assert.equal(s.rtcp.cumulativeLost, 0);
		assert.ok(s.rtcp.senderReports >= 1);
		assert.ok(s.rtcp.roundTripMs !== null && s.rtcp.roundTripMs < 50, String(s.rtcp.roundTripMs));
		assert.equal(s.rtcp.bye, true);
		assert.ok(s.rtcp.cname);
	}
	assert.deepEqual(streams.map((s) => s.direction).sort(), ["callee→caller", "caller→callee"]);
});

test("RTP without its SIP (tshark filtered the signalling out): streams found by their headers, figures as tshark's heuristic gives them", async () => {
	const key = JSON.parse(readFileSync(join(DIR, "rtp-without-sip.tshark.json"), "utf8"));
	const { stats, calls } = await analyze([
		{ name: "rtp", source: [new Uint8Array(readFileSync(join(DIR, "rtp-without-sip.pcap")))] },
	]);
	assert.equal(calls.length, 0);
	const streams = stats.media?.unmatchedStreams ?? [];
	assert.equal(streams.length, key.streams.length);
	for (const t of key.streams as KeyStream[]) {
		const o = streams.find((m) => m.src === t.src && m.dst === t.dst && m.ssrc === t.ssrc);
		assert.ok(o, `${t.src} → ${t.dst}`);
		assert.equal(o.packets, t.packets);
		assert.equal(o.lost, t.lost);
	}
	const { stats: sipOnly } = await analyze([
		{ name: "udp", source: [new Uint8Array(readFileSync(join(DIR, "..", "captures", "udp-ipv4.pcap")))] },
	]);
	assert.equal(sipOnly.media, undefined, "no media stats for a capture without RTP");
});

test("hold and resume: the callee's stream pauses while held and resumes under the same SSRC, the caller's runs throughout", async () => {
	const calls = await read("hold-resume.pcapng");
	assert.equal(calls.length, 1);
	const audio = streamsOf(calls).filter((s) => s.codec === "PCMA");
	assert.deepEqual(audio.map((s) => [s.direction, s.packets, s.sdp.matched]).sort(), [
		["callee→caller", 140, true],
		["caller→callee", 236, true],
	]);
	const callee = audio.find((s) => s.direction === "callee→caller");
	// 70 packets before the hold, 70 after: the silence shows in its timeline.
	const quiet = callee?.timeline.packets.filter((p) => p === 0).length ?? 0;
	assert.ok(
		quiet * (callee?.timeline.stepSeconds ?? 0) >= 2,
		`the 3.4 s pause is in the timeline (${quiet} empty buckets)`,
	);
	assert.equal(callee?.lost, 0);
});

test("early media: the callee's RTP after the 183 (before the 200) is a stream of the call, beside the two after the answer", async () => {
	const calls = await read("early-media.pcapng");
	assert.equal(calls.length, 1);
	const audio = streamsOf(calls).filter((s) => s.codec === "PCMA");
	assert.equal(audio.length, 3);
	const [early] = audio;
	assert.equal(early?.direction, "callee→caller");
	assert.equal(early?.packets, 70);
	assert.ok(early?.sdp.matched);
	const answered = audio.slice(1).map((s) => Date.parse(s.start));
	for (const t of answered)
		assert.ok(Date.parse(early?.end ?? "") < t, "the early stream ends before the answered ones start");
});

test("RTP after the BYE: the caller's stream runs on to the end of its 7 s, past the BYE at 3 s", async () => {
	const calls = await read("media-after-bye.pcapng");
	const caller = streamsOf(calls).find((s) => s.direction === "caller→callee");
	assert.equal(caller?.packets, 236);
	assert.ok(Date.parse(caller?.end ?? "") - Date.parse(caller?.start ?? "") > 6500);
});

test("wrong port: the caller's RTP went to 16010 while the answer's m= line says 16000, so it is not matched", async () => {
	const audio = streamsOf(await read("wrong-port.pcapng")).filter((s) => s.codec === "PCMA");
	const caller = audio.find((s) => s.direction === "caller→callee");
	assert.deepEqual(caller?.sdp, { addr: "127.0.0.1", port: 16000, matched: false });
	assert.equal(caller?.dst, "127.0.0.1:16010");
	// The echo comes back to the caller's announced port: that direction is matched.
	assert.equal(audio.find((s) => s.direction === "callee→caller")?.sdp.matched, true);
});

test("private SDP address: the caller's streams are tied to the call by port although they come from the public address", async () => {
	const calls = await read("private-sdp.pcap");
	assert.equal(calls.length, 1);
	const audio = streamsOf(calls).filter((s) => s.codec === "PCMA");
	assert.deepEqual(audio.map((s) => [s.direction, s.src]).sort(), [
		["callee→caller", "127.0.0.1:16000"],
		["caller→callee", "203.0.113.5:6000"],
	]);
	const back = audio.find((s) => s.direction === "callee→caller");
	assert.deepEqual(back?.sdp, { addr: "192.168.1.10", port: 6000, matched: false });
});
