import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeCall } from "../flow/call-summary.ts";
import { type Call, CallTracker } from "../flow/call-tracker.ts";
import { events, request, response } from "../flow/test-messages.ts";
import { turkishNumberProblems } from "../kb/phrases/turkish-check.ts";
import { proseProblems } from "../kb/validate.ts";
import { diagnose } from "./diagnose.ts";
import { captureDiagnosis } from "./scan.ts";

type Row = [number, string, ">" | "<"];

function findings(rows: Row[], lang = "en") {
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c));
	for (const e of events(rows)) t.push(e);
	t.flush();
	return calls.flatMap((c) => diagnose(c, summarizeCall(c), { lang }));
}
const rules = (rows: Row[]) => findings(rows).map((f) => `${f.rule}:${f.severity}`);
const auth = 'Authorization: Digest username="1001", realm="pbx", nonce="n", uri="sip:pbx", response="x"';
const challenge = (n: string, extra = "") => [`WWW-Authenticate: Digest realm="pbx", nonce="${n}"${extra}`];
const SDP =
	"v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

test("healthy: a challenge answered with credentials is info, nothing above", () => {
	const f = rules([
		[0, request("REGISTER", { callId: "r" }), ">"],
		[0.01, response(401, "Unauthorized", { callId: "r", method: "REGISTER", extraHeaders: challenge("a") }), "<"],
		[0.02, request("REGISTER", { callId: "r", cseq: 2, branch: "z9hG4bK-2", extraHeaders: [auth] }), ">"],
		[0.03, response(200, "OK", { callId: "r", cseq: 2, branch: "z9hG4bK-2", method: "REGISTER" }), "<"],
	]);
	assert.deepEqual(f, ["auth-challenge:info"]);
});

test("auth loop vs stale nonce vs 403 after credentials", () => {
	const loop = rules([
		[0, request("REGISTER", { callId: "r" }), ">"],
		[0.01, response(401, "Unauthorized", { callId: "r", method: "REGISTER", extraHeaders: challenge("a") }), "<"],
		[0.02, request("REGISTER", { callId: "r", cseq: 2, branch: "z9hG4bK-2", extraHeaders: [auth] }), ">"],
		[
			0.03,
			response(401, "Unauthorized", {
				callId: "r",
				cseq: 2,
				branch: "z9hG4bK-2",
				method: "REGISTER",
				extraHeaders: challenge("b"),
			}),
			"<",
		],
	]);
	assert.ok(loop.includes("auth-loop:error"), loop.join());
	const stale = rules([
		[0, request("REGISTER", { callId: "r", extraHeaders: [auth] }), ">"],
		[
			0.01,
			response(401, "Unauthorized", { callId: "r", method: "REGISTER", extraHeaders: challenge("a", ", stale=true") }),
			"<",
		],
		[0.02, request("REGISTER", { callId: "r", cseq: 2, branch: "z9hG4bK-2", extraHeaders: [auth] }), ">"],
		[0.03, response(200, "OK", { callId: "r", cseq: 2, branch: "z9hG4bK-2", method: "REGISTER" }), "<"],
	]);
	assert.deepEqual(stale, ["auth-challenge:info"]);
	const forbidden = rules([
		[0, request("REGISTER", { callId: "r" }), ">"],
		[0.01, response(401, "Unauthorized", { callId: "r", method: "REGISTER", extraHeaders: challenge("a") }), "<"],
		[0.02, request("REGISTER", { callId: "r", cseq: 2, branch: "z9hG4bK-2", extraHeaders: [auth] }), ">"],
		[0.03, response(403, "Forbidden", { callId: "r", cseq: 2, branch: "z9hG4bK-2", method: "REGISTER" }), "<"],
	]);
	assert.ok(forbidden.includes("auth-forbidden:error"), forbidden.join());
});

test("missing ACK: 200 retransmitted, BYE ~32 s later, where the ACK should go", () => {
	const f = findings([
		[0, request("INVITE"), ">"],
		[
			1,
			response(200, "OK", {
				extraHeaders: ["Contact: <sip:bob@10.0.0.7:5060>", "Record-Route: <sip:proxy.example.com;lr>"],
			}),
			"<",
		],
		[
			1.5,
			response(200, "OK", {
				extraHeaders: ["Contact: <sip:bob@10.0.0.7:5060>", "Record-Route: <sip:proxy.example.com;lr>"],
			}),
			"<",
		],
		[
			2.5,
			response(200, "OK", {
				extraHeaders: ["Contact: <sip:bob@10.0.0.7:5060>", "Record-Route: <sip:proxy.example.com;lr>"],
			}),
			"<",
		],
		[33, request("BYE", { branch: "z9hG4bK-b", cseq: 1, toTag: "b1" }).replace("CSeq: 1 BYE", "CSeq: 7 BYE"), "<"],
	]);
	const m = f.find((x) => x.rule === "missing-ack");
	assert.ok(m, JSON.stringify(f));
	assert.equal(m?.severity, "error");
	assert.match(m?.text ?? "", /retransmitted 2 times/);
	assert.match(m?.text ?? "", /sip:bob@10\.0\.0\.7:5060/);
	assert.match(m?.text ?? "", /proxy\.example\.com/);
	assert.match(m?.text ?? "", /32 s later/);
});

