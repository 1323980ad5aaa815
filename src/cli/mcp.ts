/**
 * `sipwhy mcp`: the Model Context Protocol over stdio, so an AI assistant can explain codes and
 * analyse the user's own captures offline. Tools answer through the library (src/index.ts) and the
 * very analysis `analyze --json` runs; code pages are resources (`sipwhy://code/486`). The SDK is
 * an optional dependency loaded only here, so nothing else in sipwhy pays for it.
 */
import { isAbsolute, resolve } from "node:path";
import type { DiagnosedCall } from "../diagnose/finding.ts";
import { captureDiagnosis } from "../diagnose/scan.ts";
import { Analyzer } from "../flow/analyze.ts";
import { ladderOf } from "../flow/ladder.ts";
import { compare, explain, InputError, isLanguage, LANGUAGES, listCodes, search } from "../index.ts";
import { contentLanguages } from "../kb/registry.ts";
import { analyzeFiles, matches } from "./analyze-command.ts";
import { parseAll } from "./parse-command.ts";
import { renderLadder } from "./render-ladder.ts";
import { comparisonMarkdown, explanationMarkdown } from "./render-markdown.ts";

/** The answer of a tool: text blocks, flagged as an error when the input was bad (a type, not an interface: the SDK's result type has an index signature). */
export type ToolResult = {
	content: { type: "text"; text: string }[];
	isError?: boolean;
};

/** A tool as `tools/list` shows it, with the function that answers it. */
interface Tool {
	name: string;
	title: string;
	description: string;
	inputSchema: { type: "object"; properties: Record<string, object>; required?: string[]; additionalProperties: false };
	run: (args: Record<string, unknown>) => ToolResult | Promise<ToolResult>;
}

const MAX_MESSAGE_CHARS = 256 * 1024;
const DEFAULT_CALLS = 50;
const MAX_CALLS = 200;
const MAX_LADDER_MESSAGES = 500;

const langProperty = {
	type: "string",
	enum: [...LANGUAGES],
	default: "en",
	description: `Language of the answer. Content is written in ${contentLanguages().join(", ")}; other languages get English prose.`,
};
const codeProperty = (what: string) => ({
	type: "string",
	pattern: "^[1-6][0-9]{2}$",
	description: `${what}: a three-digit SIP response code, e.g. "486".`,
});

const text = (t: string): ToolResult => ({ content: [{ type: "text", text: t }] });
const json = (value: unknown): ToolResult => text(JSON.stringify(value));
const failure = (message: string): ToolResult => ({ content: [{ type: "text", text: message }], isError: true });

/** The `lang` argument, checked (a wrong one is an InputError naming the offered ones). */
function langOf(args: Record<string, unknown>): string {
	const lang = args.lang ?? "en";
	if (typeof lang !== "string" || !isLanguage(lang.toLowerCase()))
		throw new InputError(`lang must be one of ${LANGUAGES.join(", ")}, not ${JSON.stringify(lang)}`);
	return lang.toLowerCase();
}

function stringArg(args: Record<string, unknown>, name: string): string {
	const v = args[name];
	if (typeof v === "number" && Number.isInteger(v)) return String(v);
	if (typeof v !== "string" || v.trim() === "") throw new InputError(`${name} is required (a string)`);
	return v;
}

function intArg(args: Record<string, unknown>, name: string, min: number, max: number, fallback: number): number {
	const v = args[name];
	if (v === undefined) return fallback;
	if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max)
		throw new InputError(`${name} must be an integer from ${min} to ${max}`);
	return v;
}

/** A call in the list: outcome, who decided it, timings and findings, without its messages. */
function listedCall(c: DiagnosedCall & { media?: unknown }) {
	const { messages, participants, dialogs, media, ...rest } = c;
	return { ...rest, messageCount: messages.length };
}

