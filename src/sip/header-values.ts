/**
 * Decoders for structured header values, used on demand (RFC 3261 §20 and the extensions that
 * define them). Each takes the header value and never throws.
 */

import { canonicalName, type SipMessage } from "./parse-message.ts";
import { type NameAddr, parseNameAddr, parseParams, splitList, unquote } from "./values.ts";

/** Values of every header with this name (compact forms included), comma lists split. */
export function headerValues(m: SipMessage, name: string): string[] {
	const want = canonicalName(name);
	const out: string[] = [];
	for (const h of m.headers) if (canonicalName(h.name) === want) out.push(...splitList(h.value).filter(Boolean));
	return out;
}

/** The first header with this name, unsplit, or null. */
export function header(m: SipMessage, name: string): string | null {
	const want = canonicalName(name);
	return m.headers.find((h) => canonicalName(h.name) === want)?.value ?? null;
}

const ignore = () => {};

/** Name-addr lists: Route, Record-Route, Refer-To, Referred-By, P-Asserted-Identity, Contact. */
export function nameAddrs(m: SipMessage, name: string): NameAddr[] {
	return headerValues(m, name).map((v) => parseNameAddr(v, ignore));
}

/** Option-tag and method lists: Require, Supported, Unsupported, Allow, Proxy-Require. */
export function tokens(m: SipMessage, name: string): string[] {
	return headerValues(m, name).map((v) => v.trim());
}

/** Retry-After: seconds, optional comment and duration (§20.33). */
export function parseRetryAfter(
	value: string,
): { seconds: number; comment: string | null; duration: number | null } | null {
	const m = /^(\d+)\s*(\([^)]*\))?\s*(.*)$/.exec(value.trim());
	if (!m) return null;
	const params = parseParams((m[3] ?? "").trim(), ignore);
	const d = params.duration;
	return {
		seconds: Number(m[1]),
		comment: m[2] ? (m[2] as string).slice(1, -1) : null,
		duration: d && /^\d+$/.test(d) ? Number(d) : null,
	};
}

/** Reason (RFC 3326): protocol (SIP, Q.850), cause and text. */
export function parseReason(value: string): { protocol: string; cause: number | null; text: string | null }[] {
	return splitList(value).map((v) => {
		const semi = v.indexOf(";");
		const params = parseParams(semi < 0 ? "" : v.slice(semi), ignore);
		return {
			protocol: (semi < 0 ? v : v.slice(0, semi)).trim(),
			cause: params.cause && /^\d+$/.test(params.cause) ? Number(params.cause) : null,
			text: params.text ?? null,
		};
	});
}

/** Warning (§20.43): code, agent, text. */
export function parseWarning(value: string): { code: number; agent: string; text: string }[] {
	const out: { code: number; agent: string; text: string }[] = [];
	for (const v of splitList(value)) {
		const m = /^(\d{3})\s+(\S+)\s+("(?:[^"\\]|\\.)*")/.exec(v);
		if (m) out.push({ code: Number(m[1]), agent: m[2] as string, text: unquote(m[3] as string) });
	}
	return out;
}

/** WWW-Authenticate, Proxy-Authenticate, Authorization, Proxy-Authorization (§20.7, §25.1). */
export function parseAuth(value: string): { scheme: string; params: Record<string, string> } {
	const v = value.trim();
	const sp = v.search(/\s/);
	const scheme = sp < 0 ? v : v.slice(0, sp);
	const params: Record<string, string> = {};
	if (sp >= 0)
		for (const item of splitList(v.slice(sp + 1))) {
			const eq = item.indexOf("=");
			if (eq < 0) continue;
			const raw = item.slice(eq + 1).trim();
			params[item.slice(0, eq).trim().toLowerCase()] = raw.startsWith('"') ? unquote(raw) : raw;
		}
	return { scheme, params };
}

/** Event (RFC 6665): package and params (id). */
export function parseEvent(value: string): { event: string; params: Record<string, string | null> } {
	const semi = value.indexOf(";");
	return {
		event: (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase(),
		params: parseParams(semi < 0 ? "" : value.slice(semi).trim(), ignore),
	};
}

/** Subscription-State (RFC 6665): state, reason, expires, retry-after. */
export function parseSubscriptionState(value: string): {
	state: string;
	reason: string | null;
	expires: number | null;
	retryAfter: number | null;
} {
	const { event: state, params } = parseEvent(value);
	const num = (s: string | null | undefined) => (s && /^\d+$/.test(s) ? Number(s) : null);
	return { state, reason: params.reason ?? null, expires: num(params.expires), retryAfter: num(params["retry-after"]) };
}

/** Session-Expires / Min-SE (RFC 4028): seconds and refresher. */
export function parseSessionExpires(value: string): { seconds: number; refresher: string | null } | null {
	const m = /^(\d+)\s*(.*)$/.exec(value.trim());
	if (!m) return null;
	const params = parseParams((m[2] ?? "").trim(), ignore);
	return { seconds: Number(m[1]), refresher: params.refresher ?? null };
}

/** Content-Type: media type and parameters. */
export function parseContentType(value: string): { type: string; params: Record<string, string | null> } {
	const semi = value.indexOf(";");
	return {
		type: (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase(),
		params: parseParams(semi < 0 ? "" : value.slice(semi).trim(), ignore),
	};
}
