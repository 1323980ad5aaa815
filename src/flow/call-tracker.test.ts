import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeCall } from "./call-summary.ts";
import { type Call, CallTracker } from "./call-tracker.ts";
import { events, request, response } from "./test-messages.ts";

function run(evts: ReturnType<typeof events>) {
	const calls: Call[] = [];
	const tracker = new CallTracker((c) => calls.push(c));
	for (const e of evts) tracker.push(e);
	tracker.flush();
	return calls.map(summarizeCall);
}

test("a basic call: outcome 200, PDD, setup time, duration", () => {
	const [c] = run(
		events([
			[0, request("INVITE"), ">"],
			[0.05, response(100, "Trying", { toTag: null }), "<"],
			[0.4, response(180, "Ringing"), "<"],
			[3.4, response(200, "OK"), "<"],
			[3.45, request("ACK", { branch: "z9hG4bK-2", toTag: "b1" }), ">"],
			[63.45, request("BYE", { branch: "z9hG4bK-3", toTag: "b1", cseq: 2 }), ">"],
			[63.5, response(200, "OK", { branch: "z9hG4bK-3", cseq: 2, method: "BYE" }), "<"],
		]),
	);
	assert.equal(c?.method, "INVITE");
	assert.deepEqual(c?.outcome, { code: 200, reason: "OK" });
	assert.deepEqual(c?.timings, { pdd: 0.4, setup: 3.4, duration: 60.05 });
	assert.equal(c?.messages.length, 7);
	assert.ok(c?.messages.every((m) => !m.retransmission));
	assert.equal(c?.decisive?.agent, "TestServer 2.0");
	assert.equal(c?.from, "sip:alice@example.com");
	assert.equal(c?.start, "2023-11-14T22:13:20.000Z");
	assert.deepEqual(
		c?.participants.map((p) => p.address),
		["192.0.2.10:5060", "192.0.2.20:5060"],
	);
});

test("retransmissions are marked, not counted as new requests", () => {
	const [c] = run(
		events([
			[0, request("INVITE"), ">"],
			[0.5, request("INVITE"), ">"],
			[1.5, request("INVITE"), ">"],
			[2, response(200, "OK"), "<"],
			[2.5, response(200, "OK"), "<"],
			[2.6, request("ACK", { branch: "z9hG4bK-2", toTag: "b1" }), ">"],
		]),
	);
	assert.deepEqual(
		c?.messages.map((m) => m.retransmission),
		[false, true, true, false, true, false],
	);
	assert.deepEqual(c?.outcome, { code: 200, reason: "OK" });
});

test("a challenge answered with credentials: the outcome is the second attempt's", () => {
	const [c] = run(
		events([
			[0, request("INVITE"), ">"],
			[0.01, response(407, "Proxy Authentication Required"), "<"],
			[0.02, request("ACK", { toTag: "b1" }), ">"],
			[0.03, request("INVITE", { branch: "z9hG4bK-9", cseq: 2 }), ">"],
			[1, response(486, "Busy Here", { branch: "z9hG4bK-9", cseq: 2, toTag: "b2" }), "<"],
			[1.01, request("ACK", { branch: "z9hG4bK-9", cseq: 2, toTag: "b2" }), ">"],
		]),
	);
	assert.deepEqual(c?.outcome, { code: 486, reason: "Busy Here" });
	assert.equal(c?.decisive?.index, 4);
	assert.equal(c?.decisive?.toTag, "b2");
	assert.equal(c?.timings.setup, null);
});

test("non-INVITE calls: REGISTER with its challenge, OPTIONS", () => {
	const calls = run(
		events([
			[0, request("REGISTER", { callId: "reg-1" }), ">"],
			[0.01, response(401, "Unauthorized", { callId: "reg-1", method: "REGISTER" }), "<"],
			[0.02, request("REGISTER", { callId: "reg-1", cseq: 2, branch: "z9hG4bK-r2" }), ">"],
			[0.03, response(200, "OK", { callId: "reg-1", cseq: 2, branch: "z9hG4bK-r2", method: "REGISTER" }), "<"],
			[1, request("OPTIONS", { callId: "opt-1" }), ">"],
			[1.01, response(200, "OK", { callId: "opt-1", method: "OPTIONS" }), "<"],
		]),
	);
	assert.deepEqual(
		calls.map((c) => [c.method, c.outcome?.code]),
		[
			["REGISTER", 200],
			["OPTIONS", 200],
		],
	);
});

