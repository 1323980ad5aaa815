// The details of findings on real captures: numbers, addresses and RFC rules checked against what
// the trace shows (each case was a wrong statement once; see issue 14).
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { request, response } from "../src/flow/test-messages.ts";
import { analyze } from "../src/index.ts";

const DIR = join(import.meta.dirname, "fixtures", "sipp");

async function findingsOf(file: string) {
	const { calls } = await analyze([{ name: file, source: createReadStream(join(DIR, file)) }]);
	return calls.flatMap((c) => c.findings);
}

test("503 failover: the retry went to another port of the same host, and the finding says where", async () => {
	const f = (await findingsOf("503-failover.pcap")).find((x) => x.rule === "503-retry-after");
	assert.ok(f, "503-retry-after reported");
	assert.match(f.text, /failed over to 127\.0\.0\.1:22112/);
	assert.doesNotMatch(f.text, /same server/);
	assert.match(f.text, /at 127\.0\.0\.1:22111/);
});

test("503 with no later attempt: no claim about another server", async () => {
	const f = (await findingsOf("503-retry-after.pcap")).find((x) => x.rule === "503-retry-after");
	assert.ok(f);
	assert.doesNotMatch(f.text, /did not try another server/);
});

test("6xx on a forking proxy: one finding, one other branch, the phone named", async () => {
	const all = await findingsOf("decline-forking.pcapng");
	const sixes = all.filter((x) => x.rule === "6xx-ends-forking");
	assert.equal(sixes.length, 1, "the 603 relayed upstream is the same event");
	const six = sixes[0];
	assert.ok(six);
	assert.match(six.text, /Yealink SIP-T46U/);
	assert.match(six.text, /at 127\.0\.0\.1:22083/, "the phone, not the proxy at :22081");
	assert.match(six.text, /the other branch was cancelled/);
	assert.doesNotMatch(six.text, /of 2 other branches/);
	const who = all.find((x) => x.rule === "who-failed");
	assert.ok(who);
	assert.match(who.text, /at 127\.0\.0\.1:22083/);
});

test("482 and 483 relayed back along the loop: one finding each", async () => {
	const loop = (await findingsOf("loop-482.pcap")).filter((x) => x.rule === "loop-detected");
	assert.equal(loop.length, 1);
	assert.match(loop[0]?.text ?? "", /Via repeats 127\.0\.0\.1:22181\)/);
	const hops = (await findingsOf("hops-483.pcap")).filter((x) => x.rule === "too-many-hops");
	assert.equal(hops.length, 1);
	assert.match(hops[0]?.text ?? "", /1 → 0 across 2 copies/);
});

test("glare: each side's retry checked against its own RFC 3261 §14.1 window", async () => {
	const glare = (await findingsOf("glare-491.pcap")).filter((x) => x.rule === "glare-491");
	assert.equal(glare.length, 1, "one glare incident, one finding");
	const text = glare[0]?.text ?? "";
	assert.match(text, /127\.0\.0\.1:22220 \(it generated the Call-ID: 2\.1–4 s\) retried after 2\.506 s, within/);
	assert.match(text, /127\.0\.0\.1:22221 \(it did not generate the Call-ID: 0–2 s\) did not retry/);
});

test("hold: only the side whose offer says sendonly/inactive holds; answers are not holds", async () => {
	const hold = (await findingsOf("hold-sendonly.pcap")).filter((x) => x.rule === "media-direction");
	assert.equal(hold.length, 2, hold.map((x) => x.text).join("\n"));
	for (const h of hold) {
		assert.match(h.text, /^127\.0\.0\.1:22160 put the call on hold/);
		assert.equal(h.severity, "info");
	}
	assert.ok(!hold.some((h) => /recvonly/.test(h.text)));
	// The hold offers that got 491 changed nothing.
	const glare = (await findingsOf("glare-491.pcap")).filter((x) => x.rule === "media-direction");
	assert.equal(glare.length, 1);
});

