/**
 * Markdown of explanations and comparisons, for readers that are not a terminal: the MCP server's
 * tools and code resources. Same sections and labels as the terminal pages (render-kb.ts).
 */
import { q850BasisLabel } from "../i18n/index.ts";
import { type Citation, formatCite } from "../kb/citation.ts";
import type { Comparison } from "../kb/compare.ts";
import type { Explanation } from "../kb/explain.ts";
import { entry } from "../kb/registry.ts";
import { labelsFor } from "./labels.ts";

const cite = (c: Citation) => `[${formatCite(c)}](${c.url})`;
const bullets = (items: string[]) => items.map((i) => `- ${i}`).join("\n");
const steps = (items: string[]) => items.map((s, i) => `${i + 1}. ${s}`).join("\n");
const named = (code: number) => `${code} ${entry(code)?.reason ?? ""}`.trim();

function title(e: Explanation, level: string): string {
	const L = labelsFor(e.lang);
	const tags = [e.class, e.facts.final ? L.final : L.provisional, L.status[e.status]].join(" · ");
	return `${level} ${e.code} ${e.reason}\n\n${tags} · ${cite(e.rfc)}`;
}

/** The facts of an explanation as a two-column table, each with its citation. */
function factsTable(e: Explanation): string {
	const L = labelsFor(e.lang);
	const f = e.facts;
	const yes = (b: boolean) => (b ? L.yes : L.no);
	const headers = (names: string[]) =>
		names.length ? names.map((n) => `${n} (${cite(e.citations.headers[n] ?? e.rfc)})`).join(", ") : L.none;
	const q = f.q850;
	const cause = (c: number) => `${c} ${q.names[String(c)] ?? ""}`.trim();
	const q850 = `${L.q850To}: ${q.toCause === null ? L.none : cause(q.toCause)} (${q850BasisLabel(L, q.basis)}); ${L.q850From}: ${q.fromCauses.length ? q.fromCauses.map(cause).join(", ") : L.none}`;
	const rows: [string, string][] = [
		[L.final, `${yes(f.final)} (${cite(e.citations.final)})`],
		[L.scope, `${L.scopes[f.scope]} (${cite(e.citations.scope)})`],
		[L.methods, `${f.methods.join(", ")} (${cite(e.citations.methods)})`],
		[L.senders, `${f.senders.map((s) => L.sender[s]).join(", ")} (${cite(e.citations.senders)})`],
		[L.requiredHeaders, headers(f.requiredHeaders)],
		[L.optionalHeaders, headers(f.optionalHeaders)],
		[L.endsForking, `${yes(f.endsForking)} (${cite(e.citations.endsForking)})`],
		[L.retry, `${f.retry} (${cite(e.citations.retry)})`],
		[L.dialogEffect, `${L.effect[f.dialogEffect]} (${cite(e.citations.dialogEffect)})`],
		[L.ack, `${L.ackRule[f.ack]} (${cite(e.citations.ack)})`],
		[L.q850, `${q850} (RFC 3398)`],
	];
	const cell = (s: string) => s.replace(/\|/g, "\\|");
	return [`| | |`, `|---|---|`, ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`)].join("\n");
}

/** One code as a Markdown page: meaning, fixes, causes, misdiagnoses, facts, example, related. */
export function explanationMarkdown(e: Explanation): string {
	const L = labelsFor(e.lang);
	const out: string[] = [title(e, "#"), e.summary];
	if (e.contentLang !== e.lang) out.push(`_${L.untranslated}_`);
	if (e.treatedAs !== undefined) out.push(L.treatedAs(e.code, named(e.treatedAs)));
	if (e.deprecatedBy) out.push(`${L.deprecatedBy}: ${cite(e.deprecatedBy)}`);
	if (e.renamedFrom) out.push(`${L.renamedFrom}: "${e.renamedFrom.reason}" (${cite(e.renamedFrom.by)})`);
	out.push(`## ${L.description}`, e.description);
	out.push(`## ${L.whenYouSeeIt}`, e.whenYouSeeIt);
	out.push(`## ${L.howToFix}`, steps(e.howToFix));
	out.push(`## ${L.commonCauses}`, bullets(e.commonCauses));
	out.push(`## ${L.misdiagnoses}`, bullets(e.misdiagnoses));
	out.push(`## ${L.facts}`, factsTable(e));
	if (e.example) out.push(`## ${L.example}`, `\`\`\`sip\n${e.example.trimEnd().replace(/\r\n/g, "\n")}\n\`\`\``);
	if (e.related.length) out.push(`## ${L.related}`, e.related.map(named).join(", "));
	return `${out.join("\n\n")}\n`;
}

/** A comparison as Markdown: both codes in one line each, the differences, when to use which. */
export function comparisonMarkdown(c: Comparison): string {
	const L = labelsFor(c.lang);
	const out: string[] = [`# ${c.a.code} ${c.a.reason} / ${c.b.code} ${c.b.reason}`];
	if (c.contentLang !== c.lang || c.curatedLang) out.push(`_${L.untranslated}_`);
	for (const e of [c.a, c.b]) out.push(title(e, "##"), e.summary);
	out.push(`## ${L.differences}`, steps(c.differences));
	out.push(`## ${L.whenToUseWhich}`, c.whenToUseWhich);
	return `${out.join("\n\n")}\n`;
}
