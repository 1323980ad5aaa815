/**
 * Rule 1, authentication: a 401/407 challenge answered with credentials is normal (info); a
 * challenge repeated after credentials with a fresh nonce is an auth loop (wrong password, user or
 * realm); stale=true is nonce expiry, not a loop (RFC 3261 §22.4 / RFC 2617); 403 after
 * credentials is a refusal of those credentials; a challenge never answered means no credentials.
 */
import { parseAuth } from "../../sip/header-values.ts";
import type { CallView, Msg } from "../call-view.ts";
import type { RawFinding } from "../raw-finding.ts";

function challenge(x: Msg): { stale: boolean; realm: string } | null {
	const status = x.m.status;
	const h =
		status === 401 ? x.m.value("www-authenticate") : status === 407 ? x.m.value("proxy-authenticate") : undefined;
	if (!h) return status === 401 || status === 407 ? { stale: false, realm: "" } : null;
	const a = parseAuth(h);
	// A realm that still holds quotes or commas was not a quoted-string (RFC 2617 §1.2): say none
	// rather than repeat the damaged header.
	const realm = a.params.realm ?? "";
	return {
		stale: (a.params.stale ?? "").toLowerCase() === "true",
		realm: /["\\,]/.test(realm) || realm.length > 128 ? "" : realm,
	};
}

/**
 * Whether the request carries an answer to a challenge. An Authorization with an empty response
 * (3GPP TS 24.229 §5.1.1.2: the first REGISTER of an IMS client names its identity that way) is
 * not one.
 */
function hasCredentials(x: Msg): boolean {
	const value = x.m.value("authorization") ?? x.m.value("proxy-authorization");
	return value !== undefined && !/\bresponse\s*=\s*""/i.test(value);
}

/** Rule 1. */
export function authRule(view: CallView): RawFinding[] {
	// Every finding here starts from a 401/407 challenge or a 403: most calls have none.
	if (!view.msgs.some((x) => x.m.status === 401 || x.m.status === 407 || x.m.status === 403)) return [];
	const out: RawFinding[] = [];
	const requests = view.requests().filter((r) => r.m.method !== "ACK" && r.m.method !== "CANCEL");
	const byMethod = new Map<string, Msg[]>();
	for (const r of requests) {
		const list = byMethod.get(r.m.method ?? "");
		if (list) list.push(r);
		else byMethod.set(r.m.method ?? "", [r]);
	}
	for (const [method, reqs] of byMethod) {
		const challenged: { req: Msg; resp: Msg; stale: boolean; realm: string }[] = [];
		for (const req of reqs) {
			const final = view.finalTo(req);
			if (!final) continue;
			const c = challenge(final);
			if (c) challenged.push({ req, resp: final, ...c });
			if (final.m.status === 403 && hasCredentials(req))
				out.push({
					rule: "auth-forbidden",
					severity: "error",
					code: 403,
					evidence: [req.i, final.i],
					params: { method },
				});
		}
		if (challenged.length === 0) continue;
		const afterCredentials = challenged.filter((c) => hasCredentials(c.req) && !c.stale);
		const stale = challenged.filter((c) => c.stale);
		const code = challenged[0]?.resp.m.status ?? 401;
		// Credentials refused and no success after them (or refused again and again): a loop. One
		// refusal followed by a 2xx is a nonce that had run out, which the client then answered.
		const lastRefused = afterCredentials[afterCredentials.length - 1];
		const succeededAfter =
			lastRefused !== undefined &&
			reqs.some(
				(r) =>
					r.i > lastRefused.resp.i && (view.finalTo(r)?.m.status ?? 0) >= 200 && (view.finalTo(r)?.m.status ?? 0) < 300,
			);
		if (afterCredentials.length > 1 || (afterCredentials.length === 1 && !succeededAfter)) {
			out.push({
				rule: "auth-loop",
				severity: "error",
				code,
				evidence: challenged.flatMap((c) => [c.req.i, c.resp.i]),
				params: { method, count: challenged.length, realm: challenged[0]?.realm ?? "" },
			});
			continue;
		}
		const last = challenged[challenged.length - 1] as (typeof challenged)[number];
		const retried = reqs.some((r) => r.i > last.resp.i && hasCredentials(r));
		if (retried)
			out.push({
				rule: "auth-challenge",
				severity: "info",
				code,
				evidence: [challenged[0]?.resp.i ?? 0],
				params: { method, stale: stale.length },
			});
		else
			out.push({
				rule: "auth-unanswered",
				severity: "warning",
				code,
				evidence: [last.resp.i],
				params: { method, realm: last.realm },
			});
	}
	return out;
}
