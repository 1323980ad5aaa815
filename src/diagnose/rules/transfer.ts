/**
 * Rule 4: REFER accepted (202) but no NOTIFY follows (RFC 3515 §2.4.4: the transferee must report
 * with NOTIFY, Event: refer); when NOTIFYs do come, the transfer's result is the sipfrag's status.
 */
import { parseSipfrag } from "../../sip/body-parts.ts";
import type { CallView } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** Rule 4. */
export function referRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const refer of view.requests("REFER")) {
		const final = view.finalTo(refer);
		if (!final || (final.m.status ?? 0) >= 300) continue;
		// With Refer-Sub: false (RFC 4488) no implicit subscription exists and no NOTIFY is due.
		if (/^\s*false\b/i.test(refer.m.value("refer-sub") ?? "") || /^\s*false\b/i.test(final.m.value("refer-sub") ?? ""))
			continue;
		const notifies = view.requests("NOTIFY").filter((n) => n.i > final.i && /^refer\b/i.test(n.m.value("event") ?? ""));
		if (notifies.length === 0) {
			out.push({
				rule: "refer-no-notify",
				severity: "warning",
				code: final.m.status ?? 202,
				evidence: [refer.i, final.i],
				params: { target: refer.m.value("refer-to") ?? "" },
			});
			continue;
		}
		const frags = notifies.map((n) => ({ n, frag: parseSipfrag(n.m.body ?? "") })).filter((x) => x.frag);
		const last = frags[frags.length - 1];
		if (!last?.frag) continue;
		const status = last.frag.status;
		out.push({
			rule: "refer-result",
			severity: status >= 300 ? "warning" : "info",
			code: status,
			evidence: [refer.i, ...notifies.map((n) => n.i)],
			params: { status, reason: last.frag.reason, notifies: notifies.length, final: status >= 200 ? 1 : 0 },
		});
	}
	return out;
}
