/** The OpenAPI 3.1 description of the JSON API (its schemas are JSON Schema 2020-12). */

import {
	ACK_RULES,
	CODE_STATUSES,
	DIALOG_EFFECTS,
	METHODS,
	Q850_BASES,
	RESPONSE_CLASSES,
	RETRY_KINDS,
	SCOPES,
	SENDERS,
} from "../kb/enums.ts";
import { LANGUAGES } from "../kb/locales.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const strs = { type: "array", items: str };
const cls = { type: "string", enum: [...RESPONSE_CLASSES] };
const status = { type: "string", enum: [...CODE_STATUSES] };
const code = { type: "integer", minimum: 100, maximum: 699 };
const lang = { type: "string", enum: [...LANGUAGES] };
/** A three-digit code as a path parameter. */
const codePath = (name: string) => ({
	name,
	in: "path",
	required: true,
	schema: { type: "string", pattern: "^[0-9]{3}$" },
});

const langParam = {
	name: "lang",
	in: "query",
	required: false,
	description:
		"Language of the answer (default en). Content is written in the content languages (those with data/text/{lang}; see GET /api/v1/codes); other languages get English text with contentLang: en. A content language that lacks a curated pair answers with the English one and curatedLang: en.",
	schema: lang,
};

const errorResponses = (...codes: number[]) =>
	Object.fromEntries(
		codes.map((c) => [
			String(c),
			{
				description: { 400: "Bad input", 404: "No such code or path", 414: "URI too long" }[c] ?? "Error",
				content: { "application/json": { schema: ref("Error") } },
			},
		]),
	);

const json = (schema: object, description: string) => ({
	description,
	headers: {
		ETag: { schema: str, description: "Weak validator; send it back in If-None-Match for a 304." },
		"Cache-Control": { schema: str },
	},
	content: { "application/json": { schema } },
});

