import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import fc from "fast-check";
import { parseMessage } from "./parse-message.ts";
import { serialize, serializeToString } from "./serialize.ts";

const DIR = join(import.meta.dirname, "..", "..", "test", "fixtures", "rfc4475", "valid");

test("serialize(parse(x)) reproduces every well-formed RFC 4475 message byte for byte", () => {
	for (const f of readdirSync(DIR)) {
		if (f === "dblreq.sip") continue; // its trailing bytes are not part of the message
		const bytes = readFileSync(join(DIR, f));
		assert.ok(Buffer.from(serialize(parseMessage(bytes))).equals(bytes), f);
	}
});

const token = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.!%*_+`'~-]{0,15}$/);
const value = fc.stringMatching(/^[!-~]([ !-~]{0,40}[!-~])?$/);

test("property: serialize/parse round trip of generated messages", () => {
	fc.assert(
		fc.property(
			fc.boolean(),
			fc.array(fc.tuple(token, value, fc.boolean()), { maxLength: 12 }),
			fc.string({ maxLength: 200 }),
			(isRequest, extra, body) => {
				const lines = [
					isRequest ? "MESSAGE sip:bob@example.com SIP/2.0" : "SIP/2.0 200 OK",
					"Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKx",
					"From: <sip:alice@example.com>;tag=1",
					"To: <sip:bob@example.com>",
					"Call-ID: abc",
					`CSeq: 1 ${isRequest ? "MESSAGE" : "INVITE"}`,
					"Max-Forwards: 70",
					...extra.map(([n, v, fold]) => `X-${n}: ${fold ? v.replace(" ", "\r\n  ") : v}`),
					`Content-Length: ${new TextEncoder().encode(body).length}`,
				];
				const text = `${lines.join("\r\n")}\r\n\r\n${body}`;
				const m = parseMessage(text);
				assert.equal(serializeToString(m), text);
			},
		),
		{ numRuns: 300 },
	);
});

test("a changed header is written as Name: value", () => {
	const m = parseMessage("SIP/2.0 200 OK\r\nCall-ID:   abc  \r\nContent-Length: 0\r\n\r\n");
	const h = m.headers.find((x) => x.name === "Call-ID");
	if (h) h.value = "xyz";
	assert.equal(serializeToString(m), "SIP/2.0 200 OK\r\nCall-ID: xyz\r\nContent-Length: 0\r\n\r\n");
});
