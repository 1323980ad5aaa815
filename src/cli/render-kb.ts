/** Terminal rendering of explanations, comparisons, lists and search hits. */
import { visible } from "../flow/visible.ts";
import { q850BasisLabel } from "../i18n/index.ts";
import { formatCite } from "../kb/citation.ts";
import { classOf } from "../kb/classes.ts";
import type { Comparison } from "../kb/compare.ts";
import type { Explanation } from "../kb/explain.ts";
import type { CodeSummary } from "../kb/list.ts";
import { entry } from "../kb/registry.ts";
import type { SearchHit } from "../kb/search.ts";
import { labelsFor } from "./labels.ts";
import { classColor, color, heading, labelledRows, wrap } from "./terminal.ts";

function title(e: Explanation): string {
	const L = labelsFor(e.lang);
	const tags = [e.class, e.facts.final ? L.final : L.provisional, L.status[e.status]].join(" · ");
	return `${classColor(e.class, color.bold(`${e.code} ${e.reason}`))}  ${color.dim(`[${tags}]`)}  ${formatCite(e.rfc)}  ${color.dim(e.rfc.url)}`;
}

function bullets(items: string[]): string {
	return items.map((i) => wrap(i, "  • ", "    ")).join("\n");
}

function steps(items: string[]): string {
	return items.map((s, i) => wrap(s, `  ${i + 1}. `, "     ")).join("\n");
}

/** The facts table of an explanation. */
function facts(e: Explanation): string {
	const L = labelsFor(e.lang);
	const f = e.facts;
	const cite = (c: { doc: string; section: string | null; url: string }) => color.dim(`(${formatCite(c)})`);
	const headers = (names: string[]) =>
		names.length ? names.map((n) => `${n} ${cite(e.citations.headers[n] ?? e.rfc)}`).join(", ") : L.none;
	const q = f.q850;
	const q850 = [
		`${L.q850To}: ${q.toCause === null ? L.none : `${q.toCause} ${q.names[String(q.toCause)] ?? ""}`} (${q850BasisLabel(L, q.basis)})`,
		`${L.q850From}: ${q.fromCauses.length ? q.fromCauses.map((c) => `${c} ${q.names[String(c)] ?? ""}`).join(", ") : L.none}`,
	].join("; ");
	return labelledRows([
		[L.final.charAt(0).toLocaleUpperCase() + L.final.slice(1), `${f.final ? L.yes : L.no} ${cite(e.citations.final)}`],
		[L.scope, `${L.scopes[f.scope]} ${cite(e.citations.scope)}`],
		[L.methods, `${f.methods.join(", ")} ${cite(e.citations.methods)}`],
		[L.senders, `${f.senders.map((s) => L.sender[s]).join(", ")} ${cite(e.citations.senders)}`],
		[L.requiredHeaders, headers(f.requiredHeaders)],
		[L.optionalHeaders, headers(f.optionalHeaders)],
		[L.endsForking, `${f.endsForking ? L.yes : L.no} ${cite(e.citations.endsForking)}`],
		[L.retry, `${f.retry} ${cite(e.citations.retry)}`],
		[L.dialogEffect, `${L.effect[f.dialogEffect]} ${cite(e.citations.dialogEffect)}`],
		[L.ack, `${L.ackRule[f.ack]} ${cite(e.citations.ack)}`],
		[L.q850, `${q850} ${color.dim("(RFC 3398)")}`],
	]);
}

function relatedLine(codes: number[]): string {
	return codes
		.map((c) => {
			const r = entry(c);
			return classColor(classOf(c), r ? `${c} ${r.reason}` : String(c));
		})
		.join(", ");
}

/** Full terminal page for one code. */
export function renderExplanation(e: Explanation): string {
	const L = labelsFor(e.lang);
	const out: string[] = [title(e), wrap(e.summary, "")];
	if (e.contentLang !== e.lang) out.push(color.dim(labelsFor(e.lang).untranslated));
	if (e.treatedAs !== undefined)
		out.push(wrap(L.treatedAs(e.code, `${e.treatedAs} ${entry(e.treatedAs)?.reason ?? ""}`.trim()), ""));
	if (e.deprecatedBy) out.push(`${L.deprecatedBy}: ${formatCite(e.deprecatedBy)}`);
	if (e.renamedFrom) out.push(`${L.renamedFrom}: "${e.renamedFrom.reason}" (${formatCite(e.renamedFrom.by)})`);
	out.push("", heading(L.description), wrap(e.description));
	out.push("", heading(L.whenYouSeeIt), wrap(e.whenYouSeeIt));
	out.push("", heading(L.howToFix), steps(e.howToFix));
	out.push("", heading(L.commonCauses), bullets(e.commonCauses));
	out.push("", heading(L.misdiagnoses), bullets(e.misdiagnoses));
	out.push("", heading(L.facts), facts(e));
	if (e.example)
		out.push("", heading(L.example), color.dim(e.example.trimEnd().replace(/\r\n/g, "\n").replace(/^/gm, "  ")));
	if (e.related.length) out.push("", `${heading(L.related)}: ${relatedLine(e.related)}`);
	return `${out.join("\n")}\n`;
}

/** Terminal page for a comparison. */
export function renderComparison(c: Comparison): string {
	const L = labelsFor(c.lang);
	const out: string[] = [
		`${classColor(c.a.class, color.bold(`${c.a.code} ${c.a.reason}`))} ${color.dim("vs")} ${classColor(c.b.class, color.bold(`${c.b.code} ${c.b.reason}`))}`,
	];
	// Also when the pair's curated sentences are English because the content language lacks them.
	if (c.contentLang !== c.lang || c.curatedLang) out.push(color.dim(labelsFor(c.lang).untranslated));
	for (const e of [c.a, c.b]) out.push("", `${title(e)}`, wrap(e.summary));
	out.push("", heading(L.differences), steps(c.differences));
	out.push("", heading(L.whenToUseWhich), wrap(c.whenToUseWhich));
	return `${out.join("\n")}\n`;
}

/** The code list, one line per code. */
export function renderList(rows: CodeSummary[], lang: string): string {
	const L = labelsFor(lang);
	return `${rows
		.map((r) => {
			const tag = r.status === "current" ? "" : color.dim(` (${L.status[r.status]})`);
			return `${classColor(r.class, String(r.code))}  ${r.reason.padEnd(40)}${color.dim(formatCite(r.rfc))}${tag}`;
		})
		.join("\n")}\n`;
}

/** Search hits, best first. */
export function renderHits(hits: SearchHit[], query: string, lang: string): string {
	if (hits.length === 0) return `${wrap(labelsFor(lang).noResults(visible(query)), "")}\n`;
	return `${hits
		.map((h) => {
			const e = entry(h.code);
			const summary = e?.text[lang]?.summary ?? e?.text.en?.summary ?? "";
			return `${classColor(classOf(h.code), color.bold(String(h.code)))}  ${h.reason}\n${wrap(summary, "     ")}`;
		})
		.join("\n")}\n`;
}
