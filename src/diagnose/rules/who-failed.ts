/**
 * Rule 14: who failed the call — the element that produced the decisive final response: its
 * address, Server/User-Agent, To tag, and how many Via it answered (1: the first hop answered).
 */
import type { CallView } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** Rule 14, given the index of the decisive response. */
export function whoFailedRule(view: CallView, decisive: number | null, caller: string | null): RawFinding[] {
	if (decisive === null) return [];
	const seen = view.msgs[decisive];
	// The caller's hop shows the answer as relayed; the element that made it sent the copy with
	// the most Via (flow/hop-event.ts).
	const r = seen ? view.origin(seen) : undefined;
	const status = r?.m.status;
	if (!r || status === undefined || status < 300 || status === 401 || status === 407) return [];
	const cancelled = view.requests("CANCEL").some((c) => c.i < decisive);
	if (status === 487 && cancelled) return [];
	// Every element that generates a response adds a To tag (RFC 3261 §8.2.6.2), so the tag alone
	// does not tell a phone from a proxy; comparing it with the callee's earlier 18x tags does.
	const ringingTags = view
		.responses(r.m.cseq?.method)
		.filter((x) => x.i < decisive && (x.m.status ?? 0) > 100 && (x.m.status ?? 0) < 200 && x.m.to?.tag)
		.map((x) => x.m.to?.tag);
	const tag = r.m.to?.tag;
	const sameAsRinging = ringingTags.length === 0 || !tag ? "" : ringingTags.includes(tag) ? 1 : 0;
	return [
		{
			rule: "who-failed",
			severity: (status >= 500 && status < 600) || status === 408 ? "error" : "warning",
			code: status,
			evidence: r.i === decisive ? [decisive] : [r.i, decisive],
			params: {
				from: r.src ? `${r.src.ip}:${r.src.port}` : "",
				agent: r.m.value("server") ?? r.m.value("user-agent") ?? "",
				sameAsRinging,
				vias: r.m.via.length,
				caller: caller ?? "",
				reason: r.m.value("reason") ?? "",
			},
		},
	];
}
