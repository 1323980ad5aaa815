/**
 * Words of a text as search sees them: split on anything but letters, digits and hyphens, folded
 * the same way for every language (Turkish-aware: İ/I/ı/i and accented letters fold together,
 * so "KİMLİK", "kimlik" and "kımlık" are one word). Shared by the search index, the query and
 * the validation of the curated search vocabulary.
 */

/** Folds case and diacritics the same way for every language. */
export function fold(term: string): string {
	return term.replace(/[İIı]/g, "i").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Folded words of a text. A hyphenated word yields its parts and the parts joined ("time-out" →
 * "time", "out", "timeout") when `parts` is true (the index), and only the joined form otherwise
 * (a query, so that "time-out" asks for one word, not three).
 */
export function words(text: string, parts = true): string[] {
	const out: string[] = [];
	for (const word of text.split(/[^\p{L}\p{N}-]+/u)) {
		if (!word) continue;
		const pieces = word
			.split("-")
			.map(fold)
			.filter((p) => p.length > 0);
		if (pieces.length === 0) continue;
		if (parts) out.push(...pieces);
		if (pieces.length > 1 || !parts) out.push(pieces.join(""));
	}
	return out;
}
