/**
 * Terminal labels: the web site's interface labels (src/i18n), so the CLI speaks every
 * language the site offers with the same words.
 */

import { LABELS } from "../i18n/index.ts";
import type { WebLabels } from "../i18n/types.ts";
import { isLanguage } from "../kb/locales.ts";

/** Labels used by the terminal renderers. */
export type Labels = WebLabels;

/** Labels for a language (English for one sipwhy does not offer). */
export function labelsFor(lang: string): Labels {
	return LABELS[isLanguage(lang) ? lang : "en"];
}
