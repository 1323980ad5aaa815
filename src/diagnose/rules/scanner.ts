/** Rule 15: SIP scanners (friendly-scanner, sipvicious and their kin) and unanswered floods. */
import type { CallView } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** User-Agent strings of well-known SIP scanning tools. */
export const SCANNER_AGENTS =
	/friendly-scanner|sipvicious|sipcli|sip-scan|VaxSIPUserAgent|sundayddr|iWar|pplsip|SIPScan|\bsmap\b/i;

/** Rule 15. */
export function scannerRule(view: CallView): RawFinding[] {
	const first = view.requests().find((x) => SCANNER_AGENTS.test(x.m.value("user-agent") ?? ""));
	if (!first) return [];
	const reqs = view.requests();
	const answered = reqs.filter((q) => view.finalTo(q)).length;
	return [
		{
			rule: "scanner",
			severity: "warning",
			evidence: [first.i],
			params: {
				agent: first.m.value("user-agent") ?? "",
				from: first.src ? first.src.ip : "",
				requests: reqs.length,
				unanswered: reqs.length - answered,
			},
		},
	];
}
