/**
 * Capture reading: pcap and pcapng byte streams (gzipped or not) to SIP messages with their
 * addresses, transport, frame number and time. Browser-safe (no Node imports).
 *
 *   // callback
 *   const stats = await readCapture(fs.createReadStream(path), (m) => console.log(m.time, m.message.method));
 *   // async generator (its return value is the stats)
 *   for await (const m of captureMessages(file.stream())) show(m);
 *   // push: chunks of any size in, messages out
 *   const reader = new CaptureReader();
 *   for (const chunk of chunks) handle(reader.push(chunk));
 *   handle(reader.end()); reader.stats;
 *   // any input (capture or text log, gzipped or not) to SIP events
 *   const inputStats = await readInput("a.log.gz", file.stream(), (e) => use(e));
 */

export { type CaptureOptions, CaptureReader } from "./capture-reader.ts";
export type { CapturedMessage, HepInfo } from "./captured-message.ts";
export { type CaptureFormat, detectCaptureFormat } from "./detect.ts";
export { decodeHep3, type HepPacket } from "./hep.ts";
export { LINKTYPE } from "./link-layer.ts";
export {
	type ChunkSource,
	captureMessages,
	DEFAULT_INFLATION_LIMIT,
	gunzipped,
	type InflationLimit,
	InflationLimitError,
	readCapture,
} from "./read-capture.ts";
export { type InputStats, type ReadInputOptions, readInput } from "./read-input.ts";
export { isSipStartLine, looksLikeSip } from "./sip-detect.ts";
export type { Endpoint, SipEvent } from "./sip-event.ts";
export { type CaptureProblem, type CaptureStats, MALFORMED, type MalformedKind } from "./stats.ts";
export type { Timestamp } from "./timestamp.ts";
