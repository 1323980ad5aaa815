/**
 * The in-browser analyzer: captures and logs chosen or dropped on the page are read with
 * `File.stream()` and analysed here, by the same code as `sipwhy analyze`; nothing is uploaded.
 * Every value from a capture reaches the page through textContent or the escaping SVG renderer,
 * with its bidi controls made visible first (an RLO in a From must not reorder what is read).
 */

import type { DiagnosedCall } from "../../diagnose/finding.ts";
import { captureDiagnosis } from "../../diagnose/scan.ts";
import { Analyzer } from "../../flow/analyze.ts";
import { ladderOf } from "../../flow/ladder.ts";
import { ladderSvg } from "../../flow/ladder-svg.ts";
import { mapStrings, neutralizeBidi } from "../../flow/visible.ts";
import type { WebLabels } from "../../i18n/types.ts";

/**
 * The analyzer page's labels (the page serialises them into data-labels), with the title of each
 * documented rule's troubleshooting page, which labels the link at the end of its findings, and
 * the address of each code's page, so that a finding links it without a redirect.
 */
export type AnalyzerLabels = WebLabels["analyze"] & {
	rules: Record<string, string>;
	/** The page of each code with an entry (its address carries the reason phrase); others live under their number. */
	codes: Record<string, string>;
};
type Labels = AnalyzerLabels;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (text !== undefined) e.textContent = text;
	if (cls) e.className = cls;
	return e;
}

function seconds(s: number | null): string {
	return s === null ? "—" : `${s.toFixed(2)} s`;
}

function render(root: HTMLElement, found: DiagnosedCall[], statsLine: string, L: Labels): void {
	const calls = mapStrings(found, neutralizeBidi);
	root.replaceChildren();
	root.append(el("p", statsLine, "muted"));
	if (calls.length === 0) {
		root.append(el("p", L.noCalls));
		return;
	}
	const table = el("table");
	const head = el("tr");
	for (const h of [L.start, L.fromTo, L.method, L.outcome, L.pdd, L.duration, L.messages, L.findings]) {
		const th = el("th", h);
		th.scope = "col";
		head.append(th);
	}
	table.append(el("thead"));
	table.tHead?.append(head);
	const body = el("tbody");
	calls.forEach((c, i) => {
		const tr = el("tr");
		const a = el("a", c.start ? c.start.slice(11, 23) : "—");
		a.href = `#call-${i}`;
		const first = el("td");
		first.append(a);
		tr.append(first);
		tr.append(el("td", `${c.from ?? "?"} → ${c.to ?? "?"}`));
		tr.append(el("td", c.method ?? "?"));
		tr.append(
			el(
				"td",
				c.outcome ? `${c.outcome.code} ${c.outcome.reason}` : L.none,
				c.outcome ? `c${Math.floor(c.outcome.code / 100)}` : "",
			),
		);
		tr.append(el("td", seconds(c.timings.pdd)));
		tr.append(el("td", seconds(c.timings.duration)));
		tr.append(el("td", String(c.messages.length)));
		tr.append(el("td", String(c.findings.filter((f) => f.severity !== "info").length)));
		body.append(tr);
	});
	table.append(body);
	const scroll = el("div", undefined, "scroll");
	scroll.append(table);
	root.append(scroll);
	calls.forEach((c, i) => {
		const section = el("section");
		const h = el("h2", `${c.method ?? "?"} ${c.callId}`);
		h.id = `call-${i}`;
		section.append(h);
		section.append(
			el("p", `${c.from ?? "?"} → ${c.to ?? "?"} · ${c.outcome ? `${c.outcome.code} ${c.outcome.reason}` : L.none}`),
		);
		if (c.findings.length) section.append(findingList(c.findings, L));
		const ladder = el("div", undefined, "ladder scroll");
		const evidence = new Set(c.findings.flatMap((f) => f.evidence ?? []));
		// ladderSvg escapes every value it draws.
		ladder.innerHTML = ladderSvg(ladderOf(c), evidence);
		section.append(ladder);
		if (c.media) section.append(mediaTable(c.media, location.pathname.split("/")[1] === "tr" ? "tr" : "en"));
		root.append(section);
	});
}

/** Findings as a list: severity, text, fix, the code's page and the rule's troubleshooting page. */
function findingList(findings: DiagnosedCall["findings"], L: Labels): HTMLElement {
	const ul = el("ul", undefined, "findings");
	const pageLang = location.pathname.split("/")[1] || "en";
	for (const f of findings) {
		const li = el("li");
		li.append(el("strong", f.severity, `sev-${f.severity}`), " ", f.text);
		if (f.fix) li.append(el("br"), el("small", f.fix));
		if (f.code !== undefined) {
			const link = el("a", String(f.code));
			link.href = L.codes?.[f.code] ?? `/${pageLang}/sip/${f.code}`;
			li.append(" · ", link);
		}
		// Labelled with its page's title; a rule without a page gets no link rather than a 404.
		const title = L.rules?.[f.rule];
		if (title) {
			const why = el("a", title);
			why.href = `/${pageLang}/troubleshoot/${f.rule}`;
			li.append(" · ", why);
		}
		ul.append(li);
	}
	return ul;
}

