/** Runs `sipwhy analyze`: reads the files, streams the calls out as they finish. */
import cliProgress from "cli-progress";
import type { DiagnosedCall } from "../diagnose/finding.ts";
import { captureDiagnosis } from "../diagnose/scan.ts";
import { Analyzer, type InputStats } from "../flow/analyze.ts";
import type { Call } from "../flow/call-tracker.ts";
import { safeJson, visible } from "../flow/visible.ts";
import { InputError } from "../kb/errors.ts";
import { serializeToString } from "../sip/serialize.ts";
import {
	analyzeFiles,
	type CallFilter,
	CallListWriter,
	inflationLimit,
	matches,
	parseDuration,
	renderCallDetail,
} from "./analyze-command.ts";
import { OutputFile } from "./output-file.ts";
import { csvHeader, csvRow } from "./report-csv.ts";
import { HtmlReportWriter } from "./report-html.ts";
import { color } from "./terminal.ts";

/** Options of the analyze command after parsing. */
export interface AnalyzeRunOptions {
	format: string;
	lang: string;
	output?: string;
	failed?: boolean;
	code?: string;
	method?: string;
	call?: string;
	"min-pdd"?: string;
	show?: string;
	/** Year of log timestamps that carry none. */
	year?: string;
}

interface Io {
	out: (s: string) => void;
	err: (s: string) => void;
	drained?: () => Promise<void>;
}

