import assert from "node:assert/strict";
import { test } from "node:test";
import {
	nameAddrs,
	parseAuth,
	parseContentType,
	parseEvent,
	parseReason,
	parseRetryAfter,
	parseSessionExpires,
	parseSubscriptionState,
	parseWarning,
	tokens,
} from "./header-values.ts";
import { parseMessage } from "./parse-message.ts";
import { parseUri } from "./uri.ts";

const MSG = parseMessage(
	[
		"INVITE sip:bob@example.com SIP/2.0",
		"Via: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK1;rport;received=2001:db8::10",
		"Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>",
		"Record-Route: <sip:rr.example.com;lr>",
		'From: "Ali \\"Veli\\" Çelik" <sip:ali@example.com>;tag=x1',
		"To: <tel:+902121234567;phone-context=example.com>",
		"Call-ID: 1@h",
		"CSeq: 1 INVITE",
		"Max-Forwards: 70",
		"k: timer, 100rel",
		"Require: timer",
		"Allow: INVITE, ACK, BYE",
		"Content-Length: 0",
		"",
		"",
	].join("\r\n"),
);

test("lists, name-addrs with escapes and UTF-8, IPv6 Via, tel URI", () => {
	assert.deepEqual(MSG.errors, []);
	assert.deepEqual(
		nameAddrs(MSG, "Route").map((r) => r.uri),
		["sip:p1.example.com;lr", "sip:p2.example.com;lr"],
	);
	assert.deepEqual(tokens(MSG, "Supported"), ["timer", "100rel"]);
	assert.deepEqual(tokens(MSG, "Allow"), ["INVITE", "ACK", "BYE"]);
	assert.equal(MSG.from?.displayName, 'Ali "Veli" Çelik');
	assert.equal(MSG.via[0]?.host, "[2001:db8::9]");
	assert.equal(MSG.via[0]?.port, 5070);
	assert.equal(MSG.via[0]?.rport, true);
	assert.equal(MSG.via[0]?.received, "2001:db8::10");
	assert.equal(parseUri(MSG.to?.uri ?? "")?.scheme, "tel");
	assert.equal(parseUri(MSG.to?.uri ?? "")?.host, "+902121234567");
});

test("URIs: user, password, IPv6 host, port, params, headers, escapes", () => {
	const u = parseUri("sips:al%40ice:secret@[2001:db8::1]:5061;transport=tcp;lr?subject=hi%20there&priority=urgent");
	assert.equal(u?.scheme, "sips");
	assert.equal(u?.user, "al@ice");
	assert.equal(u?.password, "secret");
	assert.equal(u?.host, "[2001:db8::1]");
	assert.equal(u?.port, 5061);
	assert.deepEqual(u?.params, { transport: "tcp", lr: null });
	assert.deepEqual(u?.headers, { subject: "hi there", priority: "urgent" });
	assert.equal(parseUri("sip:%00null@example.com")?.user, "\u0000null");
	assert.equal(parseUri("nocolon"), null);
});

test("structured header values", () => {
	assert.deepEqual(parseRetryAfter("120 (maintenance);duration=3600"), {
		seconds: 120,
		comment: "maintenance",
		duration: 3600,
	});
	assert.deepEqual(parseReason('Q.850;cause=17;text="User busy"'), [
		{ protocol: "Q.850", cause: 17, text: "User busy" },
	]);
	assert.deepEqual(parseWarning('304 sbc.example.com "Media type not available"'), [
		{ code: 304, agent: "sbc.example.com", text: "Media type not available" },
	]);
	const auth = parseAuth('Digest realm="example.com", nonce="a,b", algorithm=MD5, qop="auth,auth-int"');
	assert.equal(auth.scheme, "Digest");
	assert.deepEqual(auth.params, { realm: "example.com", nonce: "a,b", algorithm: "MD5", qop: "auth,auth-int" });
	assert.deepEqual(parseEvent("refer;id=93809824"), { event: "refer", params: { id: "93809824" } });
	assert.deepEqual(parseSubscriptionState("terminated;reason=noresource"), {
		state: "terminated",
		reason: "noresource",
		expires: null,
		retryAfter: null,
	});
	assert.deepEqual(parseSessionExpires("1800;refresher=uac"), { seconds: 1800, refresher: "uac" });
	assert.equal(parseContentType("application/SDP").type, "application/sdp");
});

