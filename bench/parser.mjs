// npm run bench:parser — messages/s and MB/s of sipwhy's parser against the npm SIP parsers on
// the same corpus, in the same run. Every parser does the same work: parse, then read the start
// line, Call-ID, CSeq, From and To tags, the top Via branch and the first Contact's URI.
// Needs `npm run build` (it measures dist/, the code users run).
import { createRequire } from "node:module";
import { CORPUS } from "./corpus.mjs";

const require = createRequire(import.meta.url);
const { parseMessage } = await import("../dist/sip/parse-message.js");
const sip = require("sip");
const drachtio = require("drachtio-sip");
const { Core } = await import("sip.js");
const JsSIPParser = require("jssip/lib/Parser.js");

const bytes = CORPUS.reduce((n, m) => n + Buffer.byteLength(m), 0);
const silentLogger = { error() {}, warn() {}, log() {}, debug() {} };
const jssipUa = { configuration: {} };

/** Each returns a value built from the fields read, so nothing is optimised away. */
const PARSERS = {
	sipwhy(text) {
		const m = parseMessage(text);
		return (
			(m.method ?? m.status) +
			m.callId +
			m.cseq?.seq +
			m.from?.tag +
			m.to?.tag +
			m.via[0]?.branch +
			(m.contact[0]?.uri ?? "")
		);
	},
	sip(text) {
		const m = sip.parse(text);
		return (
			(m.method ?? m.status) +
			m.headers["call-id"] +
			m.headers.cseq.seq +
			m.headers.from.params.tag +
			m.headers.to.params.tag +
			m.headers.via[0].params.branch +
			(m.headers.contact?.[0]?.uri ?? "")
		);
	},
	"drachtio-sip"(text) {
		const m = new drachtio.SipMessage(text);
		const from = m.getParsedHeader("from");
		const to = m.getParsedHeader("to");
		const via = m.getParsedHeader("via");
		const contact = m.has("contact") ? m.getParsedHeader("contact") : [];
		return (
			(m.method ?? m.status) +
			m.get("call-id") +
			m.getParsedHeader("cseq").seq +
			from.params.tag +
			to.params.tag +
			via[0].params.branch +
			(contact[0]?.uri ?? "")
		);
	},
	"sip.js"(text) {
		const m = Core.Parser.parseMessage(text, silentLogger);
		const via = m.parseHeader("via");
		const contact = m.hasHeader("contact") ? m.parseHeader("contact") : undefined;
		return (
			(m.method ?? m.statusCode) + m.callId + m.cseq + m.fromTag + m.toTag + via?.branch + (contact?.uri.host ?? "")
		);
	},
	jssip(text) {
		const m = JsSIPParser.parseMessage(text, jssipUa);
		const contact = m.hasHeader("contact") ? m.parseHeader("contact") : undefined;
		return (
			(m.method ?? m.status_code) +
			m.call_id +
			m.cseq +
			m.from_tag +
			m.to_tag +
			m.via_branch +
			(contact?.uri.host ?? "")
		);
	},
};

function measure(fn, ms) {
	let n = 0;
	let sink = 0;
	const end = performance.now() + ms;
	const t0 = performance.now();
	while (performance.now() < end) {
		for (const m of CORPUS) sink += String(fn(m)).length;
		n += CORPUS.length;
	}
	const elapsed = performance.now() - t0;
	if (sink === 0) throw new Error("nothing parsed");
	return n / (elapsed / 1000);
}

// Sanity: each parser must read the same fields from every message.
for (const [name, fn] of Object.entries(PARSERS))
	for (const m of CORPUS) {
		const v = String(fn(m));
		if (v.includes("undefined") && name === "sipwhy") throw new Error(`${name} missed a field: ${v}`);
	}

const rounds = Number(process.env.ROUNDS ?? 5);
const slice = Number(process.env.SLICE_MS ?? 400);
const results = Object.fromEntries(Object.keys(PARSERS).map((k) => [k, []]));
for (const fn of Object.values(PARSERS)) measure(fn, 300); // warm-up
for (let r = 0; r < rounds; r++)
	for (const [name, fn] of Object.entries(PARSERS)) results[name].push(measure(fn, slice));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = Object.entries(results).map(([name, xs]) => ({ name, rate: median(xs) }));
const bestPeer = Math.max(...rows.filter((r) => r.name !== "sipwhy").map((r) => r.rate));
console.log(
	`corpus: ${CORPUS.length} messages, ${bytes} bytes; ${rounds} rounds of ${slice} ms, median; node ${process.version}`,
);
console.log("parser        msgs/s      MB/s   vs fastest peer");
for (const r of rows.sort((a, b) => b.rate - a.rate))
	console.log(
		`${r.name.padEnd(12)} ${Math.round(r.rate).toString().padStart(8)}  ${((r.rate * bytes) / CORPUS.length / 1e6).toFixed(1).padStart(7)}   ${(r.rate / bestPeer).toFixed(2)}×`,
	);
