import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { loadRawData } from "../../scripts/load-data.ts";
import { exampleProblems, proseProblems, validateKnowledge } from "./validate.ts";

const raw = loadRawData(join(import.meta.dirname, "..", "..", "data"));

test("data/ validates: schema, cross-references, prose, examples", () => {
	const { problems } = validateKnowledge(raw);
	assert.deepEqual(problems, []);
});

test("every code of the registry is present, in every content language", () => {
	const { kb } = validateKnowledge(raw);
	const registered = kb.codes.filter((c) => c.status !== "unregistered");
	assert.equal(registered.length, 75);
	for (const c of kb.codes) assert.deepEqual(Object.keys(c.text).sort(), ["en", "tr"], String(c.code));
});

test("prose checks catch template artefacts", () => {
	assert.match(proseProblems("You encounter 200 when when a call is answered.", "en").join(), /doubled/);
	assert.match(proseProblems("Use **bold** here.", "en").join(), /markdown/);
	assert.match(proseProblems("Run `sngrep` now.", "en").join(), /markdown/);
	assert.match(proseProblems("The user is not necessarily…", "en").join(), /cut/);
	assert.match(proseProblems("Send {code} now.", "en").join(), /placeholder/);
	assert.match(proseProblems("This text is plainly written in English, not Turkish at all.", "tr").join(), /Turkish/);
	assert.deepEqual(proseProblems("Aranan cihaz meşgul, çağrı reddedildi.", "tr"), []);
	assert.deepEqual(proseProblems("The phone is busy (see RFC 3261 §21.4.24).", "en"), []);
});

test("example checks catch a wrong status line, a missing header and a wrong Content-Length", () => {
	const facts = {
		code: 401,
		defined: "RFC3261 §21.4.2",
		status: "current" as const,
		methods: { value: ["REGISTER" as const], cite: "RFC3261 §21.4.2" },
		senders: { value: ["registrar" as const], cite: "RFC3261 §21.4.2" },
		requiredHeaders: [{ name: "WWW-Authenticate", cite: "RFC3261 §21.4.2" }],
		optionalHeaders: [],
		retry: { kind: "credentials" as const, cite: "RFC3261 §22.2" },
		dialogEffect: { value: "transaction-only" as const, cite: "RFC5057 §5.1" },
		q850: { toCause: 21, fromCauses: [] },
		related: [],
	};
	const good =
		'SIP/2.0 401 Unauthorized\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK1\nFrom: <sip:a@example.com>;tag=1\nTo: <sip:a@example.com>;tag=2\nCall-ID: x@192.0.2.1\nCSeq: 1 REGISTER\nWWW-Authenticate: Digest realm="example.com", nonce="abc"\nContent-Length: 0\n\n';
	assert.deepEqual(exampleProblems(401, "Unauthorized", facts, good), []);
	assert.match(exampleProblems(401, "Unauthorised", facts, good).join(), /status line/);
	assert.match(
		exampleProblems(401, "Unauthorized", facts, good.replace(/WWW-Authenticate.*\n/, "")).join(),
		/WWW-Authenticate/,
	);
	assert.match(
		exampleProblems(401, "Unauthorized", facts, good.replace("Content-Length: 0", "Content-Length: 12")).join(),
		/Content-Length/,
	);
	assert.match(
		exampleProblems(401, "Unauthorized", facts, good.replace("1 REGISTER", "1 INVITE")).join(),
		/CSeq method/,
	);
});

test("search synonyms are checked: known codes, one-word spellings, a file per content language", () => {
	const en = raw.searchSynonyms?.en as { spellings: Record<string, string>; meanings: Record<string, number[]> };
	const bad = {
		...raw,
		searchSynonyms: {
			...raw.searchSynonyms,
			en: {
				spellings: { ...en.spellings, "time out": "timeout", Busy: "busy" },
				meanings: { ...en.meanings, busy: [486, 486], nonsense: [498], "--": [486] },
			},
			tr: undefined,
			xx: { spellings: {}, meanings: {} },
		},
	};
	const { problems } = validateKnowledge(bad);
	const text = problems.join("\n");
	assert.match(text, /"time out" → "timeout" must be one word each/);
	assert.match(text, /"Busy" → "busy" is the same word once folded/);
	assert.match(text, /"busy": a code is listed twice/);
	assert.match(text, /"nonsense": unknown code 498/);
	assert.match(text, /"--" has no word/);
	assert.match(text, /data\/search-synonyms\/tr.json: missing/);
	assert.match(text, /xx is not a content language/);
	const tooLong = {
		...raw,
		searchSynonyms: {
			...raw.searchSynonyms,
			en: { ...en, meanings: { busy: [100, 180, 181, 182, 183, 199, 200, 202, 204] } },
		},
	};
	assert.match(validateKnowledge(tooLong).problems.join(), /meanings\.busy/);
});