test("IPv6 URIs: bracketed with and without port, the RFC 5118 ambiguity", async () => {
	const { isIpv6 } = await import("./uri.ts");
	assert.deepEqual(
		[parseUri("sip:[2001:db8::10]:5070")?.host, parseUri("sip:[2001:db8::10]:5070")?.port],
		["[2001:db8::10]", 5070],
	);
	assert.deepEqual(
		[parseUri("sip:[2001:db8::10:5070]")?.host, parseUri("sip:[2001:db8::10:5070]")?.port],
		["[2001:db8::10:5070]", null],
	);
	assert.equal(parseUri("sip:2001:db8::10")?.host, "2001:db8::10");
	for (const ok of ["::1", "2001:db8::192.0.2.1", "::ffff:192.0.2.128", "1:2:3:4:5:6:7:8", "fe80::"])
		assert.ok(isIpv6(ok), ok);
	for (const bad of ["2001:db8:::192.0.2.1", "1:2:3:4:5:6:7:8:9", "12345::", "1::2::3", "::ffff:300.0.0.1"])
		assert.ok(!isIpv6(bad), bad);
});

test("property: reading one parameter gives what decoding them all gives", async () => {
	const fc = (await import("fast-check")).default;
	const { findParam, paramsFrom } = await import("./values.ts");
	const name = fc.constantFrom("tag", "branch", "rport", "received", "Tag", "TAG", "lr", "x", "tagx", "bran", "");
	const value = fc.option(
		fc.oneof(
			fc.stringMatching(/^[A-Za-z0-9.:_-]{0,8}$/),
			fc.stringMatching(/^"[A-Za-z0-9;= ]{0,6}"$/),
			fc.stringMatching(/^[a-z;= ]{0,4}$/),
		),
		{ nil: null },
	);
	const space = fc.constantFrom("", "", " ", "\t");
	fc.assert(
		fc.property(
			fc.constantFrom("", "", "junk", " ", ">"),
			fc.array(fc.tuple(name, value, space, space, space), { maxLength: 5 }),
			fc.constantFrom("tag", "branch", "rport", "lr"),
			(before, ps, want) => {
				const params = ps.map(([n, v, a, b, c]) => `;${a}${n}${v === null ? "" : `${b}=${c}${v}`}`).join("");
				const text = `<sip:a@b;tag=no>${before}${params}`;
				const at = text.indexOf(">") + 1;
				const full = paramsFrom(text, at, () => {});
				const found = findParam(text, at, want);
				assert.equal(found === false ? full[want] : found, full[want], text);
			},
		),
		{ numRuns: 3000 },
	);
});

test("property: a From's tag and a Via's branch found in passing equal the fully decoded ones", async () => {
	const fc = (await import("fast-check")).default;
	const { paramsFrom, decodeNameAddr, decodeVia, parseNameAddr, parseVia } = await import("./values.ts");
	const none = () => {};
	const display = fc.constantFrom("", '"Alice" ', '"A;tag=x <y>" ', '"q\\\\"x" ', "Bob ", '"unterminated ', '"" ');
	const uri = fc.constantFrom("<sip:a@b>", "<sip:a@b;tag=in>", "sip:a@b", "<sip:a@b", "<sip:a@[2001:db8::1]>", "");
	const params = fc.constantFrom(
		"",
		";tag=1",
		";TAG=2;x",
		"; tag=3",
		';x="a;tag=4";tag=5',
		";tag",
		">;tag=6",
		" ;tag=7",
	);
	fc.assert(
		fc.property(display, uri, params, (d, u, p) => {
			const v = `${d}${u}${p}`.trim();
			const full = paramsFrom(v, decodeNameAddr(v, none).paramsAt, none).tag ?? null;
			assert.equal(parseNameAddr(v, none).tag, full, v);
		}),
		{ numRuns: 500 },
	);
	const sentBy = fc.constantFrom("h", "h:5060", "[2001:db8::1]:5070", "[2001:db8::1", "", "h:x");
	const proto = fc.constantFrom("SIP/2.0/UDP ", "SIP / 2.0 / TCP ", "SIP/2.0/UDP", "bad ");
	const vparams = fc.constantFrom(
		"",
		";branch=z9hG4bK1",
		";rport;BRANCH=z9",
		"; branch=z",
		";branch",
		';x="a;branch=b"',
	);
	fc.assert(
		fc.property(proto, sentBy, vparams, (pr, sb, p) => {
			const v = `${pr}${sb}${p}`.trim();
			const at = decodeVia(v, none)?.paramsAt;
			const full = at === undefined ? undefined : (paramsFrom(v, at, none).branch ?? null);
			const lazy = parseVia(v, none).branch;
			if (full !== undefined) assert.equal(lazy, full, v);
		}),
		{ numRuns: 500 },
	);
});
