#!/usr/bin/env node
// Writes FILE.key.json beside each capture: what tshark reads from it, as the answer sipwhy's
// analysis must agree with (test/tshark-keys.test.ts). For every SIP message tshark dissects:
// Call-ID, CSeq, method or status and whether the To header has a tag; from those, per Call-ID,
// the outcome by the contract's definition (README "outcome"), worked out here independently of
// sipwhy's own code.
//
//   node scripts/make-tshark-keys.mjs test/fixtures/sipp/*.pcap test/fixtures/public/*.pcap
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const files = process.argv.slice(2);
if (files.length === 0) {
	console.error("usage: make-tshark-keys.mjs CAPTURE…");
	process.exit(2);
}
const version = execFileSync("tshark", ["--version"], { encoding: "utf8" }).split("\n")[0];

/** Every value under `key` anywhere in a tshark JSON tree. */
function find(node, key, out = []) {
	if (node && typeof node === "object") {
		for (const [k, v] of Object.entries(node)) {
			if (k === key) out.push(v);
			else find(v, key, out);
		}
	}
	return out;
}

function messagesOf(file) {
	const json = execFileSync("tshark", ["-r", file, "-Y", "sip", "-T", "json", "-J", "sip"], {
		encoding: "utf8",
		maxBuffer: 1 << 28,
		stdio: ["ignore", "pipe", "ignore"],
	});
	const out = [];
	for (const packet of JSON.parse(json)) {
		const layer = packet._source.layers.sip;
		for (const sip of Array.isArray(layer) ? layer : [layer]) {
			const status = find(sip, "sip.Status-Code")[0];
			const method = find(sip, "sip.Method")[0];
			const callId = find(sip, "sip.Call-ID")[0] ?? null;
			const seq = find(sip, "sip.CSeq.seq")[0];
			const cseqMethod = find(sip, "sip.CSeq.method")[0] ?? null;
			out.push({
				kind: status !== undefined ? "response" : "request",
				status: status !== undefined ? Number(status) : null,
				method: status !== undefined ? null : (method ?? null),
				callId,
				seq: seq !== undefined ? Number(seq) : null,
				cseqMethod,
				toTag: find(sip, "sip.to.tag").length > 0,
			});
		}
	}
	return out;
}

function outcomeOf(msgs) {
	const initial = msgs.find((m) => m.kind === "request" && m.method !== "ACK" && m.method !== "CANCEL" && !m.toTag);
	if (initial) {
		const method = initial.method;
		let last = Number.NEGATIVE_INFINITY;
		for (const m of msgs)
			if (m.kind === "request" && m.method === method && !m.toTag) last = Math.max(last, m.seq ?? 0);
		const final = msgs.find(
			(m) => m.kind === "response" && m.cseqMethod === method && m.seq === last && m.status >= 200,
		);
		return { method, outcome: final ? final.status : null, startMissing: false };
	}
	const entry = msgs.find((m) => m.kind === "response" || (m.method !== "ACK" && m.method !== "CANCEL"));
	// Only ACK or CANCEL: both belong to an INVITE (RFC 3261 §9.1, §17.1.1.3).
	if (!entry) return { method: "INVITE", outcome: null, startMissing: true };
	const method = entry.kind === "request" ? entry.method : entry.cseqMethod;
	const final = msgs.find(
		(m) => m.kind === "response" && m.cseqMethod === method && m.seq === entry.seq && m.status >= 200,
	);
	return { method, outcome: final ? final.status : null, startMissing: true };
}

for (const file of files) {
	const msgs = messagesOf(file);
	const byCall = new Map();
	for (const m of msgs) {
		if (m.callId === null) continue;
		if (!byCall.has(m.callId)) byCall.set(m.callId, []);
		byCall.get(m.callId).push(m);
	}
	const calls = {};
	for (const id of [...byCall.keys()].sort()) calls[id] = outcomeOf(byCall.get(id));
	const key = {
		tshark: version,
		messages: msgs.length,
		withoutCallId: msgs.filter((m) => m.callId === null).length,
		calls,
	};
	writeFileSync(`${file}.key.json`, `${JSON.stringify(key, null, "\t")}\n`);
	console.log(`${file}: ${msgs.length} messages, ${byCall.size} Call-IDs`);
}
