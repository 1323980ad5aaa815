/**
 * The layout of a ladder (call-flow) diagram: one column per endpoint in order of appearance, one
 * row per message with its arrow from one column to another. Renderers (terminal, SVG) draw it.
 */
import type { CallSummary } from "./call-summary.ts";

/** One arrow of the ladder. */
export interface LadderRow {
	index: number;
	from: number;
	to: number;
	label: string;
	/** Seconds since the first message, or null. */
	offset: number | null;
	retransmission: boolean;
	kind: "request" | "provisional" | "success" | "redirect" | "failure";
}

/** Columns and rows of a call's ladder. */
export interface Ladder {
	columns: { address: string; agent: string | null }[];
	rows: LadderRow[];
}

/** Lays out a call summary as a ladder. */
export function ladderOf(call: CallSummary): Ladder {
	const columns: Ladder["columns"] = [];
	const col = (address: string | null) => {
		const a = address ?? "?";
		let i = columns.findIndex((c) => c.address === a);
		if (i < 0) {
			const agents = call.participants.find((p) => p.address === a)?.agents ?? [];
			columns.push({ address: a, agent: agents[0] ?? null });
			i = columns.length - 1;
		}
		return i;
	};
	const rows = call.messages.map((m) => {
		const from = col(m.src);
		const to = col(m.dst);
		const s = m.status;
		return {
			index: m.index,
			from,
			to,
			label: m.label,
			offset: m.offset,
			retransmission: m.retransmission,
			kind:
				s === undefined
					? ("request" as const)
					: s < 200
						? ("provisional" as const)
						: s < 300
							? ("success" as const)
							: s < 400
								? ("redirect" as const)
								: ("failure" as const),
		};
	});
	return { columns, rows };
}
