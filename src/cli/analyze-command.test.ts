import assert from "node:assert/strict";
import test from "node:test";
import { paced } from "./analyze-command.ts";

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
