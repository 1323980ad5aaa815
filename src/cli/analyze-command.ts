/** `sipwhy analyze FILE…`: captures or logs → calls, outcomes, ladders and findings. */

import { createReadStream, statSync } from "node:fs";
import { DEFAULT_INFLATION_LIMIT, type InflationLimit, InflationLimitError } from "../capture/index.ts";
import type { DiagnosedCall, Finding } from "../diagnose/finding.ts";
import type { Analyzer } from "../flow/analyze.ts";
import { type CallMediaStream, mediaLabel } from "../flow/call-media.ts";
import type { Call } from "../flow/call-tracker.ts";
import { ladderOf } from "../flow/ladder.ts";
import { mapStrings, visible, visibleLines } from "../flow/visible.ts";
import { classOf } from "../kb/classes.ts";
import { InputError } from "../kb/errors.ts";
import { serializeToString } from "../sip/serialize.ts";
import { readErrorWording } from "./read-error.ts";
import { renderLadder } from "./render-ladder.ts";
import { classColor, color, heading, wrap } from "./terminal.ts";

/** Filters of the call list. */
export interface CallFilter {
	failed?: boolean;
	/** "4xx" or "486". */
	code?: string;
	method?: string;
	call?: string;
	/** Minimum post-dial delay in seconds. */
	minPdd?: number;
}

/** Parses "5s", "500ms", "2.5" (seconds). */
export function parseDuration(text: string): number {
	const m = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
	if (!m) throw new InputError(`"${text}" is not a duration (like 5s or 500ms)`);
	return Number(m[1]) / (m[2] === "ms" ? 1000 : 1);
}

/** Whether a call passes the filters. */
export function matches(c: DiagnosedCall, f: CallFilter): boolean {
	if (f.call && c.callId !== f.call && !c.callId.startsWith(f.call)) return false;
	if (f.method && c.method?.toUpperCase() !== f.method.toUpperCase()) return false;
	const code = c.outcome?.code;
	if (f.failed && code !== undefined && code < 300) return false;
	if (f.code) {
		if (code === undefined) return false;
		const want = f.code.toLowerCase();
		if (/^[1-6]xx$/.test(want) ? classOf(code) !== want : String(code) !== want) return false;
	}
	if (f.minPdd !== undefined && (c.timings.pdd === null || c.timings.pdd < f.minPdd)) return false;
	return true;
}

function fmtSeconds(s: number | null): string {
	if (s === null) return "—";
	return s < 60 ? `${s.toFixed(s < 10 ? 2 : 1)}s` : `${Math.floor(s / 60)}m${Math.round(s % 60)}s`;
}

function shortUri(uri: string | null): string {
	if (!uri) return "?";
	return uri.replace(/^sips?:/, "").replace(/;.*$/, "");
}

function outcomeText(c: DiagnosedCall): string {
	if (!c.outcome) return color.dim("no final response");
	return classColor(classOf(c.outcome.code), `${c.outcome.code} ${c.outcome.reason}`);
}

/** One finding: severity in colour, the text, the fix, the code's page and evidence. */
export function renderFinding(f: Finding, indent: string): string[] {
	const sev =
		f.severity === "error"
			? color.red("error")
			: f.severity === "warning"
				? color.yellow("warning")
				: color.blue("info");
	const lines = [wrap(`${sev} ${f.text}`, indent, `${indent}  `)];
	if (f.fix) lines.push(wrap(`→ ${f.fix}`, `${indent}  `, `${indent}    `));
	const refs = [
		...(f.code !== undefined ? [`sipwhy ${f.code}`, f.link ?? ""] : []),
		...(f.evidence?.length ? [`messages ${f.evidence.join(", ")}`] : []),
	].filter(Boolean);
	if (refs.length) lines.push(color.dim(`${indent}  ${refs.join("  ·  ")}`));
	return lines;
}

/**
 * The fields of a call the list shows, each made visible (a shallow copy: the message list, which
 * the list only counts, is not walked).
 */
function listed(s: DiagnosedCall): DiagnosedCall {
	return {
		...s,
		callId: visible(s.callId),
		method: s.method === null ? null : visible(s.method),
		from: s.from === null ? null : visible(s.from),
		to: s.to === null ? null : visible(s.to),
		outcome: s.outcome ? { code: s.outcome.code, reason: visible(s.outcome.reason) } : null,
		findings: s.findings.map((f) => mapStrings(f, visible)),
		...(s.media ? { media: mapStrings(s.media, visible) } : {}),
	};
}

/** Distinct outcome and rule keys counted one by one; the rest are counted together (reasons are input). */
const MAX_TALLY_KEYS = 200;

