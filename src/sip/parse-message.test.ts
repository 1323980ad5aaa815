import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parseMessage } from "./parse-message.ts";
import { serialize } from "./serialize.ts";

const DIR = join(import.meta.dirname, "..", "..", "test", "fixtures", "rfc4475");
const read = (kind: string, name: string) => readFileSync(join(DIR, kind, `${name}.sip`));

test("every valid RFC 4475 message parses without errors", () => {
	for (const f of readdirSync(join(DIR, "valid"))) {
		const m = parseMessage(readFileSync(join(DIR, "valid", f)));
		assert.deepEqual(m.errors, [], f);
		assert.equal(m.ok, true, f);
	}
});

test("every invalid RFC 4475 message is flagged with its specific problem", () => {
	const want: Record<string, RegExp> = {
		badaspec: /whitespace inside <URI>/,
		baddate: /Date "Fri, 01 Jan 2010 16:00:00 EST" is not in GMT/,
		baddn: /must be quoted/,
		badinv01: /empty (parameter|value)/,
		badvers: /unsupported SIP version "SIP\/7\.0"/,
		bigcode: /4294967301 is outside 100–699/,
		clerr: /Content-Length 9999 is larger/,
		escruri: /headers .* not allowed in a Request-URI/,
		insuf: /missing mandatory header\(s\): to, from, call-id/,
		ltgtruri: /must not be enclosed in <>/,
		lwsruri: /request line must be/,
		lwsstart: /request line must be/,
		mcl01: /more than one Content-Length/,
		mismatch01: /CSeq method INVITE does not match the request method OPTIONS/,
		mismatch02: /CSeq method INVITE does not match the request method NEWMETHOD/,
		multi01: /more than one Call-ID/,
		ncl: /Content-Length "-999"/,
		quotbal: /unterminated quoted display name/,
		regbadct: /must be enclosed in <>/,
		scalar02: /larger than 2\^32-1/,
		scalarlg: /larger than 2\^32-1/,
		trws: /trailing whitespace/,
	};
	for (const [name, pattern] of Object.entries(want)) {
		const m = parseMessage(read("invalid", name));
		assert.equal(m.ok, false, name);
		assert.ok(
			m.errors.some((e) => pattern.test(e.message)),
			`${name}: ${JSON.stringify(m.errors)}`,
		);
		for (const e of m.errors) assert.ok(Number.isInteger(e.offset) && e.offset >= 0, `${name} offset`);
	}
});

test("wsinv: folding, odd spacing, compact forms, escaped display names", () => {
	const m = parseMessage(read("valid", "wsinv"));
	assert.equal(m.method, "INVITE");
	assert.equal(m.maxForwards, 68);
	assert.deepEqual(m.cseq, { seq: 9, method: "INVITE" });
	assert.equal(m.to?.tag, "1918181833n");
	assert.equal(m.from?.tag, "98asjd8");
	assert.equal(m.via.length, 3);
	assert.equal(m.contentLength, 150);
	assert.equal(m.via[0]?.transport, "UDP");
	assert.equal(m.from?.displayName, 'J Rosenberg \\"');
	assert.equal(m.to?.uri, "sip:vivekg@chair-dnrc.example.com");
});

test("intmeth, esc01, esc02, lwsdisp, semiuri, dblreq, noreason, mpart01", () => {
	assert.equal(parseMessage(read("valid", "intmeth")).method, "!interesting-Method0123456789_*+`.%indeed'~");
	const esc = parseMessage(read("valid", "esc01"));
	assert.equal(esc.uri, "sip:sips%3Auser%40example.com@example.net");
	const esc2 = parseMessage(read("valid", "esc02"));
	assert.equal(esc2.method, "RE%47IST%45R");
	assert.equal(esc2.contact.length, 2);
	const lws = parseMessage(read("valid", "lwsdisp"));
	assert.equal(lws.from?.displayName, "caller");
	assert.equal(parseMessage(read("valid", "semiuri")).uri, "sip:user;par=u%40example.net@example.com");
	const dbl = parseMessage(read("valid", "dblreq"));
	assert.equal(dbl.method, "REGISTER");
	assert.equal(dbl.body, undefined);
	assert.ok(dbl.warnings.some((w) => /after the body/.test(w.message)));
	const nr = parseMessage(read("valid", "noreason"));
	assert.equal(nr.status, 100);
	assert.equal(nr.reason, "");
	const mp = parseMessage(read("valid", "mpart01"));
	assert.equal(mp.ok, true);
	assert.equal(mp.contentLength, 553);
});

