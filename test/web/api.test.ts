// The JSON API: the same answers as the library (and so the CLI's --json), errors, and the
// OpenAPI 3.1 document validated against real responses.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { compare } from "../../src/kb/compare.ts";
import { explain } from "../../src/kb/explain.ts";
import { listCodes } from "../../src/kb/list.ts";
import { LANGUAGES } from "../../src/kb/locales.ts";
import { curatedPairs, entries } from "../../src/kb/registry.ts";
import { search } from "../../src/kb/search.ts";
import { get, liveServer } from "./helpers.ts";

const live = liveServer();
const base = () => live.url();
const getJson = async (path: string) => {
	const r = await get(base(), path);
	assert.match(r.headers.get("content-type") ?? "", /^application\/json/, path);
	return { status: r.status, body: await r.json() };
};

describe("answers", () => {
	test("codes: the registry, filtered by class, with unregistered codes on request", async () => {
		assert.deepEqual((await getJson("/api/v1/codes")).body, listCodes());
		assert.deepEqual((await getJson("/api/v1/codes?class=4xx")).body, listCodes({ class: "4xx" }));
		assert.deepEqual((await getJson("/api/v1/codes?all=true")).body, listCodes({ includeUnregistered: true }));
		assert.deepEqual((await getJson("/api/v1/codes.json")).body, listCodes());
	});

	test("codes/{code}: explain in every language, unregistered codes too", async () => {
		for (const lang of LANGUAGES)
			assert.deepEqual((await getJson(`/api/v1/codes/603?lang=${lang}`)).body, explain(603, { lang }));
		for (const e of entries()) assert.deepEqual((await getJson(`/api/v1/codes/${e.code}`)).body, explain(e.code));
		const u = (await getJson("/api/v1/codes/499")).body;
		assert.equal(u.status, "unregistered");
		assert.equal(u.treatedAs, 400);
		assert.deepEqual((await getJson("/api/v1/codes/603.tr.json")).body, explain(603, { lang: "tr" }));
		assert.deepEqual((await getJson("/api/v1/codes/603.json")).body, explain(603));
	});

	test("compare/{a}/{b}: either order, lower code first", async () => {
		for (const [a, b] of curatedPairs())
			for (const lang of ["en", "tr", "ja"]) {
				const x = (await getJson(`/api/v1/compare/${b}/${a}?lang=${lang}`)).body;
				assert.deepEqual(x, compare(a, b, { lang }));
				assert.equal(x.a.code, a);
			}
	});

	test("search: hits best first", async () => {
		assert.deepEqual((await getJson("/api/v1/search?q=decline")).body, search("decline"));
		assert.equal((await getJson("/api/v1/search?q=decline")).body[0].code, 603);
		assert.deepEqual(
			(await getJson("/api/v1/search?q=me%C5%9Fgul&lang=tr&limit=3")).body,
			search("meşgul", { lang: "tr", limit: 3 }),
		);
		// Unregistered codes are found by number, named in the asked language.
		assert.deepEqual((await getJson("/api/v1/search?q=499")).body[0], {
			code: 499,
			reason: "Unregistered",
			score: 1000,
		});
		assert.equal((await getJson("/api/v1/search?q=499&lang=tr")).body[0].reason, "Kayıtsız kod");
	});

	test("the same JSON as the CLI's --json", {
		skip: existsSync(join(import.meta.dirname, "..", "..", "dist", "cli", "entry.js")) ? false : "dist/ not built",
	}, async () => {
		const bin = join(import.meta.dirname, "..", "..", "bin", "sipwhy.js");
		const cli = (args: string[]) =>
			JSON.parse(spawnSync(process.execPath, [bin, ...args, "--json"], { encoding: "utf8" }).stdout);
		assert.deepEqual((await getJson("/api/v1/codes/486?lang=tr")).body, cli(["explain", "486", "--lang", "tr"]));
		assert.deepEqual((await getJson("/api/v1/compare/603/486")).body, cli(["compare", "603", "486"]));
		assert.deepEqual((await getJson("/api/v1/codes?class=6xx")).body, cli(["codes", "--class", "6xx"]));
		assert.deepEqual((await getJson("/api/v1/search?q=busy")).body, cli(["search", "busy"]));
	});
});

