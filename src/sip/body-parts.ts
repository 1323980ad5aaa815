/** Bodies inside SIP bodies: message/sipfrag (RFC 3420) and multipart/mixed (RFC 2046). */

/** The status a sipfrag body reports (NOTIFY for REFER, RFC 3515), or null. */
export function parseSipfrag(body: string): { status: number; reason: string } | null {
	const m = /^SIP\/2\.0 (\d{3})(?: ([^\r\n]*))?/.exec(body.trimStart());
	return m ? { status: Number(m[1]), reason: m[2] ?? "" } : null;
}

/** One part of a multipart body. */
export interface BodyPart {
	headers: Record<string, string>;
	body: string;
}

/** The boundary parameter of a multipart Content-Type, or null. */
export function boundaryOf(contentType: string): string | null {
	const m = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
	return m ? ((m[1] ?? m[2]) as string) : null;
}

/** Splits a multipart body at its boundary. */
export function parseMultipart(body: string, boundary: string): BodyPart[] {
	const delimiter = `--${boundary}`;
	const parts: BodyPart[] = [];
	const chunks = body.split(delimiter);
	for (const chunk of chunks.slice(1)) {
		if (chunk.startsWith("--")) break;
		const text = chunk.replace(/^\r?\n/, "").replace(/\r?\n$/, "");
		const split = /\r?\n\r?\n/.exec(text);
		const head = split ? text.slice(0, split.index) : "";
		const partBody = split ? text.slice(split.index + split[0].length) : text;
		const headers: Record<string, string> = {};
		for (const line of head.split(/\r?\n/)) {
			const colon = line.indexOf(":");
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		parts.push({ headers, body: partBody });
	}
	return parts;
}
