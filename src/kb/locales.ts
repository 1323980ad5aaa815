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
