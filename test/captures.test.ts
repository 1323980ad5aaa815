// The real captures made with SIPp and Kamailio (test/fixtures/sipp, see its manifest): every
// capture gives the calls and outcomes the manifest lists, triggers the diagnosis rules it lists,
// and the healthy ones trigger nothing above info.
import assert from "node:assert/strict";
import { createReadStream, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../src/index.ts";

const DIR = join(import.meta.dirname, "fixtures", "sipp");
interface Expected {
	file: string;
	calls: { callId?: string; callIdPrefix?: string; count?: number; method: string; outcome: number | null }[];
	rules: string[];
	healthy: boolean;
}
const manifest = JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as { captures: Expected[] };

for (const cap of manifest.captures) {
	test(cap.file, async () => {
		const { stats, calls, findings } = await analyze([
			{ name: cap.file, source: createReadStream(join(DIR, cap.file)) },
		]);
		assert.ok(stats.sipMessages > 0, "SIP messages found");
		assert.equal(stats.malformed, 0, JSON.stringify(stats.inputs[0]?.malformed));
		for (const want of cap.calls) {
			const matching = calls.filter((c) =>
				want.callId ? c.callId === want.callId : c.callId.startsWith(want.callIdPrefix ?? "\u0000"),
			);
			assert.equal(matching.length, want.count ?? 1, `${want.callId ?? want.callIdPrefix}: calls found`);
			for (const c of matching) {
				assert.equal(c.method, want.method, `${c.callId} method`);
				assert.equal(c.outcome?.code ?? null, want.outcome, `${c.callId} outcome`);
			}
		}
		const found = new Set<string>([
			...calls.flatMap((c) => c.findings.map((f) => f.rule)),
			...findings.map((f) => f.rule),
		]);
		for (const rule of cap.rules)
			assert.ok(found.has(rule), `rule ${rule} not triggered; got ${[...found].join(", ")}`);
		if (cap.healthy) {
			const loud = calls.flatMap((c) =>
				c.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}: ${f.text}`),
			);
			assert.deepEqual(loud, [], "a healthy capture triggers nothing above info");
		}
	});
}
