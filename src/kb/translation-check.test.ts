import assert from "node:assert/strict";
import { test } from "node:test";
// The interface labels exist in all 15 languages today: real sentences of each script to test against.
import { LABELS } from "../i18n/index.ts";
import { LANGUAGES } from "./locales.ts";
import {
	missingTokens,
	SCRIPT_CHECKED,
	scriptProblem,
	technicalTokens,
	translationProblems,
} from "./translation-check.ts";

test("every offered language but English has a script test", () => {
	assert.deepEqual([...SCRIPT_CHECKED].sort(), LANGUAGES.filter((l) => l !== "en").sort());
});

test("a real sentence of each language reads as it, English reads as none of them", () => {
	for (const lang of SCRIPT_CHECKED) {
		const own = LABELS[lang as keyof typeof LABELS].untranslated;
		assert.equal(scriptProblem(own, lang), null, `${lang}: ${own}`);
		assert.match(scriptProblem(LABELS.en.untranslated, lang) ?? "", /does not read as/, lang);
	}
});

test("one script is not taken for another", () => {
	assert.ok(scriptProblem(LABELS.ko.untranslated, "ja"), "Korean is not Japanese");
	assert.ok(scriptProblem(LABELS["zh-hans"].untranslated, "ja"), "Chinese (no kana) is not Japanese");
	assert.ok(scriptProblem(LABELS.ru.untranslated, "ar"), "Russian is not Arabic");
	assert.ok(scriptProblem(LABELS.hi.untranslated, "th"), "Hindi is not Thai");
	assert.ok(scriptProblem(LABELS.ja.untranslated, "ko"), "Japanese is not Korean");
});

test("technical tokens: codes, classes, RFC numbers and sections, headers, methods, settings", () => {
	const en =
		"Send 486 (a 4xx) with Retry-After per RFC 3261 §21.4.24 when the INVITE finds the callee busy; the Contact of the 200 and fr_inv_timer matter, not 100rel or 10.0.486.1.";
	assert.deepEqual(technicalTokens(en).sort(), [
		"200",
		"486",
		"4xx",
		"Contact",
		"INVITE",
		"RFC3261",
		"Retry-After",
		"fr_inv_timer",
		"§21.4.24",
	]);
	// "To" opening a sentence is a word, not the To header.
	assert.deepEqual(technicalTokens("To fix it, check the route."), []);
	assert.deepEqual(technicalTokens("Compare the Call-IDs."), ["Call-ID"]);
});

test("a translation keeps the tokens in its own grammar, and a lost one is named", () => {
	const en = "The INVITE got 486 Busy Here (RFC 3261 §21.4.24) and the Call-ID changed.";
	assert.deepEqual(missingTokens(en, "INVITE'a 486 Busy Here geldi (RFC 3261 §21.4.24) ve Call-ID'ler değişti."), []);
	assert.deepEqual(
		missingTokens(en, "INVITEに486 Busy Hereが返りました（RFC3261 § 21.4.24）。Call-IDが変わりました。"),
		[],
	);
	assert.deepEqual(missingTokens(en, "INVITE'a 468 geldi (RFC 3261 §21.4) ve çağrı kimliği değişti.").sort(), [
		"486",
		"Call-ID",
		"§21.4.24",
	]);
});

test("translationProblems: empty, same as English, wrong script, lost tokens, list lengths", () => {
	const en = {
		summary: "The callee is busy and sends 486.",
		howToFix: ["Wait and call again later, after a minute.", "Check the Retry-After header when it is present."],
		codes: [486],
	};
	assert.deepEqual(
		translationProblems(
			en,
			{
				summary: "Aranan meşgul ve 486 gönderir.",
				howToFix: ["Bekleyip bir dakika sonra yeniden arayın.", "Retry-After başlığı varsa ona bakın."],
			},
			"tr",
		),
		[],
	);
	const bad = translationProblems(
		en,
		{ summary: "", howToFix: ["Wait and call again later, after a minute.", "Bekleyin.", "Fazla adım."] },
		"tr",
	).join("\n");
	assert.match(bad, /summary: empty/);
	assert.match(bad, /howToFix: 3 items, English has 2/);
	assert.match(bad, /howToFix\[0\]: same as the English/);
	assert.match(bad, /howToFix\[1\]: lacks Retry-After/);
	const german = translationProblems(
		{ summary: "The user agent of the callee is busy and answers every INVITE with 486 now." },
		{ summary: "O agente de usuário do destino está ocupado e responde a cada INVITE com 486." },
		"de",
	);
	assert.match(german.join(), /does not read as German/);
	// Made of tokens and reason phrases only: the same in every language.
	assert.deepEqual(
		translationProblems({ title: "482 Loop Detected" }, { title: "482 Loop Detected" }, "ja", {
			reasons: ["Loop Detected"],
		}),
		[],
	);
	assert.deepEqual(translationProblems({ term: "Proxy" }, { term: "Proxy" }, "de", { mayEqual: ["term"] }), []);
});

test("a title's capital carries over: Re-INVITE opening the English is re-INVITE in a sentence", () => {
	assert.deepEqual(missingTokens("Re-INVITE glare (491)", "Collision de re-INVITE (491)"), []);
	assert.deepEqual(missingTokens("the Record-Route of the dialog", "ダイアログのrecord-route"), ["Record-Route"]);
});