test("CANCEL: the INVITE ends with 487", () => {
	const [c] = run(
		events([
			[0, request("INVITE"), ">"],
			[0.2, response(180, "Ringing"), "<"],
			[5, request("CANCEL"), ">"],
			[5.01, response(200, "OK", { method: "CANCEL" }), "<"],
			[5.02, response(487, "Request Terminated"), "<"],
			[5.03, request("ACK", { toTag: "b1" }), ">"],
		]),
	);
	assert.deepEqual(c?.outcome, { code: 487, reason: "Request Terminated" });
});

test("finished calls are handed on while the input goes on (memory follows open calls)", () => {
	const emitted: string[] = [];
	const tracker = new CallTracker((c) => emitted.push(c.callId));
	for (let i = 0; i < 3000; i++) {
		for (const e of events([
			[i, request("OPTIONS", { callId: `o-${i}` }), ">"],
			[i + 0.01, response(200, "OK", { callId: `o-${i}`, method: "OPTIONS" }), "<"],
		]))
			tracker.push(e);
	}
	assert.ok(tracker.openCalls < 100, `open calls: ${tracker.openCalls}`);
	tracker.flush();
	assert.equal(emitted.length, 3000);
});

test("dialogs: early ones from forking, the confirmed one, terminated by BYE", () => {
	const [c] = run(
		events([
			[0, request("INVITE"), ">"],
			[0.2, response(180, "Ringing", { toTag: "fork-a" }), "<"],
			[0.3, response(180, "Ringing", { toTag: "fork-b" }), "<"],
			[2, response(200, "OK", { toTag: "fork-b" }), "<"],
			[2.1, request("ACK", { branch: "z9hG4bK-a", toTag: "fork-b" }), ">"],
			[9, request("BYE", { branch: "z9hG4bK-b", toTag: "fork-b", cseq: 2 }), ">"],
			[9.1, response(200, "OK", { branch: "z9hG4bK-b", toTag: "fork-b", cseq: 2, method: "BYE" }), "<"],
		]),
	);
	assert.deepEqual(
		c?.dialogs.map((d) => `${d.toTag}:${d.state}`),
		["fork-a:early", "fork-b:terminated"],
	);
});

test("a response whose Via sent-by was rewritten still belongs to its request's transaction", () => {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c));
	for (const e of events([
		[0, request("INVITE", { via: ["SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-x1"] }), ">"],
		[0.2, response(486, "Busy Here", { via: ["SIP/2.0/UDP 198.51.100.7:5060;branch=z9hG4bK-x1"] }), "<"],
	]))
		t.push(e);
	t.flush();
	const [call] = calls;
	assert.ok(call);
	assert.equal(call.messages[0]?.transaction, call.messages[1]?.transaction);
	assert.equal(summarizeCall(call).outcome?.code, 486);
});

test("one call retransmitted without end keeps its first and last messages, the rest counted", () => {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c), { maxMessagesPerCall: 100 });
	const [invite] = events([[0, request("INVITE"), ">"]]);
	assert.ok(invite);
	for (let i = 0; i < 50_000; i++) t.push({ ...invite, time: (invite.time ?? 0) + i * 0.001, frame: i + 1 });
	t.flush();
	const [call] = calls;
	assert.ok(call);
	assert.equal(call.messages.length, 100);
	assert.equal(call.dropped, 49_900);
	assert.equal(t.droppedMessages, 49_900);
	assert.equal(call.messages[0]?.event.frame, 1);
	assert.equal(call.messages[49]?.event.frame, 50);
	assert.equal(call.messages[50]?.event.frame, 49_951, "the tail holds the last 50 in order");
	assert.equal(call.messages[99]?.event.frame, 50_000);
	assert.equal(summarizeCall(call).messagesDropped, 49_900);
});

test("more open calls than the cap: the least recently active are finished early, counted", () => {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c), { maxOpenCalls: 10 });
	for (let i = 0; i < 1000; i++) {
		const [e] = events([[i * 0.001, request("INVITE", { callId: `c${i}` }), ">"]]);
		if (e) t.push(e);
		assert.ok(t.openCalls <= 10);
	}
	assert.equal(t.evictedCalls, 990);
	t.flush();
	assert.equal(calls.length, 1000);
});

test("near the cap, the call finished early is the least recently active, not the oldest", () => {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c), { maxOpenCalls: 10 });
	const push = (id: string, time: number, cseq = 1) => {
		const [e] = events([[time, request("OPTIONS", { callId: id, cseq, branch: `z9hG4bK-${id}-${cseq}` }), ">"]]);
		if (e) t.push(e);
	};
	for (let i = 0; i < 10; i++) push(`c${i}`, i * 0.001);
	push("c0", 0.02, 2); // the oldest call is active again
	push("c10", 0.03);
	assert.deepEqual(
		calls.map((c) => c.callId),
		["c1"],
	);
});
