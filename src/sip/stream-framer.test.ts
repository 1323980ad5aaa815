import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { StreamFramer } from "./stream-framer.ts";

const enc = new TextEncoder();
const INVITE =
	"INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK77\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>\r\nCall-ID: call-1\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: 23\r\n\r\nv=0\r\no=- 1 1 IN IP4 x\r\n";
const OK =
	"SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP 192.0.2.1:5060;branch=z9hG4bK77\r\nFrom: <sip:alice@example.com>;tag=a1\r\nTo: <sip:bob@example.com>;tag=b1\r\nCall-ID: call-1\r\nCSeq: 1 INVITE\r\nl: 0\r\n\r\n";
const STREAM = enc.encode(`\r\n\r\n${INVITE}\r\n${OK}`);

test("frames messages across every chunk split, skipping CRLF keep-alives", () => {
	fc.assert(
		fc.property(fc.array(fc.nat(STREAM.length), { maxLength: 12 }), (cuts) => {
			const points = [...new Set(cuts)].sort((a, b) => a - b);
			const framer = new StreamFramer();
			const got = [];
			let prev = 0;
			for (const p of [...points, STREAM.length]) {
				got.push(...framer.push(STREAM.subarray(prev, p)));
				prev = p;
			}
			assert.equal(got.length, 2);
			assert.equal(got[0]?.method, "INVITE");
			assert.equal(got[0]?.body, "v=0\r\no=- 1 1 IN IP4 x\r\n");
			assert.equal(got[1]?.status, 200);
			assert.ok(got.every((m) => m.ok));
			assert.equal(framer.pending, 0);
			assert.equal(framer.keepAliveBytes, 6);
		}),
		{ numRuns: 300 },
	);
});

test("one byte at a time", () => {
	const framer = new StreamFramer();
	const got = [];
	for (let i = 0; i < STREAM.length; i++) got.push(...framer.push(STREAM.subarray(i, i + 1)));
	assert.deepEqual(
		got.map((m) => m.method ?? m.status),
		["INVITE", 200],
	);
});

test("a message without Content-Length on a stream is an error (RFC 3261 §18.3)", () => {
	const framer = new StreamFramer();
	const [m] = framer.push(enc.encode(OK.replace("l: 0\r\n", "")));
	assert.ok(m?.errors.some((e) => /no Content-Length on a stream/.test(e.message)));
});

test("an endless head is reported and dropped, not buffered forever", () => {
	const framer = new StreamFramer({ maxHeaderBytes: 1024 });
	const out = framer.push(enc.encode(`INVITE sip:a@b SIP/2.0\r\nX: ${"a".repeat(5000)}`));
	assert.equal(out.length, 1);
	assert.equal(out[0]?.ok, false);
	assert.equal(framer.pending, 0);
});

test("framed messages keep their own bytes after the buffer is reused", async () => {
	const { serializeToString } = await import("./serialize.ts");
	const msg = (body: string) =>
		`MESSAGE sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nFrom: <sip:b@example.com>;tag=1\r\nTo: <sip:a@example.com>\r\nCall-ID: c\r\nCSeq: 1 MESSAGE\r\nMax-Forwards: 70\r\nContent-Length: 4\r\n\r\n${body}`;
	const framer = new StreamFramer();
	const [first] = framer.push(enc.encode(msg("AAAA")));
	framer.push(enc.encode(msg("BBBB")));
	assert.match(serializeToString(first as NonNullable<typeof first>), /\r\n\r\nAAAA$/);
});

test("a head arriving one byte at a time is scanned once (linear time)", () => {
	const framer = new StreamFramer();
	const head = `OPTIONS sip:a@example.com SIP/2.0\r\n${"X-Pad: 0123456789012345678901234567890123456789\r\n".repeat(1200)}Content-Length: 0\r\n\r\n`;
	const bytes = enc.encode(head);
	const t = performance.now();
	let got = 0;
	for (let i = 0; i < bytes.length; i++) got += framer.push(bytes.subarray(i, i + 1)).length;
	assert.equal(got, 1);
	assert.ok(performance.now() - t < 2000, `${performance.now() - t} ms`);
});
