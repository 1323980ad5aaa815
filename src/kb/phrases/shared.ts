/** Helpers the sentence builders of every language share. */
import type { DialogEffect } from "../types.ts";
import type { Side } from "./types.ts";

/** The dialog effects that are RFC 5057 §5.1 categories of a failure inside a dialog. */
export const RFC5057_CATEGORIES: readonly DialogEffect[] = [
	"transaction-only",
	"usage-terminated",
	"dialog-terminated",
];

/** " (RFC 5057)" when either side's effect is one of its categories, else "". */
export function rfc5057Note(a: Side, b: Side, note: string): string {
	return RFC5057_CATEGORIES.includes(a.dialogEffect) || RFC5057_CATEGORIES.includes(b.dialogEffect) ? note : "";
}
