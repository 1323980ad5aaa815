/**
 * A stream over time in a bounded number of buckets (for sparklines): packets, packets lost and
 * the highest jitter estimate per bucket. Buckets start one second wide; when there would be more
 * than `maxBuckets`, neighbours are merged and the width doubles, so memory stays fixed however
 * long the stream runs.
 */

/** The timeline as shown: bucket width and one value per bucket. */
export interface TimelineView {
	stepSeconds: number;
	packets: number[];
	lost: number[];
	jitterMs: number[];
}

/** Collects one stream's timeline. */
export class Timeline {
	#start: number | null = null;
	#step = 1;
	#max: number;
	#packets: number[] = [];
	#expected: number[] = [];
	#jitter: number[] = [];
	#lastExpected = 0;

	constructor(maxBuckets = 120) {
		this.#max = maxBuckets;
	}

	/** One packet at capture time `time` (s), with the stream's expected count and jitter after it. */
	add(time: number, expected: number, jitterMs: number): void {
		if (this.#start === null) this.#start = time;
		let i = Math.max(0, Math.floor((time - this.#start) / this.#step));
		while (i >= this.#max) {
			this.#merge();
			i = Math.max(0, Math.floor((time - this.#start) / this.#step));
		}
		while (this.#packets.length <= i) {
			this.#packets.push(0);
			this.#expected.push(0);
			this.#jitter.push(0);
		}
		this.#packets[i] = (this.#packets[i] as number) + 1;
		// Expected packets are booked where they are learned: the growth of the expected count.
		this.#expected[i] = (this.#expected[i] as number) + Math.max(0, expected - this.#lastExpected);
		this.#lastExpected = Math.max(this.#lastExpected, expected);
		if (jitterMs > (this.#jitter[i] as number)) this.#jitter[i] = jitterMs;
	}

	#merge(): void {
		const pair = (a: number[], f: (x: number, y: number) => number) =>
			Array.from({ length: Math.ceil(a.length / 2) }, (_, k) => f(a[2 * k] as number, (a[2 * k + 1] ?? 0) as number));
		this.#packets = pair(this.#packets, (x, y) => x + y);
		this.#expected = pair(this.#expected, (x, y) => x + y);
		this.#jitter = pair(this.#jitter, Math.max);
		this.#step *= 2;
	}

	/** The buckets so far. */
	view(): TimelineView {
		return {
			stepSeconds: this.#step,
			packets: [...this.#packets],
			lost: this.#packets.map((p, k) => Math.max(0, (this.#expected[k] as number) - p)),
			jitterMs: this.#jitter.map((j) => Math.round(j * 100) / 100),
		};
	}
}