function tally(map: Map<string, number>, key: string, other: string): void {
	const k = map.has(key) || map.size < MAX_TALLY_KEYS ? key : other;
	map.set(k, (map.get(k) ?? 0) + 1);
}

function byCount(map: Map<string, number>): string {
	return [...map]
		.sort((a, b) => b[1] - a[1])
		.map(([k, n]) => `${n} × ${k}`)
		.join(", ");
}

/** OPTIONS held back while it is not yet known whether their device repeats them (bounded). */
const MAX_HELD_OPTIONS = 1000;

/**
 * The call list for the terminal, written call by call as the calls finish: the columns have
 * fixed widths, so nothing waits for the last call. OPTIONS a device repeats to the same target
 * are keep-alives, counted and summarised in one line at the end (a first OPTIONS to a target is
 * held until a second shows it is one; a lone one is listed at the end); probes of a SIP scan are
 * counted, and the scan told once under "Across calls". Every value from the capture is shown with
 * its control characters made visible.
 */
export class CallListWriter {
	/** Calls passed to `call` (OPTIONS included). */
	shown = 0;
	#options = 0;
	#optionsByOutcome = new Map<string, number>();
	/** Keep-alive targets ("src → dst"): the first OPTIONS seen, until a second comes (then null). */
	#targets = new Map<string, DiagnosedCall | null>();
	#scans = 0;
	#failuresByCode = new Map<string, number>();
	#findingsByRule = new Map<string, number>();

	/** The header line. */
	header(): string {
		return `${color.bold(`${"start".padEnd(13)}${"from → to".padEnd(44)}${"method".padEnd(10)}${"outcome".padEnd(28)}${"PDD".padStart(7)}${"dur".padStart(8)}${"msgs".padStart(6)}`)}\n`;
	}

	/** One call's lines (none for OPTIONS, which are counted). */
	call(summary: DiagnosedCall): string {
		this.shown++;
		const c = listed(summary);
		const outcomeKey = c.outcome ? `${c.outcome.code} ${c.outcome.reason}` : null;
		if (c.scan) {
			this.#scans++;
			return "";
		}
		if (c.method === "OPTIONS") {
			const target = `${c.messages[0]?.src ?? "?"} → ${c.messages[0]?.dst ?? "?"}`;
			const held = this.#targets.get(target);
			if (held === undefined && this.#targets.size < MAX_HELD_OPTIONS) {
				this.#targets.set(target, summary);
				return "";
			}
			if (held) this.#keepAlive(held);
			if (held !== undefined) {
				this.#targets.set(target, null);
				this.#keepAlive(summary);
				return "";
			}
		}
		return this.#line(c, outcomeKey);
	}

	#keepAlive(c: DiagnosedCall): void {
		this.#options++;
		tally(this.#optionsByOutcome, c.outcome ? `${c.outcome.code} ${visible(c.outcome.reason)}` : "no answer", "other");
	}

