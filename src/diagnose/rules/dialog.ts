/**
 * Rules 10, 11 and 13: 481 to an in-dialog request (the dialog is unknown: restart, route set not
 * followed, BYE after a transfer); 482 (a loop seen in Via, §16.3) vs 483 (Max-Forwards ran down,
 * §16.6); 491 glare (§14.1); 422/423 interval retries (RFC 4028, §10.3); 420/421 option tags;
 * 415 with Accept.
 */
import { endpointText } from "../../capture/sip-event.ts";
import { CallView, type Msg } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** Rule 10. */
export function dialogGoneRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const r of view.distinctEvents(view.responses().filter((x) => x.m.status === 481))) {
		const method = r.m.cseq?.method ?? "";
		const req = view.requests(method).find((q) => q.tx === r.tx);
		const established = view
			.responses("INVITE")
			.some(
				(x) =>
					(x.m.status ?? 0) >= 200 &&
					(x.m.status ?? 0) < 300 &&
					(x.m.to?.tag === req?.m.to?.tag || x.m.to?.tag === req?.m.from?.tag),
			);
		const rr = view.responses("INVITE").find((x) => (x.m.status ?? 0) < 300 && x.m.values("record-route").length > 0);
		const routeFollowed = rr ? (req?.m.values("route").length ?? 0) > 0 : null;
		const afterRefer =
			view.requests("REFER").some((q) => q.i < r.i) ||
			/replaces/i.test(view.msgs.map((x) => x.m.value("replaces") ?? "").join(""));
		out.push({
			rule: "481-dialog-gone",
			severity: method === "BYE" ? "warning" : "error",
			code: 481,
			evidence: [...(req ? [req.i] : []), r.i],
			params: {
				method,
				established: established ? 1 : 0,
				routeFollowed: routeFollowed === null ? "" : routeFollowed ? 1 : 0,
				afterRefer: afterRefer ? 1 : 0,
				from: r.src ? endpointText(r.src) : "",
				agent: r.m.value("server") ?? r.m.value("user-agent") ?? "",
			},
		});
	}
	return out;
}

/** Rule 11. */
export function loopRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	// The 482/483 relayed back along the loop is one event, reported from the copy its maker sent.
	for (const r of view.distinctEvents(view.responses().filter((x) => x.m.status === 482 || x.m.status === 483))) {
		const method = r.m.cseq?.method;
		const answered = view.requests(method).find((q) => q.tx === r.tx);
		const event = answered ? view.eventKey(answered) : null;
		// Every hop's copy of the looping request, in the order seen.
		const copies =
			event !== null ? view.requests(method).filter((q) => view.eventKey(q) === event) : answered ? [answered] : [];
		const mf = copies.map((q) => q.m.maxForwards).filter((v): v is number => v !== null);
		// A loop shows as a sent-by repeated in the Via of the request the detecting element got, or
		// as that element's own address already in it (RFC 3261 §16.3 step 4).
		const sentBys = (answered?.m.via ?? []).map((v) => `${v.host.toLowerCase()}:${v.port ?? 5060}`);
		const repeated = sentBys.filter((h, i) => sentBys.indexOf(h) !== i);
		const detector = r.src ? `${r.src.ip}:${r.src.port}` : "";
		if (repeated.length === 0 && detector && sentBys.includes(detector)) repeated.push(detector);
		out.push({
			rule: r.m.status === 482 ? "loop-detected" : "too-many-hops",
			severity: "error",
			code: r.m.status as number,
			evidence: [...copies.map((q) => q.i), r.i],
			params: {
				maxForwards: mf.join(" → "),
				vias: answered?.m.via.length ?? 0,
				repeated: [...new Set(repeated)].join(", "),
				hops: copies.length,
				detector,
				agent: r.m.value("server") ?? r.m.value("user-agent") ?? "",
			},
		});
	}
	return out;
}

/**
 * Rule 13 (glare): both sides sent a request that changes the session at once and each got 491.
 * One finding per incident, with each side's retry checked against its own RFC 3261 §14.1 window:
 * 2.1–4 s for the side that generated the Call-ID, 0–2 s for the other.
 */
