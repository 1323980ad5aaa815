/** English sentences built from facts. */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { DialogEffect, Method, RetryKind, Sender } from "../enums.ts";
import { rfc5057Note } from "./shared.ts";
import type { Phrases, Side } from "./types.ts";

const and = new Intl.ListFormat("en", { type: "conjunction" });
const or = new Intl.ListFormat("en", { type: "disjunction" });

const CLASS: Record<ResponseClass, string> = {
	"1xx": "a provisional response (1xx): the request is still being processed and a final response is still to come",
	"2xx": "a success response (2xx): the request worked",
	"3xx": "a redirection (3xx): the request should be sent again to another address",
	"4xx":
		"a request failure (4xx): this request failed at this server or on this branch, but the user may still be reachable elsewhere or with a corrected request",
	"5xx":
		"a server failure (5xx): the server could not handle a request that may well be valid, so another server may succeed",
	"6xx": "a global failure (6xx): the request will fail everywhere, so no other branch or server should be tried",
};

const CLASS_SHORT: Record<ResponseClass, string> = {
	"1xx": "provisional responses (1xx)",
	"2xx": "success responses (2xx)",
	"3xx": "redirections (3xx)",
	"4xx": "request failures (4xx)",
	"5xx": "server failures (5xx)",
	"6xx": "global failures (6xx)",
};

const SENDER: Record<Sender, string> = {
	uas: "the called user agent (UAS)",
	proxy: "a proxy",
	registrar: "a registrar",
	redirect: "a redirect server",
	b2bua: "a B2BUA",
};

function methodList(methods: Method[]): string {
	return methods.includes("any") ? "any request" : `${or.format(methods)} requests`;
}

function retryClause(code: number, kind: RetryKind): string {
	switch (kind) {
		case "none":
			return `${code} is not a failure, so there is nothing to retry`;
		case "credentials":
			return `after ${code} the client resends the request with credentials`;
		case "modify":
			return `after ${code} the client may retry once it has corrected the request as the response asks`;
		case "later":
			return `after ${code} the client may send the same request again later`;
		case "elsewhere":
			return `after ${code} the client should try another address or server`;
		case "never":
			return `after ${code} the client should not send the same request again`;
	}
}

function effectClause(s: Side): string {
	const effects: Record<DialogEffect, string> = {
		none: "neither creates nor ends a dialog",
		establishes: s.code < 200 ? "creates an early dialog when it carries a To tag" : "establishes the dialog",
		"transaction-only":
			"fails only that transaction when it answers a request inside a dialog, and the dialog stays up",
		"usage-terminated":
			"ends the usage the request belonged to (the call or the subscription) when it answers a request inside a dialog",
		"dialog-terminated": "ends the whole dialog and every usage in it when it answers a request inside a dialog",
	};
	const rfc3261 = s.uacShouldTerminate
		? `, although ${s.uacShouldTerminate} still tells the UAC to end the dialog after a ${s.code} to a request inside it`
		: "";
	const effect = s.endsEarlyDialog
		? "ends the one early dialog its To tag names while the INVITE goes on, and never answers a request inside a dialog (RFC 6228)"
		: effects[s.dialogEffect];
	return `${s.code} ${effect}${rfc3261}`;
}

function ackClause(code: number, rule: AckRule): string {
	switch (rule) {
		case "end-to-end":
			return `${code} is acknowledged with an ACK that the caller sends end to end as a new transaction (RFC 3261 §13.2.2.4)`;
		case "hop-by-hop":
			return `${code} is acknowledged with an ACK sent hop by hop inside the INVITE transaction (RFC 3261 §17.1.1.3)`;
		case "none":
			return `${code} is never acknowledged with ACK (RFC 3261 §21.1), and a reliable provisional response is confirmed with PRACK instead (RFC 3262)`;
	}
}