test("strings and bare LF are accepted; bare LF is a warning", () => {
	const text =
		"SIP/2.0 486 Busy Here\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\nFrom: <sip:a@example.com>;tag=1\nTo: <sip:b@example.com>;tag=2\nCall-ID: abc@192.0.2.1\nCSeq: 1 INVITE\nContent-Length: 0\n\n";
	const m = parseMessage(text);
	assert.equal(m.ok, true, JSON.stringify(m.errors));
	assert.equal(m.status, 486);
	assert.equal(m.callId, "abc@192.0.2.1");
	assert.deepEqual(m.via[0] && { host: m.via[0].host, port: m.via[0].port, branch: m.via[0].branch }, {
		host: "192.0.2.1",
		port: 5060,
		branch: "z9hG4bK1",
	});
	assert.ok(m.warnings.some((w) => /bare LF/.test(w.message)));
});

test("limits: a 1 MB header and 20,000 headers are flagged quickly", () => {
	const base = "OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\n";
	let t = performance.now();
	const big = parseMessage(`${base}X-Big: ${"a".repeat(1 << 20)}\r\n\r\n`);
	assert.equal(big.ok, false);
	assert.ok(performance.now() - t < 500);
	t = performance.now();
	const many = parseMessage(`${base}${"X-H: 1\r\n".repeat(20000)}\r\n`);
	assert.ok(many.errors.some((e) => /more than 256 header lines|longer than/.test(e.message)));
	assert.ok(performance.now() - t < 500);
});

test("property: random bytes, mutations and truncations never throw", () => {
	const seed = read("valid", "wsinv");
	fc.assert(
		fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
			parseMessage(bytes);
		}),
		{ numRuns: 300 },
	);
	fc.assert(
		fc.property(fc.nat(seed.length), fc.nat(255), fc.nat(seed.length), (at, byte, cut) => {
			const copy = Uint8Array.from(seed);
			copy[at % copy.length] = byte;
			parseMessage(copy.subarray(0, cut));
			parseMessage(new TextDecoder().decode(copy.subarray(0, cut)));
		}),
		{ numRuns: 500 },
	);
});

test("RFC 5118 IPv6 messages: valid ones parse, invalid ones are flagged", () => {
	const dir = join(import.meta.dirname, "..", "..", "test", "fixtures", "rfc5118");
	for (const f of readdirSync(join(dir, "valid"))) {
		const m = parseMessage(readFileSync(join(dir, "valid", f)));
		assert.deepEqual(m.errors, [], f);
	}
	const bad = parseMessage(readFileSync(join(dir, "invalid", "ipv6-bad.sip")));
	assert.ok(
		bad.errors.some((e) => /"2001:db8::10" must be enclosed in brackets/.test(e.message)),
		JSON.stringify(bad.errors),
	);
	const colons = parseMessage(readFileSync(join(dir, "invalid", "ipv6-3-colons-bad.sip")));
	assert.ok(colons.errors.some((e) => /not a valid IPv6 reference/.test(e.message)));
	const amb = parseMessage(readFileSync(join(dir, "valid", "port-ambiguous.sip")));
	const unamb = parseMessage(readFileSync(join(dir, "valid", "port-unambiguous.sip")));
	assert.equal(amb.uri, "sip:[2001:db8::10:5070]");
	assert.equal(unamb.uri, "sip:[2001:db8::10]:5070");
	const via = parseMessage(readFileSync(join(dir, "valid", "via-received-brackets.sip"))).via[0];
	assert.deepEqual([via?.host, via?.received], ["[2001:db8::9:1]", "[2001:db8::9:255]"]);
	const mapped = parseMessage(readFileSync(join(dir, "valid", "ipv4-mapped.sip"))).via[0];
	assert.deepEqual([mapped?.host, mapped?.port], ["[::ffff:192.0.2.10]", 19823]);
});

test("a bare CR in the headers is an error with its offset; one in the body is not", () => {
	const m = parseMessage(
		"OPTIONS sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nX-Odd: a\rb\r\nFrom: <sip:b@example.com>;tag=1\r\nTo: <sip:a@example.com>\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 3\r\n\r\na\rb",
	);
	const cr = m.errors.filter((e) => /bare CR/.test(e.message));
	assert.equal(cr.length, 1);
	assert.equal(cr[0]?.offset, 79);
});

