/**
 * `sipwhy analyze --format html`: one self-contained HTML file (no scripts, no external
 * resources, a Content-Security-Policy that allows only its own style sheet): the call table,
 * and under each call's row its SVG ladder, findings and messages. Every value from a capture is
 * escaped and its bidi controls made visible: header values are hostile input.
 *
 * The report is written call by call as the calls finish (a capture of 400 000 calls makes a
 * report of gigabytes, more than one string can hold): totals come last, after the table.
 */
import { createHash } from "node:crypto";
import type { DiagnosedCall, Finding } from "../diagnose/finding.ts";
import type { AnalyzeStats } from "../flow/analyze.ts";
import type { CallMediaStream } from "../flow/call-media.ts";
import { ladderOf } from "../flow/ladder.ts";
import { escapeXml, ladderSvg } from "../flow/ladder-svg.ts";
import { mapStrings, neutralizeBidi } from "../flow/visible.ts";
import { labelsFor } from "./labels.ts";

/** A call for the report, with the raw text of its messages when available. */
export interface ReportCall {
	summary: DiagnosedCall;
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
const OWN: Record<string, { title: string; calls: string; media: string; noRtp: string; mediaHead: string[] }> = {
	en: {
		title: "SIP analysis",
		calls: "Calls",
		media: "Media (RTP)",
		noRtp: "No RTP in either direction.",
		mediaHead: [
			"Direction",
			"Source → destination",
			"Codec",
			"Packets",
			"Lost",
			"Loss %",
			"Seq. errors",
			"Max Δ ms",
			"Max jitter ms",
			"Mean jitter ms",
			"DTMF",
			"RTCP",
		],
	},
	tr: {
		title: "SIP analizi",
		calls: "Çağrılar",
		media: "Medya (RTP)",
		noRtp: "İki yönde de RTP yok.",
		mediaHead: [
			"Yön",
			"Kaynak → hedef",
			"Kodek",
			"Paket",
			"Kayıp",
			"Kayıp %",
			"Sıra hatası",
			"En büyük Δ ms",
			"En yüksek titreşim ms",
			"Ortalama titreşim ms",
			"DTMF",
			"RTCP",
		],
	},
};

function seconds(s: number | null): string {
	return s === null ? "—" : `${s.toFixed(2)} s`;
}

/** The report's policy: nothing may load or run; only its own `<style>` (by hash) and data: images. */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256").update(CSS).digest("base64")}'; img-src data:; base-uri 'none'; form-action 'none'`;

function esc(text: string): string {
	return escapeXml(neutralizeBidi(text));
}

/**
 * A small SVG: the highest jitter per bucket as a line (scaled to the stream's peak, at least
 * 30 ms), packets lost per bucket as red bars; the title gives the bucket width and the peaks.
 */
function sparkline(t: CallMediaStream["timeline"]): string {
	const n = t.jitterMs.length;
	if (n < 2) return "";
	const w = 120;
	const h = 24;
	const peak = Math.max(30, ...t.jitterMs);
	const lossPeak = Math.max(1, ...t.lost);
	const x = (i: number) => ((i * (w - 2)) / (n - 1) + 1).toFixed(1);
	const points = t.jitterMs.map((j, i) => `${x(i)},${(h - 1 - (j / peak) * (h - 2)).toFixed(1)}`).join(" ");
	const bars = t.lost
		.map((l, i) =>
			l > 0
				? `<rect x="${x(i)}" y="${(h - (l / lossPeak) * (h / 2)).toFixed(1)}" width="2" height="${((l / lossPeak) * (h / 2)).toFixed(1)}" fill="#dc2626"/>`
				: "",
		)
		.join("");
	const title = `${t.stepSeconds} s per point; jitter peak ${Math.max(...t.jitterMs).toFixed(1)} ms; lost ${t.lost.reduce((a, b) => a + b, 0)}`;
	return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img"><title>${esc(title)}</title>${bars}<polyline points="${points}" fill="none" stroke="#2563eb" stroke-width="1.2"/></svg>`;
}

/** The call's RTP streams as a table (figures as tshark -z rtp,streams computes them). */
function mediaTable(media: CallMediaStream[], L: { media: string; noRtp: string; mediaHead: string[] }): string {
	if (!media.length) return `<h3>${L.media}</h3><p>${L.noRtp}</p>`;
	const rows = media
		.map((m) => {
			const rtcp = m.rtcp
				? `${m.rtcp.reports} RR · ${m.rtcp.fractionLostPercent.toFixed(1)}% · ${m.rtcp.cumulativeLost}${m.rtcp.roundTripMs !== null ? ` · RTT ${m.rtcp.roundTripMs.toFixed(1)} ms` : ""}`
				: "";
			return `<tr><td>${esc(m.direction)}</td><td>${esc(m.src)} → ${esc(m.dst)}${m.sdp.matched ? "" : " ⚠"}</td><td>${esc(m.codec ?? "?")}/${m.payloadType}${m.srtp ? " SRTP" : ""}</td><td>${m.packets}</td><td>${m.lost}</td><td>${m.lostPercent.toFixed(1)}</td><td>${m.sequenceErrors}</td><td>${m.maxDeltaMs.toFixed(1)}</td><td>${m.maxJitterMs.toFixed(1)}</td><td>${m.meanJitterMs.toFixed(1)}</td><td>${esc(m.dtmf.map((d) => d.digit).join(""))}</td><td>${esc(rtcp)}</td><td>${sparkline(m.timeline)}</td></tr>`;
		})
		.join("");
	return `<h3>${L.media}</h3><table class="media"><thead><tr>${L.mediaHead.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows}</tbody></table>`;
}

/**
 * Writes the report in pieces: `head()`, then `call()` for each call as it finishes, then
 * `end()` with the totals. Only counters are held between calls.
 */
export class HtmlReportWriter {
	readonly #lang: string;
	readonly #L: ReturnType<typeof labelsFor>["analyze"] & (typeof OWN)["en"];
	#count = 0;

