// Runs every *.test.ts under src/ and test/ with node:test (TypeScript through tsx).
// Pass file or folder names to run a subset: node scripts/run-tests.mjs src/kb
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function collect(path, out) {
	if (statSync(path).isDirectory()) {
		for (const name of readdirSync(path).sort()) {
			if (name === "node_modules" || name === "fixtures" || name === "generated") continue;
			collect(join(path, name), out);
		}
	} else if (path.endsWith(".test.ts")) out.push(path);
	return out;
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ["src", "test"]).flatMap((r) => collect(r, []));
if (files.length === 0) {
	console.error("run-tests: no test files found");
	process.exit(1);
}
const result = spawnSync(process.execPath, ["--import", "tsx", "--test", ...files], {
	stdio: "inherit",
});
process.exit(result.status ?? 1);