test("port 0 in the answer: the stream was rejected, not held, and no stream is left", async () => {
	const f = (await findingsOf("audio-port-zero.pcap")).filter((x) => x.rule === "media-direction");
	assert.equal(f.length, 1);
	assert.match(
		f[0]?.text ?? "",
		/rejected the audio stream \(port 0 in the answer, RFC 3264 §6\): no media stream is left/,
	);
	assert.doesNotMatch(f[0]?.text ?? "", /hold/);
});

test("a capture starting mid-dialog: the BYE answered 200 is a call in progress, said so at info", async () => {
	const text = `${request("BYE", { toTag: "b1", cseq: 7 })}${response(200, "OK", { cseq: 7, method: "BYE" })}`;
	const { calls } = await analyze([{ name: "mid.txt", source: [new TextEncoder().encode(text)] }]);
	assert.equal(calls.length, 1);
	const call = calls[0];
	assert.equal(call?.method, "BYE");
	assert.equal(call?.outcome?.code, 200);
	assert.deepEqual(
		call?.findings.map((f) => `${f.rule}:${f.severity}`),
		["start-not-captured:info"],
	);
	assert.match(call?.findings[0]?.text ?? "", /first message here is BYE/);
});

test("the same capture given twice: the same calls, messages and outcomes, duplicates counted", async () => {
	const file = join(DIR, "decline-forking.pcapng");
	const once = await analyze([{ name: "a", source: createReadStream(file) }]);
	const twice = await analyze([
		{ name: "a", source: createReadStream(file) },
		{ name: "b", source: createReadStream(file) },
	]);
	assert.equal(twice.calls.length, once.calls.length);
	assert.deepEqual(
		twice.calls.map((c) => [c.callId, c.outcome?.code, c.messages.length, c.findings.map((f) => f.rule)]),
		once.calls.map((c) => [c.callId, c.outcome?.code, c.messages.length, c.findings.map((f) => f.rule)]),
	);
	assert.equal(twice.stats.duplicates, once.stats.sipMessages);
});

test("a scan is one finding per source, and its probes are neither findings nor keep-alives", async () => {
	const { calls, findings } = await analyze([
		{ name: "scanner.pcap", source: createReadStream(join(DIR, "scanner.pcap")) },
	]);
	assert.equal(findings.length, 1);
	assert.match(
		findings[0]?.text ?? "",
		/^A SIP scan from 127\.0\.0\.1 \(friendly-scanner, sipvicious\): 19 requests \(10 OPTIONS, 9 REGISTER\) probing 10 users/,
	);
	assert.ok(calls.every((c) => c.scan === true && c.findings.length === 0));
});

test("a call longer than the tracker keeps says its counts are lower bounds", async () => {
	const invite = request("INVITE");
	const text = Array.from({ length: 3000 }, () => invite).join("");
	const { calls, stats } = await analyze([{ name: "storm.txt", source: [new TextEncoder().encode(text)] }]);
	assert.equal(calls.length, 1);
	assert.equal(calls[0]?.messagesDropped, 1000);
	assert.equal(stats.droppedMessages, 1000);
	const f = calls[0]?.findings.find((x) => x.rule === "no-response");
	assert.match(f?.text ?? "", /was sent at least 2000 times/);
});

test("an IMS REGISTER (empty Authorization response, one 401, then 200) is a normal challenge, not a loop", async () => {
	const file = join(import.meta.dirname, "fixtures", "public", "arkime__gtp-iphone.pcap");
	const { calls } = await analyze([{ name: "gtp", source: createReadStream(file) }]);
	const rules = calls.flatMap((c) => c.findings.map((f) => `${f.rule}:${f.severity}`));
	assert.ok(!rules.includes("auth-loop:error"), rules.join());
	assert.ok(rules.includes("auth-challenge:info"), rules.join());
});
