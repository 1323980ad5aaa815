/**
 * `sipwhy analyze --format csv`: the call list as CSV (RFC 4180) for spreadsheets and tickets.
 * Values from captures are hostile: cells that a spreadsheet would run as a formula (=, +, -, @,
 * their fullwidth forms ＝ ＋ － ＠ which some spreadsheets fold to them, or a leading TAB or CR)
 * are prefixed with an apostrophe, and control and bidi characters are made visible (`\x1b`,
 * `\u202e`), so that no cell reads reordered and the CSV printed to a terminal runs nothing.
 */

import type { DiagnosedCall } from "../diagnose/finding.ts";
import { mediaLabel } from "../flow/call-media.ts";
import { visible } from "../flow/visible.ts";

const HEADER = [
	"start",
	"callId",
	"method",
	"from",
	"to",
	"code",
	"reason",
	"pdd_s",
	"setup_s",
	"duration_s",
	"messages",
	"decidedBy",
	"findings",
	"media",
	"media_streams",
	"media_lost_pct",
	"media_max_jitter_ms",
];

/** One CSV cell. */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return "";
	let s = String(value);
	if (typeof value === "string") {
		const formula = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(s);
		s = visible(s);
		if (formula) s = `'${s}`;
	}
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header line. */
export function csvHeader(): string {
	return `${HEADER.join(",")}\r\n`;
}

/** One call as a CSV line. */
export function csvRow(c: DiagnosedCall): string {
	return `${[
		c.start,
		c.callId,
		c.method,
		c.from,
		c.to,
		c.outcome?.code ?? null,
		c.outcome?.reason ?? null,
		c.timings.pdd,
		c.timings.setup,
		c.timings.duration,
		c.messages.length,
		c.decisive ? `${c.decisive.agent ?? ""} ${c.decisive.from ?? ""}`.trim() : null,
		c.findings
			.filter((f) => f.severity !== "info")
			.map((f) => f.rule)
			.join(" "),
		mediaLabel(c.media),
		c.media ? c.media.length : null,
		c.media?.length ? Math.max(...c.media.map((m) => m.lostPercent)) : null,
		c.media?.length ? Math.max(...c.media.map((m) => m.maxJitterMs)) : null,
	]
		.map(csvCell)
		.join(",")}\r\n`;
}