/** `analyze_capture`: the same Analyzer, diagnosis and file reading as `sipwhy analyze --json`. */
async function analyzeCapture(args: Record<string, unknown>): Promise<ToolResult> {
	const path = stringArg(args, "path");
	const lang = langOf(args);
	const limit = intArg(args, "limit", 1, MAX_CALLS, DEFAULT_CALLS);
	const offset = intArg(args, "offset", 0, Number.MAX_SAFE_INTEGER, 0);
	const failedOnly = args.failedOnly === true;
	const wanted = args.call === undefined ? undefined : stringArg(args, "call");
	const file = isAbsolute(path) ? path : resolve(path);

	const page: DiagnosedCall[] = [];
	let matched = 0;
	let detail: DiagnosedCall | undefined;
	const diagnosis = captureDiagnosis(lang);
	const analyzer = new Analyzer({
		keepCalls: false,
		diagnose: diagnosis.call,
		captureFindings: diagnosis.finish,
		onCall: (summary) => {
			if (wanted !== undefined) {
				if (!detail && matches(summary, { call: wanted })) detail = summary;
				return;
			}
			if (!matches(summary, { failed: failedOnly })) return;
			if (matched >= offset && page.length < limit) page.push(summary);
			matched++;
		},
	});
	await analyzeFiles([file], analyzer);
	const { stats, findings } = analyzer.finish();

	if (wanted !== undefined) {
		if (!detail) throw new InputError(`no call with Call-ID ${wanted} in ${file}`);
		const shown = detail.messages.length > MAX_LADDER_MESSAGES;
		const call = shown ? { ...detail, messages: detail.messages.slice(0, MAX_LADDER_MESSAGES) } : detail;
		const ladder = renderLadder(ladderOf(call)).replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "");
		return {
			content: [
				{
					type: "text",
					text: JSON.stringify({
						call,
						...(shown ? { messagesOmitted: detail.messages.length - MAX_LADDER_MESSAGES } : {}),
					}),
				},
				{ type: "text", text: ladder },
			],
		};
	}
	return json({
		file,
		stats,
		findings,
		totalCalls: stats.calls,
		matchingCalls: matched,
		offset,
		limit,
		...(offset + page.length < matched ? { nextOffset: offset + page.length } : {}),
		calls: page.map(listedCall),
	});
}

/** The tools, each with the JSON schema of its arguments. */
export const TOOLS: Tool[] = [
	{
		name: "explain_code",
		title: "Explain a SIP response code",
		description:
			"What a SIP response code means, when you see it, how to fix it, common causes and misdiagnoses, its facts with RFC citations, and an example message (Markdown).",
		inputSchema: {
			type: "object",
			properties: { code: codeProperty("The code"), lang: langProperty },
			required: ["code"],
			additionalProperties: false,
		},
		run: (args) => text(explanationMarkdown(explain(stringArg(args, "code"), { lang: langOf(args) }))),
	},
	{
		name: "compare_codes",
		title: "Compare two SIP response codes",
		description:
			"How two SIP response codes differ (scope, forking, senders, methods, headers, retry, dialog effect, ACK, Q.850) and when to use which (Markdown).",
		inputSchema: {
			type: "object",
			properties: { a: codeProperty("The first code"), b: codeProperty("The second code"), lang: langProperty },
			required: ["a", "b"],
			additionalProperties: false,
		},
		run: (args) =>
			text(comparisonMarkdown(compare(stringArg(args, "a"), stringArg(args, "b"), { lang: langOf(args) }))),
	},
	{
		name: "search_codes",
		title: "Search SIP response codes",
		description:
			'Finds SIP response codes by number ("48"), reason phrase ("decline") or meaning ("busy", "codec"), best first, as JSON [{code, reason, score, summary}].',
		inputSchema: {
			type: "object",
			properties: {
				query: { type: "string", minLength: 1, maxLength: 200, description: "Words, a phrase or a (partial) number." },
				limit: { type: "integer", minimum: 1, maximum: 100, default: 10 },
				lang: langProperty,
			},
			required: ["query"],
			additionalProperties: false,
		},
		run: (args) => {
			const lang = langOf(args);
			const limit = intArg(args, "limit", 1, 100, 10);
			const hits = search(stringArg(args, "query"), { lang, limit });
			return json(hits.map((h) => ({ ...h, summary: explain(h.code, { lang }).summary })));
		},
	},
	{
		name: "parse_sip_message",
		title: "Parse raw SIP messages",
		description:
			"Parses one or more raw SIP messages: start line, headers, decoded Call-ID/CSeq/From/To/Via/Contact, body, and every RFC 3261 violation with its offset (the JSON of `sipwhy parse --json`).",
		inputSchema: {
			type: "object",
			properties: {
				message: {
					type: "string",
					minLength: 1,
					maxLength: MAX_MESSAGE_CHARS,
					description: "The message text (CRLF or LF line ends); several may follow each other.",
				},
			},
			required: ["message"],
			additionalProperties: false,
		},
		run: (args) => {
			const input = stringArg(args, "message");
			if (input.length > MAX_MESSAGE_CHARS)
				throw new InputError(`message is longer than ${MAX_MESSAGE_CHARS} characters`);
			const messages = parseAll(input);
			if (messages.length === 0) throw new InputError("no SIP message found (it starts with a request or status line)");
			return json(messages);
		},
	},
	{
		name: "analyze_capture",
		title: "Analyse a SIP capture or log",
		description: `Reads a local pcap/pcapng capture (or .gz) or SIP text log (raw, sngrep, Asterisk, FreeSWITCH, Kamailio/OpenSIPS) and lists its calls with outcome, the response that decided it, timings and findings (JSON, at most ${MAX_CALLS} calls per answer: page with offset/limit). With call (a Call-ID or its start) it returns that call's messages and ladder diagram instead.`,
		inputSchema: {
			type: "object",
			properties: {
				path: { type: "string", minLength: 1, description: "Path of the file on this machine (absolute is best)." },
				failedOnly: {
					type: "boolean",
					default: false,
					description: "Only calls that failed or got no final response.",
				},
				limit: { type: "integer", minimum: 1, maximum: MAX_CALLS, default: DEFAULT_CALLS },
				offset: { type: "integer", minimum: 0, default: 0 },
				call: {
					type: "string",
					minLength: 1,
					description: "A Call-ID (or its start): that call's messages and ladder.",
				},
				lang: langProperty,
			},
			required: ["path"],
			additionalProperties: false,
		},
		run: analyzeCapture,
	},
];

