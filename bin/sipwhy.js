#!/usr/bin/env node
// The sipwhy command. The code lives in dist/ (built by `npm run build`, which `npm ci` runs).
import { spawnSync } from "node:child_process";

// `analyze` streams captures of any size. V8's default heap lets garbage grow far beyond the calls
// actually open, so it runs with a bounded heap (unless one was asked for): peak memory stays
// under 256 MB even on a 1 GB capture, at some cost in speed.
const heapSet =
	process.execArgv.some((a) => a.startsWith("--max-old-space-size")) ||
	/--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "");
if (process.argv[2] === "analyze" && !heapSet) {
	const r = spawnSync(
		process.execPath,
		["--max-old-space-size=192", ...process.execArgv, process.argv[1], ...process.argv.slice(2)],
		{ stdio: "inherit" },
	);
	process.exit(r.status ?? 1);
} else await import("../dist/cli/entry.js");
