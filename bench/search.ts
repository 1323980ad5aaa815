// Worst-case cost of one search query (issue 10): hostile queries, best of 7 runs each.
//   npx tsx bench/search.ts
import { planQuery, search } from "../src/kb/search.ts";

const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const REAL = ["busy", "decline", "timeout", "authentication", "unauthorized", "codec", "session", "request"];
const cases: Record<string, string> = {
	"100 one-letter words": Array.from({ length: 100 }, (_, i) => LETTERS[i % 26]).join(" "),
	"66 two-letter words": Array.from({ length: 66 }, (_, i) => `a${LETTERS[i % 26]}`).join(" "),
	"common 3-letter prefixes": "the tra con req res pro ses ans cal ser dia reg ".repeat(10),
	"many distinct long words": Array.from({ length: 40 }, (_, i) => `${REAL[i % REAL.length]}${LETTERS[i % 26]}`).join(
		" ",
	),
	"long words with typos": "requesta sessiona responsa transact registra dialogue forkings servera",
	"real words repeated": REAL.join(" ").repeat(5),
	"one word of 200 letters": "a".repeat(200),
	"hyphen chain": "a-b-c-d-e-f-g-h-".repeat(13),
	unicode: "ışğüçöİ ".repeat(25),
	cjk: "忙碌超时".repeat(50),
	"numbers and words": "4 48 486 49 5 6 60 603 1 2 3 busy codec timeout ".repeat(4),
	"100 000 characters": "a ".repeat(50_000),
};
search("warm up");
let worst = 0;
for (const [name, q] of Object.entries(cases)) {
	let best = Number.POSITIVE_INFINITY;
	for (let i = 0; i < 7; i++) {
		const t = performance.now();
		search(q.slice(0, 200), { limit: 100 });
		best = Math.min(best, performance.now() - t);
	}
	worst = Math.max(worst, best);
	const p = planQuery(q.slice(0, 200));
	console.log(
		`${name.padEnd(26)} ${best.toFixed(2).padStart(7)} ms  (${p.terms.length} words, ${p.distances} distances)`,
	);
}
console.log(`worst: ${worst.toFixed(2)} ms`);
