// The package as users get it: `npm pack`, installed into an empty folder with its dependencies
// only (no devDependencies, and no optional MCP SDK), then used as a command, a server and a
// library. Needs dist/ (npm test builds first) and the npm registry (or npm's cache).
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import { after, before, test } from "node:test";

const ROOT = join(import.meta.dirname, "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const dir = mkdtempSync(join(tmpdir(), "sipwhy-pack-"));
const bin = join(dir, "node_modules", "sipwhy", "bin", "sipwhy.js");
let files: string[] = [];

/** Runs the installed command (never the checkout's). */
function sipwhy(args: string[]) {
	const r = spawnSync(process.execPath, [bin, ...args], {
		cwd: dir,
		encoding: "utf8",
		env: { ...process.env, NO_COLOR: "1" },
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(
	() => {
		assert.ok(existsSync(join(ROOT, "dist", "index.js")), "dist/ is missing: run npm run build first");
		// --ignore-scripts: dist/ is already built; packing must not rebuild it under other tests' feet.
		const packed = JSON.parse(
			execFileSync(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
				cwd: ROOT,
				encoding: "utf8",
				timeout: 60_000,
			}),
		) as { filename: string; files: { path: string }[] }[];
		const tarball = join(dir, (packed[0] as { filename: string }).filename);
		files = (packed[0] as { files: { path: string }[] }).files.map((f) => f.path);
		writeFileSync(
			join(dir, "package.json"),
			`${JSON.stringify({ name: "sipwhy-pack-test", private: true, type: "module" })}\n`,
		);
		execFileSync(
			NPM,
			[
				"install",
				"--omit=dev",
				"--omit=optional",
				"--prefer-offline",
				"--ignore-scripts",
				"--no-audit",
				"--no-fund",
				"--loglevel=error",
				tarball,
			],
			{ cwd: dir, encoding: "utf8", timeout: 100_000, stdio: ["ignore", "pipe", "pipe"] },
		);
	},
	{ timeout: 170_000 },
);

after(() => rmSync(dir, { recursive: true, force: true }));

test("the tarball leaves out test-only helpers and the build-time schema", () => {
	assert.ok(files.includes("dist/index.js") && files.includes("bin/sipwhy.js") && files.includes("dist/kb/enums.js"));
	for (const left of [
		"dist/flow/test-messages.js",
		"dist/capture/packet-builder.js",
		"dist/capture/capture-writer.js",
		"dist/web/node/static-server.js",
		"dist/kb/schema.js",
		"dist/kb/validate.js",
		"dist/kb/phrases/turkish-check.js",
	])
		assert.ok(!files.includes(left), `${left} is in the package`);
	assert.ok(!files.some((f) => f.startsWith("src/") || f.startsWith("test/") || f.endsWith(".test.js")));
	// What ships imports only what ships: relative imports resolve inside the package, bare ones
	// name a (regular or optional) dependency or a Node built-in.
	const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
	const deps = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.optionalDependencies ?? {})]);
	const shipped = new Set(files);
	let checked = 0;
	for (const f of files.filter((f) => f.endsWith(".js"))) {
		const code = readFileSync(join(dir, "node_modules", "sipwhy", f), "utf8");
		const imports = [
			...code.matchAll(/^(?:import|export)\s[^;]*?\bfrom\s*"([^"]+)"/gm),
			...code.matchAll(/^import\s*"([^"]+)"/gm),
			...code.matchAll(/\bimport\(\s*"([^"]+)"\s*\)/g),
		];
		for (const [, spec] of imports) {
			if (spec === undefined) continue;
			checked++;
			if (spec.startsWith(".")) {
				const target = posix.normalize(posix.join(posix.dirname(f), spec));
				assert.ok(shipped.has(target), `${f} imports ${spec}, which is not in the package`);
			} else if (!spec.startsWith("node:")) {
				const name = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : (spec.split("/")[0] as string);
				assert.ok(deps.has(name), `${f} imports ${spec}, which is not a dependency`);
			}
		}
	}
	assert.ok(checked > 200, `only ${checked} imports found: the scan is broken`);
});

test("installed without devDependencies: zod and the MCP SDK are not there", () => {
	assert.ok(existsSync(join(dir, "node_modules", "hono")));
	assert.ok(
		!existsSync(join(dir, "node_modules", "zod")),
		"zod came in: the test would not show a missing runtime dependency",
	);
	assert.ok(!existsSync(join(dir, "node_modules", "@modelcontextprotocol")));
});

test("sipwhy 486 explains the code", () => {
	const r = sipwhy(["486"]);
	assert.equal(r.status, 0, r.stderr);
	assert.match(r.stdout, /^486 Busy Here/);
});

test("sipwhy serve answers one request", async () => {
	const child: ChildProcess = spawn(process.execPath, [bin, "serve", "--port", "0", "--host", "127.0.0.1"], {
		cwd: dir,
		stdio: ["ignore", "pipe", "pipe"],
	});
	try {
		let stderr = "";
		child.stderr?.on("data", (d) => {
			stderr += d;
		});
		const url = await new Promise<string>((resolve, reject) => {
			let out = "";
			const timer = setTimeout(() => reject(new Error(`serve did not start: ${out}${stderr}`)), 20_000);
			child.stdout?.on("data", (d) => {
				out += d;
				const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
				if (m) {
					clearTimeout(timer);
					resolve(m[0]);
				}
			});
			child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${out}${stderr}`)));
		});
		const res = await fetch(`${url}/api/v1/codes/486?lang=tr`);
		assert.equal(res.status, 200);
		const body = (await res.json()) as { code: number; lang: string; facts: { methods: string[] } };
		assert.equal(body.code, 486);
		assert.equal(body.lang, "tr");
		const api = await fetch(`${url}/api/openapi.json`);
		assert.equal(api.status, 200);
	} finally {
		child.kill("SIGTERM");
	}
});

test('import { explain } from "sipwhy" works, and its types check without skipLibCheck', () => {
	writeFileSync(
		join(dir, "use.ts"),
		[
			'import { analyze, explain, type Explanation, type Facts } from "sipwhy";',
			'const e: Explanation = explain("486", { lang: "tr" });',
			'const method: Facts["methods"][number] = e.facts.methods[0] ?? "any";',
			"export const out = [e.code, method, typeof analyze];",
			"",
		].join("\n"),
	);
	writeFileSync(
		join(dir, "tsconfig.json"),
		JSON.stringify({
			compilerOptions: {
				module: "nodenext",
				moduleResolution: "nodenext",
				target: "es2023",
				lib: ["es2023", "dom"],
				strict: true,
				noEmit: true,
				skipLibCheck: false,
				types: [],
			},
			files: ["use.ts"],
		}),
	);
	const tsc = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", dir], {
		encoding: "utf8",
	});
	assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);

	const script =
		'import { explain } from "sipwhy"; const e = explain("603"); console.log(e.code, e.reason, e.facts.final);';
	const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: dir, encoding: "utf8" });
	assert.equal(r.status, 0, r.stderr);
	assert.equal(r.stdout, "603 Decline true\n");
});

test("sipwhy mcp without the optional SDK says what to install", () => {
	const r = sipwhy(["mcp"]);
	assert.equal(r.status, 1);
	assert.match(
		r.stderr,
		/^sipwhy: sipwhy mcp needs the optional package @modelcontextprotocol\/sdk, .*npm install @modelcontextprotocol\/sdk\n$/,
	);
});
