// Real captures made by scripts/make-captures.sh (SIPp on a loopback, dumpcap, editcap), checked
// against what tshark read from the same files (the *.tshark.tsv beside each capture).
import assert from "node:assert/strict";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { CapturedMessage } from "./captured-message.ts";
import { readCapture } from "./read-capture.ts";

const FIXTURES = join(import.meta.dirname, "..", "..", "test", "fixtures");
const DIR = join(FIXTURES, "captures");
// Other projects' captures join when a tshark table was made for them (the VoLTE one in GTP-U).
const FILES = [
	...readdirSync(DIR).filter((f) => /\.(pcap|pcapng)$/.test(f)),
	...readdirSync(join(FIXTURES, "public"))
		.filter((f) => /\.(pcap|pcapng)$/.test(f) && existsSync(join(FIXTURES, "public", `${f}.tshark.tsv`)))
		.map((f) => join("..", "public", f)),
];

/** Per frame: time as tshark prints it, Call-IDs, CSeq methods, status codes (comma-joined when several). */
function expected(file: string): Map<number, string[]> {
	const rows = new Map<number, string[]>();
	for (const line of readFileSync(join(DIR, `${file}.tshark.tsv`), "utf8").split("\n")) {
		if (!line) continue;
		const [frame, time, ...rest] = line.split("\t");
		rows.set(Number(frame), [time as string, ...rest]);
	}
	return rows;
}

function actual(messages: CapturedMessage[]): Map<number, string[]> {
	const byFrame = new Map<number, CapturedMessage[]>();
	for (const m of messages) byFrame.set(m.frame, [...(byFrame.get(m.frame) ?? []), m]);
	const rows = new Map<number, string[]>();
	for (const [frame, ms] of byFrame) {
		const m = ms[0] as CapturedMessage;
		rows.set(frame, [
			`${m.ts.sec}.${String(m.ts.nsec).padStart(9, "0")}`,
			ms.map((x) => x.message.callId).join(","),
			ms.map((x) => x.message.cseq?.method).join(","),
			ms.map((x) => x.message.status ?? "").join(","),
		]);
	}
	return rows;
}

test("the fixtures are there", () => {
	assert.ok(FILES.length >= 8, FILES.join(" "));
});

for (const file of FILES)
	test(`${file}: the same SIP messages, frames and times as tshark`, async () => {
		const messages: CapturedMessage[] = [];
		const stats = await readCapture(createReadStream(join(DIR, file), { highWaterMark: 999 }), (m) => messages.push(m));
		assert.deepEqual(actual(messages), expected(file));
		assert.deepEqual(
			Object.entries(stats.malformed).filter(([, n]) => n > 0),
			[],
		);
		assert.equal(stats.sipMessages, messages.length);
		assert.deepEqual(
			messages.flatMap((m) => m.message.errors),
			[],
		);
		if (/fragmented|ipv6/.test(file)) assert.ok(stats.fragmentsReassembled >= 1);
		if (/tcp/.test(file)) {
			assert.equal(stats.tcpStreams, 1);
			assert.equal(stats.sipPackets, stats.tcpSegments);
			assert.ok(messages.every((m) => m.transport === "tcp"));
		}
	});
