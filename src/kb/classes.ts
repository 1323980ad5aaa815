/**
 * What a response's class alone decides (RFC 3261 §7.2, §8.1.3.2, §13.2.2.4, §16.7, §17.1.1.3):
 * finality, scope, forking, and how an INVITE answer is acknowledged. These are rules of the
 * protocol, not facts of one code, so they live here once.
 */

import type { AckRule, ResponseClass, Scope } from "./enums.ts";

export type { AckRule, ResponseClass, Scope } from "./enums.ts";

/** The class of a code (100–699). */
export function classOf(code: number): ResponseClass {
	return `${Math.floor(code / 100)}xx` as ResponseClass;
}

/** Class-level rules with the sections that state them. */
export const CLASS_RULES: Record<
	ResponseClass,
	{
		final: boolean;
		scope: Scope;
		endsForking: boolean;
		ack: AckRule;
		cites: { final: string; scope: string; endsForking: string; ack: string };
	}
> = {
	"1xx": {
		final: false,
		scope: "progress",
		endsForking: false,
		ack: "none",
		cites: { final: "RFC3261 §7.2", scope: "RFC3261 §21.1", endsForking: "RFC3261 §16.7", ack: "RFC3261 §21.1" },
	},
	"2xx": {
		final: true,
		scope: "success",
		endsForking: true,
		ack: "end-to-end",
		cites: { final: "RFC3261 §7.2", scope: "RFC3261 §21.2", endsForking: "RFC3261 §16.7", ack: "RFC3261 §13.2.2.4" },
	},
	"3xx": {
		final: true,
		scope: "redirect",
		endsForking: false,
		ack: "hop-by-hop",
		cites: { final: "RFC3261 §7.2", scope: "RFC3261 §21.3", endsForking: "RFC3261 §16.7", ack: "RFC3261 §17.1.1.3" },
	},
	"4xx": {
		final: true,
		scope: "request",
		endsForking: false,
		ack: "hop-by-hop",
		cites: { final: "RFC3261 §7.2", scope: "RFC3261 §21.4", endsForking: "RFC3261 §16.7", ack: "RFC3261 §17.1.1.3" },
	},
	"5xx": {
		final: true,
		scope: "server",
		endsForking: false,
		ack: "hop-by-hop",
		cites: { final: "RFC3261 §7.2", scope: "RFC3261 §21.5", endsForking: "RFC3261 §16.7", ack: "RFC3261 §17.1.1.3" },
	},
	"6xx": {
		final: true,
		scope: "global",
		endsForking: true,
		ack: "hop-by-hop",
		cites: { final: "RFC3261 §7.2", scope: "RFC3261 §21.6", endsForking: "RFC3261 §16.7", ack: "RFC3261 §17.1.1.3" },
	},
};

/**
 * The code a compliant agent treats an unrecognised code as (RFC 3261 §8.1.3.2): the x00 of its
 * class for finals, 183 for provisionals other than 100.
 */
export function treatedAs(code: number): number {
	return code < 200 ? 183 : Math.floor(code / 100) * 100;
}
