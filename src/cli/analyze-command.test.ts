import assert from "node:assert/strict";
import test from "node:test";
import { analyzeFiles, paced } from "./analyze-command.ts";

test("paced: a chunk is handed on only after the output has drained", async () => {
	let release: () => void = () => {};
	let waits = 0;
	const drained = () => {
		waits++;
		return new Promise<void>((r) => {
			release = r;
		});
	};
	async function* source() {
		yield new Uint8Array([1]);
		yield new Uint8Array([2]);
	}
	const it = paced(source(), drained)[Symbol.asyncIterator]();
	let got: number | undefined;
	const next = it.next().then((r) => {
		got = r.value?.[0];
	});
	await new Promise((r) => setTimeout(r, 20));
	assert.equal(got, undefined, "no chunk while the output is full");
	assert.equal(waits, 1);
	release();
	await next;
	assert.equal(got, 1);
	const second = it.next();
	await new Promise((r) => setTimeout(r, 10));
	release();
	assert.equal((await second).value?.[0], 2);
	assert.equal(waits, 2);
});

test("analyze - reads standard input (defect 8)", async () => {
	const { Readable } = await import("node:stream");
	const { Analyzer } = await import("../flow/analyze.ts");
	const text =
		"INVITE sip:b@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\nSIP/2.0 486 Busy Here\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>;tag=2\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n";
	const analyzer = new Analyzer();
	await analyzeFiles(["-"], analyzer, undefined, undefined, Readable.from([Buffer.from(text)]));
	const { stats, calls } = analyzer.finish();
	assert.equal(stats.inputs[0]?.name, "stdin");
	assert.deepEqual(
		calls.map((c) => c.outcome?.code),
		[486],
	);
	await assert.rejects(
		analyzeFiles(["-"], new Analyzer(), undefined, undefined, Readable.from([])),
		/stdin: empty input/,
	);
	await assert.rejects(analyzeFiles(["-", "-"], new Analyzer()), /only once/);
});
