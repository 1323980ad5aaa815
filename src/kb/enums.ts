/**
 * The closed vocabularies of the knowledge base, spelled once. The zod schema (`schema.ts`, build
 * time only), the OpenAPI document, the interface label types and the library's answer types all
 * take their values from here, so this module must stay free of imports: it ships, zod does not.
 */

/** Registry status of a code (`unregistered`: a code seen in the wild that IANA never assigned). */
export const CODE_STATUSES = ["current", "deprecated", "reserved", "unregistered"] as const;
/** Registry status of a code. */
export type CodeStatus = (typeof CODE_STATUSES)[number];

/** Response classes (RFC 3261 §7.2), first digit then `xx`. */
export const RESPONSE_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx", "6xx"] as const;
/** Response class label, e.g. `4xx`. */
export type ResponseClass = (typeof RESPONSE_CLASSES)[number];

/** SIP request methods a response can answer (`any` = every method). */
export const METHODS = [
	"any",
	"INVITE",
	"ACK",
	"BYE",
	"CANCEL",
	"REGISTER",
	"OPTIONS",
	"INFO",
	"PRACK",
	"UPDATE",
	"SUBSCRIBE",
	"NOTIFY",
	"REFER",
	"MESSAGE",
	"PUBLISH",
] as const;
/** A method a response can answer. */
export type Method = (typeof METHODS)[number];

/** Who typically generates a response. */
export const SENDERS = ["uas", "proxy", "registrar", "redirect", "b2bua"] as const;
/** Who typically generates a response. */
export type Sender = (typeof SENDERS)[number];

/**
 * How a client may retry after this response, coarse enough to compare two codes:
 * `none` (nothing failed), `credentials` (resend with credentials), `modify` (fix the request
 * as the response says), `later` (same request after a delay), `elsewhere` (another target or
 * server), `never` (do not resend the same request).
 */
export const RETRY_KINDS = ["none", "credentials", "modify", "later", "elsewhere", "never"] as const;
/** How a client may retry after a response. */
export type RetryKind = (typeof RETRY_KINDS)[number];

/**
 * Effect of the response on a dialog, after RFC 5057 §5.1 for failures inside a dialog;
 * `establishes` for responses that create a dialog (2xx, or 101–199 with a To tag to INVITE).
 */
export const DIALOG_EFFECTS = [
	"none",
	"establishes",
	"transaction-only",
	"usage-terminated",
	"dialog-terminated",
] as const;
/** Effect of a response on a dialog. */
export type DialogEffect = (typeof DIALOG_EFFECTS)[number];

/** How the UAC acknowledges a response to an INVITE (RFC 3261 §13.2.2.4, §17.1.1.3). */
export const ACK_RULES = ["none", "end-to-end", "hop-by-hop"] as const;
/** How the UAC acknowledges a response to an INVITE. */
export type AckRule = (typeof ACK_RULES)[number];

/** How far a response's verdict reaches (RFC 3261 §21.1–§21.6). */
export const SCOPES = ["progress", "success", "redirect", "request", "server", "global"] as const;
/** How far a response's verdict reaches. */
export type Scope = (typeof SCOPES)[number];

/**
 * Where a code's Q.850 cause comes from (RFC 3398 §8.2.6.1): the table lists it, the section's
 * default rule (cause 31) applies, the Warning header decides (488, 606), the table maps it to
 * nothing (487), or it is not a rejection at all (1xx–3xx).
 */
export const Q850_BASES = ["listed", "default", "warning", "unmapped", "not-a-rejection"] as const;
/** One of Q850_BASES. */
export type Q850Basis = (typeof Q850_BASES)[number];