const MEDIA_WORDS = {
	en: {
		title: "Media (RTP)",
		none: "No RTP in either direction.",
		head: [
			"Direction",
			"Source → destination",
			"Codec",
			"Packets",
			"Lost",
			"Loss %",
			"Max jitter ms",
			"Mean jitter ms",
			"DTMF",
		],
	},
	tr: {
		title: "Medya (RTP)",
		none: "İki yönde de RTP yok.",
		head: [
			"Yön",
			"Kaynak → hedef",
			"Kodek",
			"Paket",
			"Kayıp",
			"Kayıp %",
			"En yüksek titreşim ms",
			"Ortalama titreşim ms",
			"DTMF",
		],
	},
};

/** A call's RTP streams as a table (text nodes only: values come from the capture). */
function mediaTable(media: NonNullable<DiagnosedCall["media"]>, lang: "en" | "tr"): HTMLElement {
	const W = MEDIA_WORDS[lang];
	const box = el("div", undefined, "scroll media");
	box.append(el("h3", W.title));
	if (!media.length) {
		box.append(el("p", W.none));
		return box;
	}
	const table = el("table");
	const head = el("tr");
	for (const h of W.head) head.append(el("th", h));
	const thead = el("thead");
	thead.append(head);
	table.append(thead);
	const body = el("tbody");
	for (const m of media) {
		const tr = el("tr");
		for (const v of [
			m.direction,
			`${m.src} → ${m.dst}`,
			`${m.codec ?? "?"}/${m.payloadType}${m.srtp ? " SRTP" : ""}`,
			String(m.packets),
			String(m.lost),
			m.lostPercent.toFixed(1),
			m.maxJitterMs.toFixed(1),
			m.meanJitterMs.toFixed(1),
			m.dtmf.map((d) => d.digit).join(""),
		])
			tr.append(el("td", v));
		body.append(tr);
	}
	table.append(body);
	box.append(table);
	return box;
}

async function run(files: FileList | File[], root: HTMLElement, L: Labels, lang: string): Promise<void> {
	root.replaceChildren(el("p", L.working));
	// Several files: calls stay open until all are read, so each call gathers its messages from every file.
	const tracker =
		files.length > 1 ? { completedIdle: Infinity, pendingIdle: Infinity, establishedIdle: Infinity } : undefined;
	const diagnosis = captureDiagnosis(lang);
	const analyzer = new Analyzer({
		diagnose: diagnosis.call,
		captureFindings: diagnosis.finish,
		tracker,
		severalInputs: files.length > 1,
	});
	try {
		for (const f of Array.from(files)) await analyzer.addInput(f.name, f.stream());
		const { stats, calls, findings } = analyzer.finish();
		const line = `${L.stats}: ${stats.inputs.map((x) => `${neutralizeBidi(x.name)} (${x.format}${x.textFormat ? `/${x.textFormat}` : ""}): ${x.sipMessages} SIP`).join(", ")}`;
		// Probes of a scan are told once, in the findings about the whole capture.
		render(
			root,
			calls.filter((c) => !c.scan),
			line,
			L,
		);
		if (findings.length)
			root.insertBefore(findingList(mapStrings(findings, neutralizeBidi), L), root.children[1] ?? null);
	} catch (e) {
		root.replaceChildren(el("p", `${L.error}: ${neutralizeBidi((e as Error).message)}`));
	}
}

const mount = document.getElementById("analyzer");
if (mount) {
	const L = JSON.parse(mount.dataset.labels ?? "{}") as Labels;
	const lang = mount.dataset.lang ?? "en";
	const input = mount.querySelector<HTMLInputElement>("input[type=file]");
	const out = document.getElementById("analysis");
	const zone = mount.querySelector<HTMLElement>(".dropzone");
	if (input && out) {
		input.addEventListener("change", () => {
			if (input.files?.length) void run(input.files, out, L, lang);
		});
		zone?.addEventListener("dragover", (e) => {
			e.preventDefault();
			zone.classList.add("over");
		});
		zone?.addEventListener("dragleave", () => zone.classList.remove("over"));
		zone?.addEventListener("drop", (e) => {
			e.preventDefault();
			zone.classList.remove("over");
			if (e.dataTransfer?.files.length) void run(e.dataTransfer.files, out, L, lang);
		});
	}
}
