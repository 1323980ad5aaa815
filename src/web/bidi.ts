/**
 * Left-to-right islands in right-to-left prose. In an Arabic sentence, "RFC 3261 §21.4.24" or
 * "486 Busy Here" would be reordered by the bidi algorithm (numbers count as right-to-left for
 * the neutrals between them); each such run is set in its own `dir="ltr"` span, which the browser
 * isolates, so it reads as written.
 */
import { type Html, html, join } from "./html.ts";

/** Languages written right to left among those sipwhy offers. */
const RTL = new Set(["ar"]);

/** Whether a language is written right to left. */
export function isRtl(lang: string): boolean {
	return RTL.has(lang);
}

/**
 * A run of Latin letters, digits and the punctuation inside technical tokens, starting and ending
 * with a letter, digit or closing bracket: "RFC 3261 §21.4.24", "486 Busy Here", "Retry-After",
 * "fr_inv_timer", "sip:bob@example.com".
 */
const LTR_RUN = /[A-Za-z0-9§][A-Za-z0-9§ .,:;_/@'’()=×+-]*[A-Za-z0-9)]|[A-Za-z0-9]/g;

/** Escaped text with every left-to-right run of it in a `<span dir="ltr">`. */
export function isolateLtr(text: string): Html {
	const parts: Html[] = [];
	let at = 0;
	for (const m of text.matchAll(LTR_RUN)) {
		const start = m.index ?? 0;
		// A run that ends in "," or ";" of the surrounding sentence keeps that mark outside.
		const run = m[0].replace(/[\s.,:;]+$/, "");
		parts.push(html`${text.slice(at, start)}<span dir="ltr">${run}</span>`);
		at = start + run.length;
	}
	parts.push(html`${text.slice(at)}`);
	return join(parts);
}
