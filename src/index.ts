/**
 * sipwhy as a library: the SIP response-code knowledge base. Everything here is browser-safe
 * (no Node imports) and returns plain JSON-serialisable objects.
 *
 *   import { explain, compare, listCodes, search, parseMessage, analyze } from "sipwhy";
 */

import type { ChunkSource } from "./capture/index.ts";
import { diagnose } from "./diagnose/diagnose.ts";
import type { DiagnosedCall, Finding } from "./diagnose/finding.ts";
import { captureDiagnosis } from "./diagnose/scan.ts";
import { type AnalyzeOptions, type AnalyzeStats, analyze as analyzeCalls } from "./flow/analyze.ts";

export type { DiagnosedCall, Finding } from "./diagnose/finding.ts";
export type { CallSummary, MessageSummary } from "./flow/call-summary.ts";
export { type Citation, formatCite } from "./kb/citation.ts";
export { classOf, type ResponseClass, treatedAs } from "./kb/classes.ts";
export { type Comparison, compare, SameCodeError } from "./kb/compare.ts";
export { InputError, parseCode } from "./kb/errors.ts";
export { type Explanation, explain, type Facts, type LangOptions } from "./kb/explain.ts";
export { type CodeSummary, type ListOptions, listCodes } from "./kb/list.ts";
export { isLanguage, LANGUAGES, type Language } from "./kb/locales.ts";
export { type SearchHit, type SearchOptions, search } from "./kb/search.ts";
export { type Header, type ParseOptions, type Problem, parseMessage, SipMessage } from "./sip/parse-message.ts";
export { parseSdp, type Sdp } from "./sip/sdp.ts";
export { serialize, serializeToString } from "./sip/serialize.ts";
export { StreamFramer } from "./sip/stream-framer.ts";
export { parseUri, type Uri } from "./sip/uri.ts";
export type { AnalyzeStats };
export { diagnose };

/**
 * Analyses captures (pcap, pcapng) or SIP logs: calls with outcomes, timings, messages and
 * findings in the language asked for. Inputs are streams of byte chunks (a Node stream,
 * `File.stream()`, an array of Uint8Array …).
 */
export async function analyze(
	inputs: { name: string; source: ChunkSource }[],
	options: AnalyzeOptions<Finding> & { lang?: string } = {},
): Promise<{ stats: AnalyzeStats; calls: DiagnosedCall[]; findings: Finding[] }> {
	const diagnosis = captureDiagnosis(options.lang ?? "en");
	return analyzeCalls<Finding>(inputs, { diagnose: diagnosis.call, captureFindings: diagnosis.finish, ...options });
}
export {
	type CapturedMessage,
	CaptureReader,
	type CaptureStats,
	type ChunkSource,
	captureMessages,
	detectCaptureFormat,
	gunzipped,
	InflationLimitError,
	readCapture,
	type SipEvent,
} from "./capture/index.ts";
export { readTextLog, TextLogReader } from "./capture/text-log.ts";
