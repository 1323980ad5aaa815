/** The ladder diagram as SVG, for the HTML report and the in-browser analyzer. Text is escaped. */
import type { Ladder } from "./ladder.ts";

/** Escapes text for HTML and SVG. */
export function escapeXml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const COLORS: Record<Ladder["rows"][number]["kind"], string> = {
	request: "#334155",
	provisional: "#2563eb",
	success: "#16a34a",
	redirect: "#0891b2",
	failure: "#dc2626",
};

/** Renders a ladder; `highlight` marks message indices (evidence of findings). */
export function ladderSvg(l: Ladder, highlight: ReadonlySet<number> = new Set()): string {
	const colW = 190;
	const left = 70;
	const top = 52;
	const rowH = 26;
	const width = left + Math.max(1, l.columns.length) * colW;
	const height = top + l.rows.length * rowH + 16;
	const x = (i: number) => left + colW / 2 + i * colW;
	const out: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Call flow">`,
		'<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>',
	];
	l.columns.forEach((c, i) => {
		out.push(
			`<text x="${x(i)}" y="16" text-anchor="middle" font-size="12" font-weight="bold">${escapeXml(c.address)}</text>`,
		);
		if (c.agent)
			out.push(
				`<text x="${x(i)}" y="32" text-anchor="middle" font-size="10" fill="#64748b">${escapeXml(c.agent.slice(0, 32))}</text>`,
			);
		out.push(`<line x1="${x(i)}" y1="40" x2="${x(i)}" y2="${height - 8}" stroke="#94a3b8" stroke-dasharray="3 3"/>`);
	});
	l.rows.forEach((r, k) => {
		const y = top + k * rowH + 14;
		const color = COLORS[r.kind];
		if (highlight.has(r.index))
			out.push(`<rect x="0" y="${y - 17}" width="${width}" height="${rowH - 2}" fill="#fde68a" opacity="0.55"/>`);
		out.push(
			`<text x="4" y="${y + 4}" font-size="10" fill="#64748b">${r.offset === null ? "" : r.offset.toFixed(3)}</text>`,
		);
		const x1 = x(r.from);
		const x2 = x(r.to);
		const label = `${r.label}${r.retransmission ? " (retr)" : ""}`;
		if (r.from === r.to) {
			out.push(`<text x="${x1 + 6}" y="${y}" font-size="11" fill="${color}">${escapeXml(label)}</text>`);
			return;
		}
		out.push(
			`<line x1="${x1}" y1="${y}" x2="${x2}" y2="${y}" stroke="${color}" stroke-width="1.5"${r.retransmission ? ' stroke-dasharray="4 3"' : ""} marker-end="url(#arrow)"><title>#${r.index}</title></line>`,
			`<text x="${(x1 + x2) / 2}" y="${y - 4}" text-anchor="middle" font-size="11" fill="${color}">${escapeXml(label.length > 40 ? `${label.slice(0, 39)}…` : label)}</text>`,
		);
	});
	out.push("</svg>");
	return out.join("");
}
