/** Reads every file of `data/` as the validator expects it (used by the build and the tests). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLanguage } from "../src/kb/locales.ts";
import type { RawData } from "../src/kb/validate.ts";

function readJson(path: string): unknown {
	try {
		return JSON.parse(readFileSync(path, "utf8"));
	} catch (e) {
		return { __error: `${path}: ${(e as Error).message}` };
	}
}

function readDir(dir: string, ext: string): Record<string, string> {
	const out: Record<string, string> = {};
	if (!existsSync(dir)) return out;
	for (const f of readdirSync(dir).sort()) if (f.endsWith(ext)) out[f.slice(0, -ext.length)] = join(dir, f);
	return out;
}

function jsonDir(dir: string): Record<string, unknown> {
	return Object.fromEntries(Object.entries(readDir(dir, ".json")).map(([k, p]) => [k, readJson(p)]));
}

function langDirs(dir: string): Record<string, Record<string, unknown>> {
	return Object.fromEntries(
		readdirSync(dir)
			.sort()
			.map((lang) => [lang, jsonDir(join(dir, lang))]),
	);
}

/** The term lists `docs/terms-{lang}.md` beside `data/`, as markdown keyed by language. */
function termLists(docsDir: string): Record<string, string> {
	return Object.fromEntries(
		Object.entries(readDir(docsDir, ".md"))
			.filter(([name]) => name.startsWith("terms-"))
			.map(([name, path]) => [name.slice("terms-".length), readFileSync(path, "utf8")]),
	);
}

/** Languages with a module `{lang}.ts` in a source folder (src/kb/phrases, src/diagnose/texts). */
export function languageModules(dir: string): string[] {
	return Object.keys(readDir(dir, ".ts")).filter((name) => !name.endsWith(".test") && isLanguage(name));
}

/** Everything under `dataDir`, unparsed beyond JSON; the code modules per language beside it in `src/`. */
export function loadRawData(dataDir: string): RawData {
	return {
		registry: readJson(join(dataDir, "registry.json")),
		q850: readJson(join(dataDir, "q850.json")),
		facts: jsonDir(join(dataDir, "codes")),
		text: langDirs(join(dataDir, "text")),
		pairs: langDirs(join(dataDir, "pairs")),
		rules: existsSync(join(dataDir, "rules")) ? langDirs(join(dataDir, "rules")) : {},
		terms: termLists(join(dataDir, "..", "docs")),
		searchSynonyms: jsonDir(join(dataDir, "search-synonyms")),
		glossary: jsonDir(join(dataDir, "glossary")),
		modules: {
			phrases: languageModules(join(dataDir, "..", "src", "kb", "phrases")),
			findingTexts: languageModules(join(dataDir, "..", "src", "diagnose", "texts")),
		},
		examples: Object.fromEntries(
			Object.entries(readDir(join(dataDir, "examples"), ".sip")).map(([k, p]) => [k, readFileSync(p, "utf8")]),
		),
	};
}
