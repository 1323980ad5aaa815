/**
 * Splits text that holds several SIP messages (a paste, a file of raw messages) at start lines
 * that follow an empty line or the beginning of the text.
 */

const START_LINE = /^(?:SIP\/\d\.\d \d{3}(?: .*)?|[!-~]+ \S+ SIP\/\d\.\d)\r?$/;

/** The messages of `text`, each as its own string, in order. */
export function splitMessages(text: string): string[] {
	const lines = text.split("\n");
	const starts: number[] = [];
	let offset = 0;
	let previousBlank = true;
	const lineStarts: number[] = [];
	for (const line of lines) {
		lineStarts.push(offset);
		if (previousBlank && START_LINE.test(line)) starts.push(offset);
		previousBlank = line.trim() === "";
		offset += line.length + 1;
	}
	if (starts.length === 0) return text.trim() ? [text] : [];
	return starts.map((s, i) => text.slice(s, starts[i + 1] ?? text.length));
}
