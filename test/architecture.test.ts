// The layers hold: every import between the folders of src/ follows an allowed edge. That the core
// imports nothing from Node is checked by the compiler: `tsc -p tsconfig.core.json` (no Node types),
// run by npm test.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const SRC = join(import.meta.dirname, "..", "src");

/**
 * Which folders each folder may import from. sip ← capture ← flow ← diagnose is the core, kb
 * (the knowledge) beside it and i18n (interface labels, naming kb's enums) beside kb, the faces
 * (cli, web) on top; nothing points back the other way.
 */
const ALLOWED: Record<string, string[]> = {
	sip: [],
	kb: ["sip"],
	i18n: ["kb"],
	capture: ["sip"],
	media: ["sip", "capture"],
	flow: ["sip", "capture", "media"],
	diagnose: ["sip", "capture", "media", "flow"],
	web: ["sip", "capture", "media", "flow", "diagnose", "kb", "i18n"],
	cli: ["sip", "capture", "media", "flow", "diagnose", "kb", "i18n", "web", "index.ts"],
	"index.ts": ["sip", "capture", "media", "flow", "diagnose", "kb", "i18n"],
};

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		if (statSync(p).isDirectory()) return n === "generated" ? [] : files(p);
		return p.endsWith(".ts") && !p.endsWith(".test.ts") ? [p] : [];
	});
}

// import … from "x", export … from "x" (over several lines), import "x", import("x").
const IMPORT =
	/(?:^|[;}\s])(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

/** The relative imports (static, dynamic and re-exports) of source text, comments left out. */
export function importsIn(text: string): string[] {
	const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
	return [...code.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string).filter((f) => f.startsWith("."));
}

/** "sip -> flow (sip/uri.ts imports ../flow/call-tracker.ts)" for every edge the table does not allow. */
export function forbiddenEdges(root: string): string[] {
	const out: string[] = [];
	for (const file of files(root)) {
		const from = relative(root, file).split("/")[0] as string;
		for (const spec of importsIn(readFileSync(file, "utf8"))) {
			const to = relative(root, resolve(dirname(file), spec)).split("/")[0] as string;
			if (to === from || to.startsWith("..")) continue;
			const allowed = ALLOWED[from];
			if (!allowed?.includes(to)) out.push(`${from} -> ${to} (${relative(root, file)} imports ${spec})`);
		}
	}
	return out;
}

test("every import between layers follows an allowed edge", () => {
	assert.deepEqual(forbiddenEdges(SRC), []);
});

test("the import reader sees every form of import", () => {
	const text = [
		'import { a } from "../flow/a.ts";',
		"import {\n\tb,\n\tc,\n} from '../diagnose/b.ts';",
		'import type { D } from "./d.ts";',
		'export { e } from "../web/e.ts";',
		'export * from "../cli/f.ts";',
		'import "../kb/side-effect.ts";',
		'const g = await import("../capture/g.ts");',
		'// import { no } from "../comment.ts";',
		'/* import { no } from "../block.ts"; */',
		'import { readFileSync } from "node:fs";',
	].join("\n");
	assert.deepEqual(importsIn(text), [
		"../flow/a.ts",
		"../diagnose/b.ts",
		"./d.ts",
		"../web/e.ts",
		"../cli/f.ts",
		"../kb/side-effect.ts",
		"../capture/g.ts",
	]);
});

test("a planted back-edge is reported", () => {
	const dir = mkdtempSync(join(tmpdir(), "sipwhy-arch-"));
	mkdirSync(join(dir, "sip"));
	mkdirSync(join(dir, "flow"));
	writeFileSync(join(dir, "flow", "call-tracker.ts"), 'import { parseMessage } from "../sip/parse-message.ts";\n');
	writeFileSync(join(dir, "sip", "uri.ts"), 'import { CallTracker } from "../flow/call-tracker.ts";\n');
	assert.deepEqual(forbiddenEdges(dir), ["sip -> flow (sip/uri.ts imports ../flow/call-tracker.ts)"]);
});
