/** Process entry of the `sipwhy` bin: wires `run` to stdio and the exit status. */
import { once } from "node:events";
import { run } from "./main.ts";

// A closed pipe (sipwhy codes | head) is a normal end, not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
	if (e.code === "EPIPE") process.exit(0);
	throw e;
});

run(process.argv.slice(2), {
	out: (s) => process.stdout.write(s),
	err: (s) => process.stderr.write(s),
	drained: () => (process.stdout.writableNeedDrain ? once(process.stdout, "drain").then(() => {}) : Promise.resolve()),
}).then((code) => {
	process.exitCode = code;
});
