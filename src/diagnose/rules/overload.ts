/**
 * Rule 7: 503 Service Unavailable — with or without Retry-After (without it the client treats it
 * as 500, RFC 3261 §21.5.4), whether the client then tried another server, and whether a proxy
 * relayed the 503 upstream (§16.7 step 6: it should not, unless every target gives 503).
 */

import { endpointText } from "../../capture/sip-event.ts";
import { parseRetryAfter } from "../../sip/header-values.ts";
import type { CallView, Msg } from "../call-view.ts";
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
		const origin = view.origin(r);
		// The request this 503 answered on the first hop, and the client's next attempt: a new
		// out-of-dialog request of the same method sent after it. Failover means it went to another
		// next hop (address and port), RFC 3263 §4.3.
		const answered = view.requests(method).find((q) => q.tx === r.tx);
		const retried = answered
			? view
					.requests(method)
					.find(
						(q) =>
							q.i > r.i &&
							!q.m.to?.tag &&
							(q.m.cseq?.seq ?? 0) >= (r.m.cseq?.seq ?? 0) &&
							q.src?.ip === answered.src?.ip &&
							q.src?.port === answered.src?.port,
					)
			: undefined;
		const sameHop = (a: Msg | undefined, b: Msg | undefined) =>
			!!a?.dst && !!b?.dst && a.dst.ip === b.dst.ip && a.dst.port === b.dst.port;
		const next = !answered ? "unknown" : !retried ? "none" : sameHop(answered, retried) ? "same" : "failover";
		out.push({
			rule: retryAfter ? "503-retry-after" : "503-no-retry-after",
			severity: "warning",
			code: 503,
			evidence: [origin.i, ...(retried ? [retried.i] : []), ...hops.filter((x) => x !== origin).map((x) => x.i)],
			params: {
				seconds: retryAfter?.seconds ?? "",
				next,
				failover: next === "failover" ? endpointText(retried?.dst ?? null) : "",
				server: origin.src ? endpointText(origin.src) : "",
				relayed: relayed ? 1 : 0,
				agent: origin.m.value("server") ?? origin.m.value("user-agent") ?? "",
			},
		});
	}
	return out;
}
