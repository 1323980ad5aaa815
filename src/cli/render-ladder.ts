/** The ladder diagram in the terminal, as sngrep's flow view draws it. */
import type { Ladder } from "../flow/ladder.ts";
import { mapStrings, visible } from "../flow/visible.ts";
import { color } from "./terminal.ts";

const GAP = 24;

function paint(kind: Ladder["rows"][number]["kind"], text: string): string {
	switch (kind) {
		case "request":
			return text;
		case "provisional":
			return color.blue(text);
		case "success":
			return color.green(text);
		case "redirect":
			return color.cyan(text);
		case "failure":
			return color.red(text);
	}
}

/** Renders a ladder: a header of columns, then one arrow per message (control characters made visible). */
export function renderLadder(ladder: Ladder): string {
	const l = mapStrings(ladder, visible);
	const n = l.columns.length;
	const gap = Math.max(GAP, ...l.rows.map((r) => r.label.length + 8).map((w) => Math.min(w, 40)));
	const x = (i: number) => 10 + i * gap;
	const width = x(n - 1) + 1;
	const lines: string[] = [];
	const header = Array.from({ length: width + 24 }, () => " ");
	const put = (row: string[], at: number, text: string) => {
		for (let k = 0; k < text.length; k++) row[at + k] = text[k] as string;
	};
	l.columns.forEach((c, i) => {
		const label = c.address.length > gap - 2 ? c.address.slice(0, gap - 3) : c.address;
		put(header, Math.max(0, x(i) - Math.floor(label.length / 2)), label);
	});
	lines.push(color.bold(header.join("").trimEnd()));
	const agents = Array.from({ length: width + 24 }, () => " ");
	l.columns.forEach((c, i) => {
		if (!c.agent) return;
		const a = c.agent.length > gap - 2 ? c.agent.slice(0, gap - 3) : c.agent;
		put(agents, Math.max(0, x(i) - Math.floor(a.length / 2)), a);
	});
	if (agents.join("").trim()) lines.push(color.dim(agents.join("").trimEnd()));
	for (const r of l.rows) {
		const row = Array.from({ length: width }, () => " ");
		for (let i = 0; i < n; i++) row[x(i)] = "│";
		const a = x(Math.min(r.from, r.to));
		const b = x(Math.max(r.from, r.to));
		let arrow: string;
		if (r.from === r.to) arrow = "";
		else {
			for (let k = a + 1; k < b; k++) row[k] = r.retransmission ? "-" : "─";
			if (r.to > r.from) row[b - 1] = "▶";
			else row[a + 1] = "◀";
			const label = `${r.label}${r.retransmission ? " (retr)" : ""}`;
			const room = b - a - 4;
			const text = label.length > room ? `${label.slice(0, Math.max(0, room - 1))}…` : label;
			const start = a + 2 + Math.floor((room - text.length) / 2);
			put(row, start, text);
			arrow = row.join("");
		}
		const time = r.offset === null ? "".padStart(9) : r.offset.toFixed(3).padStart(9);
		const body = arrow || row.join("");
		const colored =
			r.from === r.to ? body : `${body.slice(0, a)}${paint(r.kind, body.slice(a, b + 1))}${body.slice(b + 1)}`;
		lines.push(`${color.dim(time)}${colored.slice(9)}${r.from === r.to ? `  ${r.label}` : ""}`);
	}
	return `${lines.join("\n")}\n`;
}
