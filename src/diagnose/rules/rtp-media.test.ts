// The media findings on the real captures of test/fixtures/media (scripts/make-media-captures.sh):
// each fires where its fixture has the fault and stays quiet on the clean, SRTP and mild-jitter calls.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../../flow/analyze.ts";
import { diagnose } from "../diagnose.ts";
import type { Finding } from "../finding.ts";

const DIR = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "media");

async function mediaFindings(file: string, lang = "en") {
	const { calls } = await analyze<Finding>([{ name: file, source: [new Uint8Array(readFileSync(join(DIR, file)))] }], {
		diagnose: (call, summary) => diagnose(call, summary, { lang }),
	});
	return calls.flatMap((c) =>
		c.findings.filter(
			(f) => f.rule.startsWith("media-") && f.rule !== "media-direction" && f.rule !== "media-mismatch",
		),
	);
}

const expected: Record<string, string[]> = {
	"clean-two-way.pcapng": [],
	"srtp.pcapng": [],
	"jitter.pcapng": [],
	"baresip-rtcp-opus.pcapng.gz": [],
	"concurrent-20.pcapng.gz": [],
	"none.pcapng": ["media-none"],
	"one-way.pcapng": ["media-one-way"],
	"loss.pcapng": ["media-loss", "media-loss"],
	"reorder.pcapng": ["media-jitter", "media-jitter"],
	"payload-mismatch.pcapng": ["media-payload"],
	// The callee falls silent for 3.4 s while held (sendonly/recvonly), then resumes the same stream.
	"hold-resume.pcapng": [],
	// 2 s of the callee's RTP after a 183 with SDP, before the 200.
	"early-media.pcapng": [],
	"media-after-bye.pcapng": ["media-after-bye"],
	"wrong-port.pcapng": ["media-address"],
	"private-sdp.pcap": ["media-address", "media-address"],
};

for (const [file, rules] of Object.entries(expected))
	test(`media findings on ${file}: ${rules.join(", ") || "none"}`, async () => {
		const found = await mediaFindings(file);
		assert.deepEqual(
			found.map((f) => f.rule),
			rules,
			found.map((f) => f.text).join("\n"),
		);
	});