/** Reads the files and prints the result; throws InputError for unreadable files. */
export async function runAnalyze(files: string[], o: AnalyzeRunOptions, io: Io): Promise<void> {
	if (o.code && !/^([1-6]xx|[1-6]\d\d)$/i.test(o.code))
		throw new InputError(`--code "${o.code}" is not a code (486) or class (4xx)`);
	const filter: CallFilter = {
		failed: o.failed,
		code: o.code,
		method: o.method,
		call: o.call,
		minPdd: o["min-pdd"] === undefined ? undefined : parseDuration(o["min-pdd"]),
	};
	const file = o.output === undefined ? undefined : new OutputFile(o.output);
	// Output is gathered into ~1 MB pieces: one write per call would cost more than the analysis.
	let pendingOut = "";
	const flushOut = () => {
		if (!pendingOut) return;
		if (file === undefined) io.out(pendingOut);
		else file.write(pendingOut);
		pendingOut = "";
	};
	const write = (s: string) => {
		pendingOut += s;
		if (pendingOut.length > 1 << 20) flushOut();
	};
	try {
		// Every format is written call by call as the calls finish: nothing holds the whole list.
		let detail: { summary: DiagnosedCall; call: Call } | undefined;
		let first = true;
		const streamJson = o.format === "json" && !o.call;
		const streamCsv = o.format === "csv" && !o.call;
		const html = o.format === "html" ? new HtmlReportWriter(o.lang) : undefined;
		const list = o.format === "text" && !o.call ? new CallListWriter() : undefined;
		const rawsOf = (call: Call) => call.messages.map((t) => serializeToString(t.event.message));
		if (streamJson) write('{\n"calls": [\n');
		if (streamCsv) write(csvHeader());
		if (html && !o.call) write(html.head());
		if (list) write(list.header());

		const bar =
			process.stderr.isTTY && o.format !== "json"
				? new cliProgress.SingleBar(
						{
							format: " {file} [{bar}] {percentage}% | {value}/{total} MB",
							hideCursor: true,
							clearOnComplete: true,
							stream: process.stderr,
						},
						cliProgress.Presets.shades_classic,
					)
				: undefined;
		let barOn = false;
		// Several inputs (captures from several points) are read one after the other: calls are kept
		// open until the end so that their messages from every file come together, in time order.
		const whole =
			files.length > 1 ? { completedIdle: Infinity, pendingIdle: Infinity, establishedIdle: Infinity } : undefined;
		const diagnosis = captureDiagnosis(o.lang);
		const analyzer = new Analyzer({
			keepCalls: false,
			inflationLimit: inflationLimit(process.env),
			tracker: whole,
			severalInputs: files.length > 1,
			diagnose: diagnosis.call,
			captureFindings: diagnosis.finish,
			progress: (read) => {
				if (barOn) bar?.update(Math.round(read / 1e6));
			},
			onCall: (summary, call) => {
				if (!matches(summary, filter)) return;
				if (o.call) {
					detail ??= { summary, call };
					return;
				}
				if (streamJson) {
					write(`${first ? "" : ",\n"}${safeJson(summary)}`);
					first = false;
				} else if (streamCsv) {
					write(csvRow(summary));
				} else if (html) {
					write(html.call(summary, rawsOf(call)));
				} else if (list) {
					write(list.call(summary));
				}
			},
		});

		try {
			// A progress bar on stderr for inputs of 8 MB or more, when stderr is a terminal.
			await analyzeFiles(
				files,
				analyzer,
				(file, size) => {
					if (barOn) bar?.stop();
					barOn = bar !== undefined && size >= 8 << 20;
					if (barOn) bar?.start(Math.round(size / 1e6), 0, { file: visible(file) });
				},
				io.drained,
				undefined,
				o.year !== undefined ? Number(o.year) : undefined,
			);
		} finally {
			if (barOn) bar?.stop();
		}
		const { stats, findings } = analyzer.finish();

		if (o.call) {
			if (!detail) throw new InputError(`no call with Call-ID ${o.call} in ${files.join(", ")}`);
			if (o.format === "json") write(`${safeJson(detail.summary, 2)}\n`);
			else if (o.format === "csv") write(csvHeader() + csvRow(detail.summary));
			else if (html) write(html.head() + html.call(detail.summary, rawsOf(detail.call)) + html.end(stats));
			else write(renderCallDetail(detail.summary, detail.call, o.show));
		} else if (streamJson) {
			write(`\n],\n"findings": ${safeJson(findings)},\n"stats": ${safeJson(stats)}\n}\n`);
		} else if (streamCsv) {
			// nothing more: the rows were written as the calls finished
		} else if (html) {
			write(html.end(stats, findings));
		} else if (list) {
			write(list.end(findings));
			const damaged = stats.inputs.map(withoutEncapsulations).filter((i) => Object.keys(i.malformed).length > 0);
			write(
				color.dim(
					`${stats.calls} call${stats.calls === 1 ? "" : "s"} (${list.shown} shown), ${stats.sipMessages} SIP messages, ${stats.packets} packets/lines, ${(stats.bytes / 1e6).toFixed(1)} MB from ${files.length} file${files.length === 1 ? "" : "s"}\n`,
				),
			);
			if (stats.droppedMessages || stats.evictedCalls || stats.duplicates)
				write(
					color.yellow(
						`${[
							stats.droppedMessages
								? `${stats.droppedMessages} messages left out in the middle of very long calls (the first and last ones are kept)`
								: "",
							stats.evictedCalls ? `${stats.evictedCalls} calls finished early: too many open at once` : "",
							stats.duplicates ? `${stats.duplicates} duplicate packets across inputs counted once` : "",
						]
							.filter(Boolean)
							.join("; ")}\n`,
					),
				);
			for (const i of damaged)
				write(
					color.yellow(
						`${visible(i.name)}: skipped ${Object.entries(i.malformed)
							.map(([k, n]) => `${n} ${k}`)
							.join(", ")}\n`,
					),
				);
			// Packets in encapsulations that are not read get their own line, by kind.
			for (const i of stats.inputs) {
				const encapsulations = skippedEncapsulationsText(i);
				if (encapsulations) write(color.yellow(`${visible(i.name)}: ${encapsulations}\n`));
			}
		}
		flushOut();
		file?.commit();
	} finally {
		file?.abort();
	}
}

/**
 * "412 packets skipped: unsupported encapsulation (GRE protocol type 0x1234 ×400, IP protocol 50
 * (ESP) ×12)", or "" when no packet of `input` was skipped for its encapsulation.
 */
export function skippedEncapsulationsText(input: InputStats): string {
	const total = input.malformed.unsupportedEncapsulation ?? 0;
	if (!total) return "";
	const kinds = Object.entries(input.skippedEncapsulations ?? {})
		.sort((a, b) => b[1] - a[1])
		.map(([what, n]) => `${what} ×${n}`);
	return `${total} packet${total === 1 ? "" : "s"} skipped: unsupported encapsulation${kinds.length ? ` (${kinds.join(", ")})` : ""}`;
}

/** `input` without its unsupported-encapsulation count, which `skippedEncapsulationsText` tells. */
function withoutEncapsulations(input: InputStats): InputStats {
	const { unsupportedEncapsulation: _, ...malformed } = input.malformed;
	return { ...input, malformed };
}
