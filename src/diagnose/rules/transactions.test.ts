import assert from "node:assert/strict";
import { test } from "node:test";
import type { Endpoint } from "../../capture/sip-event.ts";
import { summarizeCall } from "../../flow/call-summary.ts";
import { type Call, CallTracker } from "../../flow/call-tracker.ts";
import { request, response } from "../../flow/test-messages.ts";
import { parseMessage } from "../../sip/parse-message.ts";
import { diagnose } from "../diagnose.ts";

const CALLER: Endpoint = { ip: "192.0.2.10", port: 5060 };
const PROXY: Endpoint = { ip: "192.0.2.20", port: 5060 };
const CALLEE: Endpoint = { ip: "192.0.2.30", port: 5060 };

function run(rows: [number, string, Endpoint, Endpoint][]) {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c));
	rows.forEach(([time, text, src, dst], i) => {
		t.push({ time: 1_700_000_000 + time, src, dst, transport: "udp", message: parseMessage(text), frame: i + 1 });
	});
	t.flush();
	return calls.flatMap((c) => diagnose(c, summarizeCall(c)));
}

test("a topology-hiding proxy rewrites the To tag: the ACK on each hop still acknowledges its 2xx", () => {
	const up = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-up";
	const down = "SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK-down";
	const rows: [number, string, Endpoint, Endpoint][] = [
		[0, request("INVITE", { via: [up] }), CALLER, PROXY],
		[0.01, request("INVITE", { via: [down] }), PROXY, CALLEE],
		[0.5, response(200, "OK", { via: [down], toTag: "inner" }), CALLEE, PROXY],
		[0.51, response(200, "OK", { via: [up], toTag: "outer" }), PROXY, CALLER],
		// The callee's 200 is retransmitted once more before the proxy's ACK reaches it.
		[1.0, response(200, "OK", { via: [down], toTag: "inner" }), CALLEE, PROXY],
		[1.5, response(200, "OK", { via: [down], toTag: "inner" }), CALLEE, PROXY],
		[1.52, request("ACK", { via: ["SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-a1"], toTag: "outer" }), CALLER, PROXY],
		// Forwarded with the outer tag: at this capture point it looks unmatched by tag.
		[1.53, request("ACK", { via: ["SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bK-a2"], toTag: "outer" }), PROXY, CALLEE],
		[
			160,
			request("BYE", { via: ["SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-b"], toTag: "outer", cseq: 2 }),
			CALLER,
			PROXY,
		],
	];
	const f = run(rows);
	assert.ok(!f.some((x) => x.rule === "missing-ack"), f.map((x) => x.text).join("\n"));
});

test("a 2xx that keeps being retransmitted with no ACK on its hop is a missing ACK, BYE's sender named", () => {
	const v = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1";
	const rows: [number, string, Endpoint, Endpoint][] = [[0, request("INVITE", { via: [v] }), CALLER, CALLEE]];
	for (const t of [0.5, 1, 2, 4, 8, 12, 16, 20, 24, 28, 32])
		rows.push([t, response(200, "OK", { via: [v] }), CALLEE, CALLER]);
	rows.push([
		32.5,
		request("BYE", { via: ["SIP/2.0/UDP 192.0.2.30:5060;branch=z9hG4bK-b"], cseq: 1, toTag: "b1" }),
		CALLEE,
		CALLER,
	]);
	const f = run(rows).find((x) => x.rule === "missing-ack");
	assert.ok(f);
	assert.match(f.text, /retransmitted 10 times on 192\.0\.2\.30:5060 → 192\.0\.2\.10:5060/);
	assert.match(f.text, /the callee hung up 32 s later, as a UAS does when no ACK comes within 64×T1 = 32 s/);
});

test("no 64×T1 claim when the BYE came at another time, and the caller named when it sent it", () => {
	const v = "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1";
	const rows: [number, string, Endpoint, Endpoint][] = [[0, request("INVITE", { via: [v] }), CALLER, CALLEE]];
	for (const t of [0.5, 1, 2, 4]) rows.push([t, response(200, "OK", { via: [v] }), CALLEE, CALLER]);
	rows.push([
		160.8,
		request("BYE", { via: ["SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-b"], cseq: 2, toTag: "b1" }),
		CALLER,
		CALLEE,
	]);
	const f = run(rows).find((x) => x.rule === "missing-ack");
	assert.ok(f);
	assert.match(f.text, /the caller hung up 160\.3 s later\./);
	assert.doesNotMatch(f.text, /64×T1/);
});
