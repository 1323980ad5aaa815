// The media findings on the real captures of test/fixtures/media (scripts/make-media-captures.sh):
// each fires where its fixture has the fault and stays quiet on the clean, SRTP and mild-jitter calls.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../../flow/analyze.ts";
import { diagnose } from "../diagnose.ts";

const DIR = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "media");

async function mediaFindings(file: string, lang = "en") {
	const { calls } = await analyze([{ name: file, source: [new Uint8Array(readFileSync(join(DIR, file)))] }], {
		diagnose: (call, summary) => diagnose(call, summary, { lang }),
	});
	return calls.flatMap((c) =>
		c.findings.filter(
			(f) => f.rule.startsWith("media-") && f.rule !== "media-direction" && f.rule !== "media-mismatch",
		),
	);
}

const expected: Record<string, string[]> = {
	"clean-two-way.pcapng": [],
	"srtp.pcapng": [],
	"jitter.pcapng": [],
	"baresip-rtcp-opus.pcapng.gz": [],
	"concurrent-20.pcapng.gz": [],
	"none.pcapng": ["media-none"],
	"one-way.pcapng": ["media-one-way"],
	"loss.pcapng": ["media-loss", "media-loss"],
	"reorder.pcapng": ["media-jitter", "media-jitter"],
	"payload-mismatch.pcapng": ["media-payload"],
};

for (const [file, rules] of Object.entries(expected))
	test(`media findings on ${file}: ${rules.join(", ") || "none"}`, async () => {
		const found = await mediaFindings(file);
		assert.deepEqual(
			found.map((f) => f.rule),
			rules,
			found.map((f) => f.text).join("\n"),
		);
	});

test("the loss finding names the direction, the figures and where they were measured, in en and tr", async () => {
	const [en] = await mediaFindings("loss.pcapng");
	assert.match(en?.text ?? "", /2\.6% of the RTP caller→callee was lost \(6 of 234 packets.*capture was taken/);
	const [tr] = await mediaFindings("loss.pcapng", "tr");
	assert.match(tr?.text ?? "", /yüzde 2\.6 kadarı kayboldu \(234 paketten 6 tanesi/);
});

test("one-way audio says which direction is missing and where it should have gone", async () => {
	const [f] = await mediaFindings("one-way.pcapng");
	assert.equal(f?.severity, "error");
	assert.match(f?.text ?? "", /RTP flowed caller→callee only; nothing came callee→caller .* go to 127\.0\.0\.1:6000/);
});
