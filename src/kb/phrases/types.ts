/** Sentences sipwhy builds from facts, one implementation per content language. */
import type { AckRule, ResponseClass } from "../classes.ts";
import type { CodeStatus, DialogEffect, Method, Q850Basis, RetryKind, Sender } from "../enums.ts";

/** What a sentence needs to know about one side of a comparison. */
export interface Side {
	code: number;
	class: ResponseClass;
	status: CodeStatus;
	methods: Method[];
	senders: Sender[];
	requiredHeaders: string[];
	retryKind: RetryKind;
	dialogEffect: DialogEffect;
	ack: AckRule;
	endsForking: boolean;
	q850To: { cause: number; name: string } | null;
	/** Where RFC 3398 §8.2.6.1 takes the cause from (its table, its default rule …). */
	q850Basis: Q850Basis;
	/** The RFC 3261 rule that still tells the UAC to end the dialog (408, 481), when there is one. */
	uacShouldTerminate?: string;
	/** 199: ends one early dialog of the INVITE (RFC 6228). */
	endsEarlyDialog?: boolean;
	deprecatedBy?: string;
	treatedAs?: number;
}

/** The prose every code has, registered or not. */
export interface CodeProse {
	summary: string;
	description: string;
	whenYouSeeIt: string;
	howToFix: string[];
	commonCauses: string[];
	misdiagnoses: string[];
	/** One standalone sentence on when the code is sent. */
	useWhen: string;
}

/** Text for a code nobody registered. */
export interface UnregisteredText extends CodeProse {
	reason: string;
}

/** Sentence builders of one language. Every function returns whole sentences. */
export interface Phrases {
	lang: string;
	sameClass(a: Side, b: Side): string;
	classes(a: Side, b: Side): string;
	forking(ends: Side, goesOn: Side): string;
	senders(a: Side, b: Side): string;
	methods(a: Side, b: Side): string;
	requiredHeaders(a: Side, b: Side): string;
	retry(a: Side, b: Side): string;
	dialogEffect(a: Side, b: Side): string;
	ack(a: Side, b: Side): string;
	q850(a: Side, b: Side): string;
	status(s: Side): string | null;
	/** Advice when the two codes differ in scope, or null. */
	scopeAdvice(a: Side, b: Side): string | null;
	unregistered(code: number, treatedAs: number, treatedAsReason: string): UnregisteredText;
}
