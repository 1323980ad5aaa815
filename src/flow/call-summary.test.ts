import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeCall } from "./call-summary.ts";
import { type Call, CallTracker } from "./call-tracker.ts";
import { events, request, response } from "./test-messages.ts";

type Row = [number, string, ">" | "<"];

function summaries(rows: Row[]) {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c));
	for (const e of events(rows)) t.push(e);
	t.flush();
	return calls.map(summarizeCall);
}

test("a capture holding only 486 and its ACK: INVITE, outcome 486, start missing", () => {
	const [s] = summaries([
		[0, response(486, "Busy Here"), "<"],
		[0.01, request("ACK", { toTag: "b1" }), ">"],
	]);
	assert.equal(s?.method, "INVITE");
	assert.deepEqual(s?.outcome, { code: 486, reason: "Busy Here" });
	assert.equal(s?.startMissing, true);
});

test("200/ACK/BYE/200 without the INVITE: INVITE answered 200", () => {
	const [s] = summaries([
		[0, response(200, "OK"), "<"],
		[0.01, request("ACK", { toTag: "b1", branch: "z9hG4bK-2" }), ">"],
		[5, request("BYE", { toTag: "b1", cseq: 2, branch: "z9hG4bK-3" }), ">"],
		[5.01, response(200, "OK", { cseq: 2, method: "BYE", branch: "z9hG4bK-3" }), "<"],
	]);
	assert.equal(s?.method, "INVITE");
	assert.equal(s?.outcome?.code, 200);
	assert.equal(s?.startMissing, true);
});

test("a mid-dialog BYE answered 200 is a call in progress with outcome 200, not a failure", () => {
	for (const method of ["BYE", "UPDATE"]) {
		const [s] = summaries([
			[0, request(method, { toTag: "b1", cseq: 7 }), ">"],
			[0.01, response(200, "OK", { cseq: 7, method }), "<"],
		]);
		assert.equal(s?.method, method);
		assert.equal(s?.outcome?.code, 200);
		assert.equal(s?.startMissing, true);
	}
});

test("an orphan response gets its method from CSeq, not '?'", () => {
	const [s] = summaries([[0, response(200, "OK", { method: "OPTIONS" }), "<"]]);
	assert.equal(s?.method, "OPTIONS");
	assert.equal(s?.outcome?.code, 200);
});

test("a call whose INVITE was captured has no startMissing", () => {
	const [s] = summaries([
		[0, request("INVITE"), ">"],
		[0.1, response(486, "Busy Here"), "<"],
	]);
	assert.equal(s?.startMissing, undefined);
	assert.equal(s?.outcome?.code, 486);
});

test("a relayed Server header names the phone, not the proxy that relayed it", () => {
	const phone = { ip: "192.0.2.30", port: 5060 };
	const proxy = { ip: "192.0.2.20", port: 5060 };
	const caller = { ip: "192.0.2.10", port: 5060 };
	const v1 = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-c1";
	const v2 = "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK-p1";
	const rows: [string, typeof caller, typeof caller][] = [
		[request("INVITE", { via: [v1] }), caller, proxy],
		[request("INVITE", { via: [v2, v1] }), proxy, phone],
		[response(486, "Busy Here", { via: [v2, v1] }), phone, proxy],
		[response(486, "Busy Here", { via: [v1] }), proxy, caller],
	];
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c));
	events(rows.map(([text], i) => [i * 0.01, text, ">"])).forEach((e, i) => {
		const row = rows[i];
		if (row) t.push({ ...e, src: row[1], dst: row[2] });
	});
	t.flush();
	const s = summarizeCall(calls[0] as Call);
	const agents = Object.fromEntries(s.participants.map((p) => [p.address, p.agents]));
	assert.deepEqual(agents["192.0.2.30:5060"], ["TestServer 2.0"]);
	assert.deepEqual(agents["192.0.2.20:5060"], [], "the proxy relayed the phone's Server header");
	assert.deepEqual(agents["192.0.2.10:5060"], ["TestPhone 1.0"]);
});
