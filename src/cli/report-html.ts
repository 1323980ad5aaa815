/**
 * `sipwhy analyze --format html`: one self-contained HTML file (no scripts, no external
 * resources): the call table, and per call its SVG ladder, findings and messages. Every value
 * from a capture is escaped: header values are hostile input.
 */
import type { AnalyzeStats } from "../flow/analyze.ts";
import type { CallMediaStream } from "../flow/call-media.ts";
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

function seconds(s: number | null): string {
	return s === null ? "—" : `${s.toFixed(2)} s`;
}

/** The whole report. */
export function renderHtmlReport(calls: ReportCall[], stats: AnalyzeStats, lang: string): string {
	const L = { ...labelsFor(lang).analyze, ...(OWN[lang] ?? (OWN.en as (typeof OWN)["en"])) };
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
${c.media ? mediaTable(c.media, L) : ""}
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
