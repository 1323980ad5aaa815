/**
 * Rules 6 and 12: a 6xx ended forking (RFC 3261 §16.7: the proxy cancels the other branches and
 * forwards the 6xx) — which branch declined and what the others got; 3xx redirects followed (a
 * new INVITE to the Contact) or not, and redirect loops (a Contact already tried).
 */
import type { CallView, Msg } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

function addr(x: Msg, side: "src" | "dst"): string {
	const e = x[side];
	return e ? `${e.ip}:${e.port}` : "?";
}

/** Rule 6. */
export function forkingRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	// A 6xx relayed upstream by the proxy is the same event: report it once, from the copy the
	// declining element sent (the one with the most Via).
	const sixes = view.distinctEvents(view.responses("INVITE").filter((x) => (x.m.status ?? 0) >= 600));
	for (const six of sixes) {
		// The branch the 6xx answered, and its siblings: INVITEs the same element forked from the
		// same request (same Via below the top, another top branch).
		const own = view.requests("INVITE").find((r) => r.tx === six.tx);
		const below = own ? viaChain(own, 1) : null;
		const siblings =
			own && below !== null && own.m.via.length > 1
				? view
						.requests("INVITE")
						.filter((r) => r.tx !== own.tx && r.m.via.length === own.m.via.length && viaChain(r, 1) === below)
				: [];
		const others = siblings.map((b) => {
			const final = view.finalTo(b);
			const cancelled = view
				.requests("CANCEL")
				.some((c) => c.tx?.replace(/\|CANCEL$/, "") === b.tx?.replace(/\|INVITE$/, ""));
			return { b, final, cancelled };
		});
		const agent = six.m.value("server") ?? six.m.value("user-agent") ?? "";
		out.push({
			rule: "6xx-ends-forking",
			severity: "warning",
			code: six.m.status ?? 600,
			evidence: [six.i, ...others.flatMap((o) => [o.b.i, ...(o.final ? [o.final.i] : [])])],
			params: {
				decliner: agent,
				from: addr(six, "src"),
				branches: others.length,
				cancelled: others.filter((o) => o.cancelled || o.final?.m.status === 487).length,
				answered: others.filter((o) => (o.final?.m.status ?? 0) >= 200 && (o.final?.m.status ?? 0) < 300).length,
			},
		});
	}
	return out;
}

/** The Via branches and sent-bys of a message from position `from` down, as one string. */
function viaChain(x: Msg, from: number): string {
	return x.m.via
		.slice(from)
		.map((v) => `${v.branch ?? ""}@${v.host.toLowerCase()}:${v.port ?? ""}`)
		.join(",");
}

/** Rule 12. */
export function redirectRule(view: CallView): RawFinding[] {
	const out: RawFinding[] = [];
	const invites = view.requests("INVITE").filter((r) => !r.m.to?.tag);
	const tried = new Set(invites.map((r) => (r.m.uri ?? "").toLowerCase()));
	for (const inv of invites) {
		const final = view.finalTo(inv);
		const status = final?.m.status ?? 0;
		if (!final || status < 300 || status >= 400) continue;
		const targets = final.m.contact.map((c) => c.uri);
		const next = invites.find((r) => r.i > final.i && targets.some((t) => sameUri(t, r.m.uri ?? "")));
		const loops = targets.filter(
			(t) => sameUri(t, inv.m.uri ?? "") || invites.some((r) => r.i < final.i && sameUri(t, r.m.uri ?? "")),
		);
		if (loops.length > 0 || (next && view.finalTo(next)?.m.status === status && next.m.uri === inv.m.uri)) {
			out.push({
				rule: "redirect-loop",
				severity: "error",
				code: status,
				evidence: [inv.i, final.i, ...(next ? [next.i] : [])],
				params: { target: loops[0] ?? targets[0] ?? "" },
			});
		} else if (next) {
			out.push({
				rule: "redirect-followed",
				severity: "info",
				code: status,
				evidence: [final.i, next.i],
				params: { target: next.m.uri ?? "" },
			});
		} else {
			out.push({
				rule: "redirect-not-followed",
				severity: targets.length ? "warning" : "error",
				code: status,
				evidence: [final.i],
				params: { targets: targets.join(", "), tried: tried.size },
			});
		}
	}
	return out;
}

function sameUri(a: string, b: string): boolean {
	const norm = (u: string) => u.replace(/^<|>$/g, "").replace(/;.*$/, "").toLowerCase();
	return norm(a) === norm(b);
}
