/** The list of pages (for the sitemap and the static export), sitemap.xml and robots.txt. */
import { LANGUAGES, type Language } from "../kb/locales.ts";
import { curatedPair, documentedRules, entries, hasOwnRuleDoc, REGISTRY_SOURCE } from "../kb/registry.ts";
import { escapeHtml } from "./html.ts";
import { isContentLang, pairsWith } from "./pages/common.ts";
import { CLASSES, url } from "./urls.ts";

/** Paths of the pages search engines should index: each in its own language, complete. */
export function indexablePaths(): string[] {
	const out: string[] = [];
	for (const lang of LANGUAGES) {
		// Pages of interface labels only are complete in every language; the others in the content ones.
		out.push(url.home(lang), url.codes(lang), url.compareIndex(lang), url.api(lang), url.analyze(lang));
		if (!isContentLang(lang)) continue;
		for (const cls of CLASSES) out.push(url.cls(lang, cls));
		out.push(url.glossary(lang), url.troubleshoot(lang));
		// A rule page the language has not written yet is shown in English and left to the English page.
		for (const rule of documentedRules()) if (hasOwnRuleDoc(rule, lang)) out.push(url.troubleshoot(lang, rule));
		for (const e of entries()) out.push(url.code(lang, e.code));
		// A pair the language has not written yet is shown in English and left to the English page.
		for (const [a, b] of pairsWith()) if (curatedPair(a, b, lang)) out.push(url.compare(lang, a, b));
	}
	return out;
}

/**
 * Every page the static export writes: the indexable ones, their variants in the languages
 * without a translation, and (in the content languages) each code compared with its related codes.
 */
export function allPagePaths(): string[] {
	const out = new Set<string>(indexablePaths());
	for (const lang of LANGUAGES as readonly Language[]) {
		for (const cls of CLASSES) out.add(url.cls(lang, cls));
		out.add(url.glossary(lang));
		out.add(url.search(lang));
		out.add(url.analyze(lang));
		out.add(url.troubleshoot(lang));
		for (const rule of documentedRules()) out.add(url.troubleshoot(lang, rule));
		for (const e of entries()) {
			out.add(url.code(lang, e.code));
			if (!isContentLang(lang)) continue;
			for (const r of e.related)
				if (r !== e.code && entries().some((x) => x.code === r)) out.add(url.compare(lang, e.code, r));
		}
		for (const [a, b] of pairsWith()) out.add(url.compare(lang, a, b));
	}
	return [...out];
}

/** sitemap.xml with the indexable pages. */
export function sitemapXml(origin: string): string {
	const lastmod = REGISTRY_SOURCE.reviewed;
	const urls = indexablePaths()
		.map((p) => `<url><loc>${escapeHtml(origin + p)}</loc><lastmod>${escapeHtml(lastmod)}</lastmod></url>`)
		.join("\n");
	return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** robots.txt: everything may be crawled; the sitemap lists what should be indexed. */
export function robotsTxt(origin: string): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}
