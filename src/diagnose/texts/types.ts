/** The words of a finding in one language. */
import type { RuleId } from "../rule-ids.ts";

/** Builds the text (and fix) of one rule's finding from its parameters. */
export type FindingText = (params: Record<string, string | number>) => { text: string; fix?: string };

/** Every rule's words in one language: a text for each rule id, checked by the compiler. */
export type FindingTexts = Record<RuleId, FindingText>;
