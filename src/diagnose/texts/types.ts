/** The words of a finding in one language. */

/** Builds the text (and fix) of one rule's finding from its parameters. */
export type FindingText = (params: Record<string, string | number>) => { text: string; fix?: string };

/** Every rule's words in one language. */
export type FindingTexts = Record<string, FindingText>;
