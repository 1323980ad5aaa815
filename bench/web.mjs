// npm run bench:web — the web server against a static file server serving the same bytes.
//
// In one run: the site is exported to a temporary folder; sipwhy's server (dist/web, with its
// response cache and zlib) and a plain node:http static server (nginx when installed) each run
// in their own process on 127.0.0.1; both are loaded with the same routes (a code page and an API
// answer) over keep-alive connections — by wrk when installed (one thread: it needs far less CPU
// than the server it loads, so the server is what is measured), else from Node worker threads —
// in alternating rounds, so that a noisy neighbour hits both alike; requests/s and p50/p99 latency
// are printed per round with the ratio of that round, then the median ratio. Then the compressed
// weight of the home, code and compare pages (HTML + CSS), and the server time of one request
// in-process. A bare node:http server answering the same bytes from memory runs alongside, as
// the ceiling of Node on this machine.
//
// Env: BENCH_SECONDS (per run, default 5), BENCH_CONNECTIONS (default 32), BENCH_WORKERS (Node
// loader, default 2), BENCH_ROUNDS (default 3), BENCH_LOADER=node to use the Node loader even
// when wrk is installed.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const SITE = "http://bench.sipwhy.test";
const ROUTES = { "code page": "/en/sip/603-decline", "API answer": "/api/v1/codes/603" };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const MAX_REQUESTS = 2_000_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WRK =
	process.env.BENCH_LOADER !== "node" && spawnSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" }).status === 0;

/** One load worker: `connections` keep-alive loops on one URL until the deadline. */
async function loadWorker({ url, connections, deadline, maxRequests, headers }) {
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const latencies = [];
	let errors = 0;
	let bytes = 0;
	const once = () =>
		new Promise((resolve) => {
			const t0 = process.hrtime.bigint();
			const req = request(url, { agent, headers }, (res) => {
				res.on("data", (c) => {
					bytes += c.length;
				});
				res.on("end", () => {
					latencies.push(Number(process.hrtime.bigint() - t0) / 1e3);
					if (res.statusCode !== 200) errors++;
					resolve();
				});
			});
			req.on("error", () => {
				errors++;
				resolve();
			});
			req.end();
		});
	const loop = async () => {
		while (Date.now() < deadline && latencies.length + errors < maxRequests) await once();
	};
	await Promise.all(Array.from({ length: connections }, loop));
	agent.destroy();
	return { latencies, errors, bytes };
}

if (!isMainThread) {
	parentPort.postMessage(await loadWorker(workerData));
} else {
	await main();
}

/** Loads `url` with wrk (one thread, CONNECTIONS connections); requests/s and latency quantiles. */
function wrkLoad(url, seconds) {
	return new Promise((resolve, reject) => {
		const p = spawn("wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", url], {
			stdio: ["ignore", "pipe", "inherit"],
		});
		let out = "";
		p.stdout.on("data", (d) => {
			out += d;
		});
		p.once("error", reject);
		p.once("exit", () => {
			const unit = (v, u) => Number(v) * (u === "us" ? 1 : u === "ms" ? 1e3 : 1e6);
			const lat = (pct) => {
				const m = new RegExp(`^\\s*${pct}%\\s+([0-9.]+)(us|ms|s)`, "m").exec(out);
				return m ? unit(m[1], m[2]) : Number.NaN;
			};
			const rps = Number(/Requests\/sec:\s+([0-9.]+)/.exec(out)?.[1] ?? Number.NaN);
			const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0);
			const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
				.exec(out)
				?.slice(1)
				.reduce((n, x) => n + Number(x), 0);
			resolve({ rps, p50: lat(50), p99: lat(99), errors: non2xx + (socketErrors ?? 0) });
		});
	});
}

async function load(url, headers = {}) {
	if (WRK) {
		await wrkLoad(url, 1);
		return wrkLoad(url, SECONDS);
	}
	const run = (seconds) => {
		const deadline = Date.now() + seconds * 1000;
		const per = Math.max(1, Math.floor(CONNECTIONS / WORKERS));
		return Promise.all(
			Array.from(
				{ length: WORKERS },
				() =>
					new Promise((resolve, reject) => {
						const w = new Worker(new URL(import.meta.url), {
							workerData: { url, connections: per, deadline, maxRequests: MAX_REQUESTS / WORKERS, headers },
						});
						w.once("message", resolve);
						w.once("error", reject);
					}),
			),
		);
	};
	await run(Math.min(1, SECONDS));
	const t0 = Date.now();
	const parts = await run(SECONDS);
	const elapsed = (Date.now() - t0) / 1000;
	const lat = parts.flatMap((p) => p.latencies).sort((a, b) => a - b);
	const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? Number.NaN;
	return {
		rps: lat.length / elapsed,
		p50: q(0.5),
		p99: q(0.99),
		errors: parts.reduce((n, p) => n + p.errors, 0),
		requests: lat.length,
	};
}

