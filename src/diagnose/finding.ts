/** What the diagnosis says about a call, as the contract shows it. */
import type { CallSummary } from "../flow/call-summary.ts";
import type { RuleId } from "./rule-ids.ts";

/** Something the diagnosis found in a call (see src/diagnose). */
export interface Finding {
	/** Stable rule id, e.g. "auth-loop". */
	rule: RuleId;
	/** `info` for normal things worth knowing, `warning`, `error`. */
	severity: "info" | "warning" | "error";
	/** The status code involved, when there is one. */
	code?: number;
	/** What happened, in the reader's language. */
	text: string;
	/** What to do about it. */
	fix?: string;
	/** Indices of the messages that show it. */
	evidence?: number[];
	/** The knowledge-base page of the code, e.g. "/en/sip/486-busy-here". */
	link?: string;
}

/** A call summary with the diagnosis's findings. */
export type DiagnosedCall = CallSummary<Finding>;
