#!/usr/bin/env node
// Prints the key of a media fixture: the per-stream figures of `tshark -q -z rtp,streams` as JSON,
// so the test can compare sipwhy's figures to Wireshark's field by field. Usage: node
// scripts/tshark-rtp-streams-key.mjs CAPTURE > KEY.json
import { execFileSync } from "node:child_process";

const file = process.argv[2];
if (!file) {
	console.error("usage: tshark-rtp-streams-key.mjs CAPTURE");
	process.exit(2);
}
const args = ["-n", "-r", file, "-q", "-o", "rtp.heuristic_rtp:TRUE", "-z", "rtp,streams"];
const text = execFileSync("tshark", args, { encoding: "utf8" });
const streams = [];
for (const line of text.split("\n")) {
	// Start End SrcIP SrcPort DstIP DstPort SSRC Payload Pkts Lost (pct%) MinDelta MeanDelta MaxDelta MinJitter MeanJitter MaxJitter Problem?
	const m = line.match(
		/^\s*([\d.]+)\s+([\d.]+)\s+(\S+)\s+(\d+)\s+(\S+)\s+(\d+)\s+(0x[0-9A-Fa-f]+)\s+(.+?)\s+(\d+)\s+(-?\d+)\s+\((-?[\d.]+)%\)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s+(-?[\d.]+)\s*(X?)\s*$/,
	);
	if (!m) continue;
	streams.push({
		start: Number(m[1]),
		end: Number(m[2]),
		src: `${m[3]}:${m[4]}`,
		dst: `${m[5]}:${m[6]}`,
		ssrc: Number.parseInt(m[7], 16),
		payload: m[8],
		packets: Number(m[9]),
		lost: Number(m[10]),
		lostPercent: Number(m[11]),
		minDeltaMs: Number(m[12]),
		meanDeltaMs: Number(m[13]),
		maxDeltaMs: Number(m[14]),
		minJitterMs: Number(m[15]),
		meanJitterMs: Number(m[16]),
		maxJitterMs: Number(m[17]),
		problem: m[18] === "X",
	});
}
const version = execFileSync("tshark", ["--version"], { encoding: "utf8" }).split("\n")[0];
process.stdout.write(
	`${JSON.stringify({ tool: version, command: `tshark ${args.slice(0, 2).join(" ")} CAPTURE ${args.slice(3).join(" ")}`, streams }, null, "\t")}\n`,
);
