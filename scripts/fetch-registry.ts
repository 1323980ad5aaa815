/**
 * Checks `data/registry.json` against IANA's export of the SIP "Response Codes" sub-registry
 * (https://www.iana.org/assignments/sip-parameters/sip-parameters-7.csv, columns
 * Value,Description,Reference). This machine cannot reach iana.org, so the file is given:
 *
 *   curl -O https://www.iana.org/assignments/sip-parameters/sip-parameters-7.csv
 *   tsx scripts/fetch-registry.ts sip-parameters-7.csv            report the differences
 *   tsx scripts/fetch-registry.ts sip-parameters-7.csv --json     the same as JSON
 *   tsx scripts/fetch-registry.ts sip-parameters-7.csv --record [--date YYYY-MM-DD]
 *        when equal, record in data/registry.json that it was checked against this file
 *        (date, SHA-256; method "export")
 *
 * Reported: codes added or removed by IANA, renamed reason phrases, changed references, codes
 * newly or no longer marked deprecated, and codes sipwhy lists as unregistered that IANA now
 * registers. Exit status 0 when equal, 1 when they differ, 2 for wrong usage or an unreadable file.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** One registered code as both sides describe it. */
export interface RegistryCode {
	code: number;
	reason: string;
	reference: string[];
	deprecated: boolean;
}

/** One difference between data/registry.json and the export. */
export interface RegistryChange {
	kind: "added" | "removed" | "renamed" | "reference" | "deprecated" | "now-registered";
	code: number;
	/** What data/registry.json says (absent for "added"). */
	ours?: string;
	/** What IANA's export says (absent for "removed"). */
	theirs?: string;
}

/** Rows of a CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = "";
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"' && field === "") quoted = true;
		else if (ch === ",") {
			row.push(field);
			field = "";
		} else if (ch === "\n" || ch === "\r") {
			if (ch === "\r" && text[i + 1] === "\n") i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = "";
		} else field += ch;
	}
	if (field !== "" || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	return rows.filter((r) => r.some((f) => f.trim() !== ""));
}

/**
 * The registered codes of an export. Rows that are not one code (ranges such as
 * "101-179,Unassigned", class headings) are returned as `skipped`. A description ending in
 * "(Deprecated)" marks the code deprecated; references are the RFC numbers of the Reference column.
 */
export function registryFromCsv(text: string): { codes: RegistryCode[]; skipped: string[] } {
	const rows = parseCsv(text.replace(/^\uFEFF/, ""));
	const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
	const col = (name: string) => header.indexOf(name);
	const [value, description, reference] = [col("value"), col("description"), col("reference")];
	if (value < 0 || description < 0 || reference < 0)
		throw new Error(
			`not an IANA registry export: the header is "${(rows[0] ?? []).join(",")}", expected Value,Description,Reference`,
		);
	const codes: RegistryCode[] = [];
	const skipped: string[] = [];
	for (const row of rows.slice(1)) {
		const v = (row[value] ?? "").trim();
		const d = (row[description] ?? "").trim();
		if (!/^[1-6]\d\d$/.test(v) || /^unassigned$/i.test(d)) {
			skipped.push(row.join(","));
			continue;
		}
		const deprecated = /\(deprecated\)\s*$/i.test(d);
		const refs = [...(row[reference] ?? "").matchAll(/RFC\s*-?(\d+)/gi)].map((m) => `RFC${Number(m[1])}`);
		codes.push({
			code: Number(v),
			reason: d.replace(/\s*\(deprecated\)\s*$/i, ""),
			reference: [...new Set(refs)],
			deprecated,
		});
	}
	return { codes, skipped };
}

interface RegistryFile {
	codes: { code: number; reason: string; reference: string[]; deprecated?: boolean }[];
	unregistered?: { code: number; reason: string }[];
}

/** Differences between data/registry.json (`ours`) and the codes of the export (`theirs`), by code. */
export function diffRegistry(ours: RegistryFile, theirs: RegistryCode[]): RegistryChange[] {
	const out: RegistryChange[] = [];
	const mine = new Map(ours.codes.map((c) => [c.code, c]));
	const iana = new Map(theirs.map((c) => [c.code, c]));
	const unregistered = new Map((ours.unregistered ?? []).map((c) => [c.code, c]));
	const refs = (r: string[]) => [...r].sort().join(", ");
	for (const code of [...new Set([...mine.keys(), ...iana.keys()])].sort((a, b) => a - b)) {
		const a = mine.get(code);
		const b = iana.get(code);
		if (!a && b) {
			const u = unregistered.get(code);
			out.push(
				u
					? { kind: "now-registered", code, ours: u.reason, theirs: b.reason }
					: { kind: "added", code, theirs: b.reason },
			);
			continue;
		}
		if (a && !b) {
			out.push({ kind: "removed", code, ours: a.reason });
			continue;
		}
		if (!a || !b) continue;
		if (a.reason !== b.reason) out.push({ kind: "renamed", code, ours: a.reason, theirs: b.reason });
		if (refs(a.reference) !== refs(b.reference))
			out.push({ kind: "reference", code, ours: refs(a.reference), theirs: refs(b.reference) });
		if ((a.deprecated ?? false) !== b.deprecated)
			out.push({ kind: "deprecated", code, ours: String(a.deprecated ?? false), theirs: String(b.deprecated) });
	}
	return out;
}

