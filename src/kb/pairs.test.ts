// Every comparison, curated or derived, against the raw data files: a sentence built from facts
// must state exactly the facts of the two codes in data/codes, never the other code's or a stale one.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { CLASS_RULES, classOf } from "./classes.ts";
import { compare, derivedDifferences } from "./compare.ts";
import type { Side } from "./phrases/index.ts";
import { entries } from "./registry.ts";
import type { CodeFacts, PairText } from "./schema.ts";

const DATA = join(import.meta.dirname, "..", "..", "data");
const readJson = (path: string) => JSON.parse(readFileSync(join(DATA, path), "utf8"));

const FACTS = new Map<number, CodeFacts>(
	readdirSync(join(DATA, "codes"))
		.filter((f) => f.endsWith(".json"))
		.map((f) => {
			const facts = readJson(`codes/${f}`) as CodeFacts;
			return [facts.code, facts];
		}),
);
const Q850: Record<string, string> = readJson("q850.json");
const CODES = [...FACTS.keys()].sort((x, y) => x - y);
const LANGS = ["en", "tr"];

/** The side of a comparison as the raw data file states it (independent of the generated table). */
function sideFromData(code: number): Side {
	const f = FACTS.get(code) as CodeFacts;
	const rules = CLASS_RULES[classOf(code)];
	const s: Side = {
		code,
		class: classOf(code),
		status: f.status,
		methods: f.methods.value,
		senders: f.senders.value,
		requiredHeaders: f.requiredHeaders.map((h) => h.name),
		retryKind: f.retry.kind,
		dialogEffect: f.dialogEffect.value,
		ack: rules.ack,
		endsForking: rules.endsForking,
		q850To: f.q850.toCause === null ? null : { cause: f.q850.toCause, name: Q850[String(f.q850.toCause)] ?? "" },
		q850Basis: f.q850.toCauseBasis,
	};
	if (f.dialogEffect.uacShouldTerminate)
		s.uacShouldTerminate = f.dialogEffect.uacShouldTerminate.replace(/^RFC(\d+)/, "RFC $1");
	if (f.dialogEffect.endsEarlyDialog) s.endsEarlyDialog = true;
	if (f.deprecatedBy) s.deprecatedBy = f.deprecatedBy.replace(/^RFC(\d+)/, "RFC $1");
	if (f.status === "unregistered") s.treatedAs = code < 200 ? 183 : Math.floor(code / 100) * 100;
	return s;
}

function curatedFile(a: number, b: number, lang: string): PairText | undefined {
	try {
		return readJson(`pairs/${lang}/${a}-${b}.json`) as PairText;
	} catch {
		return undefined;
	}
}

const sorted = (xs: readonly string[]) => [...xs].sort();

/**
 * Reads the facts an English derived sentence states back out of it, one claim per code and fact,
 * and checks each against the code's data file. Returns how many claims it checked.
 */