/** Runs a tool; bad input and unexpected failures become a one-line tool error, never a crash. */
export async function callTool(name: string, args: Record<string, unknown> | undefined): Promise<ToolResult> {
	const tool = TOOLS.find((t) => t.name === name);
	if (!tool) return failure(`unknown tool "${name}" (offered: ${TOOLS.map((t) => t.name).join(", ")})`);
	try {
		return await tool.run(args ?? {});
	} catch (e) {
		const message = e instanceof InputError ? e.message : `internal error: ${(e as Error).message}`;
		return failure(message.split("\n")[0] as string);
	}
}

const CODE_URI = /^sipwhy:\/\/code\/(\d{3})(?:\?lang=([a-zA-Z-]+))?$/;

/** The Markdown page of `sipwhy://code/NNN[?lang=L]`; an InputError for any other URI. */
export function readCodeResource(uri: string): { uri: string; mimeType: string; text: string } {
	const m = CODE_URI.exec(uri);
	if (!m) throw new InputError(`unknown resource ${uri} (expected sipwhy://code/NNN or sipwhy://code/NNN?lang=tr)`);
	const lang = langOf({ lang: m[2] ?? "en" });
	return { uri, mimeType: "text/markdown", text: explanationMarkdown(explain(m[1] as string, { lang })) };
}

/**
 * Serves MCP on stdin/stdout until stdin closes (`serverVersion` is shown in `initialize`;
 * `listening` is called once requests are read). Without the optional SDK installed, one clear
 * InputError says how to get it.
 */
export async function serveMcp(serverVersion: string, listening?: () => void): Promise<void> {
	let sdk: [
		typeof import("@modelcontextprotocol/sdk/server/index.js"),
		typeof import("@modelcontextprotocol/sdk/server/stdio.js"),
		typeof import("@modelcontextprotocol/sdk/types.js"),
	];
	try {
		sdk = await Promise.all([
			import("@modelcontextprotocol/sdk/server/index.js"),
			import("@modelcontextprotocol/sdk/server/stdio.js"),
			import("@modelcontextprotocol/sdk/types.js"),
		]);
	} catch (e) {
		const missing =
			(e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" &&
			(e as Error).message.includes("'@modelcontextprotocol/sdk'");
		if (!missing) throw e;
		throw new InputError(
			"sipwhy mcp needs the optional package @modelcontextprotocol/sdk, which is not installed (it is left out by --omit=optional): npm install @modelcontextprotocol/sdk",
		);
	}
	const [{ Server }, { StdioServerTransport }, types] = sdk;
	const server = new Server(
		{ name: "sipwhy", title: "sipwhy — SIP response codes and capture analysis", version: serverVersion },
		{
			capabilities: { tools: {}, resources: {} },
			instructions:
				"Explains SIP response codes with RFC citations and analyses SIP captures (pcap, pcapng, logs) on this machine. Start with analyze_capture for a capture, explain_code for a code.",
		},
	);
	server.setRequestHandler(types.ListToolsRequestSchema, () => ({
		tools: TOOLS.map(({ run, ...t }) => t),
	}));
	server.setRequestHandler(types.CallToolRequestSchema, (request) =>
		callTool(request.params.name, request.params.arguments as Record<string, unknown> | undefined),
	);
	server.setRequestHandler(types.ListResourcesRequestSchema, () => ({
		resources: listCodes({ includeUnregistered: true }).map((c) => ({
			uri: `sipwhy://code/${c.code}`,
			name: `${c.code} ${c.reason}`,
			mimeType: "text/markdown",
		})),
	}));
	server.setRequestHandler(types.ListResourceTemplatesRequestSchema, () => ({
		resourceTemplates: [
			{
				uriTemplate: "sipwhy://code/{code}{?lang}",
				name: "SIP response code page",
				description: `Everything sipwhy knows about one code, in Markdown; lang is one of ${LANGUAGES.join(", ")}.`,
				mimeType: "text/markdown",
			},
		],
	}));
	server.setRequestHandler(types.ReadResourceRequestSchema, (request) => {
		try {
			return { contents: [readCodeResource(request.params.uri)] };
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			throw new types.McpError(types.ErrorCode.InvalidParams, e.message);
		}
	});
	const closed = new Promise<void>((done) => {
		process.stdin.once("end", done);
		process.stdin.once("close", done);
	});
	await server.connect(new StdioServerTransport());
	listening?.();
	await closed;
	await server.close();
}
