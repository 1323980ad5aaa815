/**
 * The capture reader's name for what it hands on. Captures and text logs produce the same type,
 * `SipEvent`; `CapturedMessage` stays as its name for the public library API.
 */
import type { Endpoint, SipEvent } from "./sip-event.ts";
import type { Timestamp } from "./timestamp.ts";

export type { HepInfo } from "./sip-event.ts";

/**
 * A SIP message read from a capture: a `SipEvent` (what a text log gives too, usable wherever
 * one is), with what a capture always knows filled in: the time (`ts` exact) and both endpoints.
 * `hep` is set for HEP-encapsulated messages, whose `transport` is "hep/<original transport>".
 */
export type CapturedMessage = SipEvent & { time: number; ts: Timestamp; src: Endpoint; dst: Endpoint };