function checkEnglishClaims(sentence: string): number {
	let claims = 0;
	const fact = (code: string) => {
		const f = FACTS.get(Number(code));
		assert.ok(f, `${code} in "${sentence}" is not a code with data`);
		claims++;
		return f;
	};
	const LIST = /, (?:and |or )?| and | or /;
	for (const m of sentence.matchAll(/(\d{3}) must carry (.+?)(?:, while |\.$)/g))
		assert.deepEqual(
			sorted((m[2] as string).split(LIST)),
			sorted(fact(m[1] as string).requiredHeaders.map((h) => h.name)),
			sentence,
		);
	for (const m of sentence.matchAll(/(\d{3}) has no header it must carry/g))
		assert.deepEqual(fact(m[1] as string).requiredHeaders, [], sentence);
	for (const m of sentence.matchAll(/(\d{3}) answers (any request|(.+?) requests)/g)) {
		const methods = m[1] && m[3] ? (m[3] as string).split(LIST) : ["any"];
		assert.deepEqual(sorted(methods), sorted(fact(m[1] as string).methods.value), sentence);
	}
	const SENDER: Record<string, string> = {
		"the called user agent (UAS)": "uas",
		"a proxy": "proxy",
		"a registrar": "registrar",
		"a redirect server": "redirect",
		"a B2BUA": "b2bua",
	};
	for (const m of sentence.matchAll(/(\d{3}) is typically sent by (.+?)(?:, while |\.$)/g)) {
		const senders = (m[2] as string).split(LIST).map((s) => SENDER[s] ?? `unknown sender "${s}"`);
		assert.deepEqual(sorted(senders), sorted(fact(m[1] as string).senders.value), sentence);
	}
	const RETRY: [RegExp, string][] = [
		[/(\d{3}) is not a failure, so there is nothing to retry/g, "none"],
		[/after (\d{3}) the client resends the request with credentials/g, "credentials"],
		[/after (\d{3}) the client may retry once it has corrected/g, "modify"],
		[/after (\d{3}) the client may send the same request again later/g, "later"],
		[/after (\d{3}) the client should try another address or server/g, "elsewhere"],
		[/after (\d{3}) the client should not send the same request again/g, "never"],
	];
	for (const [re, kind] of RETRY)
		for (const m of sentence.matchAll(new RegExp(re.source, "gi")))
			assert.equal(fact(m[1] as string).retry.kind, kind, sentence);
	const EFFECT: [RegExp, string][] = [
		[/(\d{3}) (?:has no effect on any dialog|neither creates nor ends a dialog)/g, "none"],
		[/(\d{3}) ends the one early dialog its To tag names/g, "none"],
		[/(\d{3}) (?:creates an early dialog|establishes the dialog)/g, "establishes"],
		[/(\d{3}) fails only that transaction/g, "transaction-only"],
		[/(\d{3}) ends the usage the request belonged to/g, "usage-terminated"],
		[/(\d{3}) ends the whole dialog/g, "dialog-terminated"],
	];
	for (const [re, value] of EFFECT)
		for (const m of sentence.matchAll(re)) assert.equal(fact(m[1] as string).dialogEffect.value, value, sentence);
	for (const m of sentence.matchAll(
		/(\d{3}) becomes Q\.850 cause (\d+) \((.+?)\) by (the table|RFC 3398's default rule)/g,
	)) {
		const f = fact(m[1] as string);
		assert.equal(f.q850.toCause, Number(m[2]), sentence);
		assert.equal(Q850[m[2] as string], m[3], sentence);
		assert.equal(f.q850.toCauseBasis, m[4] === "the table" ? "listed" : "default", sentence);
	}
	const BASIS: [RegExp, string][] = [
		[/(\d{3}) has no fixed cause, because the table lets its Warning header decide/g, "warning"],
		[/(\d{3}) maps to no cause in the table/g, "unmapped"],
		[/(\d{3}) releases nothing, because it is not a rejection/g, "not-a-rejection"],
	];
	for (const [re, basis] of BASIS)
		for (const m of sentence.matchAll(re)) {
			assert.equal(fact(m[1] as string).q850.toCauseBasis, basis, sentence);
			assert.equal(fact(m[1] as string).q850.toCause, null, sentence);
		}
	const classClaim = (code: string, cls: string) => {
		fact(code);
		assert.equal(classOf(Number(code)), cls, sentence);
	};
	for (const m of sentence.matchAll(/(\d{3}) (?:is|and \d{3} are both) [^.]*?\((\dxx)\)/g))
		classClaim(m[1] as string, m[2] as string);
	for (const m of sentence.matchAll(/\d{3} and (\d{3}) are both [^.]*?\((\dxx)\)/g))
		classClaim(m[1] as string, m[2] as string);
	for (const m of sentence.matchAll(/(\d{3}) ends forking/g))
		assert.ok(CLASS_RULES[classOf(Number(fact(m[1] as string).code))].endsForking, sentence);
	for (const m of sentence.matchAll(/while (\d{3}) leaves the other branches running/g))
		assert.ok(!CLASS_RULES[classOf(fact(m[1] as string).code)].endsForking, sentence);
	const ACK: [RegExp, string][] = [
		[/(\d{3}) is acknowledged with an ACK that the caller sends end to end/g, "end-to-end"],
		[/(\d{3}) is acknowledged with an ACK sent hop by hop/g, "hop-by-hop"],
		[/(\d{3}) is never acknowledged with ACK/g, "none"],
	];
	for (const [re, rule] of ACK)
		for (const m of sentence.matchAll(re))
			assert.equal(CLASS_RULES[classOf(fact(m[1] as string).code)].ack, rule, sentence);
	for (const m of sentence.matchAll(/^(\d{3}) is (deprecated|reserved|not in the IANA registry)/g)) {
		const status = { deprecated: "deprecated", reserved: "reserved", "not in the IANA registry": "unregistered" }[
			m[2] as string
		];
		assert.equal(fact(m[1] as string).status, status, sentence);
	}
	return claims;
}

test("the data files and the generated table hold the same codes", () => {
	assert.deepEqual(
		CODES,
		entries().map((e) => e.code),
	);
});

test("every derived difference is built from the two codes' data files, in every pair and language", () => {
	let checked = 0;
	for (let i = 0; i < CODES.length; i++)
		for (let j = i + 1; j < CODES.length; j++) {
			const a = CODES[i] as number;
			const b = CODES[j] as number;
			for (const lang of LANGS) {
				const c = compare(b, a, { lang });
				const curated = curatedFile(a, b, lang)?.keyDifferences ?? [];
				const derived = derivedDifferences(sideFromData(a), sideFromData(b), lang);
				assert.deepEqual(c.differences, [...curated, ...derived], `${a}-${b} ${lang}`);
				checked++;
			}
		}
	assert.equal(checked, ((CODES.length * (CODES.length - 1)) / 2) * LANGS.length);
});

test("every English derived sentence states the codes' own facts, and only theirs", () => {
	let claims = 0;
	for (let i = 0; i < CODES.length; i++)
		for (let j = i + 1; j < CODES.length; j++) {
			const a = CODES[i] as number;
			const b = CODES[j] as number;
			for (const sentence of derivedDifferences(sideFromData(a), sideFromData(b), "en")) {
				const n = checkEnglishClaims(sentence);
				assert.ok(n >= 1, `no fact read back from "${sentence}"`);
				claims += n;
			}
		}
	assert.ok(claims > 20000, `${claims} claims`);
});

test("the claim reader catches a sentence that gives one code the other's facts", () => {
	const swapped = derivedDifferences(
		{ ...sideFromData(401), requiredHeaders: sideFromData(407).requiredHeaders },
		sideFromData(403),
		"en",
	);
	assert.throws(() => {
		for (const s of swapped) checkEnglishClaims(s);
	}, /Proxy-Authenticate/);
	const wrongCause = derivedDifferences(
		{ ...sideFromData(486), q850To: { cause: 21, name: "Call rejected" } },
		sideFromData(600),
		"en",
	);
	assert.throws(() => {
		for (const s of wrongCause) checkEnglishClaims(s);
	});
});

test("Turkish derived sentences name the same headers and causes as the data", () => {
	for (let i = 0; i < CODES.length; i++)
		for (let j = i + 1; j < CODES.length; j++) {
			const a = CODES[i] as number;
			const b = CODES[j] as number;
			for (const sentence of derivedDifferences(sideFromData(a), sideFromData(b), "tr")) {
				for (const m of sentence.matchAll(/(\d{3})(?: ise)? (.+?) başlık(?:ların)?ı(?:nı)? taşımak zorundadır/g))
					assert.deepEqual(
						sorted((m[2] as string).split(/, | ve /)),
						sorted((FACTS.get(Number(m[1])) as CodeFacts).requiredHeaders.map((h) => h.name)),
						sentence,
					);
				for (const m of sentence.matchAll(/(\d{3}), Q\.850 (\d+) numaralı nedene \((.+?)\) dönüşür/g)) {
					assert.equal((FACTS.get(Number(m[1])) as CodeFacts).q850.toCause, Number(m[2]), sentence);
					assert.equal(Q850[m[2] as string], m[3], sentence);
				}
			}
		}
});

test("curated pairs state the Q.850 causes of the data", () => {
	let causes = 0;
	for (const lang of LANGS)
		for (const file of readdirSync(join(DATA, "pairs", lang))) {
			const [a, b] = file.replace(".json", "").split("-").map(Number) as [number, number];
			assert.ok(FACTS.has(a) && FACTS.has(b) && a < b, `${lang}/${file}: two codes with data, lower first`);
			const pair = readJson(`pairs/${lang}/${file}`) as PairText;
			for (const sentence of [...pair.keyDifferences, pair.whenToUseWhich]) {
				// "486 to cause 17", "a 404 becomes cause 1" (en), "486'yı cause 17", "404, cause 1" (tr)
				for (const m of sentence.matchAll(
					/(?<![.\d])\b(\d{3})(?:'[a-zıüö]+)?,? (?:to |into |becomes |→ )?(?:ISUP |Q\.850 )?cause (\d+)/g,
				)) {
					const f = FACTS.get(Number(m[1]));
					assert.ok(f, `${m[1]} in ${lang}/${file} is not a code with data`);
					assert.equal(f.q850.toCause, Number(m[2]), `${lang}/${file}: ${sentence}`);
					causes++;
				}
			}
		}
	assert.ok(causes >= 20, `only ${causes} cause statements read`);
});
