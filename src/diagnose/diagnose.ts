/**
 * `diagnose(call)`: runs every rule on a finished call and puts the findings into words in the
 * reader's language, each linked to the knowledge-base page of the code involved.
 */

import type { Call } from "../flow/call-tracker.ts";
import { CallView } from "./call-view.ts";
import type { DiagnosedCall, Finding } from "./finding.ts";
import { TEXT_MODULES } from "./generated/text-modules.ts";
import type { RawFinding, Rule } from "./raw-finding.ts";
import { authRule } from "./rules/auth.ts";
import { dialogGoneRule, glareRule, loopRule, negotiationRule } from "./rules/dialog.ts";
import { forkingRule, redirectRule } from "./rules/forking.ts";
import { mediaDirectionRule, mediaMismatchRule, natRule } from "./rules/media.ts";
import { serviceUnavailableRule } from "./rules/overload.ts";
import { rtpMediaRule } from "./rules/rtp-media.ts";
import { cancelRule, missingAckRule, noResponseRule } from "./rules/transactions.ts";
import { referRule } from "./rules/transfer.ts";
import { whoFailedRule } from "./rules/who-failed.ts";
import { en } from "./texts/en.ts";
import type { FindingTexts } from "./texts/types.ts";

/** Every rule, in the order their findings are listed. */
export const RULES: Rule[] = [
	authRule,
	missingAckRule,
	noResponseRule,
	referRule,
	cancelRule,
	forkingRule,
	serviceUnavailableRule,
	mediaMismatchRule,
	natRule,
	mediaDirectionRule,
	dialogGoneRule,
	loopRule,
	redirectRule,
	negotiationRule,
	glareRule,
];

/** Finding texts per language: every `texts/{lang}.ts` present (the build lists them), English first. */
export const TEXTS: Record<string, FindingTexts> = { ...TEXT_MODULES, en };
const ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * The knowledge-base page of a code in a language, "/en/sip/486" (the site redirects it to the
 * page with its slug). The diagnosis does not load the knowledge base, so it runs light in a browser.
 */
export function codeLink(code: number, lang: string): string {
	return `/${lang}/sip/${code}`;
}

/** Words for one raw finding. */
export function describe(f: RawFinding, lang: string): Finding {
	const texts = TEXTS[lang] ?? en;
	const words = (texts[f.rule] ?? en[f.rule])?.({ ...f.params, ...(f.code !== undefined ? { code: f.code } : {}) }) ?? {
		text: f.rule,
	};
	const out: Finding = { rule: f.rule, severity: f.severity, text: words.text, evidence: f.evidence };
	if (f.code !== undefined) {
		out.code = f.code;
		out.link = codeLink(f.code, TEXTS[lang] ? lang : "en");
	}
	if (words.fix) out.fix = words.fix;
	return out;
}

/** Runs the rules on a call; findings sorted errors first. */
export function diagnose(call: Call, summary: DiagnosedCall, options: { lang?: string } = {}): Finding[] {
	const lang = options.lang ?? "en";
	const view = new CallView(call);
	const raw: RawFinding[] = [];
	for (const rule of RULES) {
		try {
			raw.push(...rule(view));
		} catch {
			// A rule must never take the analysis down; a broken message simply yields no finding.
		}
	}
	raw.push(...whoFailedRule(view, summary.decisive?.index ?? null, summary.from));
	try {
		raw.push(...rtpMediaRule(view, summary.media));
	} catch {
		// As above: no finding rather than no analysis.
	}
	if (summary.startMissing)
		raw.push({
			rule: "start-not-captured",
			severity: "info",
			...(summary.outcome ? { code: summary.outcome.code } : {}),
			evidence: [0],
			params: {
				method: summary.method ?? "",
				first: summary.messages[0]?.label ?? "",
				outcome: summary.outcome ? `${summary.outcome.code} ${summary.outcome.reason}`.trim() : "",
			},
		});
	return oncePerEvent(raw)
		.map((f) => describe(f, lang))
		.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/**
 * One finding per event: a rule that reports the same thing twice (the same parameters, e.g. the
 * same relayed message seen on two hops) is told once, with the evidence of both.
 */
function oncePerEvent(raw: RawFinding[]): RawFinding[] {
	const byKey = new Map<string, RawFinding>();
	for (const f of raw) {
		const key = `${f.rule}|${f.code ?? ""}|${JSON.stringify(f.params)}`;
		const seen = byKey.get(key);
		if (!seen) byKey.set(key, { ...f, evidence: [...f.evidence] });
		else for (const i of f.evidence) if (!seen.evidence.includes(i)) seen.evidence.push(i);
	}
	return [...byKey.values()];
}
