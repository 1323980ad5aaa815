// The site in a real browser (Debian's Chromium through playwright-core): the reader's path from
// the home page to a Turkish comparison, right-to-left Arabic, search-as-you-type, no CSP
// violation, and no serious or critical accessibility violation found by axe-core.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { documentedRules, entries, entry, ruleDoc, slug } from "../../src/kb/registry.ts";
import { BIDI, hostileLog } from "../hostile-input.ts";
import { liveServer } from "./helpers.ts";

const CHROMIUM = "/usr/bin/chromium";
const skip =
	!existsSync(CHROMIUM) && !process.env.CI
		? `${CHROMIUM} is missing (apt-get install chromium); browser tests run in CI, where it is installed`
		: false;

const live = liveServer();
let context: BrowserContext | undefined;
let profile = "";
const problems: string[] = [];

before(async () => {
	if (skip) return;
	profile = mkdtempSync(join(tmpdir(), "sipwhy-chromium-"));
	context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: [
			"--no-sandbox",
			"--disable-gpu",
			"--disable-quic",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
		],
		viewport: { width: 1100, height: 900 },
	});
});
after(async () => {
	await context?.close();
	if (profile) rmSync(profile, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
	const page = await (context as BrowserContext).newPage();
	page.on("console", (m) => {
		if (m.type() === "error") problems.push(`${path}: ${m.text()}`);
	});
	page.on("pageerror", (e) => problems.push(`${path}: ${e.message}`));
	await page.goto(live.url() + path);
	return page;
}

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

async function axe(page: Page): Promise<AxeViolation[]> {
	await page.evaluate(AXE);
	const result = (await page.evaluate(
		"axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))",
	)) as AxeViolation[];
	return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const describeViolations = (vs: AxeViolation[]) =>
	vs.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`).join("\n");

describe("in the browser", { skip }, () => {
	test("home → search “decline” → 603 → Türkçe → compare with 202 → Turkish differences", async () => {
		const other = entry(202) ? 202 : 486;
		const page = await open("/en");
		await page.fill("#q", "decline");
		await Promise.all([page.waitForURL(/\/en\/search\?q=decline/), page.press("#q", "Enter")]);
		await Promise.all([page.waitForURL(/\/en\/sip\/603-decline$/), page.click("main ol.list li:first-child a")]);
		assert.match((await page.textContent("h1")) ?? "", /603\s+Decline/);
		await page.click("details.lang summary");
		await Promise.all([page.waitForURL(/\/tr\/sip\/603-decline$/), page.click('details.lang a[hreflang="tr"]')]);
		assert.equal(await page.getAttribute("html", "lang"), "tr");
		assert.equal(await page.textContent("#h-description"), "Açıklama");
		await page.selectOption("#pick-b", String(other));
		await Promise.all([
			page.waitForURL(new RegExp(`/tr/compare/sip/${other}-[a-z-]+-vs-603-decline$`)),
			page.click("form.pick button"),
		]);
		const heading = page.locator("#h-differences");
		assert.equal(await heading.textContent(), "Temel farklar");
		assert.ok(await heading.isVisible());
		const items = page.locator("section[aria-labelledby=h-differences] li");
		assert.ok((await items.count()) >= 2);
		assert.ok(await items.first().isVisible());
		const text = (await items.allTextContents()).join(" ");
		assert.match(text, /[çğıöşüİ]/, "the differences are written in Turkish");
		assert.match(text, new RegExp(`${other}|603`));
		await page.close();
	});

	test("Arabic pages lay out right to left", async () => {
		const page = await open("/ar/sip/603-decline");
		assert.equal(await page.getAttribute("html", "dir"), "rtl");
		assert.equal(await page.evaluate("getComputedStyle(document.body).direction"), "rtl");
		const brand = await page.locator("a.brand").boundingBox();
		const nav = await page.locator("nav.main").boundingBox();
		assert.ok(brand && nav && brand.x > nav.x, "the brand sits to the right of the navigation");
		const h2 = await page.locator("#h-description").boundingBox();
		const main = await page.locator("main").boundingBox();
		assert.ok(h2 && main && h2.x + h2.width > main.x + main.width - 40, "headings start on the right");
		assert.equal(
			await page.evaluate("getComputedStyle(document.querySelector('p.lead')).direction"),
			"ltr",
			"English text inside stays left to right",
		);
		await page.close();
	});

	test("search as you type suggests codes from the API", async () => {
		const page = await open("/en/sip/603-decline");
		await page.fill("#hq", "busy");
		await page.waitForSelector("#hq-list[role=listbox] li a");
		const suggestions = await page.locator("#hq-list li a").allTextContents();
		assert.ok(
			suggestions.some((s) => s.startsWith("486")),
			suggestions.join(" | "),
		);
		assert.equal(await page.getAttribute("#hq", "aria-expanded"), "true");
		await page.press("#hq", "ArrowDown");
		await Promise.all([page.waitForURL(/\/en\/sip\/\d{3}-/), page.press("#hq", "Enter")]);
		await page.close();
	});

	test("axe-core: no serious or critical violation on home, code and compare pages", async () => {
		for (const path of [
			"/en",
			"/tr",
			"/en/sip/603-decline",
			"/tr/sip/486-busy-here",
			"/ar/sip/603-decline",
			"/en/compare/sip/486-busy-here-vs-603-decline",
			"/tr/compare/sip/486-busy-here-vs-603-decline",
			"/en/sip/499",
		]) {
			for (const scheme of ["light", "dark"] as const) {
				const page = await open(path);
				await page.emulateMedia({ colorScheme: scheme });
				const violations = await axe(page);
				assert.equal(violations.length, 0, `${path} (${scheme}):\n${describeViolations(violations)}`);
				await page.close();
			}
		}
	});

	test("the analyzer reads a capture in the page, uploads nothing, and shows calls, findings and the ladder", async () => {
		const page = await open("/tr/analyze");
		const sent: string[] = [];
		page.on("request", (r) => {
			if (r.method() !== "GET") sent.push(`${r.method()} ${r.url()}`);
		});
		await page.setInputFiles("#capture-files", [
			join(import.meta.dirname, "..", "fixtures", "captures", "tcp-ipv4.pcapng"),
			join(import.meta.dirname, "..", "fixtures", "sipp", "auth-loop.pcap"),
		]);
		await page.waitForSelector("#analysis table", { timeout: 15000 });
		const text = await page.textContent("#analysis");
		assert.match(text ?? "", /200 OK/);
		assert.match(text ?? "", /401 Unauthorized/);
		assert.match(text ?? "", /kimlik doğrulamaya takıldı/, "findings in Turkish");
		assert.ok((await page.locator("#analysis svg").count()) >= 2, "a ladder per call");
		assert.deepEqual(sent, [], "nothing uploaded");
		assert.deepEqual(await axe(page), []);
		await page.close();
	});

	test("the analyzer page shows a hostile capture's bidi controls as visible escapes", async () => {
		const page = await open("/en/analyze");
		await page.setInputFiles("#capture-files", {
			name: "hostile\u202e.sip",
			mimeType: "text/plain",
			buffer: Buffer.from(hostileLog()),
		});
		await page.waitForSelector("#analysis table", { timeout: 15000 });
		const text = (await page.textContent("#analysis")) ?? "";
		assert.match(text, /sip:bob\\u2066/, "the isolate in To shown");
		assert.match(text, /486 Busy/);
		assert.equal(BIDI.exec(text), null, "no raw bidi control in the page");
		const svg = (await page.locator("#analysis svg").first().textContent()) ?? "";
		assert.equal(BIDI.exec(svg), null, "none in the ladder");
		await page.close();
	});

	test("the HTML report renders under its own CSP: styled, no violation, nothing loaded", async () => {
		const dir = mkdtempSync(join(tmpdir(), "sipwhy-report-"));
		const log = join(dir, "hostile.sip");
		writeFileSync(log, hostileLog());
		const report = join(dir, "report.html");
		const bin = join(import.meta.dirname, "..", "..", "bin", "sipwhy.js");
		const run = spawnSync(process.execPath, [bin, "analyze", log, "--format", "html", "-o", report], {
			encoding: "utf8",
		});
		assert.equal(run.status, 0, run.stderr);
		const page = await (context as BrowserContext).newPage();
		const seen: string[] = [];
		page.on("console", (m) => seen.push(`${m.type()}: ${m.text()}`));
		page.on("pageerror", (e) => seen.push(e.message));
		const requests: string[] = [];
		page.on("request", (r) => requests.push(r.url()));
		await page.goto(pathToFileURL(report).href);
		const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
		assert.match(csp ?? "", /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:/);
		assert.doesNotMatch(csp ?? "", /unsafe|script-src/);
		// The style sheet applied (allowed by its hash), the ladder drawn.
		assert.equal(await page.evaluate("getComputedStyle(document.body).maxWidth"), "1200px");
		assert.ok((await page.locator("svg").count()) >= 1);
		const violations = (await page.evaluate(
			"new Promise((r) => { const v = []; document.addEventListener('securitypolicyviolation', (e) => v.push(e.violatedDirective)); setTimeout(() => r(v), 300); })",
		)) as string[];
		assert.deepEqual(violations, []);
		assert.deepEqual(seen, [], "no console message (a CSP violation is one)");
		assert.deepEqual(requests, [pathToFileURL(report).href], "nothing else loaded");
		assert.equal(BIDI.exec((await page.textContent("body")) ?? ""), null);
		await page.close();
		rmSync(dir, { recursive: true, force: true });
	});

	test("the analyzer shows the RTP streams of a media capture", async () => {
		const page = await open("/en/analyze");
		await page.setInputFiles("#capture-files", [join(import.meta.dirname, "..", "fixtures", "media", "loss.pcapng")]);
		await page.waitForSelector("#analysis .media table", { timeout: 15000 });
		const text = (await page.textContent("#analysis .media")) ?? "";
		assert.match(text, /Media \(RTP\)/);
		assert.match(text, /caller→callee127\.0\.0\.1:6000 → 127\.0\.0\.1:17000PCMA\/823600\.0/);
		assert.match((await page.textContent("#analysis")) ?? "", /2\.6% of the RTP caller→callee was lost/);
		assert.deepEqual(await axe(page), []);
		await page.close();
	});

	test("on a 375 px screen no page scrolls sideways (code, analyzer, compare, troubleshooting …)", async () => {
		const page = await open("/en");
		await page.setViewportSize({ width: 375, height: 800 });
		const rule = documentedRules()[0] as string;
		const paths = [
			...entries().map((e) => `/en/sip/${e.code}-${slug(e.reason)}`),
			...["tr", "ar", "ja", "de"].flatMap((l) => [
				`/${l}/sip/603-decline`,
				`/${l}/sip/486-busy-here`,
				`/${l}/compare/sip/486-busy-here-vs-603-decline`,
				`/${l}/analyze`,
				`/${l}/troubleshoot/${rule}`,
			]),
			"/en/sip/499",
			"/en/compare/sip/486-busy-here-vs-603-decline",
			"/en/compare/sip/401-unauthorized-vs-407-proxy-authentication-required",
			"/en/compare/sip",
			"/en/analyze",
			"/en/troubleshoot",
			...documentedRules().map((r) => `/en/troubleshoot/${r}`),
			"/en",
			"/en/sip",
			"/en/glossary",
			"/en/api",
			"/en/search?q=busy",
		];
		const wide: string[] = [];
		for (const path of paths) {
			const r = await page.goto(live.url() + path);
			if (r?.status() !== 200) continue;
			const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
			if (width > 375) wide.push(`${path}: ${width} px`);
		}
		// And the analyzer with a capture's calls, findings and ladders in it.
		await page.goto(`${live.url()}/en/analyze`);
		await page.setInputFiles("#capture-files", [join(import.meta.dirname, "..", "fixtures", "sipp", "auth-loop.pcap")]);
		await page.waitForSelector("#analysis table", { timeout: 15000 });
		const analyzed = (await page.evaluate("document.documentElement.scrollWidth")) as number;
		if (analyzed > 375) wide.push(`/en/analyze with a capture: ${analyzed} px`);
		assert.deepEqual(wide, []);
		await page.close();
	});

	test("each finding of the analyzer links its troubleshooting page under that page's title, and its code's page", async () => {
		for (const lang of ["en", "tr"]) {
			const page = await open(`/${lang}/analyze`);
			await page.setInputFiles("#capture-files", [
				join(import.meta.dirname, "..", "fixtures", "sipp", "auth-loop.pcap"),
			]);
			await page.waitForSelector("#analysis .findings li", { timeout: 15000 });
			const links = (await page.evaluate(
				`[...document.querySelectorAll("#analysis .findings a")].filter((a) => a.pathname.includes("/troubleshoot/")).map((a) => [a.textContent, a.getAttribute("href")])`,
			)) as [string, string][];
			assert.ok(links.length > 0, lang);
			for (const [text, href] of links) {
				const rule = href.split("/").pop() as string;
				assert.equal(href, `/${lang}/troubleshoot/${rule}`);
				assert.equal(text, ruleDoc(rule, lang)?.title, `${lang} ${rule}`);
				assert.notEqual(text.trim(), "?");
				assert.equal((await fetch(live.url() + href)).status, 200, href);
			}
			// The codes' pages too are linked at their own address, not one that redirects.
			const all = (await page.evaluate(
				`[...document.querySelectorAll("#analysis .findings a")].map((a) => a.getAttribute("href"))`,
			)) as string[];
			assert.ok(all.length > links.length, "codes are linked");
			for (const href of all) assert.equal((await fetch(live.url() + href, { redirect: "manual" })).status, 200, href);
			await page.close();
		}
	});

	test("no console error and no CSP violation on any page visited", () => {
		assert.deepEqual(
			problems.filter((p) => !/status of 404/.test(p)),
			[],
		);
	});
});
