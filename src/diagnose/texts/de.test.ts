import assert from "node:assert/strict";
import { test } from "node:test";
import { proseProblems } from "../../kb/validate.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";

/** Parameters as the rules fill them, with every branch variable given each of its values in turn. */
const BASE: Record<string, string | number> = {
	method: "INVITE",
	code: 486,
	agent: "Asterisk PBX 20.5.0",
	from: "192.0.2.10:5060",
	count: 3,
	realm: "asterisk",
	retransmissions: 7,
	hop: "192.0.2.10 → 198.51.100.7",
	byeAfter: 32,
	byeBy: "callee",
	timerH: 1,
	contact: "sip:100@192.168.1.20:5060",
	recordRoute: "<sip:198.51.100.1;lr>",
	sent: 7,
	over: 32,
	to: "198.51.100.7:5060",
	provisional: 1,
	ring: 12,
	afterInvite: 14,
	acked: 1,
	ended: 1,
	target: "sip:200@example.com",
	notifies: "100, 200",
	status: 200,
	reason: "OK",
	final: 1,
	decliner: "Yealink SIP-T46U",
	branches: 2,
	cancelled: 2,
	server: "198.51.100.1",
	seconds: 30,
	next: "failover",
	failover: "198.51.100.2",
	relayed: 1,
	reasons: "codec,transport,media-type,no-telephone-event",
	noOffer: 0,
	offered: "G729",
	accepted: "PCMA, PCMU",
	protocols: "RTP/SAVP",
	types: "audio, video",
	warning: '305 host "Incompatible media format"',
	address: "10.0.0.5",
	where: "Contact",
	source: "203.0.113.9:41234",
	kind: "hold",
	answer: "200 OK",
	by: "the caller",
	streams: "video",
	left: "audio",
	what: "re-INVITE",
	direction: "sendonly",
	followed: 1,
	established: 1,
	afterRefer: 1,
	routeFollowed: 0,
	detector: "198.51.100.1",
	repeated: "198.51.100.1",
	maxForwards: "70 → 0",
	hops: 70,
	targets: "sip:300@example.com",
	side1: "caller",
	owner1: 1,
	wait1: 3.2,
	inWindow1: 1,
	side2: "callee",
	owner2: 0,
	wait2: "",
	inWindow2: 0,
	through: 0,
	asked: 60,
	min: 1800,
	ok: 1,
	retry: 1800,
	tags: "100rel",
	required: "100rel",
	accept: "application/sdp",
	encoding: "gzip",
	sameAsRinging: 1,
	vias: 3,
	requests: 14,
	methods: "OPTIONS, REGISTER",
	users: 9,
	unanswered: 5,
	first: "BYE",
	outcome: "200 OK",
	offer: "192.0.2.10:4000",
	flowing: "caller→callee",
	missing: "callee→caller",
	src: "192.0.2.10:4000",
	dst: "198.51.100.7:5000",
	pt: 18,
	codec: "G729",
	allowed: "0 8 101",
	percent: 4.2,
	lost: 63,
	expected: 1500,
	max: 48,
	mean: 21,
	sdp: "192.168.1.20:4000",
	actual: "203.0.113.5:4000",
};

const VARIANTS: Record<string, (string | number)[]> = {
	kind: ["hold", "rejected", "initial", "answer", "destination", "private"],
	code: [420, 422, 423, 486, 603, 606],
	next: ["failover", "same", "none", ""],
	provisional: [0, 1],
	followed: [0, 1, ""],
	sameAsRinging: [0, 1, ""],
	left: ["", "audio"],
	requests: [1, 14],
	users: [1, 9],
	ok: [0, 1],
	acked: [0, 1],
	status: [180, 200, 486],
	branches: [0, 1, 3],
	direction: ["sendonly", "inactive", "caller→callee", "callee→caller"],
	flowing: ["callee→caller"],
	missing: ["caller→callee"],
};

function paramSets(): Record<string, string | number>[] {
	const sets = [BASE];
	for (const [key, values] of Object.entries(VARIANTS)) for (const v of values) sets.push({ ...BASE, [key]: v });
	return sets;
}

test("German finding texts exist for exactly the rules English has", () => {
	assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
});

test("every German finding text and fix reads as clean German prose in every branch", () => {
	const problems: string[] = [];
	for (const [id, build] of Object.entries(de))
		for (const p of paramSets()) {
			const { text, fix } = build(p);
			for (const t of [text, fix ?? ""].filter(Boolean)) {
				for (const problem of proseProblems(t, "de")) problems.push(`${id}: ${problem}: ${t}`);
				if (/\b(herausgefordert|wurde \d+-mal wiederholt auf)\b/.test(t)) problems.push(`${id}: unidiomatic: ${t}`);
			}
		}
	assert.deepEqual(problems.slice(0, 5), []);
});

test("German scanner text counts in the singular and plural", () => {
	assert.match(
		de.scanner?.({ ...BASE, requests: 1, users: 1 }).text ?? "",
		/1 Request \(.*\) an 1 Benutzer oder Nebenstelle /,
	);
	assert.match(de.scanner?.(BASE).text ?? "", /14 Requests \(.*\) an 9 Benutzer oder Nebenstellen /);
});

test("German media texts name the call's directions in German, not the analyzer's English tokens", () => {
	const p = {
		...BASE,
		direction: "callee→caller",
		flowing: "caller→callee",
		missing: "callee→caller",
		kind: "private",
	};
	for (const id of ["media-one-way", "media-loss", "media-jitter", "media-address", "media-gap"] as const) {
		const { text } = de[id](p);
		assert.doesNotMatch(text, /caller|callee/, id);
		assert.match(text, /vom (Anrufer zum Angerufenen|Angerufenen zum Anrufer)/, id);
	}
	assert.match(de["media-one-way"](p).text, /nur vom Anrufer zum Angerufenen; vom Angerufenen zum Anrufer kam nichts/);
	assert.match(de["media-gap"]({ ...p, direction: "A→B" }).text, /in Richtung A→B/);
});

test("German media texts write measured decimals with a comma and leave addresses alone", () => {
	const loss = de["media-loss"]({ ...BASE, percent: 4.2, direction: "caller→callee" }).text;
	assert.match(loss, /^4,2 % der RTP-Pakete/);
	assert.match(loss, /192\.0\.2\.10:4000 an 198\.51\.100\.7:5000/);
	assert.match(de["media-gap"]({ ...BASE, seconds: 3 }).text, /etwa 3 s/);
});
