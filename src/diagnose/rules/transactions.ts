/**
 * Rules 2, 3 and 5: a 2xx to INVITE retransmitted because no ACK came (the call drops after
 * 64×T1 ≈ 32 s, RFC 3261 §13.3.1.4); a request retransmitted with no answer at all (Timer B/F,
 * §17.1.1.2 / §17.1.2.2) or answered by a 408; CANCEL: the caller abandoned (normal) or the 200
 * crossed the CANCEL (§9.1: the call must be ACKed and then ended with BYE).
 */
import { type Endpoint, endpointText } from "../../capture/sip-event.ts";
import type { CallView, Msg } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

/**
 * Rule 2. Matched per hop (RFC 3261 §13.2.2.4, §17.1.1.3): a 2xx is acknowledged on a hop when an
 * ACK with its CSeq number reaches the element that sent the 2xx or leaves the one it went to. Tags
 * are not compared, since a topology-hiding proxy or B2BUA rewrites the To tag between hops.
 */
export function missingAckRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const inv of view.requests("INVITE")) {
		const okTo = (x: Msg) =>
			x.m.kind === "response" &&
			x.tx === inv.tx &&
			x.m.cseq?.method === "INVITE" &&
			(x.m.status ?? 0) >= 200 &&
			(x.m.status ?? 0) < 300;
		// Only a retransmitted 2xx can mean a missing ACK: most calls stop here.
		if (!view.msgs.some((x) => x.retr && okTo(x))) continue;
		const oks = view.msgs.filter(okTo);
		const first = oks[0];
		if (!first) continue;
		const seq = inv.m.cseq?.seq;
		const same = (a: Endpoint | null, b: Endpoint | null) => !!a && !!b && a.ip === b.ip && a.port === b.port;
		const acked = view.msgs.some(
			(x) =>
				x.m.kind === "request" &&
				x.m.method === "ACK" &&
				x.m.cseq?.seq === seq &&
				x.i > first.i &&
				(same(x.dst, first.src) || same(x.src, first.dst)),
		);
		// The UAS keeps retransmitting until the ACK comes (Timer G up to 64×T1): two or more
		// retransmissions on this hop with no ACK on it is the sign; one can cross an ACK in flight.
		if (acked || oks.length < 3) continue;
		const bye = view.msgs.find((x) => x.i > first.i && x.m.kind === "request" && x.m.method === "BYE");
		const byeGap = bye ? gap(first, bye) : null;
		const contact = first.m.contact[0]?.uri ?? "";
		const rr = first.m.values("record-route").join(", ");
		out.push({
			rule: "missing-ack",
			severity: "error",
			code: first.m.status ?? 200,
			evidence: [inv.i, ...oks.map((x) => x.i), ...(bye ? [bye.i] : [])],
			params: {
				retransmissions: oks.length - 1,
				atLeast: view.dropped > 0 ? 1 : 0,
				hop: `${first.src ? endpointText(first.src) : "?"} → ${first.dst ? endpointText(first.dst) : "?"}`,
				byeAfter: byeGap ?? "",
				byeBy: bye ? (same(bye.src, inv.src) ? "caller" : "callee") : "",
				// 64×T1 = 32 s with the default T1 of 500 ms (RFC 3261 §13.3.1.4).
				timerH: byeGap !== null && byeGap >= 31 && byeGap <= 34 ? 1 : 0,
				contact,
				recordRoute: rr,
			},
		});
	}
	return out;
}

function gap(a: { time: number | null }, b: { time: number | null }): number | null {
	return a.time != null && b.time != null ? Math.round((b.time - a.time) * 10) / 10 : null;
}

/** Rule 3. */
export function noResponseRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const method of ["INVITE", "REGISTER", "OPTIONS", "SUBSCRIBE", "MESSAGE", "BYE"]) {
		for (const req of view.requests(method)) {
			const responses = view.responsesTo(req);
			// Answered, and not by a 408: nothing to say (most requests stop here).
			if (responses.length > 0 && !responses.some((x) => x.m.status === 408)) continue;
			const copies = view.msgs.filter((x) => x.m.kind === "request" && x.tx === req.tx && x.m.method === method);
			const received408 = responses.find((x) => x.m.status === 408);
			if (responses.length === 0 && copies.length > 1) {
				const last = copies[copies.length - 1];
				out.push({
					rule: "no-response",
					severity: "error",
					evidence: copies.map((x) => x.i),
					params: {
						method,
						sent: copies.length,
						atLeast: view.dropped > 0 ? 1 : 0,
						over: gap(req, last ?? req) ?? "",
						to: req.dst ? `${req.dst.ip}:${req.dst.port}` : "",
					},
				});
			} else if (received408 && responses.every((x) => (x.m.status ?? 0) < 200 || x.m.status === 408)) {
				out.push({
					rule: "request-timeout",
					severity: "error",
					code: 408,
					evidence: [req.i, received408.i],
					params: {
						method,
						provisional: responses.some((x) => (x.m.status ?? 0) < 200 && x.m.status !== 100) ? 1 : 0,
						from: received408.src ? `${received408.src.ip}:${received408.src.port}` : "",
					},
				});
			}
		}
	}
	return out;
}

/** Rule 5. */
export function cancelRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	for (const cancel of view.requests("CANCEL")) {
		const inv = view.requests("INVITE").find((x) => x.m.cseq?.seq === cancel.m.cseq?.seq && x.i < cancel.i);
		if (!inv) continue;
		const finals = view.responsesTo(inv).filter((x) => (x.m.status ?? 0) >= 200);
		const ok = finals.find((x) => (x.m.status ?? 0) < 300 && x.i > cancel.i);
		const terminated = finals.find((x) => x.m.status === 487);
		const ringing = view.responsesTo(inv).find((x) => x.m.status === 180 || x.m.status === 183);
		if (ok) {
			const ack = view.msgs.find((x) => x.i > ok.i && x.m.method === "ACK");
			const bye = view.msgs.find((x) => x.i > ok.i && x.m.method === "BYE");
			out.push({
				rule: "cancel-200-race",
				severity: ack && bye ? "warning" : "error",
				code: ok.m.status ?? 200,
				evidence: [cancel.i, ok.i, ...(ack ? [ack.i] : []), ...(bye ? [bye.i] : [])],
				params: { acked: ack ? 1 : 0, ended: bye ? 1 : 0 },
			});
		} else if (terminated) {
			out.push({
				rule: "caller-abandoned",
				severity: "info",
				code: 487,
				evidence: [cancel.i, terminated.i],
				params: { ring: ringing ? (gap(ringing, cancel) ?? "") : "", afterInvite: gap(inv, cancel) ?? "" },
			});
		}
	}
	return out;
}
