/**
 * Per-stream RTP figures computed the way Wireshark's RTP stream analysis does (tshark -z
 * rtp,streams, ui/tap-rtp-analysis.c of Wireshark 4.0), so the numbers can be checked against it:
 *
 * - expected = highest sequence number (with wrap cycles) − first + 1; lost = expected − received
 *   (negative when duplicates outnumber losses, as Wireshark shows);
 * - a sequence error is any packet that is not the successor of the last in-order one (gap,
 *   duplicate or late);
 * - jitter is the RFC 3550 §6.4.1 / A.8 estimate J += (|D| − J)/16 in milliseconds, where D is the
 *   arrival time minus the time the RTP timestamp predicts from the previous packet, on the
 *   payload's clock (no jitter for telephone-event or unknown clocks);
 * - delta is the arrival gap to the previous in-order packet; max delta, min, max and mean jitter
 *   skip the first packet, marker packets, comfort noise and the packet after it, and packets whose
 *   timestamp runs backwards; mean jitter (like mean delta) is Wireshark's running mean of the
 *   estimate, divided by the packets seen before it.
 *
 * Memory: a fixed set of counters, whatever the stream length.
 */
import { isComfortNoise } from "./codecs.ts";

const TWO_32 = 0x1_0000_0000;

/** The figures of one stream, as tshark prints them (times in ms). */
export interface StreamFigures {
	packets: number;
	expected: number;
	lost: number;
	lostPercent: number;
	sequenceErrors: number;
	/** -1 when no regular packet followed the first, as in tshark. */
	minDeltaMs: number;
	meanDeltaMs: number;
	maxDeltaMs: number;
	/** -1 when no jitter could be computed, as in tshark. */
	minJitterMs: number;
	meanJitterMs: number;
	maxJitterMs: number;
	/** Last jitter value (the running estimate at the end). */
	jitterMs: number;
	/** Wireshark's "Problems?" mark: some packet had a wrong sequence or timestamp. */
	problem: boolean;
}

/** Counters of one RTP stream (one SSRC from one source to one destination). */
export class RtpStreamStats {
	#first = true;
	#startSeq = 0;
	#stopSeq = 0;
	#seq = 0;
	#cycles = 0;
	#under = false;
	#firstTimestamp = 0;
	#time = 0;
	#lastNominal = 0;
	#pt = -1;
	#delta = 0;
	#jitter = 0;
	#maxDelta = 0;
	#minDelta = -1;
	#meanDelta = 0;
	#minJitter = -1;
	#maxJitter = 0;
	#meanJitter = 0;
	#sequenceErrors = 0;
	#total = 0;
	#problem = false;

	/**
	 * Adds one packet: arrival `timeMs`, its header fields, and the clock rate for jitter (0 when
	 * none applies; see codecs.ts).
	 */
	add(
		timeMs: number,
		sequence: number,
		timestamp: number,
		payloadType: number,
		marker: boolean,
		clockRate: number,
	): void {
		if (this.#first) {
			this.#first = false;
			this.#startSeq = this.#stopSeq = this.#seq = sequence;
			this.#firstTimestamp = timestamp;
			this.#time = timeMs;
			this.#lastNominal = 0;
			this.#pt = payloadType;
			this.#total = 1;
			return;
		}
		let wrongTimestamp = false;
		let wrongSequence = false;
		// In time sequence: the timestamp is less than half the range past the first one.
		const first = this.#firstTimestamp;
		let inTime: boolean;
		if (first <= timestamp && timestamp - first < 0x80000000) inTime = true;
		else if (first > timestamp && first + (0xffffffff - timestamp) < 0x80000000) inTime = true;
		else {
			inTime = false;
			wrongTimestamp = true;
		}
		// Sequence wrap cycles, as Wireshark counts them.
		if (sequence < this.#startSeq && inTime && !this.#under) {
			this.#cycles++;
			this.#under = true;
		} else if (sequence === 0 && this.#stopSeq === 65535 && inTime && !this.#under) {
			this.#cycles++;
			this.#under = true;
		} else if (sequence > this.#startSeq && inTime && this.#under) this.#under = false;

		if (inTime && this.#seq + 1 === sequence) this.#seq = sequence;
		else if (inTime && this.#seq === 65535 && sequence === 0) this.#seq = sequence;
		else if (inTime && (this.#seq + 1 < sequence || this.#seq - sequence > 0xff00)) {
			this.#seq = sequence;
			this.#sequenceErrors++;
			wrongSequence = true;
		} else if (this.#seq + 1 > sequence) {
			this.#sequenceErrors++;
			wrongSequence = true;
		}
		const comfortNoise = isComfortNoise(payloadType);
		const followsComfortNoise = isComfortNoise(this.#pt);
		this.#pt = payloadType;

		let diff = 0;
		if (inTime) {
			if (clockRate !== 0) {
				// Wireshark divides by the clock in whole kHz (integer division in C).
				const nominal = ((timestamp - first + TWO_32) % TWO_32) / Math.trunc(clockRate / 1000);
				const expectedTime = this.#time + (nominal - this.#lastNominal);
				diff = Math.abs(timeMs - expectedTime);
				this.#jitter = (15 * this.#jitter + diff) / 16;
				this.#delta = timeMs - this.#time;
				this.#lastNominal = nominal;
			} else this.#delta = timeMs - this.#time;
		}
		if (!marker && !comfortNoise && !wrongTimestamp && !followsComfortNoise) {
			if (this.#delta > this.#maxDelta) this.#maxDelta = this.#delta;
			if (this.#minDelta === -1 || this.#delta < this.#minDelta) this.#minDelta = this.#delta;
			this.#meanDelta = (this.#meanDelta * (this.#total - 1) + this.#delta) / this.#total;
			if (clockRate !== 0) {
				if (this.#jitter > this.#maxJitter) this.#maxJitter = this.#jitter;
				this.#meanJitter = (this.#meanJitter * (this.#total - 1) + this.#jitter) / this.#total;
				if (this.#minJitter === -1 || this.#jitter < this.#minJitter) this.#minJitter = this.#jitter;
			}
		}
		if (wrongSequence || wrongTimestamp) this.#problem = true;
		if (inTime) this.#time = timeMs;
		this.#stopSeq = sequence;
		this.#total++;
	}

	/** Expected so far (highest sequence with wrap cycles − first + 1). */
	get expected(): number {
		return this.#total === 0 ? 0 : this.#stopSeq + this.#cycles * 0x10000 - this.#startSeq + 1;
	}

	/** Packets added. */
	get packets(): number {
		return this.#total;
	}

	/** The running jitter estimate, ms. */
	get jitterMs(): number {
		return this.#jitter;
	}

	/** The figures so far. */
	figures(): StreamFigures {
		const expected = this.#total === 0 ? 0 : this.#stopSeq + this.#cycles * 0x10000 - this.#startSeq + 1;
		const lost = expected - this.#total;
		return {
			packets: this.#total,
			expected,
			lost,
			lostPercent: expected ? (lost * 100) / expected : 0,
			sequenceErrors: this.#sequenceErrors,
			minDeltaMs: this.#minDelta,
			meanDeltaMs: this.#meanDelta,
			maxDeltaMs: this.#maxDelta,
			minJitterMs: this.#minJitter,
			meanJitterMs: this.#meanJitter,
			maxJitterMs: this.#maxJitter,
			jitterMs: this.#jitter,
			problem: this.#problem,
		};
	}
}
