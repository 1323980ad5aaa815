/**
 * Rule 7: 503 Service Unavailable — with or without Retry-After (without it the client treats it
 * as 500, RFC 3261 §21.5.4), whether the client then tried another server, and whether a proxy
 * relayed the 503 upstream (§16.7 step 6: it should not, unless every target gives 503).
 */
import { parseRetryAfter } from "../../sip/header-values.ts";
import type { CallView } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** Rule 7. */
export function serviceUnavailableRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	const all503 = view.responses().filter((x) => x.m.status === 503);
	const seen = new Set<string>();
	for (const r of all503) {
		const key = `${r.m.cseq?.seq} ${r.m.cseq?.method}`;
		if (seen.has(key)) continue; // the same 503 on several hops is one event, reported once
		seen.add(key);
		const hops = all503.filter((x) => `${x.m.cseq?.seq} ${x.m.cseq?.method}` === key);
		const relayed = new Set(hops.map((x) => x.m.via.length)).size > 1;
		const ra = r.m.value("retry-after");
		const retryAfter = ra ? parseRetryAfter(ra) : null;
		const method = r.m.cseq?.method ?? "";
		const retried = view
			.requests(method)
			.find((q) => q.i > r.i && q.m.cseq !== null && (q.m.cseq?.seq ?? 0) >= (r.m.cseq?.seq ?? 0) && !q.m.to?.tag);
		const failover = retried && r.src && retried.dst && retried.dst.ip !== r.src.ip ? retried : undefined;
		out.push({
			rule: retryAfter ? "503-retry-after" : "503-no-retry-after",
			severity: "warning",
			code: 503,
			evidence: [r.i, ...(failover ? [failover.i] : []), ...hops.filter((x) => x !== r).map((x) => x.i)],
			params: {
				seconds: retryAfter?.seconds ?? "",
				failover: failover ? `${failover.dst?.ip}:${failover.dst?.port}` : "",
				retriedSame: retried && !failover ? 1 : 0,
				relayed: relayed ? 1 : 0,
				agent: r.m.value("server") ?? r.m.value("user-agent") ?? "",
			},
		});
	}
	return out;
}
