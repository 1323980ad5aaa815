/**
 * The `sipwhy` command. Exit status: 0 success, 1 an input that failed (unknown code, unreadable
 * file …), 2 wrong usage. Every error is one line on stderr naming the input and the problem.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { safeJson, visible } from "../flow/visible.ts";
import { compare, SameCodeError } from "../kb/compare.ts";
import { InputError } from "../kb/errors.ts";
import { checkLanguage, explain } from "../kb/explain.ts";
import { listCodes } from "../kb/list.ts";
import { LANGUAGES, resolveLanguage } from "../kb/locales.ts";
import { search } from "../kb/search.ts";
import { runAnalyze } from "./analyze-run.ts";
import { parseAll, readInput, renderParsed } from "./parse-command.ts";
import { readErrorWording } from "./read-error.ts";
import { renderComparison, renderExplanation, renderHits, renderList } from "./render-kb.ts";

/** Wrong usage of the command line (exit status 2). */
export class UsageError extends Error {
	override name = "UsageError";
}

/** Our one-line wording of a parseArgs error (Node's own names its internals and varies by version). */
function usageOf(e: Error): UsageError {
	const code = (e as NodeJS.ErrnoException).code;
	const option = /'(-[^' ]+)/.exec(e.message)?.[1]?.replace(/^(--?[^=]+)=.*$/, "$1");
	if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return new UsageError(`unknown option ${option}`);
	if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option)
		return new UsageError(/argument missing/.test(e.message) ? `${option} needs a value` : `${option} takes no value`);
	return new UsageError("bad arguments");
}

/** The language a --lang value asks for, resolved as the site resolves Accept-Language (TR, tr-TR, zh-CN …). */
function cliLanguage(tag: string): string {
	const lang = resolveLanguage(tag);
	if (!lang) throw new InputError(`unknown language "${tag}" (offered: ${LANGUAGES.join(", ")})`);
	return lang;
}

const VERSION = (() => {
	try {
		return JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version as string;
	} catch {
		return "unknown";
	}
})();

