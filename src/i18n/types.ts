/** Interface labels of the web site, one object per offered language (content is separate). */
import type {
	AckRule,
	CodeStatus,
	DialogEffect,
	Q850Basis,
	ResponseClass,
	RetryKind,
	Scope,
	Sender,
} from "../kb/enums.ts";

/** Registry status of a code (labelled in `WebLabels.status`). */
export type Status = CodeStatus;

/** Every label the site shows. Functions return plain text; pages escape it. */
export interface WebLabels {
	/** The language's own name, e.g. "Türkçe". */
	langName: string;
	/** Open Graph locale, e.g. "tr_TR". */
	ogLocale: string;
	dir: "ltr" | "rtl";

	// Chrome
	skipToContent: string;
	tagline: string;
	navCodes: string;
	navCompare: string;
	navGlossary: string;
	navApi: string;
	navAnalyze: string;
	/** The troubleshooting pages of the diagnosis rules. */
	troubleshoot: {
		title: string;
		intro: string;
		meta: string;
		symptoms: string;
		causes: string;
		check: string;
		codes: string;
		sources: string;
	};
	/** The in-browser analyzer page. */
	analyze: {
		title: string;
		intro: string;
		meta: string;
		privacy: string;
		choose: string;
		drop: string;
		working: string;
		noCalls: string;
		error: string;
		start: string;
		fromTo: string;
		method: string;
		outcome: string;
		pdd: string;
		duration: string;
		messages: string;
		findings: string;
		none: string;
		stats: string;
	};
	language: string;
	footer: string;
	footerSource: string;
	/** Shown on pages whose prose is English in this language. */
	untranslated: string;
	breadcrumb: string;

	// Search
	search: string;
	searchPlaceholder: string;
	searchButton: string;
	searchTitle: string;
	resultsFor: (q: string) => string;
	noResults: (q: string) => string;
	searchHint: string;
	queryTooLong: string;

	// Home
	homeTitle: string;
	homeIntro: string;
	homeMeta: string;
	classesTitle: string;
	pairsTitle: string;
	pairsIntro: string;
	commonCodesTitle: string;
	codesCount: (n: number) => string;
	allCodes: string;

	// Classes
	className: Record<ResponseClass, string>;
	classBlurb: Record<ResponseClass, string>;
	classMeta: (cls: string, name: string) => string;
	codesTitle: string;
	codesMeta: string;

	// Code page
	summary: string;
	description: string;
	whenYouSeeIt: string;
	howToFix: string;
	commonCauses: string;
	misdiagnoses: string;
	facts: string;
	example: string;
	related: string;
	compareWith: string;
	compareWithAny: string;
	compareButton: string;
	pickCode: string;
	fullPage: string;
	definedIn: string;
	final: string;
	provisional: string;
	yes: string;
	no: string;
	none: string;
	anyMethod: string;
	methods: string;
	senders: string;
	requiredHeaders: string;
	optionalHeaders: string;
	endsForking: string;
	retry: string;
	dialogEffect: string;
	ack: string;
	scope: string;
	statusLabel: string;
	q850: string;
	q850Intro: string;
	q850To: string;
	q850From: string;
	/** Where the SIP → ISUP cause comes from (RFC 3398 §8.2.6.1). */
	q850Basis: Record<Q850Basis, string>;
	cause: string;
	treatedAs: (code: number, asCode: string) => string;
	deprecatedBy: string;
	renamedFrom: string;
	sender: Record<Sender, string>;
	effect: Record<DialogEffect, string>;
	ackRule: Record<AckRule, string>;
	scopes: Record<Scope, string>;
	retryKinds: Record<RetryKind, string>;
	status: Record<Status, string>;

	// Compare
	vs: string;
	compareTitle: string;
	compareIntro: string;
	compareMeta: (a: string, b: string) => string;
	differences: string;
	whenToUseWhich: string;
	sideBySide: string;
	curated: string;
	derived: string;
	fact: string;

	// Glossary
	glossaryTitle: string;
	glossaryIntro: string;
	glossaryMeta: string;

	// Errors
	notFoundTitle: string;
	notFoundText: string;
	unregisteredTitle: (code: number) => string;
	suggestions: string;
	badRequestTitle: string;
	badRequestText: string;

	// API page
	apiTitle: string;
	apiIntro: string;
	apiMeta: string;
	apiEndpoint: string;
	apiReturns: string;
	apiList: string;
	apiExplain: string;
	apiCompare: string;
	apiSearch: string;
	apiSpec: string;
	apiNotes: string;
}
