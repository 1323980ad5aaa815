// scripts/fetch-registry.ts against a sample in IANA's CSV format and against data/registry.json itself.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { diffRegistry, main, parseCsv, registryFromCsv } from "../scripts/fetch-registry.ts";
import { Registry } from "../src/kb/schema.ts";

const root = join(import.meta.dirname, "..");
const fixtures = join(import.meta.dirname, "fixtures", "iana");
const sampleCsv = join(fixtures, "sip-parameters-7-sample.csv");
const sampleRegistry = join(fixtures, "registry-sample.json");

function run(args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const status = main(
		args,
		(s) => out.push(s),
		(s) => err.push(s),
	);
	return { status, out: out.join("\n"), err: err.join("\n") };
}

/** data/registry.json written out as IANA's export would list it. */
function exportOf(registry: { codes: { code: number; reason: string; reference: string[]; deprecated?: boolean }[] }) {
	const rows = registry.codes.map(
		(c) => `${c.code},${c.reason}${c.deprecated ? " (Deprecated)" : ""},"${c.reference.map((r) => `[${r}]`).join("")}"`,
	);
	return `Value,Description,Reference\r\n${rows.join("\r\n")}\r\n`;
}

test("CSV: quoted fields with commas and doubled quotes, CRLF and LF, blank lines", () => {
	assert.deepEqual(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n\n4,,6'), [
		["a", "b, c", 'say "hi"'],
		["1", "2", "3"],
		["4", "", "6"],
	]);
});

test("the export's rows: codes, deprecated marks, RFC references; ranges skipped", () => {
	const { codes, skipped } = registryFromCsv(readFileSync(sampleCsv, "utf8"));
	assert.deepEqual(
		codes.map((c) => c.code),
		[100, 180, 199, 202, 410, 436, 470, 478, 603],
	);
	assert.deepEqual(
		codes.find((c) => c.code === 202),
		{
			code: 202,
			reason: "Accepted",
			reference: ["RFC6665"],
			deprecated: true,
		},
	);
	assert.deepEqual(codes.find((c) => c.code === 436)?.reference, ["RFC8224", "RFC3261"]);
	assert.deepEqual(skipped, ["101-179,Unassigned,"]);
	assert.throws(() => registryFromCsv("Code,Name\n100,Trying\n"), /expected Value,Description,Reference/);
});

test("differences: added, removed, renamed, references, deprecation, newly registered; exit 1", () => {
	const r = run([sampleCsv, "--registry", sampleRegistry, "--json"]);
	assert.equal(r.status, 1);
	const report = JSON.parse(r.out);
	assert.deepEqual(report.changes, [
		{ kind: "added", code: 199, theirs: "Early Dialog Terminated" },
		{ kind: "reference", code: 202, ours: "RFC3265", theirs: "RFC6665" },
		{ kind: "deprecated", code: 202, ours: "false", theirs: "true" },
		{ kind: "renamed", code: 436, ours: "Bad Identity-Info", theirs: "Bad Identity Info" },
		{ kind: "added", code: 470, theirs: "Consent Needed" },
		{ kind: "now-registered", code: 478, ours: "Unresolvable Destination", theirs: "Unresolvable Destination" },
		{ kind: "removed", code: 480, ours: "Temporarily Unavailable" },
	]);
	const text = run([sampleCsv, "--registry", sampleRegistry]);
	assert.equal(text.status, 1);
	assert.match(text.out, /^renamed {4}436 "Bad Identity-Info" → "Bad Identity Info"$/m);
	assert.match(text.out, /7 difference\(s\)/);
	// Nothing is recorded while they differ.
	const copy = join(mkdtempSync(join(tmpdir(), "sipwhy-registry-")), "registry.json");
	writeFileSync(copy, readFileSync(sampleRegistry));
	assert.equal(run([sampleCsv, "--registry", copy, "--record"]).status, 1);
	assert.equal(readFileSync(copy, "utf8"), readFileSync(sampleRegistry, "utf8"));
});

test("data/registry.json agrees with an export of itself: exit 0; --record writes a valid provenance", () => {
	const registryText = readFileSync(join(root, "data", "registry.json"), "utf8");
	const registry = JSON.parse(registryText);
	const dir = mkdtempSync(join(tmpdir(), "sipwhy-registry-"));
	const csv = join(dir, "sip-parameters-7.csv");
	writeFileSync(csv, exportOf(registry));
	assert.deepEqual(diffRegistry(registry, registryFromCsv(exportOf(registry)).codes), []);
	const r = run([csv]);
	assert.equal(r.status, 0, r.out);
	assert.match(r.out, new RegExp(`agrees with .* \\(${registry.codes.length} codes\\)`));

	const copy = join(dir, "registry.json");
	writeFileSync(copy, registryText);
	assert.equal(run([csv, "--registry", copy, "--record", "--date", "2026-12-04"]).status, 0);
	const recorded = JSON.parse(readFileSync(copy, "utf8"));
	assert.equal(recorded.provenance.method, "export");
	assert.equal(recorded.provenance.retrieved, "2026-12-04");
	assert.match(recorded.provenance.sha256, /^[0-9a-f]{64}$/);
	assert.deepEqual(recorded.codes, registry.codes, "only the provenance changes");
	assert.ok(Registry.safeParse(recorded).success);
});

test("the registry's provenance is validated", () => {
	const registry = JSON.parse(readFileSync(join(root, "data", "registry.json"), "utf8"));
	assert.ok(Registry.safeParse(registry).success);
	assert.equal(registry.provenance.export, "https://www.iana.org/assignments/sip-parameters/sip-parameters-7.csv");
	for (const bad of [{ sha256: "xyz" }, { retrieved: "yesterday" }, { method: "guessed" }, { export: "not a url" }])
		assert.ok(!Registry.safeParse({ ...registry, provenance: { ...registry.provenance, ...bad } }).success);
	const { provenance: _, ...without } = registry;
	assert.ok(!Registry.safeParse(without).success, "provenance is required");
});

test("usage errors exit 2; the script's exit status is the check's", () => {
	assert.equal(run([]).status, 2);
	assert.equal(run(["a.csv", "--bogus"]).status, 2);
	assert.equal(run(["/nonexistent/sip-parameters-7.csv"]).status, 2);
	assert.equal(run([sampleCsv, "--date", "04.12.2026"]).status, 2);
	const cli = spawnSync(
		process.execPath,
		["--import", "tsx", join(root, "scripts", "fetch-registry.ts"), sampleCsv, "--registry", sampleRegistry],
		{ encoding: "utf8" },
	);
	assert.equal(cli.status, 1, cli.stderr);
	assert.match(cli.stdout, /added {6}199 Early Dialog Terminated/);
});
