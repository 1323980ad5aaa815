/** Terminal output: colours that respect NO_COLOR and pipes, and word wrapping. */
import pc from "picocolors";
import type { ResponseClass } from "../kb/classes.ts";

/**
 * Whether to colour: never when NO_COLOR is set (no-color.org), always when FORCE_COLOR is set
 * (and not "0"), otherwise only on a terminal. CI=true does not colour a pipe.
 */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env, isTTY = process.stdout.isTTY === true): boolean {
	if (env.NO_COLOR) return false;
	if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
	return isTTY && env.TERM !== "dumb";
}

/** Colour functions; plain identity functions when colour is off. */
export const color = pc.createColors(colorEnabled());

/** Colours a string by response class (1xx blue … 6xx magenta). */
export function classColor(cls: ResponseClass, text: string): string {
	switch (cls) {
		case "1xx":
			return color.blue(text);
		case "2xx":
			return color.green(text);
		case "3xx":
			return color.cyan(text);
		case "4xx":
			return color.yellow(text);
		case "5xx":
			return color.red(text);
		case "6xx":
			return color.magenta(text);
	}
}

/** Width to wrap at: the terminal's, capped for readability. */
export function width(): number {
	const cols = process.stdout.columns;
	return Math.max(40, Math.min(cols && cols > 0 ? cols : 80, 100));
}

/** Wraps `text` to the width, every line starting with `indent`; later lines use `hang`. */
export function wrap(text: string, indent = "  ", hang = indent): string {
	const max = width();
	const lines: string[] = [];
	let line = indent;
	let empty = true;
	for (const word of text.split(/\s+/)) {
		if (!word) continue;
		if (!empty && line.length + 1 + word.length > max) {
			lines.push(line);
			line = hang + word;
		} else {
			line += (empty ? "" : " ") + word;
		}
		empty = false;
	}
	lines.push(line);
	return lines.join("\n");
}

/** A section heading. */
export function heading(text: string): string {
	return color.bold(text);
}
