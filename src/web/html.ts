/**
 * The one way HTML is written in src/web: the `html` tagged template escapes every interpolated
 * value unless it is already `Html` (made by `html` itself or, for trusted constant markup, by
 * `raw`). Arrays are joined; null, undefined and false render nothing.
 */

/** A string of markup that is safe to send as it is. */
export class Html {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value;
	}
}

/** What may be interpolated into `html`. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const NEEDS_ESCAPE = /[&<>"']/;

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
	return NEEDS_ESCAPE.test(text) ? text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string) : text;
}

function render(value: HtmlValue): string {
	if (value === null || value === undefined || value === false || value === true) return "";
	if (value instanceof Html) return value.value;
	if (Array.isArray(value)) {
		let out = "";
		for (const v of value as readonly HtmlValue[]) out += render(v);
		return out;
	}
	return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
	let out = strings[0] as string;
	for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] as string);
	return new Html(out);
}

/** Marks trusted constant markup as safe. Never pass it a value that came from a request. */
export function raw(markup: string): Html {
	return new Html(markup);
}

/** Joins pieces of markup. */
export function join(items: readonly HtmlValue[], separator: HtmlValue = ""): Html {
	const sep = render(separator);
	return new Html(items.map(render).join(sep));
}

/** JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` cannot end the block. */
export function jsonForScript(value: unknown): Html {
	return new Html(
		JSON.stringify(value)
			.replace(/</g, "\\u003c")
			.replace(/>/g, "\\u003e")
			.replace(/&/g, "\\u0026")
			.replace(/\u2028/g, "\\u2028")
			.replace(/\u2029/g, "\\u2029"),
	);
}
