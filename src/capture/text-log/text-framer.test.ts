import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { TextLogReader } from "../text-log.ts";
import { type FramedText, TextFramer, utf8Length } from "./text-framer.ts";

const head = (start: string, extra: string[], length: number | null) =>
	[
		start,
		"Via: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1",
		"From: <sip:a@example.com>;tag=1",
		"To: <sip:b@example.com>",
		"Call-ID: c1",
		...extra,
		...(length === null ? [] : [`Content-Length: ${length}`]),
	].join("\r\n");
const withBody = (start: string, cseq: string, type: string, body: string) =>
	`${head(start, [`CSeq: ${cseq}`, `Content-Type: ${type}`], utf8Length(body))}\r\n\r\n${body}`;

/** Messages with what they must come out as: start line and body. */
const MESSAGES: { text: string; start: string; body: string | undefined }[] = [
	{
		text: withBody("INVITE sip:b@example.com SIP/2.0", "1 INVITE", "application/sdp", "v=0\r\ns=Grüße\r\n"),
		start: "INVITE",
		body: "v=0\r\ns=Grüße\r\n",
	},
	{ text: `${head("SIP/2.0 486 Busy Here", ["CSeq: 1 INVITE"], 0)}\r\n\r\n`, start: "486", body: undefined },
	// A sipfrag body starts with a status line: Content-Length, not the start line, decides.
	{
		text: withBody("NOTIFY sip:a@example.com SIP/2.0", "2 NOTIFY", "message/sipfrag", "SIP/2.0 200 OK\r\n"),
		start: "NOTIFY",
		body: "SIP/2.0 200 OK\r\n",
	},
	// A body without a final line end: the next message may start right after it.
	{
		text: withBody("SIP/2.0 183 Session Progress", "1 INVITE", "text/plain", "no newline"),
		start: "183",
		body: "no newline",
	},
];

test("property: any sequence of messages, any separators, CRLF or LF, any chunks: every message, exactly", () => {
	fc.assert(
		fc.property(
			fc.array(fc.tuple(fc.nat(MESSAGES.length - 1), fc.constantFrom("", "\r\n", "\r\n\r\n", "\r\n\r\n\r\n")), {
				minLength: 1,
				maxLength: 8,
			}),
			fc.boolean(),
			fc.integer({ min: 1, max: 300 }),
			(picks, lf, chunk) => {
				let text = "\r\n";
				for (const [i, sep] of picks) text += (MESSAGES[i] as (typeof MESSAGES)[number]).text + sep;
				if (lf) text = text.replaceAll("\r\n", "\n");
				const reader = new TextLogReader({ format: "raw" });
				const events = [];
				for (let at = 0; at < text.length; at += chunk) events.push(...reader.push(text.slice(at, at + chunk)));
				events.push(...reader.end());
				const want = picks.map(([i]) => MESSAGES[i] as (typeof MESSAGES)[number]);
				assert.deepEqual(
					events.map((e) => [String(e.message.method ?? e.message.status), e.message.body, e.message.errors]),
					want.map((m) => [m.start, m.body, []]),
				);
				assert.equal(reader.stats.skippedBlocks, 0);
			},
		),
		{ numRuns: 300 },
	);
});

test("framer: a head over the limit is dropped and counted; the next message is read", () => {
	const framer = new TextFramer({ maxHeadBytes: 200 });
	const out: FramedText[] = [];
	const lines = [
		"OPTIONS sip:a@example.com SIP/2.0",
		`X-Big: ${"x".repeat(300)}`,
		"Call-ID: c",
		"",
		"SIP/2.0 200 OK",
		"Content-Length: 0",
		"",
	];
	lines.forEach((l, i) => {
		framer.line(l, "\r\n", i + 1, out);
	});
	framer.end(out);
	assert.deepEqual(
		out.map((f) => [f.text.split("\r\n")[0], f.line]),
		[["SIP/2.0 200 OK", 5]],
	);
	assert.equal(framer.oversized, 1);
});