function child(code) {
	return new Promise((resolve, reject) => {
		const p = spawn(process.execPath, ["--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
		p.stdout.once("data", (d) => resolve({ url: String(d).trim(), stop: () => p.kill() }));
		p.once("error", reject);
		p.once("exit", (c) => reject(new Error(`server exited with ${c}`)));
	});
}

function fetchRaw(url, headers = {}) {
	return new Promise((resolve, reject) => {
		request(url, { headers }, (res) => {
			const chunks = [];
			res.on("data", (c) => chunks.push(c));
			res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
		})
			.on("error", reject)
			.end();
	});
}

function startNginx(root) {
	const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
	if (which.status !== 0) return null;
	const dir = mkdtempSync(join(tmpdir(), "sipwhy-nginx-"));
	const port = 20000 + Math.floor(Math.random() * 20000);
	writeFileSync(
		join(dir, "nginx.conf"),
		`daemon off; worker_processes 1; pid ${dir}/pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; include /etc/nginx/mime.types; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${port}; root ${root}; location / { try_files $uri $uri.html $uri.json $uri/index.html =404; } } }`,
	);
	const p = spawn("nginx", ["-c", join(dir, "nginx.conf")], { stdio: "ignore" });
	return new Promise((resolve) =>
		setTimeout(
			() =>
				resolve({
					url: `http://127.0.0.1:${port}`,
					stop: () => {
						p.kill();
						rmSync(dir, { recursive: true, force: true });
					},
					name: "nginx",
				}),
			500,
		),
	);
}

async function main() {
	const dist = new URL("../dist/web/", import.meta.url).href;
	const { exportSite } = await import(`${dist}node/export.js`);
	const root = mkdtempSync(join(tmpdir(), "sipwhy-bench-site-"));
	await exportSite(root, { siteUrl: SITE });

	const server = await child(
		`const { startServer } = await import(${JSON.stringify(`${dist}node/node-server.js`)});
		 const s = await startServer({ port: 0, siteUrl: ${JSON.stringify(SITE)} }); console.log(s.url);`,
	);
	const nginx = await startNginx(root);
	const staticServer =
		nginx ??
		(await child(
			`const { startStaticServer } = await import(${JSON.stringify(`${dist}node/static-server.js`)});
			 const s = await startStaticServer(${JSON.stringify(root)}); console.log(s.url);`,
		));
	const staticName = nginx ? "nginx (Debian)" : "node:http static";
	// The ceiling of Node here: node:http answering each route's bytes from memory, nothing else.
	const bare = await child(
		`import { createServer } from "node:http";
		 import { readFileSync } from "node:fs";
		 const bodies = new Map(${JSON.stringify(Object.values(ROUTES))}.map((p) => [p, readFileSync(${JSON.stringify(root)} + (p.startsWith("/api/") ? p + ".json" : p + ".html"))]));
		 const s = createServer((req, res) => { const b = bodies.get(req.url); res.writeHead(b ? 200 : 404, ["content-type", "text/html; charset=utf-8", "content-length", String(b ? b.length : 0)]); res.end(b); });
		 s.keepAliveTimeout = 5000;
		 s.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + s.address().port));`,
	);

	try {
		console.log(
			`sipwhy bench:web — ${ROUNDS} rounds of ${SECONDS} s per server, ${CONNECTIONS} keep-alive connections from ${WRK ? "wrk (1 thread)" : `${WORKERS} Node worker threads`}, node ${process.version}`,
		);
		console.log("");
		console.log(
			`${"route".padEnd(34)}${"server".padEnd(20)}${"req/s".padStart(10)}${"p50 µs".padStart(10)}${"p99 µs".padStart(10)}${"vs static".padStart(11)}`,
		);
		for (const [name, path] of Object.entries(ROUTES)) {
			const a = await fetchRaw(server.url + path, { "accept-encoding": "identity" });
			const b = await fetchRaw(staticServer.url + path);
			if (a.status !== 200 || b.status !== 200 || !a.body.equals(b.body))
				throw new Error(`${path}: the two servers do not send the same bytes (${a.status}/${b.status})`);
			const ratios = [];
			const bareRatios = [];
			for (let round = 1; round <= ROUNDS; round++) {
				const s = await load(server.url + path);
				const t = await load(staticServer.url + path);
				const n = await load(bare.url + path);
				ratios.push(s.rps / t.rps);
				bareRatios.push(n.rps / t.rps);
				const label = round === 1 ? `${name} ${path}` : "";
				const row = (who, r, ratio) =>
					console.log(
						`${who === "sipwhy" ? label.padEnd(34) : "".padEnd(34)}${(who === "sipwhy" ? `sipwhy #${round}` : who).padEnd(20)}${r.rps.toFixed(0).padStart(10)}${r.p50.toFixed(0).padStart(10)}${r.p99.toFixed(0).padStart(10)}${ratio === null ? "".padStart(11) : `${ratio.toFixed(2)}×`.padStart(11)}`,
					);
				row("sipwhy", s, s.rps / t.rps);
				row(staticName, t, null);
				row("bare node:http", n, n.rps / t.rps);
				if (s.errors || t.errors || n.errors)
					console.log(`  errors: sipwhy ${s.errors}, static ${t.errors}, bare node ${n.errors}`);
			}
			bareRatios.sort((a, b) => a - b);
			console.log(
				`${"".padEnd(34)}${"median ratio, bare node:http".padEnd(50)}${`${bareRatios[Math.floor(bareRatios.length / 2)].toFixed(2)}×`.padStart(11)}`,
			);
			ratios.sort((a, b) => a - b);
			console.log(
				`${"".padEnd(34)}${"median ratio, sipwhy".padEnd(50)}${`${ratios[Math.floor(ratios.length / 2)].toFixed(2)}×`.padStart(11)}`,
			);
		}

		console.log("");
		console.log("Compressed page weight (HTML + CSS, as served to a browser sending Accept-Encoding: br / gzip)");
		const pages = {
			home: "/en",
			"code (tr)": "/tr/sip/603-decline",
			compare: "/en/compare/sip/486-busy-here-vs-603-decline",
			"compare (tr)": "/tr/compare/sip/486-busy-here-vs-603-decline",
		};
		for (const [name, path] of Object.entries(pages)) {
			const br = await fetchRaw(server.url + path, { "accept-encoding": "br" });
			const gz = await fetchRaw(server.url + path, { "accept-encoding": "gzip" });
			const plain = await fetchRaw(server.url + path, { "accept-encoding": "identity" });
			const cssPath = /<link rel="stylesheet" href="([^"]+)"/.exec(String(plain.body))?.[1];
			const cssBr = await fetchRaw(server.url + cssPath, { "accept-encoding": "br" });
			const cssGz = await fetchRaw(server.url + cssPath, { "accept-encoding": "gzip" });
			const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
			console.log(
				`  ${name.padEnd(14)} ${path.padEnd(48)} br ${kb(br.body.length + cssBr.body.length).padStart(8)}   gzip ${kb(gz.body.length + cssGz.body.length).padStart(8)}   (HTML ${kb(plain.body.length)} raw)`,
			);
		}

		console.log("");
		console.log("Server time in-process (app.fetch, no network): median of 2000 requests");
		const { createApp } = await import(`${dist}app.js`);
		const { zlibCompressor } = await import(`${dist}node/node-server.js`);
		const app = createApp({ siteUrl: SITE, compress: zlibCompressor, encodings: ["br", "gzip"] });
		for (const [name, path] of Object.entries({
			...ROUTES,
			"compare page": "/tr/compare/sip/486-busy-here-vs-603-decline",
		})) {
			const t0 = performance.now();
			await (await app.fetch(new Request(SITE + path, { headers: { "accept-encoding": "br" } }))).arrayBuffer();
			const first = performance.now() - t0;
			const times = [];
			for (let i = 0; i < 2000; i++) {
				const t = performance.now();
				await (await app.fetch(new Request(SITE + path, { headers: { "accept-encoding": "br" } }))).arrayBuffer();
				times.push(performance.now() - t);
			}
			times.sort((a, b) => a - b);
			console.log(
				`  ${name.padEnd(14)} first (render + brotli) ${first.toFixed(2).padStart(7)} ms   cached ${(times[1000] * 1000).toFixed(1).padStart(6)} µs`,
			);
		}
		const { createApp: fresh } = await import(`${dist}app.js`);
		const noCache = fresh({ siteUrl: SITE, compress: null, cacheBytes: 0 });
		const renders = [];
		for (let i = 0; i < 300; i++) {
			const t = performance.now();
			await (
				await noCache.fetch(new Request(`${SITE}/tr/sip/${i % 2 ? "603-decline" : "486-busy-here"}`))
			).arrayBuffer();
			renders.push(performance.now() - t);
		}
		renders.sort((a, b) => a - b);
		console.log(`  code page rendered without the cache: median ${(renders[150] * 1000).toFixed(0)} µs`);
	} finally {
		server.stop();
		staticServer.stop();
		bare.stop();
		rmSync(root, { recursive: true, force: true });
	}
}
