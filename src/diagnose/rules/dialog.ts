/**
 * Rules 10, 11 and 13: 481 to an in-dialog request (the dialog is unknown: restart, route set not
 * followed, BYE after a transfer); 482 (a loop seen in Via, §16.3) vs 483 (Max-Forwards ran down,
 * §16.6); 491 glare (§14.1); 422/423 interval retries (RFC 4028, §10.3); 420/421 option tags;
 * 415 with Accept.
 */
import type { CallView } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/** Rule 10. */
export function dialogGoneRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const r of view.responses().filter((x) => x.m.status === 481)) {
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
			},
		});
	}
	return out;
}

/** Rule 11. */
export function loopRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const r of view.responses().filter((x) => x.m.status === 482 || x.m.status === 483)) {
		const seq = r.m.cseq?.seq;
		const method = r.m.cseq?.method;
		const copies = view.requests(method).filter((q) => q.m.cseq?.seq === seq);
		const mf = copies.map((q) => q.m.maxForwards).filter((v): v is number => v !== null);
		const hosts = copies.flatMap((q) => q.m.via.map((v) => `${v.host}:${v.port ?? ""}`));
		const repeated = hosts.filter((h, i) => hosts.indexOf(h) !== i);
		out.push({
			rule: r.m.status === 482 ? "loop-detected" : "too-many-hops",
			severity: "error",
			code: r.m.status as number,
			evidence: [...copies.map((q) => q.i), r.i],
			params: {
				maxForwards: mf.join(" → "),
				vias: Math.max(0, ...copies.map((q) => q.m.via.length)),
				repeated: [...new Set(repeated)].join(", "),
				hops: copies.length,
			},
		});
	}
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
			out.push({
				rule: "glare-491",
				severity: later ? "info" : "warning",
				code: 491,
				evidence: [...(req ? [req.i] : []), r.i, ...(later ? [later.i] : [])],
				params: { method, retried: later ? 1 : 0, wait: later ? (gap(r, later) ?? "") : "" },
			});
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

function gap(a: { time: number | null }, b: { time: number | null }): number | null {
	return a.time != null && b.time != null ? Math.round((b.time - a.time) * 1000) / 1000 : null;
}