/** Builds the document (servers point at the origin the site is served from). */
export function openApiDocument(origin: string): object {
	return {
		openapi: "3.1.0",
		jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
		info: {
			title: "sipwhy API",
			version: "1",
			summary: "SIP response codes explained, compared, listed and searched.",
			description:
				"The same JSON as the sipwhy command line's --json output. Read-only; CORS is open for GET; responses carry ETag and Cache-Control and are compressed when the client accepts br or gzip.",
			license: { name: "MIT", identifier: "MIT" },
		},
		servers: [{ url: origin }],
		paths: {
			"/api/v1/codes": {
				get: {
					operationId: "listCodes",
					summary: "The IANA registry of SIP response codes",
					parameters: [
						{ name: "class", in: "query", required: false, schema: { type: "string", pattern: "^[1-6](xx|XX)?$" } },
						{
							name: "all",
							in: "query",
							required: false,
							description: "Also list the unregistered codes sipwhy documents.",
							schema: { type: "string", enum: ["1", "true", "0", "false"] },
						},
					],
					responses: {
						"200": json({ type: "array", items: ref("CodeSummary") }, "Codes in order"),
						...errorResponses(400),
					},
				},
			},
			"/api/v1/codes/{code}": {
				get: {
					operationId: "explain",
					summary: "Everything sipwhy knows about one code",
					parameters: [codePath("code"), langParam],
					responses: { "200": json(ref("Explanation"), "The explanation"), ...errorResponses(400, 404) },
				},
			},
			"/api/v1/compare/{a}/{b}": {
				get: {
					operationId: "compare",
					summary: "How two codes differ and when to use which (lower code first in the answer)",
					parameters: [codePath("a"), codePath("b"), langParam],
					responses: { "200": json(ref("Comparison"), "The comparison"), ...errorResponses(400, 404) },
				},
			},
			"/api/v1/search": {
				get: {
					operationId: "search",
					summary: "Codes matching a number, phrase or meaning, best first",
					description:
						"Any code in 100–699 is found by its number, unregistered ones too (their reason in `lang`). Words are matched in every content language, curated meanings first; at most 8 distinct words and 8 numbers of a query are searched.",
					parameters: [
						{ name: "q", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 200 } },
						langParam,
						{
							name: "limit",
							in: "query",
							required: false,
							schema: { type: "integer", minimum: 1, maximum: 100, default: 10 },
						},
					],
					responses: {
						"200": json({ type: "array", items: ref("SearchHit") }, "Hits, best first"),
						...errorResponses(400),
					},
				},
			},
		},
		components: {
			schemas: {
				Error: {
					type: "object",
					required: ["error", "status"],
					additionalProperties: false,
					properties: { error: str, status: { type: "integer" } },
				},
				Citation: {
					type: "object",
					required: ["doc", "section", "url"],
					additionalProperties: false,
					properties: {
						doc: { type: "string", pattern: "^RFC[0-9]+$" },
						section: { type: ["string", "null"] },
						url: { type: "string", format: "uri", pattern: "^https://www\\.rfc-editor\\.org/rfc/rfc[0-9]+" },
					},
				},
				Method: { type: "string", enum: [...METHODS] },
				Sender: { type: "string", enum: [...SENDERS] },
				Facts: {
					type: "object",
					additionalProperties: false,
					required: [
						"final",
						"methods",
						"senders",
						"requiredHeaders",
						"optionalHeaders",
						"endsForking",
						"retry",
						"retryKind",
						"dialogEffect",
						"ack",
						"scope",
						"q850",
					],
					properties: {
						final: { type: "boolean" },
						methods: { type: "array", items: ref("Method"), minItems: 1 },
						senders: { type: "array", items: ref("Sender"), minItems: 1 },
						requiredHeaders: strs,
						optionalHeaders: strs,
						endsForking: { type: "boolean" },
						retry: str,
						retryKind: { type: "string", enum: [...RETRY_KINDS] },
						dialogEffect: { type: "string", enum: [...DIALOG_EFFECTS] },
						ack: { type: "string", enum: [...ACK_RULES] },
						scope: { type: "string", enum: [...SCOPES] },
						q850: {
							type: "object",
							additionalProperties: false,
							required: ["toCause", "basis", "fromCauses", "names"],
							properties: {
								toCause: { type: ["integer", "null"] },
								basis: {
									type: "string",
									enum: [...Q850_BASES],
									description:
										"Where toCause comes from: RFC 3398's table, §8.2.6.1's default rule (31), the Warning header, no mapping, or not a rejection",
								},
								fromCauses: { type: "array", items: { type: "integer" } },
								names: { type: "object", additionalProperties: str },
							},
						},
					},
				},
				Explanation: {
					type: "object",
					additionalProperties: false,
					required: [
						"code",
						"reason",
						"class",
						"status",
						"rfc",
						"slug",
						"facts",
						"citations",
						"summary",
						"description",
						"whenYouSeeIt",
						"howToFix",
						"commonCauses",
						"misdiagnoses",
						"useWhen",
						"example",
						"related",
						"lang",
						"contentLang",
					],
					properties: {
						code,
						reason: str,
						class: cls,
						status,
						rfc: ref("Citation"),
						slug: str,
						facts: ref("Facts"),
						citations: {
							type: "object",
							additionalProperties: false,
							required: [
								"final",
								"methods",
								"senders",
								"endsForking",
								"retry",
								"dialogEffect",
								"ack",
								"scope",
								"q850",
								"headers",
							],
							properties: {
								final: ref("Citation"),
								methods: ref("Citation"),
								senders: ref("Citation"),
								endsForking: ref("Citation"),
								retry: ref("Citation"),
								dialogEffect: ref("Citation"),
								ack: ref("Citation"),
								scope: ref("Citation"),
								q850: { type: "array", items: ref("Citation") },
								headers: { type: "object", additionalProperties: ref("Citation") },
							},
						},
						summary: str,
						description: str,
						whenYouSeeIt: str,
						howToFix: { type: "array", items: str, minItems: 1 },
						commonCauses: strs,
						misdiagnoses: strs,
						useWhen: str,
						example: { type: ["string", "null"] },
						related: { type: "array", items: code },
						lang,
						contentLang: lang,
						treatedAs: code,
						deprecatedBy: ref("Citation"),
						renamedFrom: {
							type: "object",
							additionalProperties: false,
							required: ["reason", "by"],
							properties: { reason: str, by: ref("Citation") },
						},
					},
				},
				Comparison: {
					type: "object",
					additionalProperties: false,
					required: ["a", "b", "differences", "whenToUseWhich", "curated", "lang", "contentLang"],
					properties: {
						a: ref("Explanation"),
						b: ref("Explanation"),
						differences: { type: "array", items: str, minItems: 1 },
						whenToUseWhich: str,
						curated: { type: "boolean" },
						lang,
						contentLang: lang,
						curatedLang: {
							...lang,
							description:
								"Present (en) when the content language has not written this curated pair yet: its curated sentences are the English ones.",
						},
					},
				},
				CodeSummary: {
					type: "object",
					additionalProperties: false,
					required: ["code", "reason", "class", "final", "rfc", "status", "slug"],
					properties: {
						code,
						reason: str,
						class: cls,
						final: { type: "boolean" },
						rfc: ref("Citation"),
						status,
						slug: str,
					},
				},
				SearchHit: {
					type: "object",
					additionalProperties: false,
					required: ["code", "reason", "score"],
					properties: { code, reason: str, score: { type: "number" } },
				},
			},
		},
	};
}
