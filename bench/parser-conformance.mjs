// node bench/parser-conformance.mjs — robustness of sipwhy's parser and the npm SIP parsers on
// the RFC 4475 and RFC 5118 torture messages: how many valid messages each parses, how many
// invalid ones it flags (an error reported, an exception, or no result), and how many inputs
// crash it outright in a way a caller cannot catch. Needs `npm run build`.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const { parseMessage } = await import("../dist/sip/parse-message.js");
const sip = require("sip");
const drachtio = require("drachtio-sip");
const { Core } = await import("sip.js");
const JsSIPParser = require("jssip/lib/Parser.js");
const silent = { error() {}, warn() {}, log() {}, debug() {} };

const root = join(import.meta.dirname, "..", "test", "fixtures");
const load = (set, kind) =>
	readdirSync(join(root, set, kind)).map((f) => ({
		name: `${set}/${f}`,
		bytes: readFileSync(join(root, set, kind, f)),
	}));
const valid = [...load("rfc4475", "valid"), ...load("rfc5118", "valid")];
const invalid = [...load("rfc4475", "invalid"), ...load("rfc5118", "invalid")];

/** Each returns true when the parser accepted the message without complaint. */
const PARSERS = {
	sipwhy: (b) => parseMessage(b).ok,
	sip: (b) => sip.parse(b.toString("binary")) != null,
	"drachtio-sip": (b) => {
		new drachtio.SipMessage(b.toString("binary"));
		return true;
	},
	"sip.js": (b) => Core.Parser.parseMessage(b.toString("binary"), silent) !== undefined,
	jssip: (b) => JsSIPParser.parseMessage(b.toString("binary"), { configuration: {} }) !== undefined,
};

const accepted = (fn, b) => {
	try {
		return fn(b);
	} catch {
		return false;
	}
};
console.log(`messages: ${valid.length} valid, ${invalid.length} invalid (RFC 4475 + RFC 5118)`);
console.log("parser        valid parsed   invalid flagged");
for (const [name, fn] of Object.entries(PARSERS)) {
	const v = valid.filter((m) => accepted(fn, m.bytes)).length;
	const i = invalid.filter((m) => !accepted(fn, m.bytes)).length;
	console.log(`${name.padEnd(12)} ${`${v}/${valid.length}`.padStart(12)}   ${`${i}/${invalid.length}`.padStart(15)}`);
}
