import assert from "node:assert/strict";
import { test } from "node:test";
import { LABELS } from "../i18n/index.ts";
import { LANGUAGES } from "../kb/locales.ts";
import { displayWidth, labelledRows, wrap } from "./terminal.ts";

test("display width: wide characters take two columns, combining marks none, colour escapes none", () => {
	assert.equal(displayWidth("486 Busy Here"), 13);
	assert.equal(displayWidth("最終応答"), 8);
	assert.equal(displayWidth("ＡＢ"), 4, "fullwidth forms");
	assert.equal(displayWidth("최종 응답"), 9, "Hangul syllables and a space");
	assert.equal(displayWidth("สุดท้าย"), 5, "Thai: two of the seven code points are combining marks");
	assert.equal(displayWidth("e\u0301"), 1, "e with a combining acute");
	assert.equal(displayWidth("नमस्ते"), 4, "Devanagari: virama and vowel signs take no column");
	assert.equal(displayWidth("\x1b[2m(RFC 3261)\x1b[22m"), 10);
	assert.equal(displayWidth("a\u200db"), 2, "zero-width joiner");
	assert.equal(displayWidth("😀"), 2);
});

/** The display column each value of a facts table starts at (first line of each row). */
function valueColumns(table: string, labels: string[]): number[] {
	const lines = table.split("\n");
	return labels.map((label) => {
		const i = lines.findIndex((l) => l.startsWith(`  ${label}`));
		const line = lines[i] as string;
		const rest = line.slice(2 + label.length);
		if (rest.trim() === "") {
			// The label stands alone; its value is on the next line.
			const next = lines[i + 1] as string;
			return displayWidth(next) - displayWidth(next.trimStart());
		}
		return displayWidth(`  ${label}`) + (rest.length - rest.trimStart().length);
	});
}

test("the facts table aligns its values in every language, with the labels of today", () => {
	for (const lang of LANGUAGES) {
		const L = LABELS[lang];
		const labels = [
			L.scope,
			L.methods,
			L.senders,
			L.requiredHeaders,
			L.optionalHeaders,
			L.endsForking,
			L.retry,
			L.dialogEffect,
			L.ack,
			L.q850,
		];
		const table = labelledRows(
			labels.map((l) => [l, "INVITE (RFC 3261 §21.4.24)"]),
			100,
		);
		const cols = valueColumns(table, labels);
		assert.equal(new Set(cols).size, 1, `${lang}: values start at columns ${cols.join(", ")}\n${table}`);
		for (const line of table.split("\n")) assert.ok(displayWidth(line) <= 100, `${lang}: ${line}`);
		// Between a label and its value there are at least two spaces.
		for (const [i, label] of labels.entries())
			assert.ok(
				(cols[i] as number) >= displayWidth(`  ${label}`) + 2 || !table.includes(`  ${label}  `),
				`${lang} ${label}`,
			);
	}
});

test("a label wider than the column stands on its own line, its value below", () => {
	const long = "ダイアログとトランザクションへの影響の詳細";
	const table = labelledRows(
		[
			["短い", "はい"],
			[long, "このトランザクションのみ"],
		],
		80,
	);
	assert.deepEqual(table.split("\n"), [
		"  短い                            はい",
		`  ${long}`,
		"                                  このトランザクションのみ",
	]);
});

test("Japanese, Chinese and Thai text wraps between words within the width", () => {
	for (const text of [
		"着信側の端末には届きましたが、いまは別の通話を受けられません。同じユーザーが別の端末で応答できる場合があります。",
		"被叫用户的设备已收到请求，但此刻不愿意或无法再接一个呼叫。同一用户可能在其他地方仍可联系到。",
		"อุปกรณ์ของผู้รับสายได้รับคำขอแล้ว แต่ไม่สามารถรับสายเพิ่มได้ในขณะนี้ ผู้ใช้คนเดียวกันอาจติดต่อได้ที่อุปกรณ์อื่น",
	]) {
		const lines = wrap(text, "  ", "  ", 40).split("\n");
		assert.ok(lines.length >= 3, text);
		for (const line of lines) assert.ok(displayWidth(line) <= 40, `${displayWidth(line)}: ${line}`);
		assert.equal(
			lines
				.map((l) => l.slice(2))
				.join("")
				.replace(/\s/g, ""),
			text.replace(/\s/g, ""),
			"nothing lost",
		);
		for (const line of lines.slice(1))
			assert.doesNotMatch(line.trim(), /^[、。，]/, "no line starts with a comma or full stop");
	}
	assert.equal(wrap("one two three", "", "", 9), "one two\nthree");
});