describe("errors", () => {
	test("JSON errors with the right status", async () => {
		for (const [path, status] of [
			["/api/v1/codes/abc", 400],
			["/api/v1/codes/12", 400],
			["/api/v1/codes/999", 404],
			["/api/v1/codes/099", 404],
			["/api/v1/codes/603?lang=xx", 400],
			["/api/v1/codes?class=9xx", 400],
			["/api/v1/codes?all=maybe", 400],
			["/api/v1/compare/486/abc", 400],
			["/api/v1/compare/486", 404],
			["/api/v1/search", 400],
			["/api/v1/search?q=", 400],
			["/api/v1/search?q=busy&limit=0", 400],
			["/api/v1/search?q=busy&limit=1000", 400],
			["/api/v1/search?q=busy&lang=klingon", 400],
			["/api/v1/nothing", 404],
			["/api/v2/codes", 404],
			["/api/v1/codes/603.exe", 404],
		] as const) {
			const { status: got, body } = await getJson(path);
			assert.equal(got, status, path);
			assert.equal(body.status, status, path);
			assert.equal(typeof body.error, "string", path);
			assert.ok(body.error.length > 5 && body.error.length < 300, path);
		}
	});
});

describe("OpenAPI", () => {
	test("the document is OpenAPI 3.1 and every real response validates against it", async () => {
		const { status, body: doc } = await getJson("/api/openapi.json");
		assert.equal(status, 200);
		assert.equal(doc.openapi, "3.1.0");
		assert.equal(doc.servers[0].url, base());
		const ajv = new Ajv2020({ strict: false, allErrors: true });
		ajv.addFormat("uri", /^https?:\/\/\S+$/);
		ajv.addSchema(doc, "openapi.json");
		const schemaOf = (path: string, code: string) => {
			const s = doc.paths[path].get.responses[code].content["application/json"].schema;
			return ajv.compile({
				$ref: `openapi.json#${s.$ref ? s.$ref.slice(1) : `/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/get/responses/${code}/content/application~1json/schema`}`,
			});
		};
		const check = async (template: string, path: string, code = "200") => {
			const r = await getJson(path);
			assert.equal(String(r.status), code, path);
			const validate = schemaOf(template, code);
			assert.ok(validate(r.body), `${path}: ${ajv.errorsText(validate.errors)}`);
		};
		await check("/api/v1/codes", "/api/v1/codes");
		await check("/api/v1/codes", "/api/v1/codes?all=true");
		for (const e of entries())
			await check("/api/v1/codes/{code}", `/api/v1/codes/${e.code}?lang=${e.code % 2 ? "tr" : "en"}`);
		await check("/api/v1/codes/{code}", "/api/v1/codes/499?lang=ar");
		for (const [a, b] of curatedPairs()) await check("/api/v1/compare/{a}/{b}", `/api/v1/compare/${a}/${b}?lang=tr`);
		await check("/api/v1/compare/{a}/{b}", "/api/v1/compare/100/699");
		for (const q of ["busy", "48", "codec", "kimlik", "zzzz"]) await check("/api/v1/search", `/api/v1/search?q=${q}`);
		await check("/api/v1/codes/{code}", "/api/v1/codes/abc", "400");
		await check("/api/v1/codes/{code}", "/api/v1/codes/999", "404");
		await check("/api/v1/search", "/api/v1/search", "400");
	});

	test("the document's paths are the routes the server answers", async () => {
		const { body: doc } = await getJson("/api/openapi.json");
		for (const path of Object.keys(doc.paths)) {
			const concrete = path.replace("{code}", "486").replace("{a}", "486").replace("{b}", "603");
			const r = await get(base(), `${concrete}${path.endsWith("search") ? "?q=busy" : ""}`);
			assert.equal(r.status, 200, path);
		}
	});
});
