/** How the glossary linker files a term's pattern: shared by the build's check and the web linker. */

/**
 * The literal characters a pattern starts with (at most three): the key the linker files it under
 * (lower-cased there). A pattern whose prefix is shorter than three cannot be filed.
 */
export function literalPrefix(pattern: string): string {
	let out = "";
	for (let i = 0; i < pattern.length && out.length < 3; i++) {
		const ch = pattern[i] as string;
		if (ch === "\\") {
			const next = pattern[i + 1] ?? "";
			if (!/[.\-/]/.test(next)) break;
			out += next;
			i++;
		} else if (/[\p{L}\p{N} '’/-]/u.test(ch) && !/[?*+]/.test(pattern[i + 1] ?? "")) out += ch;
		else break;
	}
	return out;
}