test("no response: INVITE retransmitted with nothing back", () => {
	const f = rules([
		[0, request("INVITE"), ">"],
		[0.5, request("INVITE"), ">"],
		[1.5, request("INVITE"), ">"],
		[3.5, request("INVITE"), ">"],
	]);
	assert.ok(f.includes("no-response:error"), f.join());
});

test("REFER accepted without NOTIFY; NOTIFY with a sipfrag result", () => {
	assert.ok(
		rules([
			[0, request("REFER", { callId: "x", toTag: "b1", extraHeaders: ["Refer-To: <sip:carol@example.com>"] }), ">"],
			[0.1, response(202, "Accepted", { callId: "x", method: "REFER" }), "<"],
		]).includes("refer-no-notify:warning"),
	);
	const ok = rules([
		[0, request("REFER", { callId: "x", toTag: "b1", extraHeaders: ["Refer-To: <sip:carol@example.com>"] }), ">"],
		[0.1, response(202, "Accepted", { callId: "x", method: "REFER" }), "<"],
		[
			0.2,
			request("NOTIFY", {
				callId: "x",
				toTag: "a1",
				branch: "z9hG4bK-n",
				extraHeaders: ["Event: refer", "Content-Type: message/sipfrag"],
				body: "SIP/2.0 200 OK\r\n",
			}),
			"<",
		],
	]);
	assert.ok(ok.includes("refer-result:info"), ok.join());
});

test("CANCEL: caller abandoned is info; a 200 crossing the CANCEL is a race", () => {
	assert.deepEqual(
		rules([
			[0, request("INVITE"), ">"],
			[0.2, response(180, "Ringing"), "<"],
			[5, request("CANCEL"), ">"],
			[5.01, response(200, "OK", { method: "CANCEL" }), "<"],
			[5.02, response(487, "Request Terminated"), "<"],
			[5.03, request("ACK", { toTag: "b1" }), ">"],
		]),
		["caller-abandoned:info"],
	);
	const race = rules([
		[0, request("INVITE"), ">"],
		[0.2, response(180, "Ringing"), "<"],
		[5, request("CANCEL"), ">"],
		[5.01, response(200, "OK", { method: "CANCEL" }), "<"],
		[5.02, response(200, "OK"), "<"],
		[5.03, request("ACK", { toTag: "b1", branch: "z9hG4bK-a" }), ">"],
		[5.04, request("BYE", { toTag: "b1", branch: "z9hG4bK-b", cseq: 2 }), ">"],
	]);
	assert.ok(race.includes("cancel-200-race:warning"), race.join());
});

test("6xx ends forking, 503 with Retry-After, media mismatch, who failed", () => {
	const six = rules([
		[0, request("INVITE"), ">"],
		[1, response(603, "Decline"), "<"],
		[1.01, request("ACK", { toTag: "b1" }), ">"],
	]);
	assert.ok(six.includes("6xx-ends-forking:warning") && six.includes("who-failed:warning"), six.join());
	const busy = findings([
		[0, request("INVITE"), ">"],
		[1, response(503, "Service Unavailable", { extraHeaders: ["Retry-After: 120"] }), "<"],
	]);
	assert.match(busy.find((x) => x.rule === "503-retry-after")?.text ?? "", /wait 120 s/);
	const media = findings([
		[0, request("INVITE", { extraHeaders: ["Content-Type: application/sdp"], body: SDP }), ">"],
		[
			0.1,
			response(488, "Not Acceptable Here", {
				extraHeaders: ['Warning: 305 gw.example.com "Incompatible media format"'],
			}),
			"<",
		],
	]);
	const mm = media.find((x) => x.rule === "media-mismatch");
	assert.match(mm?.text ?? "", /PCMU/);
	assert.match(mm?.text ?? "", /305 Incompatible media format/);
	assert.match(mm?.text ?? "", /telephone-event/);
	assert.equal(mm?.link, "/en/sip/488");
});

