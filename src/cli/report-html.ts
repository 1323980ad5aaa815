/**
 * `sipwhy analyze --format html`: one self-contained HTML file (no scripts, no external
 * resources): the call table, and per call its SVG ladder, findings and messages. Every value
 * from a capture is escaped: header values are hostile input.
 */
import type { AnalyzeStats } from "../flow/analyze.ts";
import type { CallSummary } from "../flow/call-summary.ts";
import { ladderOf } from "../flow/ladder.ts";
import { escapeXml as esc, ladderSvg } from "../flow/ladder-svg.ts";
import { labelsFor } from "./labels.ts";

/** A call for the report, with the raw text of its messages when available. */
export interface ReportCall {
	summary: CallSummary;
	raws?: string[];
}

const CSS = `
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#0f172a;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #e2e8f0;padding-top:1rem}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e2e8f0;vertical-align:top}
.c1{color:#2563eb}.c2{color:#16a34a}.c3{color:#0891b2}.c4{color:#b45309}.c5{color:#dc2626}.c6{color:#9333ea}
.sev-error{color:#dc2626;font-weight:bold}.sev-warning{color:#b45309;font-weight:bold}.sev-info{color:#2563eb}
.ladder{overflow-x:auto;border:1px solid #e2e8f0;padding:.5rem;background:#f8fafc}
pre{white-space:pre-wrap;word-break:break-all;background:#f1f5f9;padding:.5rem;font-size:12px}
.evidence{outline:2px solid #f59e0b}
@media (prefers-color-scheme:dark){body{background:#0f172a;color:#e2e8f0}.ladder,pre{background:#1e293b}th,td{border-color:#334155}svg text{fill:#e2e8f0}}
`;

/** Report words: the table's come from the site's analyzer labels; these two are the report's own. */
const OWN: Record<string, { title: string; calls: string }> = {
	en: { title: "SIP analysis", calls: "Calls" },
	tr: { title: "SIP analizi", calls: "Çağrılar" },
};

function seconds(s: number | null): string {
	return s === null ? "—" : `${s.toFixed(2)} s`;
}

/** The whole report. */
export function renderHtmlReport(calls: ReportCall[], stats: AnalyzeStats, lang: string): string {
	const L = { ...labelsFor(lang).analyze, ...(OWN[lang] ?? (OWN.en as { title: string; calls: string })) };
	const rows = calls
		.map(({ summary: c }, i) => {
			const cls = c.outcome ? `c${Math.floor(c.outcome.code / 100)}` : "";
			return `<tr><td><a href="#call-${i}">${esc(c.start?.slice(11, 23) ?? "—")}</a></td><td>${esc(c.from ?? "?")} → ${esc(c.to ?? "?")}</td><td>${esc(c.method ?? "?")}</td><td class="${cls}">${c.outcome ? esc(`${c.outcome.code} ${c.outcome.reason}`) : L.none}</td><td>${seconds(c.timings.pdd)}</td><td>${seconds(c.timings.duration)}</td><td>${c.messages.length}</td><td>${c.findings.filter((f) => f.severity !== "info").length}</td></tr>`;
		})
		.join("\n");
	const sections = calls
		.map(({ summary: c, raws }, i) => {
			const evidence = new Set(c.findings.flatMap((f) => f.evidence ?? []));
			const findings = c.findings
				.map(
					(f) =>
						`<li><span class="sev-${f.severity}">${esc(f.severity)}</span> ${esc(f.text)}${f.fix ? `<br><small>${esc(f.fix)}</small>` : ""}</li>`,
				)
				.join("");
			const msgs = c.messages
				.map((m) => {
					const raw = raws?.[m.index];
					return `<details id="call-${i}-msg-${m.index}"${evidence.has(m.index) ? ' class="evidence" open' : ""}><summary>#${m.index} ${esc(m.time?.slice(11, 23) ?? "")} ${esc(m.src ?? "?")} → ${esc(m.dst ?? "?")} ${esc(m.label)}${m.retransmission ? " (retr)" : ""}</summary>${raw ? `<pre>${esc(raw)}</pre>` : ""}</details>`;
				})
				.join("\n");
			return `<section><h2 id="call-${i}">${esc(c.method ?? "?")} ${esc(c.callId)}</h2>
<p>${esc(c.from ?? "?")} → ${esc(c.to ?? "?")} · ${c.outcome ? esc(`${c.outcome.code} ${c.outcome.reason}`) : L.none} · PDD ${seconds(c.timings.pdd)} · ${L.duration} ${seconds(c.timings.duration)}</p>
${findings ? `<h3>${L.findings}</h3><ul>${findings}</ul>` : ""}
<div class="ladder">${ladderSvg(ladderOf(c), evidence)}</div>
<h3>${L.messages}</h3>${msgs}</section>`;
		})
		.join("\n");
	const inputs = stats.inputs
		.map(
			(s) =>
				`${esc(s.name)} (${esc(s.format)}${s.textFormat ? `/${esc(s.textFormat)}` : ""}): ${s.packets} packets/lines, ${s.sipMessages} SIP`,
		)
		.join("<br>");
	return `<!doctype html><html lang="${lang === "tr" ? "tr" : "en"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${L.title}</title><style>${CSS}</style></head><body>
<h1>${L.title}</h1><p><small>${L.stats}: ${inputs}</small></p>
<h2>${L.calls} (${calls.length})</h2>
<table><thead><tr><th>${L.start}</th><th>${L.fromTo}</th><th>${L.method}</th><th>${L.outcome}</th><th>${L.pdd}</th><th>${L.duration}</th><th>${L.messages}</th><th>${L.findings}</th></tr></thead><tbody>
${rows}
</tbody></table>
${sections}
</body></html>
`;
}
