/** RFC citations: parsing `RFC3261 §21.4.24` into a document, a section and a link. */

/** A citation as the API returns it. */
export interface Citation {
	/** Document, e.g. `RFC3261`. */
	doc: string;
	/** Section, e.g. `21.4.24`, or null when the whole RFC is meant. */
	section: string | null;
	/** Link to the section on rfc-editor.org. */
	url: string;
}

/** Parses a citation string from the data files. */
export function parseCite(cite: string): Citation {
	const m = /^RFC(\d+)(?: §(.+))?$/.exec(cite);
	if (!m) throw new Error(`not a citation: ${cite}`);
	const number = m[1] as string;
	const section = m[2] ?? null;
	const base = `https://www.rfc-editor.org/rfc/rfc${number}`;
	const anchor = section === null ? "" : /^[A-Z]/.test(section) ? `#appendix-${section}` : `#section-${section}`;
	return { doc: `RFC${number}`, section, url: `${base}${anchor}` };
}

/** Human form of a citation: `RFC 3261 §21.4.24`. */
export function formatCite(c: Citation): string {
	return `${c.doc.replace(/^RFC/, "RFC ")}${c.section ? ` §${c.section}` : ""}`;
}
