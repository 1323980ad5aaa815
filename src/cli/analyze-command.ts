/** `sipwhy analyze FILE…`: captures or logs → calls, outcomes, ladders and findings. */

import { createReadStream, statSync } from "node:fs";
import type { Analyzer } from "../flow/analyze.ts";
import { type CallMediaStream, mediaLabel } from "../flow/call-media.ts";
import type { CallSummary, Finding } from "../flow/call-summary.ts";
import type { Call } from "../flow/call-tracker.ts";
import { ladderOf } from "../flow/ladder.ts";
import { classOf } from "../kb/classes.ts";
import { InputError } from "../kb/errors.ts";
import { serializeToString } from "../sip/serialize.ts";
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
export function matches(c: CallSummary, f: CallFilter): boolean {
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

function outcomeText(c: CallSummary): string {
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

/** The call list for the terminal; OPTIONS keep-alives summarised in one line. */
export function renderCallList(calls: CallSummary[]): string {
	const options = calls.filter((c) => c.method === "OPTIONS");
	const rest = calls.filter((c) => c.method !== "OPTIONS");
	const lines: string[] = [];
	// The media column only when some call has media (captures with RTP), so SIP-only lists stay as they were.
	const withMedia = rest.some((c) => c.media);
	const head = `${"start".padEnd(13)}${"from → to".padEnd(44)}${"method".padEnd(10)}${"outcome".padEnd(28)}${"PDD".padStart(7)}${"dur".padStart(8)}${"msgs".padStart(6)}${withMedia ? "  media" : ""}`;
	lines.push(color.bold(head));
	for (const c of rest) {
		const start = c.start ? c.start.slice(11, 23) : "—";
		const ft = `${shortUri(c.from)} → ${shortUri(c.to)}`;
		const outcome = outcomeText(c);
		const outcomePlain = c.outcome ? `${c.outcome.code} ${c.outcome.reason}` : "no final response";
		lines.push(
			`${start.padEnd(13)}${(ft.length > 42 ? `${ft.slice(0, 41)}…` : ft).padEnd(44)}${(c.method ?? "?").padEnd(10)}${outcome}${" ".repeat(Math.max(1, 28 - outcomePlain.length))}${fmtSeconds(c.timings.pdd).padStart(7)}${fmtSeconds(c.timings.duration).padStart(8)}${String(c.messages.length).padStart(6)}${withMedia ? `  ${mediaLabel(c.media)}` : ""}`,
		);
		lines.push(color.dim(`             ${c.callId}`));
		for (const f of c.findings) lines.push(...renderFinding(f, "             "));
	}
	if (options.length) {
		const byOutcome = new Map<string, number>();
		for (const c of options) {
			const k = c.outcome ? `${c.outcome.code} ${c.outcome.reason}` : "no answer";
			byOutcome.set(k, (byOutcome.get(k) ?? 0) + 1);
		}
		lines.push(
			color.dim(
				`${options.length} OPTIONS keep-alive${options.length === 1 ? "" : "s"}: ${[...byOutcome].map(([k, n]) => `${n} × ${k}`).join(", ")}`,
			),
		);
	}
	return `${lines.join("\n")}\n`;
}

/** Summary of failures by code, for the end of the list. */
export function renderSummary(calls: CallSummary[]): string {
	const byCode = new Map<string, number>();
	for (const c of calls)
		if (c.method !== "OPTIONS" && c.outcome && c.outcome.code >= 300)
			byCode.set(
				`${c.outcome.code} ${c.outcome.reason}`,
				(byCode.get(`${c.outcome.code} ${c.outcome.reason}`) ?? 0) + 1,
			);
	const byRule = new Map<string, number>();
	for (const c of calls)
		for (const f of c.findings) if (f.severity !== "info") byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
	const lines: string[] = [];
	if (byCode.size)
		lines.push(
			`${heading("Failures by code")}: ${[...byCode]
				.sort((a, b) => b[1] - a[1])
				.map(([k, n]) => `${n} × ${k}`)
				.join(", ")}`,
		);
	if (byRule.size)
		lines.push(
			`${heading("Findings by rule")}: ${[...byRule]
				.sort((a, b) => b[1] - a[1])
				.map(([k, n]) => `${n} × ${k}`)
				.join(", ")}`,
		);
	return lines.length ? `${lines.join("\n")}\n` : "";
}

/** One call in detail: header, ladder, findings, and the messages asked for. */
export function renderCallDetail(c: CallSummary, call: Call | undefined, show: string | undefined): string {
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
					`#${i}  ${c.messages[i]?.time ?? ""}  ${c.messages[i]?.src ?? "?"} → ${c.messages[i]?.dst ?? "?"}  ${e.transport}`,
				),
			);
			out.push(serializeToString(e.message).trimEnd());
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

/** Reads files into an analyzer; unreadable files are an InputError naming them. */
export async function analyzeFiles(
	files: string[],
	analyzer: Analyzer,
	onStart?: (file: string, size: number) => void,
	drained?: () => Promise<void>,
): Promise<void> {
	for (const file of files) {
		let size: number;
		try {
			const st = statSync(file);
			if (st.isDirectory()) throw new InputError(`${file}: cannot read (is a directory)`);
			size = st.size;
		} catch (e) {
			if (e instanceof InputError) throw e;
			const code = (e as NodeJS.ErrnoException).code;
			throw new InputError(`${file}: cannot read (${code === "ENOENT" ? "no such file" : (code ?? "error")})`);
		}
		if (size === 0) throw new InputError(`${file}: empty file`);
		onStart?.(file, size);
		const stream = createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>;
		const input = await analyzer.addInput(file, drained ? paced(stream, drained) : stream);
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
