/** Languages sipwhy offers. Content languages are those with data (kb/registry.ts `contentLanguages()`); the rest fall back to English. */

/** Every language the interface is offered in. */
export const LANGUAGES = [
	"en",
	"tr",
	"de",
	"fr",
	"es",
	"pt",
	"ru",
	"ar",
	"hi",
	"id",
	"vi",
	"th",
	"ja",
	"ko",
	"zh-hans",
] as const;

/** A language code sipwhy offers. */
export type Language = (typeof LANGUAGES)[number];

/** Whether `lang` is a language sipwhy offers. */
export function isLanguage(lang: string): lang is Language {
	return (LANGUAGES as readonly string[]).includes(lang);
}

/**
 * The offered language a BCP 47 tag asks for, or null: the tag itself in any case (`TR`, `zh-Hans`),
 * else its primary subtag (`tr-TR`, `pt-BR`); Chinese in simplified script (`zh`, `zh-CN`, `zh-SG`,
 * `zh-Hans-…`) is `zh-hans`, other Chinese (`zh-TW`, `zh-Hant`) has no offered language. The site
 * (Accept-Language, a language segment in another case) and the command line (--lang) share it.
 */
export function resolveLanguage(tag: string): Language | null {
	const t = tag.trim().toLowerCase().replaceAll("_", "-");
	if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/.test(t)) return null;
	if (isLanguage(t)) return t;
	if (t === "zh" || t === "zh-cn" || t === "zh-sg" || t.startsWith("zh-hans-")) return "zh-hans";
	if (t.startsWith("zh-")) return null;
	const base = t.split("-")[0] as string;
	return isLanguage(base) ? base : null;
}
