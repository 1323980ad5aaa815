/** Parameters shared by the page and API routes. */

/** Longest search text (longer → 400). */
export const MAX_QUERY = 200;

/** Parses a three-digit code in 100–699, or returns null. */
export function codeParam(text: string): number | null {
	if (!/^\d{3}$/.test(text)) return null;
	const n = Number(text);
	return n >= 100 && n <= 699 ? n : null;
}
