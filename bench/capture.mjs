// npm run bench:capture — every output of sipwhy analyze (call list, CSV, JSON, HTML) against
// tshark's fastest SIP field extraction on the same generated capture (≥ 100 MB, or BENCH_MB), in
// the same run: wall time, MB/s, peak RSS against the 256 MB budget and the ratio to tshark; then
// hostile inputs (a retransmission storm, its gzip, an unanswered flood) and a text log with one
// huge line. Needs `npm run build` and Debian's tshark. Set BENCH_FILE to reuse a capture.
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
const bin = join(root, "bin", "sipwhy.js");
const html = `/tmp/sipwhy-bench-report-${process.pid}.html`;
// Every output format of the analyzer, each against tshark's field extraction in the same run.
const formats = [
	["sipwhy analyze (call list)", [bin, "analyze", file]],
	["sipwhy analyze --format csv", [bin, "analyze", file, "--format", "csv"]],
	["sipwhy analyze --json", [bin, "analyze", file, "--json"]],
	["sipwhy analyze --format html", [bin, "analyze", file, "--format", "html", "-o", html]],
];
const hasTshark = spawnSync("tshark", ["--version"]).status === 0;
console.log(`capture: ${file}, ${(size / 1e6).toFixed(1)} MB; node ${process.version}`);
const results = [];
const rounds = Number(process.env.ROUNDS ?? 1);
for (let r = 0; r < rounds; r++) {
	if (hasTshark) results.push({ tool: "tshark -Y sip -T fields", ...(await run("tshark", tsharkArgs)) });
	for (const [tool, args] of formats) results.push({ tool, ...(await run(process.execPath, args)) });
}
const BUDGET_MB = 256;
console.log("tool                           wall s     MB/s   peak RSS MB   vs tshark");
const best = (tool) => Math.min(...results.filter((x) => x.tool === tool).map((x) => x.seconds));
for (const x of results)
	console.log(
		`${x.tool.padEnd(29)} ${x.seconds.toFixed(2).padStart(7)} ${(size / 1e6 / x.seconds).toFixed(1).padStart(8)} ${x.peakMb.toFixed(0).padStart(12)}${x.peakMb > BUDGET_MB ? " OVER" : "     "} ${hasTshark && !x.tool.startsWith("tshark") ? `${(best("tshark -Y sip -T fields") / x.seconds).toFixed(1).padStart(8)}×` : ""}`,
	);
if (!hasTshark) console.log("tshark not found: apt-get install -y tshark to compare");

// Inputs shaped as an attacker would shape them (bench/make-hostile.mjs): time and peak RSS, each
// against the same 256 MB budget. BENCH_HOSTILE=0 leaves them out; BENCH_HOSTILE_MB sizes them.
if (process.env.BENCH_HOSTILE !== "0") {
	const hmb = Number(process.env.BENCH_HOSTILE_MB ?? mb);
	const make = (kind) => {
		const out = `/tmp/sipwhy-bench-${kind}-${hmb}.pcap`;
		if (!existsSync(out))
			spawnSync(process.execPath, [join(root, "bench", "make-hostile.mjs"), kind, out, String(hmb)], {
				stdio: "inherit",
			});
		return out;
	};
	const storm = make("retransmissions");
	const flood = make("unanswered");
	const bomb = `${storm}.gz`;
	if (!existsSync(bomb)) spawnSync("sh", ["-c", `gzip -c '${storm}' > '${bomb}'`]);
	const cases = [
		["one call retransmitted", [bin, "analyze", storm]],
		["one call retransmitted --json", [bin, "analyze", storm, "--json"]],
		["same, gzipped (one Call-ID)", [bin, "analyze", bomb]],
		["unanswered INVITEs, 1/ms", [bin, "analyze", flood]],
		["unanswered INVITEs --format csv", [bin, "analyze", flood, "--format", "csv"]],
		["unanswered INVITEs --format html", [bin, "analyze", flood, "--format", "html", "-o", html]],
	];
	console.log(`hostile inputs (${hmb} MB each)        wall s   peak RSS MB`);
	for (const [name, args] of cases) {
		const r = await run(process.execPath, args);
		console.log(
			`${name.padEnd(36)} ${r.seconds.toFixed(2).padStart(7)} ${r.peakMb.toFixed(0).padStart(12)}${r.peakMb > BUDGET_MB ? " OVER" : ""}`,
		);
	}
}

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
