import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "./errors.ts";
import { explain } from "./explain.ts";
import { listCodes } from "./list.ts";
import { turkishNumberProblems } from "./phrases/turkish-check.ts";
import { entries, entry } from "./registry.ts";
import { proseProblems } from "./validate.ts";

const CONTRACT_KEYS = [
	"code",
	"reason",
	"class",
	"status",
	"rfc",
	"facts",
	"description",
	"whenYouSeeIt",
	"howToFix",
	"related",
	"lang",
];
const FACT_KEYS = [
	"final",
	"methods",
	"senders",
	"requiredHeaders",
	"optionalHeaders",
	"endsForking",
	"retry",
	"dialogEffect",
	"q850",
];

function allText(e: ReturnType<typeof explain>): string[] {
	return [
		e.summary,
		e.description,
		e.whenYouSeeIt,
		...e.howToFix,
		...e.commonCauses,
		...e.misdiagnoses,
		e.useWhen,
		e.facts.retry,
	];
}

test("every code explains in en and tr with the contract's fields and clean prose", () => {
	for (const { code } of entries())
		for (const lang of ["en", "tr"]) {
			const e = explain(code, { lang });
			for (const k of CONTRACT_KEYS) assert.ok(k in e, `${code} ${lang} lacks ${k}`);
			for (const k of FACT_KEYS) assert.ok(k in e.facts, `${code} ${lang} lacks facts.${k}`);
			assert.equal(e.lang, lang);
			assert.match(e.rfc.url, /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+/);
			for (const t of allText(e)) {
				assert.ok(t.trim().length > 0, `${code} ${lang}: empty text`);
				assert.deepEqual(proseProblems(t, lang), [], `${code} ${lang}: ${t}`);
				if (lang === "tr") assert.deepEqual(turkishNumberProblems(t), [], `${code} tr: ${t}`);
			}
			assert.ok(JSON.parse(JSON.stringify(e)).code === code, "JSON-serialisable");
		}
});

test("Turkish content is not the English text", () => {
	for (const { code } of entries()) {
		const en = explain(code, { lang: "en" });
		const tr = explain(code, { lang: "tr" });
		assert.notEqual(en.description, tr.description, String(code));
		assert.notDeepEqual(en.howToFix, tr.howToFix, String(code));
	}
});

test("facts the RFCs fix", () => {
	const required = (c: number) => explain(c).facts.requiredHeaders;
	assert.ok(required(401).includes("WWW-Authenticate"));
	assert.ok(required(407).includes("Proxy-Authenticate"));
	assert.ok(required(405).includes("Allow"));
	assert.ok(required(420).includes("Unsupported"));
	assert.ok(required(421).includes("Require"));
	assert.ok(required(422).includes("Min-SE"));
	assert.ok(required(423).includes("Min-Expires"));
	assert.deepEqual(explain(487).facts.methods, ["any"]);
	for (const c of [600, 603, 604, 606, 607, 608]) assert.equal(explain(c).facts.endsForking, true, String(c));
	for (const c of [486, 480, 404, 503]) assert.equal(explain(c).facts.endsForking, false, String(c));
	assert.equal(explain(180).facts.final, false);
	assert.equal(explain(200).facts.ack, "end-to-end");
	assert.equal(explain(486).facts.ack, "hop-by-hop");
	assert.equal(explain(202).status, "deprecated");
	assert.equal(explain(402).status, "reserved");
	assert.deepEqual(explain(603).rfc, {
		doc: "RFC3261",
		section: "21.6.2",
		url: "https://www.rfc-editor.org/rfc/rfc3261#section-21.6.2",
	});
	assert.equal(explain(486).facts.q850.toCause, 17);
	assert.equal(explain(404).facts.q850.toCause, 1);
	assert.equal(explain(603).facts.q850.toCause, 21);
	assert.equal(explain(436).reason, "Bad Identity Info");
	assert.equal(explain(437).renamedFrom?.reason, "Unsupported Certificate");
});

test("unregistered codes are still explained (RFC 3261 §8.1.3.2)", () => {
	const e = explain(499);
	assert.equal(e.status, "unregistered");
	assert.equal(e.treatedAs, 400);
	assert.equal(e.facts.final, true);
	assert.match(e.description, /8\.1\.3\.2/);
	assert.equal(explain(150).treatedAs, 183);
	assert.equal(explain(150).facts.final, false);
	assert.equal(explain(699, { lang: "tr" }).treatedAs, 600);
	assert.deepEqual(turkishNumberProblems(explain(699, { lang: "tr" }).summary), []);
	const documented = explain(409);
	assert.equal(documented.status, "unregistered");
	assert.equal(documented.treatedAs, 400);
	assert.equal(documented.reason, "Conflict");
});

test("bad input is an InputError naming the input", () => {
	for (const bad of ["99", "700", "4866", "abc", "", "48 6", "<script>"]) {
		assert.throws(
			() => explain(bad),
			(e: unknown) => e instanceof InputError && e.message.includes(bad.slice(0, 10)),
			bad,
		);
	}
	assert.throws(() => explain(486, { lang: "xx" }), /unknown language "xx"/);
});

test("a language without translated content falls back to English and says so", () => {
	const e = explain(486, { lang: "ko" });
	assert.equal(e.lang, "ko");
	assert.equal(e.contentLang, "en");
	assert.equal(e.description, explain(486).description);
});

test("listCodes lists the registry, filtered by class", () => {
	const all = listCodes();
	assert.equal(all.length, 75);
	assert.deepEqual(
		listCodes({ class: "6xx" }).map((c) => c.code),
		[600, 603, 604, 606, 607, 608],
	);
	assert.ok(listCodes({ class: "4" }).every((c) => c.class === "4xx" && c.final));
	assert.equal(listCodes({ includeUnregistered: true }).length, 79);
	assert.throws(() => listCodes({ class: "9xx" }), InputError);
});

