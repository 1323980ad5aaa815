import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { loadRawData } from "../../scripts/load-data.ts";
import { CodeText } from "./schema.ts";
import {
	exampleProblems,
	parseTermTable,
	proseProblems,
	q850Problems,
	settingProblems,
	termProblems,
	validateKnowledge,
} from "./validate.ts";

const raw = loadRawData(join(import.meta.dirname, "..", "..", "data"));

test("data/ validates: schema, cross-references, prose, examples", () => {
	const { problems } = validateKnowledge(raw);
	assert.deepEqual(problems, []);
});

test("every code of the registry is present, in every content language", () => {
	const { kb } = validateKnowledge(raw);
	const registered = kb.codes.filter((c) => c.status !== "unregistered");
	assert.equal(registered.length, 75);
	const content = Object.keys(raw.text).sort();
	assert.ok(content.includes("en") && content.includes("tr"));
	for (const c of kb.codes) assert.deepEqual(Object.keys(c.text).sort(), content, String(c.code));
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
	assert.deepEqual(proseProblems("Revise todo el tráfico antes de cambiar nada.", "es"), [], "todo is a Spanish word");
	assert.match(proseProblems("TODO: write the fix.", "en").join(), /placeholder/);
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
		q850: { toCause: 21, toCauseBasis: "listed" as const, fromCauses: [] },
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

const termList = () => parseTermTable(raw.terms?.tr ?? "");

test("the Turkish term list parses, and the check finds forbidden forms but not protocol tokens", () => {
	const rules = termList();
	assert.ok(rules.length >= 10);
	const found = (t: string) => termProblems(t, rules, ["Early Dialog Terminated"]);
	assert.match(found("Bir ağ geçidi 502 döner.").join(), /gateway/);
	assert.match(found("Çağrının nihai yanıtı 486 oldu.").join(), /son yanıt/);
	assert.match(found("Kullanıcı ajanı 180 gönderir.").join(), /UA/);
	assert.match(found("Proxy bir sonraki atlamaya iletir.").join(), /hop/);
	assert.match(found("From tag'i farklıdır.").join(), /etiket/);
	assert.deepEqual(found("Supported başlığındaki option tag ve entity-tag'i, To etiketi ve tag=abc."), []);
	assert.deepEqual(found("199 Early Dialog Terminated bir erken diyalog (early dialog) bitirir."), []);
	assert.deepEqual(found('Yığın "Missing Call-ID header field" yazar.'), []);
	assert.deepEqual(found("Telefon çağrıyı cevaplar; cevapsız çağrı kalır."), []);
	assert.throws(() => parseTermTable("| a | b |\n| --- | --- |\n| x | y |\n"), /4 cells/);
});

test("no Turkish text uses a forbidden form of docs/terms-tr.md", () => {
	const rules = termList();
	const reasons = (raw.registry as { codes: { reason: string }[] }).codes.map((c) => c.reason);
	for (const [code, t] of Object.entries(raw.text.tr ?? {}))
		for (const value of Object.values(t as Record<string, string | string[]>))
			for (const item of Array.isArray(value) ? value : [value])
				assert.deepEqual(termProblems(item, rules, reasons), [], `tr/${code}: ${item}`);
	// The build reports the same problems.
	const broken = structuredClone(raw);
	(broken.text.tr?.["486"] as { summary: string }).summary = "Aranan kullanıcı ajanı meşgul ve çağrıyı geri çevirdi.";
	assert.match(validateKnowledge(broken, { only: new Set([486]) }).problems.join(), /terms-tr\.md/);
});

test("the build checks Turkish pairs and troubleshooting pages against docs/terms-tr.md too", () => {
	const broken = structuredClone(raw);
	const pair = broken.pairs.tr?.["100-180"] as { keyDifferences: string[] };
	pair.keyDifferences[0] = `${pair.keyDifferences[0]} Bir ağ geçidi de 100 gönderebilir.`;
	const page = broken.rules?.tr?.["who-failed"] as { summary: string };
	page.summary = `${page.summary} Çoğu zaman kayıt sunucusu karar verir.`;
	const problems = validateKnowledge(broken, { only: new Set([100, 180]) }).problems;
	assert.ok(
		problems.some((p) =>
			/^data\/pairs\/tr\/100-180\.json: keyDifferences\[0\]: "ağ geçidi" .*gateway.*terms-tr\.md/.test(p),
		),
		problems.join("\n"),
	);
	assert.ok(
		problems.some((p) =>
			/^data\/rules\/tr\/who-failed\.json: summary: "kayıt sunucusu" .*registrar.*terms-tr\.md/.test(p),
		),
		problems.join("\n"),
	);
	// The same texts as committed pass, so the problems above come from the two inserted sentences.
	assert.deepEqual(validateKnowledge(raw, { only: new Set([100, 180]) }).problems, []);
});

test("q850 facts follow RFC 3398 §8.2.6.1: the default rule gives 31, only rejections map", () => {
	const base = { code: 412, q850: { toCause: 31 as number | null, toCauseBasis: "default" as const, fromCauses: [] } };
	assert.deepEqual(q850Problems(base), []);
	assert.match(q850Problems({ ...base, q850: { ...base.q850, toCause: null } }).join(), /cause 31/);
	assert.match(q850Problems({ ...base, code: 180 }).join(), /1xx/);
	assert.match(
		q850Problems({ code: 488, q850: { toCause: 41, toCauseBasis: "warning", fromCauses: [] } }).join(),
		/no fixed cause/,
	);
});

test("every setting name in a text is listed with where it was checked", () => {
	const text = { en: { howToFix: ["Set allow_transfer=no on the endpoint."] } } as never;
	assert.match(settingProblems({}, text).join(), /allow_transfer is used in the text but not listed/);
	const listed = { settings: [{ name: "allow_transfer", product: "Asterisk pjsip endpoint", source: "res_pjsip" }] };
	assert.deepEqual(settingProblems(listed, text), []);
	assert.match(settingProblems(listed, { en: { howToFix: ["Nothing."] } } as never).join(), /listed but no text/);
});

test("vendor settings: pjsip allow_transfer, device_state_busy_at sets device state only, call-limit is chan_sip", () => {
	const en = (code: string) => JSON.stringify(raw.text.en?.[code]);
	assert.doesNotMatch(en("202"), /allowtransfer=no/);
	assert.match(en("202"), /allow_transfer=no/);
	assert.match(en("486"), /device_state_busy_at only changes the device state/);
	assert.match(en("486"), /call-limit is chan_sip/);
	assert.doesNotMatch(en("486"), /max-calls/);
	const facts = raw.facts["486"] as { settings: { name: string; product: string }[] };
	assert.equal(facts.settings.find((s) => s.name === "call-limit")?.product, "Asterisk chan_sip (not pjsip)");
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

test("a partial content language: a missing code text is refused, missing pairs, rules and terms are listed", () => {
	const tr = raw.text.tr ?? {};
	const lacking = {
		...raw,
		text: { ...raw.text, tr: Object.fromEntries(Object.entries(tr).filter(([k]) => k !== "486")) },
	};
	assert.match(validateKnowledge(lacking).problems.join("\n"), /data\/text\/tr\/486\.json: missing/);

	const pairsTr = { ...(raw.pairs.tr ?? {}) };
	delete pairsTr["401-407"];
	const rulesTr = { ...(raw.rules?.tr ?? {}) };
	delete rulesTr["auth-loop"];
	const termsTr = { ...((raw.glossary?.tr ?? {}) as Record<string, unknown>) };
	delete termsTr.dialog;
	delete termsTr.transaction;
	const partial = {
		...raw,
		pairs: { ...raw.pairs, tr: pairsTr },
		rules: { ...raw.rules, tr: rulesTr },
		glossary: { ...raw.glossary, tr: termsTr },
	};
	const { problems, gaps } = validateKnowledge(partial);
	assert.deepEqual(problems, []);
	assert.deepEqual(
		gaps.filter((g) => g.startsWith("tr:")),
		[
			"tr: 1 of 51 curated pairs (data/pairs/) missing: 401-407",
			`tr: 1 of ${Object.keys(raw.rules?.en ?? {}).length} rule pages (data/rules/) missing: auth-loop`,
			`tr: 2 of ${Object.keys(raw.glossary?.en ?? {}).length} glossary terms (data/glossary/) missing: dialog, transaction`,
		],
	);
	assert.deepEqual(
		validateKnowledge(raw).gaps.filter((g) => g.startsWith("tr:")),
		[],
		"tr is complete",
	);
});

test("content files of a language that is not a content language are refused", () => {
	const stray = { ...raw, pairs: { ...raw.pairs, ko: {} }, glossary: { ...raw.glossary, ko: {} } };
	const problems = validateKnowledge(stray).problems.join("\n");
	assert.match(problems, /data\/pairs\/ko: ko is not a content language/);
	assert.match(problems, /data\/glossary\/ko\.json: ko is not a content language/);
	const unknown = { ...raw, text: { ...raw.text, xx: raw.text.tr ?? {} } };
	assert.match(validateKnowledge(unknown).problems.join("\n"), /data\/text\/xx: xx is not a language sipwhy offers/);
});

test("a content language without its phrase or finding-text module is listed as incomplete", () => {
	const modules = raw.modules ?? { phrases: [], findingTexts: [] };
	// Every content language written so far has both modules.
	const content = Object.keys(raw.text).sort();
	assert.deepEqual([...modules.phrases].sort(), content);
	assert.deepEqual([...modules.findingTexts].sort(), content);
	const others = content.filter((l) => l !== "en" && l !== "tr");
	const without = validateKnowledge({
		...raw,
		modules: { phrases: ["en", ...others], findingTexts: ["en", ...others] },
	});
	assert.deepEqual(without.problems, []);
	assert.deepEqual(
		without.gaps.filter((g) => g.startsWith("tr:")),
		[
			"tr: src/kb/phrases/tr.ts missing (derived sentences)",
			"tr: src/diagnose/texts/tr.ts missing (finding texts; src/diagnose/rule-ids.test.ts fails)",
		],
	);
});

test("glossary checks: facts in English only, patterns the linker can file, translated words", () => {
	const tr = (raw.glossary?.tr ?? {}) as Record<string, Record<string, unknown>>;
	const en = (raw.glossary?.en ?? {}) as Record<string, Record<string, unknown>>;
	const broken = {
		...raw,
		glossary: {
			...raw.glossary,
			tr: {
				...tr,
				dialog: { ...tr.dialog, cite: "RFC3261 §12" },
				transaction: { ...tr.transaction, match: ["(?:x)+"] },
				branch: { ...tr.branch, def: en.branch?.def },
				nonsense: { term: "Saçma", def: "Böyle bir terim İngilizce sözlükte yok.", match: ["saçma"] },
			},
		},
	};
	const problems = validateKnowledge(broken).problems.join("\n");
	assert.match(problems, /tr\.json: dialog: cite and cs are set in en\.json only/);
	assert.match(problems, /tr\.json: transaction: match \(\?:x\)\+ must start with three plain characters/);
	assert.match(problems, /tr\.json: branch: def: same as the English/);
	assert.match(problems, /tr\.json: nonsense: no such term in data\/glossary\/en\.json/);
});

test("translated pairs and rule pages are checked against the English", () => {
	const pairs = { ...raw.pairs, tr: { ...(raw.pairs.tr ?? {}), "401-407": raw.pairs.en?.["401-407"] } };
	assert.match(
		validateKnowledge({ ...raw, pairs }).problems.join("\n"),
		/tr\/401-407\.json: whenToUseWhich: same as the English/,
	);
	const auth = raw.rules?.tr?.["auth-loop"] as { check: string[] };
	const rules = {
		...raw.rules,
		tr: { ...(raw.rules?.tr ?? {}), "auth-loop": { ...auth, check: auth.check.slice(1) } },
	};
	assert.match(
		validateKnowledge({ ...raw, rules }).problems.join("\n"),
		/tr\/auth-loop\.json: check: \d+ items, English has/,
	);
});

test("sentences end in the punctuation of their script", () => {
	const text = (summary: string) => ({ ...(raw.text.en?.["486"] as object), summary });
	for (const ok of [
		"着信側は話し中です。",
		"被叫方的设备正忙，无法接听。",
		"هل الخط مشغول؟",
		"कॉल व्यस्त है।",
		"ปลายทางสายไม่ว่าง",
	])
		assert.ok(CodeText.safeParse(text(ok)).success, ok);
	assert.ok(!CodeText.safeParse(text("The callee is busy and")).success);
});