	#line(c: DiagnosedCall, outcomeKey: string | null): string {
		if (c.outcome && c.outcome.code >= 300) tally(this.#failuresByCode, outcomeKey as string, "other");
		for (const f of c.findings) if (f.severity !== "info") tally(this.#findingsByRule, f.rule, "other");
		const start = c.start ? c.start.slice(11, 23) : "—";
		const ft = `${shortUri(c.from)} → ${shortUri(c.to)}`;
		const outcomePlain = outcomeKey ?? "no final response";
		const lines = [
			`${start.padEnd(13)}${(ft.length > 42 ? `${ft.slice(0, 41)}…` : ft).padEnd(44)}${(c.method ?? "?").padEnd(10)}${outcomeText(c)}${" ".repeat(Math.max(1, 28 - outcomePlain.length))}${fmtSeconds(c.timings.pdd).padStart(7)}${fmtSeconds(c.timings.duration).padStart(8)}${String(c.messages.length).padStart(6)}${c.media ? `  ${mediaLabel(c.media)}` : ""}`,
			color.dim(`             ${c.callId}`),
		];
		for (const f of c.findings) lines.push(...renderFinding(f, "             "));
		return `${lines.join("\n")}\n`;
	}

	/**
	 * The closing lines: OPTIONS sent only once (listed), the keep-alive line, the scan line, the
	 * findings across calls, failures by code, findings by rule.
	 */
	end(across: Finding[] = []): string {
		let out = "";
		for (const held of this.#targets.values())
			if (held) {
				const c = listed(held);
				out += this.#line(c, c.outcome ? `${c.outcome.code} ${c.outcome.reason}` : null);
			}
		const lines: string[] = [];
		const devices = [...this.#targets.values()].filter((v) => v === null).length;
		if (this.#options)
			lines.push(
				color.dim(
					`${this.#options} OPTIONS keep-alive${this.#options === 1 ? "" : "s"} from ${devices} device${devices === 1 ? "" : "s"}: ${byCount(this.#optionsByOutcome)}`,
				),
			);
		if (this.#scans)
			lines.push(
				color.dim(`${this.#scans} call${this.#scans === 1 ? "" : "s"} of a SIP scan, told once under "Across calls"`),
			);
		if (across.length) {
			lines.push(heading("Across calls"));
			for (const f of across) {
				lines.push(...renderFinding(mapStrings(f, visible), "  "));
				if (f.severity !== "info") tally(this.#findingsByRule, f.rule, "other");
			}
		}
		if (this.#failuresByCode.size) lines.push(`${heading("Failures by code")}: ${byCount(this.#failuresByCode)}`);
		if (this.#findingsByRule.size) lines.push(`${heading("Findings by rule")}: ${byCount(this.#findingsByRule)}`);
		return out + (lines.length ? `${lines.join("\n")}\n` : "");
	}
}

/** The whole call list and its summary at once (for a list already in memory). */
export function renderCallList(calls: DiagnosedCall[], across: Finding[] = []): string {
	const list = new CallListWriter();
	let out = list.header();
	for (const c of calls) out += list.call(c);
	return out + list.end(across);
}

/** One call in detail: header, ladder, findings, and the messages asked for. */
export function renderCallDetail(summary: DiagnosedCall, call: Call | undefined, show: string | undefined): string {
	const c = mapStrings(summary, visible);
	const out: string[] = [];
	out.push(`${color.bold(c.callId)}  ${c.method ?? "?"}  ${shortUri(c.from)} → ${shortUri(c.to)}  ${outcomeText(c)}`);
	out.push(
		color.dim(
			`start ${c.start ?? "—"}  PDD ${fmtSeconds(c.timings.pdd)}  setup ${fmtSeconds(c.timings.setup)}  duration ${fmtSeconds(c.timings.duration)}`,
		),
	);
	if (c.decisive)
		out.push(
			color.dim(
				`decided by ${c.decisive.code} from ${c.decisive.from ?? "?"}${c.decisive.agent ? ` (${c.decisive.agent})` : ""}, To tag ${c.decisive.toTag ?? "none"}, ${c.decisive.viaCount} Via`,
			),
		);
	out.push("", renderLadder(ladderOf(c)));
	if (c.media) out.push(...renderMediaStreams(c.media));
	for (const f of c.findings) out.push(...renderFinding(f, ""));
	if (show !== undefined && call) {
		const wanted = show === "all" ? call.messages.map((m) => m.index) : show.split(",").map(Number);
		for (const i of wanted) {
			const t = call.messages[i];
			if (!t) throw new InputError(`message ${i} is not in call ${c.callId} (it has ${call.messages.length})`);
			const e = t.event;
			out.push(
				"",
				heading(
					`#${i}  ${c.messages[i]?.time ?? ""}  ${c.messages[i]?.src ?? "?"} → ${c.messages[i]?.dst ?? "?"}  ${visible(e.transport)}`,
				),
			);
			out.push(visibleLines(serializeToString(e.message).trimEnd()));
		}
	}
	return `${out.join("\n")}\n`;
}

/** The RTP streams of a call under its ladder: one line of figures per stream, then DTMF and RTCP. */
export function renderMediaStreams(media: CallMediaStream[]): string[] {
	if (!media.length) return ["", heading("Media"), color.dim("no RTP in either direction")];
	const lines = ["", heading("Media")];
	lines.push(
		color.bold(
			`${"direction".padEnd(15)}${"src → dst".padEnd(44)}${"codec".padEnd(17)}${"pkts".padStart(7)}${"lost".padStart(7)}${"loss%".padStart(7)}${"seq err".padStart(8)}${"max Δ ms".padStart(10)}${"max jit".padStart(9)}${"mean jit".padStart(9)}`,
		),
	);
	for (const m of media) {
		const route = `${m.src} → ${m.dst}`;
		const codec = `${m.codec ?? "?"}/${m.payloadType}${m.srtp ? " SRTP" : ""}`;
		lines.push(
			`${m.direction.padEnd(15)}${(route.length > 42 ? `${route.slice(0, 41)}…` : route).padEnd(44)}${codec.padEnd(17)}${String(m.packets).padStart(7)}${String(m.lost).padStart(7)}${m.lostPercent.toFixed(1).padStart(7)}${String(m.sequenceErrors).padStart(8)}${m.maxDeltaMs.toFixed(1).padStart(10)}${m.maxJitterMs.toFixed(1).padStart(9)}${m.meanJitterMs.toFixed(1).padStart(9)}`,
		);
		const notes: string[] = [
			`${m.start.slice(11, 23)} – ${m.end.slice(11, 23)}`,
			`SSRC 0x${m.ssrc.toString(16).padStart(8, "0")}`,
		];
		if (!m.sdp.matched) notes.push(m.sdp.addr ? `SDP said ${m.sdp.addr}:${m.sdp.port}` : "no SDP named it");
		if (m.dtmf.length) notes.push(`DTMF ${m.dtmf.map((d) => d.digit).join("")}`);
		if (m.rtcp)
			notes.push(
				`RTCP ${m.rtcp.reports} report(s): ${m.rtcp.fractionLostPercent.toFixed(1)}% lost, cumulative ${m.rtcp.cumulativeLost}${m.rtcp.jitterMs !== null ? `, jitter ${m.rtcp.jitterMs.toFixed(1)} ms` : ""}${m.rtcp.roundTripMs !== null ? `, RTT ${m.rtcp.roundTripMs.toFixed(1)} ms` : ""}`,
			);
		lines.push(color.dim(`               ${notes.join("  ·  ")}`));
	}
	return lines;
}

/**
 * Reads files into an analyzer ("-" is standard input, read once); unreadable files are an
 * InputError naming them.
 */
export async function analyzeFiles<F>(
	files: string[],
	analyzer: Analyzer<F>,
	onStart?: (file: string, size: number) => void,
	drained?: () => Promise<void>,
	stdin: AsyncIterable<Uint8Array> = process.stdin,
	year?: number,
): Promise<void> {
	if (files.filter((f) => f === "-").length > 1) throw new InputError("- (stdin) can be read only once");
	for (const file of files) {
		if (file === "-") {
			const input = await analyzer.addInput(
				"stdin",
				drained ? paced(stdin, drained) : stdin,
				year !== undefined ? { year } : {},
			);
			if (input.bytes === 0) throw new InputError("stdin: empty input");
			if (input.format === "unknown") throw new InputError("stdin: not a pcap/pcapng capture or a SIP log");
			continue;
		}
		let size: number;
		let modified: number;
		try {
			const st = statSync(file);
			if (st.isDirectory()) throw new InputError(`${file}: cannot read (is a directory)`);
			size = st.size;
			modified = st.mtimeMs / 1000;
		} catch (e) {
			if (e instanceof InputError) throw e;
			throw new InputError(`${file}: cannot read (${readErrorWording((e as NodeJS.ErrnoException).code)})`);
		}
		if (size === 0) throw new InputError(`${file}: empty file`);
		onStart?.(file, size);
		const stream = createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array> & {
			destroy?: () => void;
		};
		let input: Awaited<ReturnType<Analyzer["addInput"]>>;
		try {
			// A log's timestamps without a year take it from the file's modification time (or --year).
			input = await analyzer.addInput(file, drained ? paced(stream, drained) : stream, {
				referenceTime: modified,
				...(year !== undefined ? { year } : {}),
			});
		} catch (e) {
			if (!(e instanceof InflationLimitError)) throw e;
			stream.destroy?.();
			throw new InputError(`${file}: ${e.message} (SIPWHY_MAX_GZIP_RATIO=N raises the limit, 0 removes it)`);
		}
		if (input.format === "unknown") throw new InputError(`${file}: not a pcap/pcapng capture or a SIP log`);
	}
}

/** The chunks of `stream`, each handed on only once the output has drained. */
export async function* paced(
	stream: AsyncIterable<Uint8Array>,
	drained: () => Promise<void>,
): AsyncIterable<Uint8Array> {
	for await (const chunk of stream) {
		await drained();
		yield chunk;
	}
}

/**
 * The inflation limit of gzipped inputs: SIPWHY_MAX_GZIP_RATIO times the compressed size (default
 * 200, 0 for none) plus 64 MiB. A value that is not a number is an InputError.
 */
export function inflationLimit(env: Record<string, string | undefined>): InflationLimit {
	const text = env.SIPWHY_MAX_GZIP_RATIO;
	if (text === undefined || text === "") return DEFAULT_INFLATION_LIMIT;
	const ratio = Number(text);
	if (!Number.isFinite(ratio) || ratio < 0)
		throw new InputError(`SIPWHY_MAX_GZIP_RATIO must be a number ≥ 0 (0: no limit), not "${text}"`);
	return { ...DEFAULT_INFLATION_LIMIT, ratio };
}
