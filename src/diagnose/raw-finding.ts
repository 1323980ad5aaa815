/** What a rule reports before it is put into words. */
import type { RuleId } from "./rule-ids.ts";

/** A finding with its parameters; `texts/{lang}.ts` turns it into sentences. */
export interface RawFinding {
	rule: RuleId;
	severity: "info" | "warning" | "error";
	code?: number;
	evidence: number[];
	params: Record<string, string | number>;
}

/** A diagnosis rule: reads a call, reports what it recognises. */
export type Rule = (view: import("./call-view.ts").CallView) => RawFinding[];
