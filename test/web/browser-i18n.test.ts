// Pages in three scripts in a real browser (Debian's Chromium through playwright-core): Arabic
// right to left with left-to-right codes and RFC references inside Arabic sentences, Japanese,
// and German (a Latin-script language with long words). They use the interface labels that exist
// in every language today; the content of those languages arrives later and falls back to English.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { liveServer } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const skip =
	!existsSync(CHROMIUM) && !process.env.CI
		? `${CHROMIUM} is missing (apt-get install chromium); browser tests run in CI, where it is installed`
		: false;

const live = liveServer();
let context: BrowserContext | undefined;
let profile = "";

before(async () => {
	if (skip) return;
	profile = mkdtempSync(join(tmpdir(), "sipwhy-chromium-i18n-"));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
		viewport: { width: 1100, height: 900 },
	});
});
after(async () => {
	await context?.close();
	if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path: string, width = 1100): Promise<Page> {
	const page = await (context as BrowserContext).newPage();
	await page.setViewportSize({ width, height: 900 });
	const r = await page.goto(live.url() + path);
	assert.equal(r?.status(), 200, path);
	return page;
}

/**
 * Left edge (px) of the first occurrence of each string inside the element matching `selector`,
 * measured on the laid-out text: the visual order of the pieces of a mixed-direction paragraph.
 */
async function lefts(page: Page, selector: string, pieces: string[]): Promise<number[]> {
	return page.evaluate(
		([sel, wanted]) => {
			const root = document.querySelector(sel as string);
			if (!root) throw new Error(`no ${sel}`);
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			const texts: Text[] = [];
			for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
			return (wanted as string[]).map((w) => {
				for (const t of texts) {
					const i = t.data.indexOf(w);
					if (i < 0) continue;
					const range = document.createRange();
					range.setStart(t, i);
					range.setEnd(t, i + 1);
					return range.getBoundingClientRect().left;
				}
				throw new Error(`"${w}" not in ${sel}`);
			});
		},
		[selector, pieces] as const,
	);
}

/** Whether the page scrolls sideways (a word or table wider than the screen). */
async function overflows(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

/** Facts table rows whose label cell runs into its value cell. */
async function overlappingRows(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll("table tr")].flatMap((tr) => {
			const th = tr.querySelector("th");
			const td = tr.querySelector("td");
			if (!th || !td) return [];
			const a = th.getBoundingClientRect();
			const b = td.getBoundingClientRect();
			const rtl = getComputedStyle(tr).direction === "rtl";
			const clear = rtl ? a.left >= b.right - 0.5 : a.right <= b.left + 0.5;
			return clear ? [] : [th.textContent ?? ""];
		}),
	);
}

describe("pages in three scripts, in the browser", { skip }, () => {
	test("Arabic: a sentence with a code and an RFC reference keeps them left to right", async () => {
		const page = await open("/ar/sip/499");
		assert.equal(await page.getAttribute("html", "dir"), "rtl");
		const notice = "main p.notice:not([role])";
		assert.match((await page.textContent(notice)) ?? "", /400 Bad Request \(RFC 3261 §8\.1\.3\.2\)/);
		const [n400, bad, request, rfc, num, section] = await lefts(page, notice, [
			"400",
			"Bad",
			"Request",
			"RFC",
			"3261",
			"§",
		]);
		assert.ok(
			(n400 as number) < (bad as number) && (bad as number) < (request as number),
			"400 Bad Request reads left to right",
		);
		assert.ok(
			(rfc as number) < (num as number) && (num as number) < (section as number),
			"RFC 3261 §8.1.3.2 reads left to right",
		);
		const arabic = (await lefts(page, notice, ["الرمز"]))[0] as number;
		assert.ok(arabic > (section as number), "the Arabic sentence starts on the right");
		await page.close();
	});

	test("Arabic: the class page's lead keeps its RFC citation whole, its list aligned on the right", async () => {
		const page = await open("/ar/sip/4xx");
		const [rfc, num, section] = await lefts(page, "main p.lead", ["RFC", "3261", "§"]);
		assert.ok((rfc as number) < (num as number) && (num as number) < (section as number), "RFC 3261 §21.4 in order");
		const rights = await page.evaluate(() =>
			[...document.querySelectorAll("main ul.list > li")].map((li) => {
				const a = li.querySelector("a")?.getBoundingClientRect();
				return { li: li.getBoundingClientRect().right, link: a ? a.right : 0 };
			}),
		);
		assert.ok(rights.length > 10);
		const first = rights[0] as { li: number; link: number };
		for (const r of rights) {
			assert.ok(Math.abs(r.li - first.li) < 1, "every item ends at the same right edge");
			assert.ok(Math.abs(r.link - first.link) < 2, "every code link starts at the right, aligned");
		}
		// The English summaries inside are marked and laid out left to right.
		assert.equal(
			await page.evaluate("getComputedStyle(document.querySelector('main ul.list li span[lang=en]')).direction"),
			"ltr",
		);
		assert.equal(await overflows(page), false);
		await page.close();
	});

	for (const [lang, heading] of [
		["ja", /事実|ファクト/],
		["de", /Fakten/],
	] as const)
		test(`${lang}: labels in ${lang}, the facts table clear, nothing wider than a phone screen`, async () => {
			for (const width of [1100, 360]) {
				const page = await open(`/${lang}/sip/486-busy-here`, width);
				assert.equal(await page.getAttribute("html", "lang"), lang);
				assert.equal(await page.getAttribute("html", "dir"), "ltr");
				const h2 = (await page.locator("main h2").allTextContents()).join(" ");
				assert.match(h2, heading, `${lang} headings`);
				assert.deepEqual(await overlappingRows(page), [], `${lang} at ${width}px`);
				assert.equal(await overflows(page), false, `${lang} at ${width}px scrolls sideways`);
				await page.close();
			}
		});
});