const HELP: Record<string, string> = {
	main: `sipwhy — why did my SIP call fail?

Usage:
  sipwhy CODE [--lang L] [--json]          explain a response code (same as: sipwhy explain CODE)
  sipwhy explain CODE [--lang L] [--json]  explain a response code
  sipwhy compare A B [--lang L] [--json]   how two codes differ and when to use which
  sipwhy codes [--class 4xx] [--all] [--json]
                                           list the IANA registry
  sipwhy search WORDS [--lang L] [--json]  find codes by number, phrase or meaning
  sipwhy parse [FILE|-] [--json]           parse raw SIP message(s) and report problems
  sipwhy serve [--port N] [--host H]       serve the web site and JSON API
  sipwhy mcp                               serve the Model Context Protocol on stdio (AI assistants)
  sipwhy analyze FILE… [filters] [--json | --format html -o FILE] [--call ID]
                                           calls, outcomes and ladders from pcap/pcapng/logs

Options (before or after the command):
  --lang L     language: ${LANGUAGES.join(", ")} (default en);
               a region or another case is understood (TR, pt-BR, zh-CN)
  --json       print JSON instead of text
  -h, --help   help for a command (or: sipwhy help COMMAND)
  --version    print the version

Exit status: 0 success, 1 failed input (unknown code, bad language), 2 wrong usage.
Colours follow the terminal; NO_COLOR=1 turns them off.
`,
	explain: `Usage: sipwhy explain CODE [--lang L] [--json]

Explains one SIP response code: meaning, when you see it, how to fix it, common causes and
misdiagnoses, facts with their RFC citations, and a raw example message. CODE is three digits
in 100–699; unregistered codes are explained as what a compliant agent treats them as.
`,
	compare: `Usage: sipwhy compare A B [--lang L] [--json]

Compares two different SIP response codes: key differences derived from their facts (class,
scope, forking, senders, methods, headers, retry, dialog effect, ACK, Q.850) and when to use
which. The same code twice is wrong usage (exit status 2).
`,
	codes: `Usage: sipwhy codes [--class 4xx] [--all] [--json]

Lists the SIP response codes of the IANA registry. --class keeps one class (1xx … 6xx);
--all adds the unregistered codes sipwhy documents (409, 411, 478, 490).
`,
	search: `Usage: sipwhy search WORDS [--lang L] [--json] [--limit N]

Finds codes by number ("486"), partial number ("48"), reason phrase ("decline") or meaning
("busy", "codec", "zaman aşımı"), with small typos forgiven. Best match first.
`,
	analyze: `Usage: sipwhy analyze FILE…|- [options]

Reads pcap and pcapng captures (Ethernet, Linux cooked, raw IP, loopback, VLAN; UDP with
fragments, TCP reassembled; HEP) and SIP text logs (raw messages, sngrep export, Asterisk pjsip
logger and chan_sip debug, FreeSWITCH siptrace, baresip -s, Kamailio sipdump and Kamailio/OpenSIPS
lines), rebuilds transactions, dialogs and calls, and lists every call with its outcome; OPTIONS
keep-alives are summarised in one line. A FILE of - reads standard input.

Filters:
  --failed             calls whose outcome is a failure or missing
  --code 4xx|486       calls ended by this code or class
  --method INVITE      calls started by this method
  --min-pdd 5s         calls whose post-dial delay is at least this
  --call ID            one call: its ladder diagram and findings
  --show N|N,M|all     with --call: print these messages in full
Input:
  --year 2026          the year of log timestamps that have none (Asterisk's [Dec  4 14:00:00]);
                       by default the latest year not after the file's modification time
Output:
  --json               {stats, calls: [...]} (see the README)
  --format html        one self-contained HTML report (use -o FILE to write it to a file)
  --format csv         the call list as CSV, one row per call
  -o, --output FILE    write the output to FILE
  --lang en|tr         language of the findings

Exit status: 0 success, 1 an unreadable or unknown file, or a gzipped one that inflates more
than 200 times its size (no real capture does; SIPWHY_MAX_GZIP_RATIO=N changes the ratio, 0
removes the limit), 2 wrong usage. Damage inside a capture (truncated file, bad packets) is
counted in the stats, not fatal.
`,
	parse: `Usage: sipwhy parse [FILE|-] [--json]

Parses raw SIP messages (a file or stdin; several messages may follow each other) and shows
the start line, headers, decoded fields (Call-ID, CSeq, From/To, Via, Contact), the body, and
every RFC 3261 violation with its byte position. Exit status 1 when a message has errors.
`,
	serve: `Usage: sipwhy serve [--port N] [--host H]

Serves the web site and the JSON API (/api/v1/…, described at /api/openapi.json) until
stopped with Ctrl-C. Defaults: port 3000 (or PORT), host 127.0.0.1 (or HOST). SITE_URL sets
the absolute origin used in canonical links and the sitemap (default: the request's origin).
`,
	mcp: `Usage: sipwhy mcp

Serves the Model Context Protocol over stdin/stdout for AI assistants (Claude Desktop, VS Code
…): tools explain_code, compare_codes, search_codes, parse_sip_message and analyze_capture (local
files, nothing leaves the machine), and every code page as a resource sipwhy://code/NNN. Add it
to a client as the command "npx" with the arguments ["sipwhy", "mcp"]. Runs until stdin closes.
`,
};

/** Where the command writes. */
export interface Io {
	out: (s: string) => void;
	err: (s: string) => void;
	/** Resolves once `out` can take more (a slow reader of a pipe holds the analysis back, not memory). */
	drained?: () => Promise<void>;
}

const OPTIONS = {
	lang: { type: "string" },
	json: { type: "boolean" },
	help: { type: "boolean", short: "h" },
	class: { type: "string" },
	all: { type: "boolean" },
	limit: { type: "string" },
	failed: { type: "boolean" },
	code: { type: "string" },
	method: { type: "string" },
	call: { type: "string" },
	"min-pdd": { type: "string" },
	year: { type: "string" },
	format: { type: "string" },
	output: { type: "string", short: "o" },
	show: { type: "string" },
	port: { type: "string" },
	host: { type: "string" },
} as const;

const COMMON = ["lang", "json", "help"];

/** Parses a command's arguments; options outside `COMMON` and `extra` are wrong usage. */
function parse(args: string[], extra: string[] = []) {
	let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true }>>;
	try {
		parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
	} catch (e) {
		throw usageOf(e as Error);
	}
	for (const key of Object.keys(parsed.values))
		if (!COMMON.includes(key) && !extra.includes(key)) throw new UsageError(`unknown option --${key}`);
	if (parsed.values.lang !== undefined && !parsed.values.help) parsed.values.lang = cliLanguage(parsed.values.lang);
	return parsed;
}