function capitalize(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function q850Clause(s: Side): string {
	switch (s.q850Basis) {
		case "listed":
			return `${s.code} becomes Q.850 cause ${s.q850To?.cause} (${s.q850To?.name}) by the table`;
		case "default":
			return `${s.code} becomes Q.850 cause ${s.q850To?.cause} (${s.q850To?.name}) by RFC 3398's default rule, because the table does not list it`;
		case "warning":
			return `${s.code} has no fixed cause, because the table lets its Warning header decide`;
		case "unmapped":
			return `${s.code} maps to no cause in the table`;
		case "not-a-rejection":
			return `${s.code} releases nothing, because it is not a rejection`;
	}
}

/** English phrases. */
export const en: Phrases = {
	lang: "en",
	sameClass: (a, b) => `${a.code} and ${b.code} are both ${CLASS_SHORT[a.class]}.`,
	classes: (a, b) => `${a.code} is ${CLASS[a.class]}. ${b.code} is ${CLASS[b.class]}.`,
	forking: (ends, goesOn) =>
		`${ends.code} ends forking: a proxy that receives it cancels its other pending branches (RFC 3261 §16.7), while ${goesOn.code} leaves the other branches running.`,
	senders: (a, b) =>
		`${a.code} is typically sent by ${or.format(a.senders.map((s) => SENDER[s]))}, while ${b.code} is typically sent by ${or.format(b.senders.map((s) => SENDER[s]))}.`,
	methods: (a, b) => `${a.code} answers ${methodList(a.methods)}, while ${b.code} answers ${methodList(b.methods)}.`,
	requiredHeaders: (a, b) => {
		const clause = (s: Side) =>
			s.requiredHeaders.length > 0
				? `${s.code} must carry ${and.format(s.requiredHeaders)}`
				: `${s.code} has no header it must carry`;
		return `${clause(a)}, while ${clause(b)}.`;
	},
	retry: (a, b) => `${capitalize(retryClause(a.code, a.retryKind))}; ${retryClause(b.code, b.retryKind)}.`,
	dialogEffect: (a, b) => `${effectClause(a)}, while ${effectClause(b)}${rfc5057Note(a, b, " (RFC 5057 §5.1)")}.`,
	ack: (a, b) => `In answer to an INVITE, ${ackClause(a.code, a.ack)}, while ${ackClause(b.code, b.ack)}.`,
	q850: (a, b) => `At a SIP-to-ISUP gateway, ${q850Clause(a)}, while ${q850Clause(b)} (RFC 3398 §8.2.6.1).`,
	status: (s) => {
		if (s.status === "deprecated")
			return `${s.code} is deprecated${s.deprecatedBy ? ` (${s.deprecatedBy})` : ""}: new implementations should not send it.`;
		if (s.status === "reserved") return `${s.code} is reserved for future use and is not sent in practice.`;
		if (s.status === "unregistered")
			return `${s.code} is not in the IANA registry, so a compliant agent treats it as ${s.treatedAs}.`;
		return null;
	},
	scopeAdvice: (a, b) => {
		const pair = [a.class, b.class].sort().join("/");
		if (pair === "4xx/6xx")
			return "If other devices or locations might still reach the user, answer with the 4xx; a 6xx ends the search everywhere.";
		if (pair === "4xx/5xx")
			return "Answer with the 4xx when the request itself is the problem and with the 5xx when the server is, so that the client knows whether another server could help.";
		if (pair === "5xx/6xx")
			return "A 5xx lets the client try another server, while a 6xx tells it that no server will succeed.";
		return null;
	},
	unregistered: (code, as, asReason) => ({
		reason: "Unregistered",
		summary: `${code} is not a registered SIP response code; a compliant agent treats it as ${as} ${asReason}.`,
		description: `${code} does not appear in IANA's registry of SIP response codes. RFC 3261 §8.1.3.2 tells a client to treat any response code it does not recognise as the x00 code of the same class (and an unknown provisional response as 183), so ${code} is handled exactly like ${as} ${asReason}. Only the reason phrase and headers of the message can tell you what the sender meant.`,
		whenYouSeeIt: `You see ${code} when a device, PBX or carrier uses a private or obsolete code, often with a reason phrase that explains it. Some stacks also put internal error numbers in the status line by mistake.`,
		howToFix: [
			"Read the reason phrase and any Warning or Reason header of the response: they usually say what the sender meant.",
			"Identify the sender from the Server or User-Agent header and the Via of the response, and look the code up in that vendor's documentation.",
			`Make sure your own side handles it as ${as}, which is what RFC 3261 §8.1.3.2 requires of a compliant agent.`,
			`If you control the sender, change it to the registered code that fits, so that other equipment does not have to guess.`,
		],
		commonCauses: [
			"A vendor-specific or obsolete response code.",
			"An internal error number written into the status line by a misconfigured application.",
		],
		misdiagnoses: [
			`Treating ${code} as a meaningful protocol answer: to every compliant agent it means no more than ${as} ${asReason}.`,
		],
		useWhen: `Nobody should send ${code}, because it is not registered; use the registered code whose meaning fits instead.`,
	}),
};
