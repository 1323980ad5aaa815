/**
 * RFC 4733 telephone-events (DTMF) in an RTP stream: the 4-byte event payload (§2.3: event,
 * E bit, volume, duration). One key press is sent as several packets sharing the RTP timestamp of
 * its start (§2.5.1.2), the last ones with the E bit, so a digit is counted once per timestamp.
 */

/** Event codes 0–16 of RFC 4733 §3.2 as the keys people press. */
const DIGITS = "0123456789*#ABCD";

/** One decoded event payload, or null when the payload is not four-plus bytes. */
export function parseTelephoneEvent(
	b: Uint8Array,
	at: number,
	length: number,
): { event: number; end: boolean; volume: number; duration: number } | null {
	if (length < 4) return null;
	const flags = b[at + 1] as number;
	return {
		event: b[at] as number,
		end: (flags & 0x80) !== 0,
		volume: flags & 0x3f,
		duration: ((b[at + 2] as number) << 8) | (b[at + 3] as number),
	};
}

/** The key an event code stands for ("flash" for 16, else the code as a number). */
export function eventKey(event: number): string {
	if (event < DIGITS.length) return DIGITS[event] as string;
	return event === 16 ? "flash" : String(event);
}

/** A digit seen in a stream. */
export interface DtmfDigit {
	digit: string;
	/** Capture time of its first packet (s). */
	time: number;
	/** Duration in RTP clock units as the last packet gave it. */
	duration: number;
}

/** Collects the digits of one stream; at most `max` are kept (the rest are counted). */
export class DtmfCollector {
	readonly digits: DtmfDigit[] = [];
	dropped = 0;
	#lastTimestamp = -1;
	#max: number;

	constructor(max = 64) {
		this.#max = max;
	}

	/** Adds one telephone-event packet with its RTP timestamp and capture time. */
	add(timestamp: number, time: number, b: Uint8Array, at: number, length: number): void {
		const e = parseTelephoneEvent(b, at, length);
		if (!e) return;
		if (timestamp === this.#lastTimestamp) {
			const last = this.digits[this.digits.length - 1];
			if (last) last.duration = Math.max(last.duration, e.duration);
			return;
		}
		this.#lastTimestamp = timestamp;
		if (this.digits.length >= this.#max) {
			this.dropped++;
			return;
		}
		this.digits.push({ digit: eventKey(e.event), time, duration: e.duration });
	}
}
