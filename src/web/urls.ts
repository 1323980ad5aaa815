/** The site's URLs, built in one place so that links, redirects, canonicals and the sitemap agree. */
import type { ResponseClass } from "../kb/classes.ts";
import { RESPONSE_CLASSES } from "../kb/enums.ts";
import type { Language } from "../kb/locales.ts";
import { entry, slug } from "../kb/registry.ts";

/** The slug of a code's page: the reason phrase, or `unregistered` for codes sipwhy has no entry for. */
export function codeSlug(code: number): string {
	const e = entry(code);
	return e ? slug(e.reason) : "unregistered";
}

/**
 * Every page's address. None ends in a slash: the same path with one answers 301 to it (app.ts), so
 * each page has one URL, and the links, canonicals and sitemap name that one.
 */
export const url = {
	home: (lang: Language) => `/${lang}`,
	codes: (lang: Language) => `/${lang}/sip`,
	/** A code with an entry lives under its reason phrase; any other code in 100–699 under its number. */
	code: (lang: Language, code: number) => `/${lang}/sip/${code}${entry(code) ? `-${codeSlug(code)}` : ""}`,
	cls: (lang: Language, cls: ResponseClass) => `/${lang}/sip/${cls}`,
	compareIndex: (lang: Language) => `/${lang}/compare/sip`,
	compare: (lang: Language, x: number, y: number) => {
		const [a, b] = x <= y ? [x, y] : [y, x];
		return `/${lang}/compare/sip/${a}-${codeSlug(a)}-vs-${b}-${codeSlug(b)}`;
	},
	glossary: (lang: Language, id?: string) => `/${lang}/glossary${id ? `#${id}` : ""}`,
	search: (lang: Language, q?: string) => `/${lang}/search${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`,
	api: (lang: Language) => `/${lang}/api`,
	analyze: (lang: Language) => `/${lang}/analyze`,
	troubleshoot: (lang: Language, rule?: string) => `/${lang}/troubleshoot${rule ? `/${rule}` : ""}`,
};

/** Classes in order. */
export const CLASSES: ResponseClass[] = [...RESPONSE_CLASSES];