test("the loss finding names the direction, the figures and where they were measured, in en and tr", async () => {
	const [en] = await mediaFindings("loss.pcapng");
	assert.match(en?.text ?? "", /2\.6% of the RTP caller→callee was lost \(6 of 234 packets.*capture was taken/);
	const [tr] = await mediaFindings("loss.pcapng", "tr");
	assert.match(tr?.text ?? "", /yüzde 2\.6 kadarı kayboldu \(234 paketten 6 tanesi/);
});

test("media-address on the real captures: the wrong destination port, and a private SDP address behind NAT", async () => {
	const [wrong] = await mediaFindings("wrong-port.pcapng");
	assert.match(wrong?.text ?? "", /RTP caller→callee went to 127\.0\.0\.1:16010, not to 127\.0\.0\.1:16000/);
	const [nat, back] = await mediaFindings("private-sdp.pcap");
	assert.match(
		nat?.text ?? "",
		/private address 192\.168\.1\.10:6000 for RTP caller→callee.* come from 203\.0\.113\.5:6000/,
	);
	assert.match(back?.text ?? "", /RTP callee→caller went to 203\.0\.113\.5:6000, not to 192\.168\.1\.10:6000/);
});

test("one-way audio says which direction is missing and where it should have gone", async () => {
	const [f] = await mediaFindings("one-way.pcapng");
	assert.equal(f?.severity, "error");
	assert.match(f?.text ?? "", /RTP flowed caller→callee only; nothing came callee→caller .* go to 127\.0\.0\.1:6000/);
});

// Built calls for the rules no real capture here shows: a private SDP address behind NAT, RTP that
// missed the announced port, a gap mid-call.
import type { CallMediaStream } from "../../flow/call-media.ts";
import { type Call, CallTracker } from "../../flow/call-tracker.ts";
import { events, request, response } from "../../flow/test-messages.ts";
import { CallView } from "../call-view.ts";
import { rtpMediaRule } from "./rtp-media.ts";

const sdp = (ip: string, port: number, direction = "sendrecv") =>
	`v=0\r\no=- 1 1 IN IP4 ${ip}\r\ns=-\r\nc=IN IP4 ${ip}\r\nt=0 0\r\nm=audio ${port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=${direction}\r\n`;

/** A re-INVITE at `time` offering `direction`, answered with its counterpart 0.1 s later. */
function reInvite(time: number, cseq: number, direction: string): Parameters<typeof events>[0] {
	const answer = direction === "sendonly" ? "recvonly" : direction;
	const sdpHeaders = ["Content-Type: application/sdp"];
	const branch = `z9hG4bK-re${cseq}`;
	return [
		[
			time,
			request("INVITE", {
				cseq,
				toTag: "b1",
				branch,
				body: sdp("192.0.2.10", 4000, direction),
				extraHeaders: sdpHeaders,
			}),
			">",
		],
		[
			time + 0.1,
			response(200, "OK", { cseq, branch, body: sdp("192.0.2.20", 5000, answer), extraHeaders: sdpHeaders }),
			"<",
		],
		[time + 0.2, request("ACK", { cseq, toTag: "b1", branch: `${branch}-ack` }), ">"],
	];
}

function builtCall(
	offerIp: string,
	answerDirection = "sendrecv",
	inDialog: Parameters<typeof events>[0] = [],
): CallView {
	let call: Call | undefined;
	const tracker = new CallTracker((c) => (call = c));
	for (const e of events([
		[0, request("INVITE", { body: sdp(offerIp, 4000), extraHeaders: ["Content-Type: application/sdp"] }), ">"],
		[
			0.1,
			response(200, "OK", {
				body: sdp("192.0.2.20", 5000, answerDirection),
				extraHeaders: ["Content-Type: application/sdp"],
			}),
			"<",
		],
		[0.2, request("ACK", { cseq: 1, toTag: "b1", branch: "z9hG4bK-2" }), ">"],
		...inDialog,
		[30, request("BYE", { cseq: 9, toTag: "b1", branch: "z9hG4bK-3" }), ">"],
		[30.1, response(200, "OK", { cseq: 9, method: "BYE", branch: "z9hG4bK-3" }), "<"],
	]))
		tracker.push(e);
	tracker.flush();
	return new CallView(call as Call);
}

function stream(over: Partial<CallMediaStream>): CallMediaStream {
	const t0 = 1_700_000_000.2;
	return {
		ssrc: 1,
		src: "192.0.2.10:4000",
		dst: "192.0.2.20:5000",
		direction: "caller→callee",
		payloadType: 0,
		codec: "PCMU",
		packets: 1500,
		expected: 1500,
		lost: 0,
		lostPercent: 0,
		sequenceErrors: 0,
		maxDeltaMs: 21,
		maxJitterMs: 1,
		meanJitterMs: 0.5,
		start: new Date(t0 * 1000).toISOString(),
		end: new Date((t0 + 29.7) * 1000).toISOString(),
		srtp: false,
		dtmf: [],
		timeline: {
			stepSeconds: 1,
			packets: new Array(30).fill(50),
			lost: new Array(30).fill(0),
			jitterMs: new Array(30).fill(1),
		},
		sdp: { addr: "192.0.2.20", port: 5000, matched: true },
		...over,
	};
}

const back = (over: Partial<CallMediaStream> = {}) =>
	stream({
		src: "192.0.2.20:5000",
		dst: "192.0.2.10:4000",
		direction: "callee→caller",
		sdp: { addr: "192.0.2.10", port: 4000, matched: true },
		...over,
	});

test("built calls: a clean two-way call gives no media finding", () => {
	assert.deepEqual(rtpMediaRule(builtCall("192.0.2.10"), [stream({}), back()]), []);
});

test("built calls: a private SDP address with RTP from a public one is media-address (NAT)", () => {
	const found = rtpMediaRule(builtCall("192.168.1.10"), [
		stream({ src: "198.51.100.7:31000" }),
		back({ dst: "198.51.100.7:31000", sdp: { addr: "192.168.1.10", port: 4000, matched: false } }),
	]);
	assert.deepEqual(
		found.map((f) => [f.rule, f.params.kind, f.params.direction]),
		[
			["media-address", "private", "caller→callee"],
			["media-address", "destination", "callee→caller"],
		],
	);
});

test("built calls: five silent seconds inside a stream are media-gap", () => {
	const packets = new Array(30).fill(50);
	for (let k = 10; k < 15; k++) packets[k] = 0;
	const gappy = stream({
		timeline: { stepSeconds: 1, packets, lost: new Array(30).fill(0), jitterMs: new Array(30).fill(1) },
	});
	const found = rtpMediaRule(builtCall("192.0.2.10"), [gappy, back()]);
	assert.deepEqual(
		found.map((f) => [f.rule, f.params.seconds]),
		[["media-gap", 5]],
	);
});

test("built calls: one-way RTP or none at all is quiet when the SDP holds the stream (recvonly answer)", () => {
	assert.deepEqual(rtpMediaRule(builtCall("192.0.2.10", "recvonly"), [stream({})]), []);
	assert.deepEqual(rtpMediaRule(builtCall("192.0.2.10", "inactive"), []), []);
	assert.deepEqual(
		rtpMediaRule(builtCall("192.0.2.10"), [stream({})]).map((f) => f.rule),
		["media-one-way"],
	);
});

// Hold follows the direction in force at each moment: held from 5.1 s to 10.1 s (a re-INVITE
// sendonly answered recvonly, then one back to sendrecv), the rest of the call is judged.
const holdThenResume = () =>
	builtCall("192.0.2.10", "sendrecv", [...reInvite(5, 2, "sendonly"), ...reInvite(10, 3, "sendrecv")]);
const silent = (from: number, to: number) => {
	const packets = new Array(30).fill(50);
	for (let k = from; k < to; k++) packets[k] = 0;
	return { stepSeconds: 1, packets, lost: new Array(30).fill(0), jitterMs: new Array(30).fill(1) };
};

test("built calls: the held side falling silent while held is no gap, the same silence after the resume is", () => {
	assert.deepEqual(rtpMediaRule(holdThenResume(), [stream({}), back({ timeline: silent(6, 10) })]), []);
	assert.deepEqual(
		rtpMediaRule(holdThenResume(), [stream({}), back({ timeline: silent(15, 20) })]).map((f) => [
			f.rule,
			f.params.seconds,
		]),
		[["media-gap", 5]],
	);
});

test("built calls: RTP only while held does not count as flowing: one-way after the resume is media-one-way; held to the end is quiet", () => {
	const packets = new Array(30).fill(0);
	for (let k = 5; k < 9; k++) packets[k] = 50;
	const onlyWhileHeld = back({
		packets: 200,
		timeline: { stepSeconds: 1, packets, lost: new Array(30).fill(0), jitterMs: new Array(30).fill(1) },
	});
	assert.deepEqual(
		rtpMediaRule(holdThenResume(), [stream({}), onlyWhileHeld]).map((f) => [f.rule, f.params.missing]),
		[["media-one-way", "callee→caller"]],
	);
	const heldToEnd = builtCall("192.0.2.10", "sendrecv", reInvite(5, 2, "sendonly"));
	assert.deepEqual(rtpMediaRule(heldToEnd, [stream({}), back({ timeline: silent(5, 30), packets: 250 })]), []);
});
