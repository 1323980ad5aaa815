import { readFileSync, createReadStream } from "node:fs";
import { analyze } from "/work/wt-media/src/flow/analyze.ts";
const dir = "/work/wt-media/test/fixtures/media/";
for (const name of process.argv.slice(2)) {
	const file = readFileSync(`${dir}${name}`);
	const key = JSON.parse(readFileSync(`${dir}${name.replace(/\.pcapng(\.gz)?$/, "")}.tshark.json`, "utf8"));
	const { calls } = await analyze([{ name, source: [new Uint8Array(file)] }]);
	const ours = calls.flatMap((c) => (c.media ?? []).map((m) => ({ ...m, call: c.callId })));
	console.log(name, "calls", calls.length, "streams ours", ours.length, "tshark", key.streams.length);
	for (const t of key.streams) {
		const o = ours.find((m) => m.src === t.src && m.dst === t.dst && m.ssrc === t.ssrc);
		console.log(t.src, t.dst, t.payload, "T", t.packets, t.lost, t.maxDeltaMs, t.maxJitterMs, t.meanJitterMs, t.problem, "| O", o ? [o.packets, o.lost, o.maxDeltaMs, o.maxJitterMs, o.meanJitterMs, o.direction, o.codec, o.srtp, o.dtmf.map(d=>d.digit).join("")].join(" ") : "MISSING");
	}
}
