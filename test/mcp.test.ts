// End to end: the real `sipwhy mcp` (built into dist/) spoken to in JSON-RPC over its stdio.
import assert from "node:assert/strict";
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { LANGUAGES } from "../src/kb/locales.ts";

const ROOT = join(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "sipwhy.js");
const SIPP = join(ROOT, "test", "fixtures", "sipp");

// biome-ignore lint/suspicious/noExplicitAny: a JSON-RPC answer, read field by field by the assertions
type Answer = Record<string, any>;

/** A minimal MCP client: newline-delimited JSON-RPC 2.0 over the child's stdin/stdout. */
class Client {
	#child: ChildProcessWithoutNullStreams;
	#next = 1;
	#waiting = new Map<number, (message: Record<string, unknown>) => void>();
	#buffer = "";
	stderr = "";
	exited: Promise<number | null>;

	constructor() {
		this.#child = spawn(process.execPath, [BIN, "mcp"], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: "1" } });
		this.#child.stdout.setEncoding("utf8");
		this.#child.stdout.on("data", (chunk: string) => {
			this.#buffer += chunk;
			for (let nl = this.#buffer.indexOf("\n"); nl >= 0; nl = this.#buffer.indexOf("\n")) {
				const line = this.#buffer.slice(0, nl);
				this.#buffer = this.#buffer.slice(nl + 1);
				const message = JSON.parse(line) as Record<string, unknown>;
				this.#waiting.get(message.id as number)?.(message);
			}
		});
		this.#child.stderr.on("data", (d) => {
			this.stderr += d;
		});
		this.exited = new Promise((done) => this.#child.once("exit", done));
	}

	/** Sends a request; resolves with its whole response (result or error). */
	request(method: string, params: object = {}): Promise<Record<string, unknown>> {
		const id = this.#next++;
		this.#child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id, method, params })}\n`);
		return new Promise((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`no answer to ${method} in 20 s; stderr: ${this.stderr}`)),
				20_000,
			);
			this.#waiting.set(id, (m) => {
				clearTimeout(timer);
				this.#waiting.delete(id);
				resolve(m);
			});
		});
	}

	notify(method: string): void {
		this.#child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", method })}\n`);
	}

	/** The result of a request (fails the test on a JSON-RPC error). */
	async result(method: string, params: object = {}): Promise<Answer> {
		const m = await this.request(method, params);
		assert.equal(m.error, undefined, `${method}: ${JSON.stringify(m.error)}`);
		return m.result as Answer;
	}

	/** Calls a tool: its text blocks and error flag. */
	async tool(name: string, args: object): Promise<{ texts: string[]; isError: boolean }> {
		const r = await this.result("tools/call", { name, arguments: args });
		return { texts: r.content.map((c: { type: string; text: string }) => c.text), isError: r.isError === true };
	}

	close(): void {
		this.#child.stdin.end();
	}
}

let client: Client;

before(async () => {
	client = new Client();
	const init = await client.result("initialize", {
		protocolVersion: "2025-06-18",
		capabilities: {},
		clientInfo: { name: "sipwhy-test", version: "1" },
	});
	assert.equal(init.serverInfo.name, "sipwhy");
	assert.match(init.serverInfo.version, /^\d+\.\d+\.\d+/);
	assert.ok(init.capabilities.tools && init.capabilities.resources);
	client.notify("notifications/initialized");
});

after(async () => {
	client.close();
	// Closing stdin ends the server by itself, with status 0.
	assert.equal(await client.exited, 0, client.stderr);
});

test("tools/list: five tools, each with a valid JSON schema; language-dependent ones take lang (15 languages)", async () => {
	const { tools } = await client.result("tools/list");
	const names = tools.map((t: { name: string }) => t.name).sort();
	assert.deepEqual(names, ["analyze_capture", "compare_codes", "explain_code", "parse_sip_message", "search_codes"]);
	const ajv = new Ajv2020({ strict: true, strictTypes: false });
	for (const t of tools) {
		assert.equal(t.inputSchema.type, "object", t.name);
		assert.ok(t.description.length > 40, t.name);
		ajv.compile(t.inputSchema);
		if (t.name !== "parse_sip_message") assert.deepEqual(t.inputSchema.properties.lang.enum, [...LANGUAGES], t.name);
	}
});