export function glareRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	// The side that owns the Call-ID sent the first out-of-dialog request; its From tag marks it.
	const owner = view.requests().find((q) => !q.m.to?.tag && q.m.method !== "ACK" && q.m.method !== "CANCEL")?.m
		.from?.tag;
	const pending = view.distinctEvents(view.responses().filter((x) => x.m.status === 491));
	let incident: Msg[] = [];
	const flush = () => {
		if (incident.length === 0) return;
		const first = incident[0] as Msg;
		const params: Record<string, string | number> = { method: first.m.cseq?.method ?? "", sides: incident.length };
		const evidence: number[] = [];
		let worst: "info" | "warning" = "info";
		incident.slice(0, 2).forEach((r, n) => {
			const method = r.m.cseq?.method;
			const req = view.requests(method).find((q) => q.tx === r.tx);
			const tag = req?.m.from?.tag;
			const isOwner = owner !== undefined && tag === owner;
			const later = req ? view.requests(method).find((q) => q.i > r.i && q.m.from?.tag === tag) : undefined;
			const wait = later ? CallView.gap(r, later) : null;
			const [min, max] = isOwner ? [2.1, 4] : [0, 2];
			const inWindow = wait !== null && wait >= min && wait <= max;
			if (wait !== null && !inWindow) worst = "warning";
			const k = n + 1;
			params[`side${k}`] = req?.src ? endpointText(req.src) : "";
			params[`owner${k}`] = isOwner ? 1 : 0;
			params[`wait${k}`] = wait ?? "";
			params[`inWindow${k}`] = inWindow ? 1 : 0;
			evidence.push(...(req ? [req.i] : []), r.i, ...(later ? [later.i] : []));
		});
		// Nobody got the change through afterwards: the session change was lost.
		const last = incident[incident.length - 1] as Msg;
		const through = view
			.requests(first.m.cseq?.method)
			.some((q) => q.i > last.i && (view.finalTo(q)?.m.status ?? 0) >= 200 && (view.finalTo(q)?.m.status ?? 0) < 300);
		if (!through) worst = "warning";
		params.through = through ? 1 : 0;
		out.push({ rule: "glare-491", severity: worst, code: 491, evidence, params });
		incident = [];
	};
	for (const r of pending) {
		const first = incident[0];
		const together = first && (CallView.gap(first, r) ?? 0) < 2;
		if (!together) flush();
		incident.push(r);
	}
	flush();
	return out;
}

/** Rule 13. */
export function negotiationRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const r of view.responses()) {
		const status = r.m.status;
		const method = r.m.cseq?.method ?? "";
		const req = view.requests(method).find((q) => q.tx === r.tx);
		const later = view.requests(method).find((q) => q.i > r.i);
		const laterOk = later ? (view.finalTo(later)?.m.status ?? 0) < 300 : false;
		if (status === 491)
			continue; // glareRule
		else if (status === 422 || status === 423) {
			const min = r.m.value(status === 422 ? "min-se" : "min-expires") ?? "";
			const asked = req
				? (req.m.value(status === 422 ? "session-expires" : "expires") ?? req.m.contact[0]?.params.expires ?? "")
				: "";
			const retry = later
				? (later.m.value(status === 422 ? "session-expires" : "expires") ?? later.m.contact[0]?.params.expires ?? "")
				: "";
			out.push({
				rule: "interval-too-small",
				severity: later && laterOk ? "info" : "warning",
				code: status,
				evidence: [...(req ? [req.i] : []), r.i, ...(later ? [later.i] : [])],
				params: {
					method,
					min: min.replace(/;.*$/, ""),
					asked: String(asked).replace(/;.*$/, ""),
					retry: String(retry).replace(/;.*$/, ""),
					ok: laterOk ? 1 : 0,
				},
			});
		} else if (status === 420 || status === 421)
			out.push({
				rule: "option-tag",
				severity: "error",
				code: status,
				evidence: [...(req ? [req.i] : []), r.i],
				params: {
					method,
					tags: r.m.values(status === 420 ? "unsupported" : "require").join(", "),
					required: req?.m.values("require").join(", ") ?? "",
				},
			});
		else if (status === 415)
			out.push({
				rule: "unsupported-media",
				severity: "error",
				code: 415,
				evidence: [...(req ? [req.i] : []), r.i],
				params: {
					method,
					sent: req?.m.value("content-type") ?? "",
					accept: r.m.values("accept").join(", "),
					encoding: req?.m.value("content-encoding") ?? "",
				},
			});
	}
	return out;
}
