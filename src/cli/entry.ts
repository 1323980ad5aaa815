/** Process entry of the `sipwhy` bin: wires `run` to stdio and the exit status. */
import { once } from "node:events";
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { run } from "./main.ts";

// `analyze` streams captures of any size, but V8 lets garbage pile up far past what the open calls
// hold (peak memory 250+ MB on a 100 MB capture). So between chunks of input, once the heap holds
// more than SOFT_HEAP_MB, garbage is collected: memory follows the open calls, not the input, and
// there is no hard heap limit to crash a capture that really has that many calls open.
const softHeapMb = Number(process.env.SIPWHY_SOFT_HEAP_MB);
const SOFT_HEAP = (Number.isFinite(softHeapMb) && softHeapMb > 0 ? softHeapMb : 112) * 1e6;

function heapBound(): () => void {
	setFlagsFromString("--expose-gc");
	const collect = runInNewContext("gc") as () => void;
	let limit = SOFT_HEAP;
	return () => {
		if (getHeapStatistics().used_heap_size <= limit) return;
		collect();
		// Calls that really are open stay: the next collection waits until the heap doubles them.
		limit = Math.max(SOFT_HEAP, 2 * getHeapStatistics().used_heap_size);
	};
}

const boundHeap = process.argv.slice(2).includes("analyze") ? heapBound() : () => {};

// A closed pipe (sipwhy codes | head) is a normal end, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
	if (e.code === "EPIPE") process.exit(0);
	throw e;
});

run(process.argv.slice(2), {
	out: (s) => process.stdout.write(s),
	err: (s) => process.stderr.write(s),
	drained: () => {
		boundHeap();
		return process.stdout.writableNeedDrain ? once(process.stdout, "drain").then(() => {}) : Promise.resolve();
	},
}).then((code) => {
	process.exitCode = code;
});