/** One line per change, for people. */
export function describeChange(c: RegistryChange): string {
	switch (c.kind) {
		case "added":
			return `added      ${c.code} ${c.theirs}`;
		case "removed":
			return `removed    ${c.code} ${c.ours}`;
		case "renamed":
			return `renamed    ${c.code} "${c.ours}" → "${c.theirs}"`;
		case "reference":
			return `reference  ${c.code} ${c.ours} → ${c.theirs}`;
		case "deprecated":
			return `deprecated ${c.code} ${c.ours} → ${c.theirs}`;
		case "now-registered":
			return `registered ${c.code} "${c.theirs}" (data/registry.json lists it as unregistered "${c.ours}")`;
	}
}

/** The `provenance` block of data/registry.json rewritten in place, the rest of the file untouched. */
export function recordProvenance(registryText: string, provenance: Record<string, string | null>): string {
	const block = `"provenance": {\n${Object.entries(provenance)
		.map(([k, v]) => `\t\t${JSON.stringify(k)}: ${JSON.stringify(v)}`)
		.join(",\n")}\n\t}`;
	const next = registryText.replace(/"provenance":\s*\{[^}]*\}/, block);
	if (next === registryText && !registryText.includes(block))
		throw new Error("no provenance block in the registry file");
	return next;
}

const USAGE =
	"usage: tsx scripts/fetch-registry.ts EXPORT.csv [--json] [--record [--date YYYY-MM-DD]] [--registry FILE]";

/** Runs the check; returns the exit status. */
export function main(
	argv: string[],
	out = (s: string) => console.log(s),
	err = (s: string) => console.error(s),
): number {
	const root = join(dirname(fileURLToPath(import.meta.url)), "..");
	const files: string[] = [];
	let json = false;
	let record = false;
	let date: string | undefined;
	let registryPath = join(root, "data", "registry.json");
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] as string;
		if (a === "--json") json = true;
		else if (a === "--record") record = true;
		else if (a === "--date" || a === "--registry") {
			const v = argv[++i];
			if (!v) {
				err(`${a} needs a value\n${USAGE}`);
				return 2;
			}
			if (a === "--date") date = v;
			else registryPath = v;
		} else if (a.startsWith("-")) {
			err(`unknown option ${a}\n${USAGE}`);
			return 2;
		} else files.push(a);
	}
	if (files.length !== 1) {
		err(USAGE);
		return 2;
	}
	if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
		err(`--date must be YYYY-MM-DD, not "${date}"`);
		return 2;
	}
	const file = files[0] as string;
	let bytes: Buffer;
	let registryText: string;
	let theirs: ReturnType<typeof registryFromCsv>;
	try {
		bytes = readFileSync(file);
		theirs = registryFromCsv(bytes.toString("utf8"));
		registryText = readFileSync(registryPath, "utf8");
	} catch (e) {
		err(`${file}: ${(e as Error).message}`);
		return 2;
	}
	const ours = JSON.parse(registryText) as RegistryFile;
	const changes = diffRegistry(ours, theirs.codes);
	if (json) out(JSON.stringify({ file, codes: theirs.codes.length, skipped: theirs.skipped, changes }, null, 2));
	else {
		for (const c of changes) out(describeChange(c));
		out(
			changes.length === 0
				? `${registryPath} agrees with ${file} (${theirs.codes.length} codes)`
				: `${changes.length} difference(s) between ${registryPath} and ${file}`,
		);
	}
	if (changes.length > 0) {
		if (record) err("not recorded: the registry differs from the export; update data/registry.json first");
		return 1;
	}
	if (record) {
		const provenance = {
			export: "https://www.iana.org/assignments/sip-parameters/sip-parameters-7.csv",
			method: "export",
			retrieved: date ?? new Date().toISOString().slice(0, 10),
			sha256: createHash("sha256").update(bytes).digest("hex"),
		};
		writeFileSync(registryPath, recordProvenance(registryText, provenance));
		if (!json) out(`recorded in ${registryPath}: checked against ${file} on ${provenance.retrieved}`);
	}
	return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
	process.exitCode = main(process.argv.slice(2));