	constructor(lang: string) {
		this.#lang = lang;
		this.#L = { ...labelsFor(lang).analyze, ...(OWN[lang] ?? (OWN.en as (typeof OWN)["en"])) };
	}

	/** The document up to the table's head. */
	head(): string {
		const L = this.#L;
		return `<!doctype html><html lang="${this.#lang === "tr" ? "tr" : "en"}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${L.title}</title><style>${CSS}</style></head><body>
<h1>${L.title}</h1>
<h2>${L.calls}</h2>
<table><thead><tr><th>${L.start}</th><th>${L.fromTo}</th><th>${L.method}</th><th>${L.outcome}</th><th>${L.pdd}</th><th>${L.duration}</th><th>${L.messages}</th><th>${L.findings}</th></tr></thead>
`;
	}

	/** One call: its row, and under it its findings, ladder and messages. */
	call(summary: DiagnosedCall, raws?: string[]): string {
		const L = this.#L;
		const i = this.#count++;
		const c = mapStrings(summary, neutralizeBidi);
		const cls = c.outcome ? `c${Math.floor(c.outcome.code / 100)}` : "";
		const outcome = c.outcome ? esc(`${c.outcome.code} ${c.outcome.reason}`) : L.none;
		const serious = c.findings.filter((f) => f.severity !== "info").length;
		const row = `<tr><td><a href="#call-${i}">${esc(c.start?.slice(11, 23) ?? "—")}</a></td><td>${esc(c.from ?? "?")} → ${esc(c.to ?? "?")}</td><td>${esc(c.method ?? "?")}</td><td class="${cls}">${outcome}</td><td>${seconds(c.timings.pdd)}</td><td>${seconds(c.timings.duration)}</td><td>${c.messages.length}</td><td>${serious}</td></tr>`;
		const evidence = new Set(c.findings.flatMap((f) => f.evidence ?? []));
		const findings = c.findings
			.map(
				(f) =>
					`<li><span class="sev-${esc(f.severity)}">${esc(f.severity)}</span> ${esc(f.text)}${f.fix ? `<br><small>${esc(f.fix)}</small>` : ""}</li>`,
			)
			.join("");
		const msgs = c.messages
			.map((m) => {
				const raw = raws?.[m.index];
				return `<details id="call-${i}-msg-${m.index}"${evidence.has(m.index) ? ' class="evidence" open' : ""}><summary>#${m.index} ${esc(m.time?.slice(11, 23) ?? "")} ${esc(m.src ?? "?")} → ${esc(m.dst ?? "?")} ${esc(m.label)}${m.retransmission ? " (retr)" : ""}</summary>${raw ? `<pre>${esc(raw)}</pre>` : ""}</details>`;
			})
			.join("\n");
		// Calls with a warning or an error are open; the others fold to their row.
		return `<tbody>${row}
<tr class="detail"><td colspan="8"><details id="call-${i}"${serious ? " open" : ""}><summary>${esc(c.method ?? "?")} ${esc(c.callId)} · ${outcome} · PDD ${seconds(c.timings.pdd)} · ${L.duration} ${seconds(c.timings.duration)}</summary>
${findings ? `<h3>${L.findings}</h3><ul>${findings}</ul>` : ""}
<div class="ladder">${ladderSvg(ladderOf(c), evidence)}</div>
${c.media ? mediaTable(c.media, L) : ""}
<h3>${L.messages}</h3>${msgs}</details></td></tr></tbody>
`;
	}

	/** The end: the table closes, then the findings about the whole capture and the totals (known only now). */
	end(stats: AnalyzeStats, across: Finding[] = []): string {
		const L = this.#L;
		const findings = mapStrings(across, neutralizeBidi)
			.map(
				(f) =>
					`<li><span class="sev-${esc(f.severity)}">${esc(f.severity)}</span> ${esc(f.text)}${f.fix ? `<br><small>${esc(f.fix)}</small>` : ""}</li>`,
			)
			.join("");
		const inputs = stats.inputs
			.map(
				(s) =>
					`${esc(s.name)} (${esc(s.format)}${s.textFormat ? `/${esc(s.textFormat)}` : ""}): ${s.packets} packets/lines, ${s.sipMessages} SIP`,
			)
			.join("<br>");
		return `</table>
${findings ? `<h2>${L.findings}</h2><ul>${findings}</ul>` : ""}
<h2>${L.stats}</h2><p>${L.calls}: ${this.#count}</p><p><small>${inputs}</small></p>
</body></html>
`;
	}
}

/** The whole report at once, for calls already in memory. */
export function renderHtmlReport(
	calls: ReportCall[],
	stats: AnalyzeStats,
	lang: string,
	across: Finding[] = [],
): string {
	const report = new HtmlReportWriter(lang);
	let out = report.head();
	for (const c of calls) out += report.call(c.summary, c.raws);
	return out + report.end(stats, across);
}
