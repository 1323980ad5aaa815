/**
 * Terminal labels: the web site's interface labels (src/web/i18n), so the CLI speaks every
 * language the site offers with the same words.
 */
import { isLanguage } from "../kb/locales.ts";
import { LABELS } from "../web/i18n/index.ts";
import type { WebLabels } from "../web/i18n/types.ts";

/** Labels used by the terminal renderers. */
export type Labels = WebLabels;

/** Labels for a language (English for one sipwhy does not offer). */
export function labelsFor(lang: string): Labels {
	return LABELS[isLanguage(lang) ? lang : "en"];
}
