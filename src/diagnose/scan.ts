/**
 * SIP scans, told once per source over the whole capture: a scanning tool (friendly-scanner,
 * sipvicious …) sends one request per extension it probes, each with its own Call-ID, so a
 * per-call finding would repeat itself for every probe.
 */

import type { Call } from "../flow/call-tracker.ts";
import { describe, diagnose } from "./diagnose.ts";
import type { DiagnosedCall, Finding } from "./finding.ts";
import { SCANNER_AGENTS } from "./rules/scanner.ts";

interface Source {
	agents: Set<string>;
	requests: number;
	unanswered: number;
	users: Set<string>;
	methods: Map<string, number>;
	first: number | null;
	last: number | null;
	calls: number;
}

/** Collects the calls of scans by source address; `findings` gives one finding per source. */
export class ScanTracker {
	#sources = new Map<string, Source>();

	/** Whether the call's requests come from a scanning tool; if so it is counted here. */
	add(call: Call): boolean {
		let source: Source | undefined;
		for (const t of call.messages) {
			const m = t.event.message;
			if (m.kind !== "request" || t.retransmission) continue;
			const agent = m.value("user-agent") ?? "";
			if (!SCANNER_AGENTS.test(agent)) continue;
			const ip = t.event.src?.ip ?? "?";
			source = this.#sources.get(ip);
			if (!source) {
				source = {
					agents: new Set(),
					requests: 0,
					unanswered: 0,
					users: new Set(),
					methods: new Map(),
					first: null,
					last: null,
					calls: 0,
				};
				this.#sources.set(ip, source);
			}
			if (source.agents.size < 8) source.agents.add(agent);
			source.requests++;
			const method = m.method ?? "?";
			source.methods.set(method, (source.methods.get(method) ?? 0) + 1);
			// The probed extension: the To user (the Request-URI of a REGISTER names the domain).
			const user = /^sips?:([^@;>]+)@/i.exec(m.to?.uri ?? "")?.[1];
			if (user && source.users.size < 100_000) source.users.add(user);
			const answered = call.messages.some(
				(r) =>
					r.event.message.kind === "response" &&
					r.transaction === t.transaction &&
					(r.event.message.status ?? 0) >= 200,
			);
			if (!answered) source.unanswered++;
			const time = t.event.time;
			if (time !== null) {
				if (source.first === null || time < source.first) source.first = time;
				if (source.last === null || time > source.last) source.last = time;
			}
		}
		if (source) source.calls++;
		return source !== undefined;
	}

	/** One finding per scanning source, in the reader's language. */
	findings(lang: string): Finding[] {
		return [...this.#sources].map(([ip, s]) =>
			describe(
				{
					rule: "scanner",
					severity: "warning",
					evidence: [],
					params: {
						from: ip,
						agent: [...s.agents].join(", "),
						requests: s.requests,
						users: s.users.size,
						calls: s.calls,
						seconds: s.first !== null && s.last !== null ? Math.round((s.last - s.first) * 10) / 10 : "",
						methods: [...s.methods].map(([m, n]) => `${n} ${m}`).join(", "),
						unanswered: s.unanswered,
					},
				},
				lang,
			),
		);
	}
}

/**
 * The diagnosis of a whole capture: each call's findings as it finishes (a scan's probes get none
 * of their own and are marked `scan`), and at the end the findings about the capture as a whole.
 */
export function captureDiagnosis(lang = "en"): {
	call: (call: Call, summary: DiagnosedCall) => Finding[];
	finish: () => Finding[];
} {
	const scans = new ScanTracker();
	return {
		call: (call, summary) => {
			if (scans.add(call)) {
				summary.scan = true;
				return [];
			}
			return diagnose(call, summary, { lang });
		},
		finish: () => scans.findings(lang),
	};
}
