// Every capture in the fixtures against what tshark reads from it (FILE.key.json, made by
// scripts/make-tshark-keys.mjs): the same SIP messages, the same Call-IDs, the same outcome per
// call; and no call tells the same event twice.
import assert from "node:assert/strict";
import { createReadStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../src/index.ts";

interface Key {
	messages: number;
	withoutCallId: number;
	calls: Record<string, { method: string | null; outcome: number | null; startMissing: boolean }>;
}

const FIXTURES = join(import.meta.dirname, "fixtures");
const files = ["sipp", "captures", "public"].flatMap((dir) =>
	readdirSync(join(FIXTURES, dir))
		.filter((f) => /\.pcap(ng)?$/.test(f) && existsSync(join(FIXTURES, dir, `${f}.key.json`)))
		.map((f) => join(dir, f)),
);

test("every capture fixture has a tshark key", () => {
	for (const dir of ["sipp", "captures", "public"])
		for (const f of readdirSync(join(FIXTURES, dir)).filter((x) => /\.pcap(ng)?$/.test(x)))
			assert.ok(existsSync(join(FIXTURES, dir, `${f}.key.json`)), `${dir}/${f}: run scripts/make-tshark-keys.mjs`);
});

for (const file of files) {
	test(`${file}: messages, Call-IDs and outcomes equal tshark's`, async () => {
		const key = JSON.parse(readFileSync(join(FIXTURES, `${file}.key.json`), "utf8")) as Key;
		const { stats, calls } = await analyze([{ name: file, source: createReadStream(join(FIXTURES, file)) }]);
		assert.equal(stats.sipMessages, key.messages, "SIP messages");
		assert.deepEqual([...new Set(calls.map((c) => c.callId))].sort(), Object.keys(key.calls).sort(), "Call-IDs");
		// A Call-ID reused long after (a REGISTER refresh minutes later) is a new call for sipwhy and
		// the same Call-ID for the key: the first call has the key's method and start, the last its outcome.
		for (const [id, k] of Object.entries(key.calls)) {
			const mine = calls.filter((c) => c.callId === id);
			const first = mine[0];
			const last = mine[mine.length - 1];
			assert.ok(first && last);
			assert.equal(first.method, k.method, `${id}: method`);
			assert.equal(last.outcome?.code ?? null, k.outcome, `${id}: outcome`);
			assert.equal(first.startMissing === true, k.startMissing, `${id}: start missing`);
		}
		for (const c of calls) {
			// One finding per event: no rule twice with the same words, nor on the same evidence.
			const seen = new Set<string>();
			for (const f of c.findings) {
				const words = `${f.rule}|${f.text}`;
				assert.ok(!seen.has(words), `${c.callId}: ${f.rule} told twice`);
				seen.add(words);
			}
			for (const [i, a] of c.findings.entries())
				for (const b of c.findings.slice(i + 1))
					if (a.rule === b.rule && a.evidence?.length && b.evidence?.length)
						assert.notDeepEqual(a.evidence, b.evidence, `${c.callId}: ${a.rule} twice on the same messages`);
		}
	});
}