test("explain_code: the Markdown page with facts and citations, in the language asked for", async () => {
	const en = await client.tool("explain_code", { code: "486" });
	assert.equal(en.isError, false);
	assert.match(en.texts[0] as string, /^# 486 Busy Here\n/);
	assert.match(
		en.texts[0] as string,
		/\[RFC 3261 §21\.4\.24\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc3261#section-21\.4\.24\)/,
	);
	assert.match(en.texts[0] as string, /```sip\nSIP\/2\.0 486 Busy Here\n/);
	const tr = await client.tool("explain_code", { code: 486, lang: "tr" });
	assert.match(tr.texts[0] as string, /## Açıklama/);
	// A language without its own content says so.
	const ko = await client.tool("explain_code", { code: "486", lang: "ko" });
	assert.notEqual(ko.texts[0], en.texts[0]);
});

test("compare_codes and search_codes", async () => {
	const c = await client.tool("compare_codes", { a: "603", b: "486" });
	assert.equal(c.isError, false);
	assert.match(c.texts[0] as string, /^# 486 Busy Here \/ 603 Decline/);
	assert.match(c.texts[0] as string, /\n1\. /);
	const s = await client.tool("search_codes", { query: "busy", limit: 3 });
	const hits = JSON.parse(s.texts[0] as string);
	assert.equal(hits.length, 3);
	assert.ok(hits.some((h: { code: number }) => h.code === 486));
	assert.ok(hits.every((h: { summary: string }) => h.summary.length > 10));
});

test("parse_sip_message reports the RFC violations of a broken message", async () => {
	const r = await client.tool("parse_sip_message", {
		message: "INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nCSeq: x INVITE\r\n\r\n",
	});
	const [m] = JSON.parse(r.texts[0] as string);
	assert.equal(m.ok, false);
	assert.equal(m.method, "INVITE");
	assert.ok(
		m.errors.some((e: { message: string }) => /CSeq/.test(e.message)),
		JSON.stringify(m.errors),
	);
	const none = await client.tool("parse_sip_message", { message: "  " });
	assert.equal(none.isError, true);
	assert.match(none.texts[0] as string, /message is required/);
});

test("analyze_capture: the call list with outcome and findings, without the messages", async () => {
	const r = await client.tool("analyze_capture", { path: join(SIPP, "busy-486.pcap") });
	assert.equal(r.isError, false);
	const a = JSON.parse(r.texts[0] as string);
	assert.equal(a.totalCalls, 1);
	assert.equal(a.stats.sipMessages, 10);
	const [call] = a.calls;
	assert.equal(call.callId, "busy-486-1@sipwhy.test");
	assert.deepEqual(call.outcome, { code: 486, reason: "Busy Here" });
	assert.equal(call.decisive.agent, "Asterisk PBX 20.5.2");
	assert.ok(call.findings.some((f: { rule: string }) => f.rule === "who-failed"));
	assert.equal(call.messages, undefined);
	assert.equal(call.messageCount, 10);
	// A relative path is read from the server's working folder.
	const rel = await client.tool("analyze_capture", { path: "test/fixtures/sipp/busy-486.pcap" });
	assert.equal(JSON.parse(rel.texts[0] as string).calls[0].callId, call.callId);
});

test("analyze_capture pages with offset/limit and filters with failedOnly", async () => {
	const page = async (args: object) =>
		JSON.parse(
			(await client.tool("analyze_capture", { path: join(SIPP, "scanner.pcap"), ...args })).texts[0] as string,
		);
	const first = await page({ limit: 5 });
	assert.ok(first.totalCalls > 10, String(first.totalCalls));
	assert.equal(first.calls.length, 5);
	assert.equal(first.nextOffset, 5);
	const second = await page({ limit: 5, offset: 5 });
	const ids = new Set(first.calls.map((c: { callId: string }) => c.callId));
	assert.ok(second.calls.every((c: { callId: string }) => !ids.has(c.callId)));
	const last = await page({ offset: first.totalCalls - 1 });
	assert.equal(last.calls.length, 1);
	assert.equal(last.nextOffset, undefined);

	const keepAlive = JSON.parse(
		(await client.tool("analyze_capture", { path: join(SIPP, "options-keepalive.pcap"), failedOnly: true }))
			.texts[0] as string,
	);
	assert.equal(keepAlive.totalCalls, 5);
	assert.equal(keepAlive.matchingCalls, 0);
	assert.deepEqual(keepAlive.calls, []);
});

test("analyze_capture with call: that call's messages and its ladder, findings in the language asked for", async () => {
	const r = await client.tool("analyze_capture", { path: join(SIPP, "busy-486.pcap"), call: "busy-486-1", lang: "tr" });
	assert.equal(r.isError, false);
	const { call } = JSON.parse(r.texts[0] as string);
	assert.equal(call.messages.length, 10);
	assert.equal(call.messages[8].status, 486);
	assert.match(call.findings[0].text, /[çğıöşü]/);
	const ladder = r.texts[1] as string;
	assert.match(ladder, /486 Busy Here/);
	assert.match(ladder, /INVITE/);
	// FORCE_COLOR is set for the server: the ladder still carries no terminal escapes.
	assert.doesNotMatch(ladder, new RegExp(String.fromCharCode(27)));
	const missing = await client.tool("analyze_capture", { path: join(SIPP, "busy-486.pcap"), call: "nope" });
	assert.equal(missing.isError, true);
	assert.match(missing.texts[0] as string, /no call with Call-ID nope/);
});

test("bad input is a one-line tool error and the server keeps answering", async () => {
	const dir = mkdtempSync(join(tmpdir(), "sipwhy-mcp-"));
	const junk = join(dir, "junk.bin");
	writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
	const cases: [string, object, RegExp][] = [
		["analyze_capture", { path: join(dir, "missing.pcap") }, /missing\.pcap: cannot read \(no such file\)/],
		["analyze_capture", { path: dir }, /is a directory/],
		["analyze_capture", { path: junk }, /not a pcap\/pcapng capture or a SIP log/],
		["analyze_capture", { path: junk, limit: 0 }, /limit must be an integer from 1 to 200/],
		["analyze_capture", {}, /path is required/],
		["explain_code", { code: "999" }, /outside the SIP status code range/],
		["explain_code", { code: "486", lang: "xx" }, /lang must be one of en, tr/],
		["no_such_tool", {}, /unknown tool "no_such_tool"/],
	];
	for (const [name, args, want] of cases) {
		const r = await client.tool(name, args);
		assert.equal(r.isError, true, `${name} ${JSON.stringify(args)}`);
		assert.match(r.texts[0] as string, want);
		assert.equal((r.texts[0] as string).includes("\n"), false, r.texts[0]);
	}
	assert.deepEqual(await client.result("ping"), {});
});

test("code pages are resources: listed, read as Markdown, unknown ones an error", async () => {
	const { resources } = await client.result("resources/list");
	assert.ok(resources.some((r: { uri: string }) => r.uri === "sipwhy://code/486"));
	assert.ok(resources.length >= 79);
	const { resourceTemplates } = await client.result("resources/templates/list");
	assert.equal(resourceTemplates[0].uriTemplate, "sipwhy://code/{code}{?lang}");
	const { contents } = await client.result("resources/read", { uri: "sipwhy://code/603?lang=tr" });
	assert.equal(contents[0].mimeType, "text/markdown");
	assert.match(contents[0].text, /^# 603 Decline/);
	const bad = await client.request("resources/read", { uri: "sipwhy://code/nope" });
	assert.match(JSON.stringify(bad.error), /unknown resource sipwhy:\/\/code\/nope/);
});