test("topVia is the first Via value, read alone or after the whole list", () => {
	const text = (vias: string) =>
		`SIP/2.0 200 OK\r\n${vias}From: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>;tag=2\r\nCall-ID: c\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
	for (const vias of [
		"Via: SIP/2.0/UDP p1.example.com;branch=z9hG4bKa\r\nVia: SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bKb\r\n",
		"v: SIP/2.0/TCP [2001:db8::1]:5061;branch=z9hG4bKa, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKb\r\n",
	]) {
		const alone = parseMessage(text(vias)).topVia;
		const m = parseMessage(text(vias));
		const all = m.via;
		assert.equal(all.length, 2);
		assert.deepEqual(JSON.parse(JSON.stringify(alone)), JSON.parse(JSON.stringify(all[0])));
		assert.equal(m.topVia, all[0]);
		assert.equal(alone?.branch, "z9hG4bKa");
	}
	assert.equal(parseMessage(text("")).topVia, null);
});

test("byte input: the message keeps nothing of the caller's buffer, on the text and the byte path", () => {
	const head = (body: Uint8Array, from = "<sip:a@example.com>") =>
		`MESSAGE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\r\nFrom: ${from};tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: c1\r\nCSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\nContent-Length: ${body.length}\r\n\r\n`;
	const utf8Body = new TextEncoder().encode("Grüße, 世界");
	const binaryBody = new Uint8Array([0x00, 0xff, 0xfe, 0x80, 0x41, 0xc3]); // not UTF-8
	for (const [label, body, from] of [
		["ascii", new TextEncoder().encode("hello"), undefined],
		["utf-8 name and body", utf8Body, '"Jürgen" <sip:j@example.com>'],
		["binary body", binaryBody, undefined],
	] as const) {
		const bytes = new Uint8Array([...new TextEncoder().encode(head(body, from)), ...body]);
		// A view into a larger buffer, as capture readers hand out.
		const big = new Uint8Array(bytes.length + 64);
		big.set(bytes, 32);
		const view = big.subarray(32, 32 + bytes.length);
		const m = parseMessage(view);
		big.fill(0x78);
		assert.equal(m.ok, true, `${label}: ${JSON.stringify(m.errors)}`);
		assert.equal(m.callId, "c1", label);
		assert.equal(m.contentLength, body.length, label);
		assert.deepEqual(serialize(m), bytes, `${label}: byte for byte after the buffer changed`);
		if (label === "utf-8 name and body") {
			assert.equal(m.from?.displayName, "Jürgen");
			assert.equal(m.body, "Grüße, 世界");
		}
	}
});

test("lazy values answer as the full decode does, whatever is read first (review findings)", () => {
	const msg = (lines: string[]) =>
		`INVITE sip:b@example.com SIP/2.0\r\n${lines.join("\r\n")}\r\nCall-ID: c\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n`;
	const base = ["To: <sip:b@example.com>", "CSeq: 1 INVITE"];
	// A Via without a sent-by is malformed: it has no branch, whichever field is read first.
	for (const via of [
		"Via: SIP/2.0/UDP;branch=z9hG4bKx",
		"Via: SIP/2.0/UDPh;branch=z9hG4bKx",
		"Via: SIP/2.0/UDP \u00a0;branch=z9hG4bKx",
	]) {
		const text = msg([via, "From: <sip:a@example.com>;tag=1", ...base]);
		const a = parseMessage(text);
		const b = parseMessage(text);
		void b.errors;
		assert.equal(a.via[0]?.branch, null, via);
		assert.equal(b.via[0]?.branch, null, via);
		assert.deepEqual(a.via[0]?.params, {}, via);
	}
	// A bare CR or a non-ASCII space at the end of a value: tag and branch as the full decode trims them.
	for (const [from, tag] of [
		["From: sip:a@example.com;tag=1\r", "1"],
		["From: <sip:a@example.com>;tag=1\r", "1"],
		["From: <sip:a@example.com>;tag=1\u00a0", "1\u00a0"],
	] as const) {
		const text = msg(["Via: SIP/2.0/UDP h;branch=z9hG4bK1\r", from, ...base]);
		const first = parseMessage(text);
		const after = parseMessage(text);
		void after.errors;
		assert.equal(first.from?.tag, tag, JSON.stringify(from));
		assert.equal(after.from?.tag, tag, JSON.stringify(from));
		assert.equal(first.via[0]?.branch, "z9hG4bK1");
	}
	// CSeq with a stray CR: the method is INVITE, as the full decode reads it.
	const cr = parseMessage(
		msg([
			"Via: SIP/2.0/UDP h;branch=z9hG4bK1",
			"From: <sip:a@example.com>;tag=1",
			"To: <sip:b@example.com>",
			"CSeq: 1 INVITE\r",
		]),
	);
	assert.deepEqual(cr.cseq, { seq: 1, method: "INVITE" });
	assert.ok(!cr.errors.some((e) => /does not match/.test(e.message)), JSON.stringify(cr.errors));
	assert.equal(
		parseMessage(
			msg([
				"Via: SIP/2.0/UDP h;branch=z9hG4bK1",
				"From: <sip:a@example.com>;tag=1",
				"To: <sip:b@example.com>",
				"CSeq: 1 INV\rITE",
			]),
		).cseq,
		null,
	);
});

test("the body can be replaced, and a leading byte-order mark stays in it", () => {
	const head = (n: number) =>
		`MESSAGE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: c\r\nCSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\nContent-Length: ${n}\r\n\r\n`;
	const m = parseMessage(`${head(5)}hello`);
	m.body = "bye";
	assert.equal(m.body, "bye");
	assert.match(new TextDecoder().decode(serialize(m)), /\r\n\r\nbye$/);
	const bom = new TextEncoder().encode("\ufeffA");
	for (const declared of [bom.length, 99]) {
		const bytes = new Uint8Array([...new TextEncoder().encode(head(declared)), ...bom]);
		assert.equal(parseMessage(bytes).body, "\ufeffA", `Content-Length ${declared}`);
	}
});

test("RFC 3261 MUSTs: empty Call-ID, From without tag, Via without branch, Content-Length not digits", () => {
	const request = (lines: Record<string, string>) =>
		`OPTIONS sip:b@example.com SIP/2.0\r\n${Object.entries({
			Via: "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK-1",
			From: "<sip:a@example.com>;tag=1",
			To: "<sip:b@example.com>",
			"Call-ID": "c1@192.0.2.1",
			CSeq: "1 OPTIONS",
			"Max-Forwards": "70",
			"Content-Length": "0",
			...lines,
		})
			.map(([k, v]) => `${k}:${v === "" ? "" : ` ${v}`}\r\n`)
			.join("")}\r\n`;
	const good = parseMessage(request({}));
	assert.deepEqual([good.errors, good.warnings], [[], []]);
	// §25.1: callid = word ["@" word]: an empty one is no Call-ID.
	assert.match(
		parseMessage(request({ "Call-ID": "" }))
			.errors.map((e) => e.message)
			.join(),
		/empty Call-ID/,
	);
	// §8.1.1.3: an RFC 3261 sender (magic cookie in the branch) MUST tag From.
	const untagged = parseMessage(request({ From: "<sip:a@example.com>" }));
	assert.match(untagged.errors.map((e) => e.message).join(), /From has no tag/);
	// §8.1.1.7: a Via without a branch is an RFC 2543 element; its missing From tag is a warning.
	const old = parseMessage(request({ From: "<sip:a@example.com>", Via: "SIP/2.0/UDP 192.0.2.1:5060" }));
	assert.deepEqual(old.errors, []);
	assert.match(old.warnings.map((w) => w.message).join("|"), /Via 0 without a branch.*RFC 2543/);
	assert.match(old.warnings.map((w) => w.message).join("|"), /From has no tag.*RFC 2543/);
	// A response's From and Via are the request's: not checked again.
	assert.deepEqual(
		parseMessage(
			"SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\nFrom: <sip:a@example.com>\r\nTo: <sip:b@example.com>;tag=2\r\nCall-ID: c\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
		).errors,
		[],
	);
	// §20.14: Content-Length = 1*DIGIT.
	for (const v of ["1x", "-1", "0x10", "1 2"])
		assert.match(
			parseMessage(request({ "Content-Length": v }))
				.errors.map((e) => e.message)
				.join(),
			/Content-Length .* is not a non-negative number/,
			v,
		);
});
