// The core runs in the browser: nothing under the core folders may import from Node.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

const SRC = join(import.meta.dirname, "..", "src");
const CORE = ["kb", "sip", "capture", "media", "flow", "diagnose"];

function files(dir: string): string[] {
	try {
		return readdirSync(dir).flatMap((n) => {
			const p = join(dir, n);
			return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
		});
	} catch {
		return [];
	}
}

test("core modules import nothing from Node", () => {
	const offenders: string[] = [];
	for (const dir of CORE)
		for (const f of files(join(SRC, dir))) {
			if (f.includes("/generated/")) continue; // data, not code
			const text = readFileSync(f, "utf8");
			if (
				/from\s+["'](node:|fs|path|os|child_process|crypto|url)["']/.test(text) ||
				/\bprocess\.|\bBuffer\b/.test(text)
			)
				offenders.push(f);
		}
	assert.deepEqual(offenders, []);
});
