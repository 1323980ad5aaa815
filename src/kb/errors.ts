/** Errors the library throws for bad input (never for bad data: data is validated at build). */

/** The input is not something sipwhy can answer (not a code, unknown language …). */
export class InputError extends Error {
	override name = "InputError";
}

/** Parses a status code given as text or number: exactly three digits, 100–699. */
export function parseCode(input: string | number): number {
	const text = String(input).trim();
	if (!/^\d{3}$/.test(text))
		throw new InputError(`"${truncate(text)}" is not a SIP status code (three digits, 100–699)`);
	const code = Number(text);
	if (code < 100 || code > 699) throw new InputError(`${code} is outside the SIP status code range 100–699`);
	return code;
}

/** Shortens user input for an error message (the message stays one readable line). */
export function truncate(text: string, max = 40): string {
	const oneLine = text.replace(/[\r\n\t]+/g, " ");
	return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}
