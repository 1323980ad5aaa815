// npm run bench:capture — sipwhy analyze --json against tshark's fastest SIP field extraction on
// the same generated capture (≥ 100 MB, or BENCH_MB), in the same run: wall time, MB/s and peak
// RSS. Needs `npm run build` and Debian's tshark. Set BENCH_FILE to reuse a capture.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const mb = Number(process.env.BENCH_MB ?? 100);
const file = process.env.BENCH_FILE ?? `/tmp/sipwhy-bench-${mb}.pcap`;
if (!existsSync(file))
	spawnSync(process.execPath, [join(root, "bench", "make-capture.mjs"), file, String(mb)], { stdio: "inherit" });
const size = statSync(file).size;

/** Runs a command, discarding its output; returns wall seconds and peak RSS (MB) from /proc. */
function run(cmd, args) {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
		let peak = 0;
		let err = "";
		child.stderr.on("data", (d) => (err += d));
		const poll = setInterval(() => {
			try {
				const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
				if (m) peak = Math.max(peak, Number(m[1]) / 1024);
			} catch {}
		}, 20);
		child.on("exit", (code) => {
			clearInterval(poll);
			if (code !== 0) reject(new Error(`${cmd} exited ${code}: ${err.slice(0, 300)}`));
			else resolve({ seconds: (performance.now() - t0) / 1000, peakMb: peak });
		});
	});
}

const tsharkArgs = [
	"-r",
	file,
	"--disable-protocol",
	"sdp",
	"-Y",
	"sip",
	"-T",
	"fields",
	"-e",
	"sip.Call-ID",
	"-e",
	"sip.Status-Code",
];
const sipwhyArgs = [join(root, "bin", "sipwhy.js"), "analyze", file, "--json"];
const hasTshark = spawnSync("tshark", ["--version"]).status === 0;
console.log(`capture: ${file}, ${(size / 1e6).toFixed(1)} MB; node ${process.version}`);
const results = [];
const rounds = Number(process.env.ROUNDS ?? 1);
for (let r = 0; r < rounds; r++) {
	results.push({ tool: "sipwhy analyze --json", ...(await run(process.execPath, sipwhyArgs)) });
	if (hasTshark) results.push({ tool: "tshark -Y sip -T fields", ...(await run("tshark", tsharkArgs)) });
}
console.log("tool                        wall s     MB/s   peak RSS MB");
for (const x of results)
	console.log(
		`${x.tool.padEnd(26)} ${x.seconds.toFixed(2).padStart(7)} ${(size / 1e6 / x.seconds).toFixed(1).padStart(8)} ${x.peakMb.toFixed(0).padStart(12)}`,
	);
if (hasTshark) {
	const best = (tool) => Math.min(...results.filter((x) => x.tool.startsWith(tool)).map((x) => x.seconds));
	console.log(`sipwhy throughput = ${(best("tshark") / best("sipwhy")).toFixed(1)}× tshark's`);
} else console.log("tshark not found: apt-get install -y tshark to compare");

// A text log whose middle is one 100 MB line (issue 10: reading text used to rescan the rest of
// the line on every chunk, 19 s and 1 GB here). The line is skipped and counted; both messages
// around it are read. Set BENCH_TEXT=0 to leave it out.
if (process.env.BENCH_TEXT !== "0") {
	const { openSync, writeSync, closeSync } = await import("node:fs");
	const textFile = `/tmp/sipwhy-bench-longline-${mb}.log`;
	if (!existsSync(textFile)) {
		const head = (start) =>
			`${start}\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@example.com>;tag=1\r\nTo: <sip:b@example.com>\r\nCall-ID: c1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n`;
		const fd = openSync(textFile, "w");
		writeSync(fd, head("INVITE sip:b@example.com SIP/2.0"));
		const chunk = "x".repeat(1 << 20);
		for (let i = 0; i < mb; i++) writeSync(fd, chunk);
		writeSync(fd, `\r\n${head("SIP/2.0 486 Busy Here")}`);
		closeSync(fd);
	}
	const textSize = statSync(textFile).size;
	const r = await run(process.execPath, [join(root, "bin", "sipwhy.js"), "analyze", textFile, "--json"]);
	console.log(
		`text log, one ${mb} MB line: ${r.seconds.toFixed(2)} s, ${(textSize / 1e6 / r.seconds).toFixed(0)} MB/s, peak RSS ${r.peakMb.toFixed(0)} MB`,
	);
}
