/** The site's interface labels in every offered language. */
import type { Q850Basis } from "../kb/enums.ts";
import { LANGUAGES, type Language } from "../kb/locales.ts";
import { ar } from "./ar.ts";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { hi } from "./hi.ts";
import { id } from "./id.ts";
import { ja } from "./ja.ts";
import { ko } from "./ko.ts";
import { pt } from "./pt.ts";
import { ru } from "./ru.ts";
import { th } from "./th.ts";
import { tr } from "./tr.ts";
import type { WebLabels } from "./types.ts";
import { vi } from "./vi.ts";
import { zhHans } from "./zh-hans.ts";

export type { Status, WebLabels } from "./types.ts";

/** Labels per language; every offered language has a complete set (the type checker sees to it). */
export const LABELS: Record<Language, WebLabels> = {
	en,
	tr,
	de,
	fr,
	es,
	pt,
	ru,
	ar,
	hi,
	id,
	vi,
	th,
	ja,
	ko,
	"zh-hans": zhHans,
};

/** Labels for a language. */
export function labels(lang: Language): WebLabels {
	return LABELS[lang];
}

export { LANGUAGES };

/** Where a code's SIP → ISUP cause comes from (RFC 3398 §8.2.6.1), in `L`'s language. */
export function q850BasisLabel(L: WebLabels, basis: Q850Basis): string {
	return L.q850Basis[basis];
}