function json(value: unknown): string {
	return `${safeJson(value, 2)}\n`;
}

function needArgs(positionals: string[], n: number, what: string): void {
	if (positionals.length < n) throw new UsageError(`missing ${what}`);
	if (positionals.length > n) throw new UsageError(`unexpected argument "${positionals[n]}"`);
}

const COMMANDS: Record<string, (args: string[], io: Io) => void | Promise<void>> = {
	async analyze(args, io) {
		const { values, positionals } = parse(args, [
			"failed",
			"code",
			"method",
			"call",
			"min-pdd",
			"year",
			"format",
			"output",
			"show",
		]);
		if (values.help) return io.out(HELP.analyze as string);
		if (positionals.length === 0) throw new UsageError("missing FILE (a pcap, pcapng or SIP log, or - for stdin)");
		if (values.json && values.format !== undefined && values.format !== "json")
			throw new UsageError(`--json and --format ${values.format} ask for two outputs: use one`);
		const format = values.format ?? (values.json ? "json" : "text");
		if (!["text", "json", "html", "csv"].includes(format))
			throw new UsageError(`--format must be text, json, csv or html, not "${format}"`);
		if (values.show !== undefined && !values.call) throw new UsageError("--show needs --call ID");
		if (values.year !== undefined && !/^(19[7-9]\d|2\d{3})$/.test(values.year))
			throw new UsageError(`--year must be a year such as 2026, not "${values.year}"`);
		const lang = checkLanguage(values.lang);
		await runAnalyze(positionals, { ...values, format, lang }, io);
	},
	explain(args, io) {
		const { values, positionals } = parse(args);
		if (values.help) return io.out(HELP.explain as string);
		needArgs(positionals, 1, "CODE (e.g. sipwhy explain 486)");
		const e = explain(positionals[0] as string, { lang: values.lang });
		io.out(values.json ? json(e) : renderExplanation(e));
	},
	compare(args, io) {
		const { values, positionals } = parse(args);
		if (values.help) return io.out(HELP.compare as string);
		needArgs(positionals, 2, "two codes (e.g. sipwhy compare 486 603)");
		const c = sameCodeIsUsage(() => compare(positionals[0] as string, positionals[1] as string, { lang: values.lang }));
		io.out(values.json ? json(c) : renderComparison(c));
	},
	codes(args, io) {
		const { values, positionals } = parse(args, ["class", "all"]);
		if (values.help) return io.out(HELP.codes as string);
		needArgs(positionals, 0, "");
		const lang = checkLanguage(values.lang);
		const rows = listCodes({ class: values.class, includeUnregistered: values.all });
		io.out(values.json ? json(rows) : renderList(rows, lang));
	},
	search(args, io) {
		const { values, positionals } = parse(args, ["limit"]);
		if (values.help) return io.out(HELP.search as string);
		if (positionals.length === 0) throw new UsageError("missing WORDS (e.g. sipwhy search busy)");
		const limit = values.limit === undefined ? 10 : Number(values.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError("--limit must be 1–100");
		const lang = checkLanguage(values.lang);
		const query = positionals.join(" ");
		const hits = search(query, { lang, limit });
		io.out(values.json ? json(hits) : renderHits(hits, query, lang));
	},
	parse(args, io) {
		const { values, positionals } = parse(args);
		if (values.help) return io.out(HELP.parse as string);
		if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
		const { name, text } = readInput(positionals[0]);
		const messages = parseAll(text);
		if (messages.length === 0) throw new InputError(`${name}: no SIP message found`);
		io.out(values.json ? json(messages) : renderParsed(messages));
		if (messages.some((m) => !m.ok)) throw new CheckFailed();
	},
	async serve(args, io) {
		const { values, positionals } = parse(args, ["port", "host"]);
		if (values.help) return io.out(HELP.serve as string);
		needArgs(positionals, 0, "");
		const portText = values.port ?? process.env.PORT ?? "3000";
		const port = Number(portText);
		if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new UsageError(`--port must be 0–65535, not "${portText}"`);
		const host = values.host ?? process.env.HOST ?? "127.0.0.1";
		const { serveUntilSignal } = await import("../web/node/node-server.ts");
		try {
			const url = await serveUntilSignal({ port, host, siteUrl: process.env.SITE_URL || undefined });
			io.out(`sipwhy: serving the site and API at ${url} (Ctrl-C stops)\n`);
		} catch (e) {
			throw new InputError(`cannot serve on ${host}:${port}: ${(e as Error).message}`);
		}
	},
	async mcp(args, io) {
		const { values, positionals } = parse(args, []);
		if (values.help) return io.out(HELP.mcp as string);
		needArgs(positionals, 0, "");
		const { serveMcp } = await import("./mcp.ts");
		await serveMcp(VERSION, () => {
			// Run by hand, it would seem to hang: say what it waits for (stderr; stdout is the protocol's).
			if (process.stdin.isTTY)
				io.err("sipwhy mcp: waiting for an MCP client on stdin (see sipwhy mcp --help; Ctrl-D ends)\n");
		});
	},
};

/** Runs `f`, turning "the same code twice" into wrong usage (exit status 2). */
function sameCodeIsUsage<T>(f: () => T): T {
	try {
		return f();
	} catch (e) {
		if (e instanceof SameCodeError) throw new UsageError(`${e.message}; for one code use: sipwhy explain ${e.code}`);
		throw e;
	}
}

/** A check whose report is already printed failed (exit status 1, nothing more to say). */
class CheckFailed extends Error {}

/**
 * Splits the options written before the command (`sipwhy --lang tr 486`) from the rest: they are
 * handed to the command as if written after it. An option's value is taken with it.
 */
function leadingOptions(argv: string[]): { before: string[]; rest: string[] } {
	const before: string[] = [];
	let i = 0;
	while (i < argv.length) {
		const a = argv[i] as string;
		if (a === "-" || !a.startsWith("-") || a === "--") break;
		before.push(a);
		i++;
		const name = a.startsWith("--") ? a.slice(2) : a.slice(1);
		const spec = Object.entries(OPTIONS).find(([k, o]) => k === name || ("short" in o && o.short === name))?.[1];
		if (spec?.type === "string" && !a.includes("=") && i < argv.length) before.push(argv[i++] as string);
	}
	return { before, rest: argv.slice(i) };
}

/** Runs the command line; resolves to the exit status. */
export async function run(argv: string[], io: Io): Promise<number> {
	let command: string | undefined;
	try {
		if (argv[0] === "--version" || argv[0] === "-v") {
			io.out(`${VERSION}\n`);
			return 0;
		}
		const { before, rest: afterOptions } = leadingOptions(argv);
		const [first, ...rest] = afterOptions;
		const wantsHelp = before.includes("-h") || before.includes("--help");
		if (first === undefined || first === "help") {
			// `sipwhy help analyze` is `sipwhy analyze --help`.
			const topic = first === "help" ? rest[0] : undefined;
			if (topic !== undefined) {
				if (!HELP[topic] || topic === "main") throw new UsageError(`no help for "${topic}": not a command`);
				io.out(HELP[topic] as string);
				return 0;
			}
			if (first === undefined && before.length > 0 && !wantsHelp) {
				parse(before, Object.keys(OPTIONS)); // an unknown option is named first
				throw new UsageError("missing command");
			}
			io.out(HELP.main as string);
			return first === undefined && !wantsHelp ? 2 : 0;
		}
		const run = COMMANDS[first];
		if (run) {
			command = first;
			await run([...before, ...rest], io);
		} else if (/^\d+$/.test(first)) {
			command = "explain";
			await (COMMANDS.explain as (a: string[], io: Io) => void)([...before, ...afterOptions], io);
		} else throw new UsageError(`unknown command "${first}"`);
		return 0;
	} catch (e) {
		if (e instanceof CheckFailed) return 1;
		if (e instanceof UsageError) {
			io.err(`sipwhy: ${visible(e.message)} (see sipwhy ${command ? `${command} ` : ""}--help)\n`);
			return 2;
		}
		if (e instanceof InputError) {
			io.err(`sipwhy: ${visible(e.message)}\n`);
			return 1;
		}
		// A file that could not be read: its name and our wording, not Node's errno text.
		const errno = e as NodeJS.ErrnoException;
		if (typeof errno.code === "string" && typeof errno.path === "string" && errno.syscall) {
			io.err(`sipwhy: ${visible(errno.path)}: cannot read (${readErrorWording(errno.code)})\n`);
			return 1;
		}
		io.err(`sipwhy: internal error: ${visible((e as Error).message)}\n`);
		if (process.env.SIPWHY_DEBUG) io.err(`${(e as Error).stack}\n`);
		return 1;
	}
}
