import assert from "node:assert/strict";
import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { pcapFile } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { detectCaptureFormat } from "./detect.ts";
import { captureMessages, gunzipped, InflationLimitError, readCapture } from "./index.ts";
import { ipv4, udp } from "./packet-builder.ts";

const msg = (n: number) =>
	`SIP/2.0 ${180 + n} Ringing\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK${n}\r\nFrom: <sip:a@x>;tag=1\r\nTo: <sip:b@x>;tag=2\r\nCall-ID: r${n}\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
const FILE = pcapFile(
	{ linkType: 101, nano: true },
	[1, 2, 3].map((n) => ({
		sec: 1700000000,
		nsec: n,
		data: ipv4({ src: "192.0.2.1", dst: "192.0.2.2", protocol: 17 }, udp(5060, 5060, msg(n))),
	})),
);

function* pieces(size: number): Generator<Uint8Array> {
	for (let o = 0; o < FILE.length; o += size) yield FILE.subarray(o, o + size);
}

test("readCapture takes iterables, async iterables, ReadableStreams and Node streams", async () => {
	const sources = [
		() => pieces(10),
		async function* () {
			yield* pieces(33);
		},
		() =>
			new ReadableStream<Uint8Array>({
				start(c) {
					for (const p of pieces(50)) c.enqueue(p);
					c.close();
				},
			}),
		() => {
			const dir = mkdtempSync(join(tmpdir(), "sipwhy-"));
			writeFileSync(join(dir, "a.pcap"), FILE);
			return createReadStream(join(dir, "a.pcap"), { highWaterMark: 17 });
		},
	];
	for (const make of sources) {
		const got: CapturedMessage[] = [];
		const stats = await readCapture(make(), (m) => got.push(m));
		assert.deepEqual(
			got.map((m) => [m.message.status, m.ts.nsec]),
			[
				[181, 1],
				[182, 2],
				[183, 3],
			],
		);
		assert.equal(stats.sipMessages, 3);
		assert.equal(stats.bytes, FILE.length);
	}
});

test("captureMessages yields the messages and returns the stats", async () => {
	const gen = captureMessages(pieces(7));
	const seen: number[] = [];
	for (;;) {
		const r = await gen.next();
		if (r.done) {
			assert.equal(r.value.sipMessages, 3);
			assert.equal(r.value.format, "pcap");
			break;
		}
		seen.push(r.value.message.status ?? 0);
	}
	assert.deepEqual(seen, [181, 182, 183]);
});

test("bad input resolves with the damage counted", async () => {
	const stats = await readCapture([new TextEncoder().encode("not a capture at all")], () => assert.fail());
	assert.equal(stats.malformed.notACapture, 1);
	assert.equal(stats.problems[0]?.kind, "notACapture");
});

test("format detection by magic", () => {
	assert.equal(detectCaptureFormat(FILE), "pcap");
	assert.equal(detectCaptureFormat(new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a])), "pcapng");
	assert.equal(detectCaptureFormat(new Uint8Array([0xd4, 0xc3, 0xb2, 0xa1])), "pcap");
	assert.equal(detectCaptureFormat(new Uint8Array([0x4d, 0x3c, 0xb2, 0xa1])), "pcap");
	assert.equal(detectCaptureFormat(new Uint8Array([0x1f, 0x8b, 8, 0])), "unknown");
	assert.equal(detectCaptureFormat(new Uint8Array([0xd4, 0xc3])), "unknown");
});

test("gzip-compressed captures are decompressed; a cut-short one is counted", async () => {
	const gz = gzipSync(FILE);
	const got: CapturedMessage[] = [];
	const stats = await readCapture(
		(function* () {
			for (let o = 0; o < gz.length; o += 1) yield gz.subarray(o, o + 1);
		})(),
		(m) => got.push(m),
	);
	assert.equal(got.length, 3);
	assert.equal(stats.bytes, FILE.length, "bytes counts the decompressed input");
	const cut = await readCapture([gz.subarray(0, gz.length - 30)], () => {});
	assert.equal(cut.malformed.badGzip, 1);
	assert.ok(cut.malformed.truncatedFile <= 1);
	const gen = captureMessages([gz]);
	let n = 0;
	for (let r = await gen.next(); !r.done; r = await gen.next()) n++;
	assert.equal(n, 3);
});

/** A gzip "bomb": `mb` megabytes of zeros, compressed about 1000 times. */
function zeroBomb(mb: number): Uint8Array {
	const zeros = new Uint8Array(mb << 20);
	return gzipSync(zeros, { level: 9 });
}

test("gzip input past the inflation limit stops with InflationLimitError; real captures pass", async () => {
	const bomb = zeroBomb(16);
	const limit = { ratio: 200, floorBytes: 1 << 20 };
	let inflated = 0;
	const chunks = (data: Uint8Array) =>
		[0, 1, 2, 3].map((i) => data.subarray((i * data.length) / 4, ((i + 1) * data.length) / 4));
	await assert.rejects(
		(async () => {
			for await (const c of gunzipped(chunks(bomb), () => {}, limit)) inflated += c.length;
		})(),
		(e: unknown) => e instanceof InflationLimitError && /more than 200×/.test(e.message),
	);
	assert.ok(inflated < 200 * bomb.length + (1 << 20), `stopped at ${inflated} bytes`);
	// The same bytes with the limit off, and a real capture with the limit on, inflate in full.
	let all = 0;
	for await (const c of gunzipped(chunks(bomb), () => {}, { ratio: 0, floorBytes: 0 })) all += c.length;
	assert.equal(all, 16 << 20);
	const real = gzipSync(FILE);
	let out = 0;
	for await (const c of gunzipped([real], () => {}, { ratio: 20, floorBytes: 0 })) out += c.length;
	assert.equal(out, FILE.length);
});