test("NAT, hold, 481, 483, redirect, 422, scanners", () => {
	const nat = rules([
		[0, request("INVITE").replace("Contact: <sip:alice@192.0.2.10:5060>", "Contact: <sip:alice@10.1.2.3:5060>"), ">"],
	]);
	assert.ok(nat.includes("nat-private-address:warning"), nat.join());
	const hold = rules([
		[
			0,
			request("INVITE", { toTag: "b1", extraHeaders: ["Content-Type: application/sdp"], body: `${SDP}a=sendonly\r\n` }),
			">",
		],
	]);
	assert.ok(hold.includes("media-direction:info"), hold.join());
	const gone = rules([
		[0, request("BYE", { toTag: "b1" }), ">"],
		[0.1, response(481, "Call/Transaction Does Not Exist", { method: "BYE" }), "<"],
	]);
	assert.ok(gone.includes("481-dialog-gone:warning"), gone.join());
	const hops = rules([
		[0, request("INVITE").replace("Max-Forwards: 70", "Max-Forwards: 1"), ">"],
		[0.1, response(483, "Too Many Hops"), "<"],
	]);
	assert.ok(hops.includes("too-many-hops:error"), hops.join());
	const redirect = rules([
		[0, request("INVITE"), ">"],
		[0.1, response(302, "Moved Temporarily", { extraHeaders: ["Contact: <sip:bob@192.0.2.30>"] }), "<"],
		[0.11, request("ACK", { toTag: "b1" }), ">"],
		[
			0.2,
			request("INVITE", { cseq: 2, branch: "z9hG4bK-2" }).replace(
				"INVITE sip:bob@example.com",
				"INVITE sip:bob@192.0.2.30",
			),
			">",
		],
		[0.3, response(200, "OK", { cseq: 2, branch: "z9hG4bK-2" }), "<"],
	]);
	assert.ok(redirect.includes("redirect-followed:info"), redirect.join());
	const interval = rules([
		[0, request("INVITE", { extraHeaders: ["Session-Expires: 30"] }), ">"],
		[0.1, response(422, "Session Interval Too Small", { extraHeaders: ["Min-SE: 90"] }), "<"],
		[0.2, request("INVITE", { cseq: 2, branch: "z9hG4bK-2", extraHeaders: ["Session-Expires: 90"] }), ">"],
		[0.3, response(200, "OK", { cseq: 2, branch: "z9hG4bK-2" }), "<"],
	]);
	assert.ok(interval.includes("interval-too-small:info"), interval.join());
	// A scan is told once for the capture (scan.ts), not once per probed call.
	const diagnosis = captureDiagnosis();
	const calls: Call[] = [];
	const t = new CallTracker((c) => calls.push(c));
	for (const e of events(
		[1, 2, 3].map(
			(n): Row => [
				n,
				request("OPTIONS", { callId: `probe-${n}`, branch: `z9hG4bK-${n}` })
					.replace("User-Agent: TestPhone 1.0", "User-Agent: friendly-scanner")
					.replace("To: <sip:bob@example.com>", `To: <sip:${100 + n}@example.com>`),
				">",
			],
		),
	))
		t.push(e);
	t.flush();
	for (const c of calls) assert.deepEqual(diagnosis.call(c, summarizeCall(c)), [], "no finding per probe");
	const across = diagnosis.finish();
	assert.equal(across.length, 1);
	assert.match(
		across[0]?.text ?? "",
		/A SIP scan from 192\.0\.2\.10 \(friendly-scanner\): 3 requests \(3 OPTIONS\) probing 3 users or extensions in 2 s, 3 unanswered\./,
	);
});

test("healthy basic call: nothing above info; texts are clean in en and tr", () => {
	const rows: Row[] = [
		[0, request("INVITE", { extraHeaders: ["Content-Type: application/sdp"], body: SDP }), ">"],
		[0.4, response(180, "Ringing"), "<"],
		[3, response(200, "OK", { extraHeaders: ["Content-Type: application/sdp"], body: SDP }), "<"],
		[3.1, request("ACK", { branch: "z9hG4bK-a", toTag: "b1" }), ">"],
		[30, request("BYE", { branch: "z9hG4bK-b", toTag: "b1", cseq: 2 }), ">"],
		[30.1, response(200, "OK", { branch: "z9hG4bK-b", cseq: 2, method: "BYE" }), "<"],
	];
	assert.deepEqual(
		findings(rows).filter((f) => f.severity !== "info"),
		[],
	);
	// Every text of every rule, in both languages, reads clean.
	const samples: Row[][] = [
		[
			[0, request("INVITE", { extraHeaders: ["Content-Type: application/sdp"], body: SDP }), ">"],
			[0.1, response(488, "Not Acceptable Here", { extraHeaders: ['Warning: 305 gw "x"'] }), "<"],
		],
		[
			[0, request("INVITE"), ">"],
			[1, response(503, "Service Unavailable"), "<"],
		],
	];
	for (const lang of ["en", "tr"])
		for (const s of samples)
			for (const f of findings(s, lang))
				for (const t of [f.text, f.fix ?? ""].filter(Boolean)) {
					assert.deepEqual(proseProblems(t, lang), [], t);
					if (lang === "tr") assert.deepEqual(turkishNumberProblems(t), [], t);
				}
});