test("every example message parses cleanly with the SIP parser and matches its facts", async () => {
	const { parseMessage, canonicalName } = await import("../sip/parse-message.ts");
	for (const { code } of entries()) {
		const e = explain(code);
		assert.ok(e.example, `${code} has an example`);
		const m = parseMessage(e.example as string);
		assert.deepEqual(m.errors, [], `${code}: ${JSON.stringify(m.errors)}`);
		assert.equal(m.kind, "response");
		assert.equal(m.status, code);
		assert.equal(m.reason, e.reason);
		const names = new Set(m.headers.map((h) => canonicalName(h.name)));
		for (const h of e.facts.requiredHeaders) assert.ok(names.has(h.toLowerCase()), `${code} example lacks ${h}`);
		assert.ok(
			m.cseq && (e.facts.methods.includes("any") || e.facts.methods.includes(m.cseq.method as never)),
			`${code} CSeq`,
		);
	}
});

test("204 creates no dialog: RFC 5839 §7.1 allows it only inside an existing one", () => {
	const e = explain(204);
	assert.equal(e.facts.dialogEffect, "none");
	assert.deepEqual([e.citations.dialogEffect.doc, e.citations.dialogEffect.section], ["RFC5839", "7.1"]);
	assert.ok(e.misdiagnoses.some((m) => /never creates a dialog/.test(m) && /RFC 5839 §7\.1/.test(m)));
	assert.ok(explain(204, { lang: "tr" }).misdiagnoses.some((m) => /hiçbir zaman diyalog/.test(m)));
});

test("199 ends one early dialog (RFC 6228), not the RFC 5057 dialog-terminated category", () => {
	const e = explain(199);
	assert.notEqual(e.facts.dialogEffect, "dialog-terminated");
	assert.equal(e.citations.dialogEffect.doc, "RFC6228");
	assert.equal(entry(199)?.dialogEffect.endsEarlyDialog, true);
});

test("definitions cite the section that defines the code", () => {
	const section = (code: number) => `${explain(code).rfc.doc} §${explain(code).rfc.section}`;
	assert.equal(section(489), "RFC6665 §8.3.2");
	assert.equal(section(430), "RFC5626 §11.5");
	assert.equal(section(439), "RFC5626 §11.6");
	// 1xx are never acknowledged: RFC 3261 §21.1 says so, RFC 3262 only adds PRACK.
	const ack = explain(180).citations.ack;
	assert.deepEqual([ack.doc, ack.section], ["RFC3261", "21.1"]);
});

test("methods: 603 refuses subscriptions and transfers too, 487 answers any pending request, 423 cites its RFCs", () => {
	assert.deepEqual(explain(603).facts.methods, ["INVITE", "SUBSCRIBE", "REFER"]);
	assert.deepEqual(explain(487).facts.methods, ["any"]);
	assert.deepEqual([explain(487).citations.methods.doc, explain(487).citations.methods.section], ["RFC3261", "15.1.2"]);
	assert.deepEqual(entry(423)?.methods.also, ["RFC6665 §4.2.1.1", "RFC3903 §6"]);
});

test("RFC 3398 §8.2.6.1: unlisted rejections map to cause 31 by the default rule, 487/488/606 map to none", () => {
	assert.equal(explain(412).facts.q850.toCause, 31);
	assert.equal(explain(412).facts.q850.names["31"], "Normal, unspecified");
	assert.equal(entry(412)?.q850.toCauseBasis, "default");
	for (const c of [417, 422, 428, 433, 439, 440, 469, 489, 491, 493, 494, 555, 580, 607, 608])
		assert.deepEqual([explain(c).facts.q850.toCause, entry(c)?.q850.toCauseBasis], [31, "default"], String(c));
	assert.deepEqual([explain(487).facts.q850.toCause, entry(487)?.q850.toCauseBasis], [null, "unmapped"]);
	for (const c of [488, 606]) assert.equal(entry(c)?.q850.toCauseBasis, "warning", String(c));
	assert.equal(entry(486)?.q850.toCauseBasis, "listed");
	assert.equal(entry(302)?.q850.toCause, null);
});

test("prose corrections: 100 and RFC 4320 §4.1, 183 is not ringing, 606 scope, 502 and HTTP", () => {
	const t100 = explain(100);
	assert.doesNotMatch(t100.whenYouSeeIt, /limits 100 to non-INVITE requests over UDP/);
	assert.match(t100.whenYouSeeIt, /RFC 4320 §4\.1 allows only 100/);
	assert.ok(t100.misdiagnoses.some((m) => /183 does not mean ringing/.test(m)));
	const t606 = explain(606);
	for (const s of [t606.summary, t606.description, t606.useWhen]) {
		assert.doesNotMatch(s, /no other end ?point will answer/);
		assert.doesNotMatch(s, /no other device of the user will do better/);
	}
	assert.match(t606.description, /global failure \(RFC 3261 §21\.6\)/);
	const t502 = explain(502).misdiagnoses.join(" ");
	assert.doesNotMatch(t502, /HTTP mindset/);
	assert.match(t502, /502 means what it means in HTTP/);
});

test("the Q.850 cause says where it comes from: RFC 3398's table or its default rule", () => {
	assert.deepEqual([explain(412).facts.q850.toCause, explain(412).facts.q850.basis], [31, "default"]);
	assert.deepEqual([explain(486).facts.q850.toCause, explain(486).facts.q850.basis], [17, "listed"]);
	assert.equal(explain(488).facts.q850.basis, "warning");
	assert.equal(explain(487).facts.q850.basis, "unmapped");
	assert.equal(explain(180).facts.q850.basis, "not-a-rejection");
});
