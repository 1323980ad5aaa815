import assert from "node:assert/strict";
import { test } from "node:test";
import { es } from "./es.ts";

/** The media rules whose texts name a direction of the call (`direction`, `flowing`, `missing`). */
const WITH_DIRECTION = ["media-one-way", "media-loss", "media-jitter", "media-address", "media-gap"] as const;

test("es media texts name the call's directions in Spanish, not the analyzer's English tokens", () => {
	const p = {
		direction: "callee→caller",
		flowing: "caller→callee",
		missing: "callee→caller",
		kind: "private",
		src: "203.0.113.5:4000",
		dst: "198.51.100.7:5000",
		sdp: "192.168.1.20:4000",
		actual: "203.0.113.5:4000",
	};
	for (const id of WITH_DIRECTION) {
		const { text } = es[id](p);
		assert.doesNotMatch(text, /caller|callee/, id);
		assert.match(text, /llamad[oa]→llamante|llamante→llamado/, id);
	}
	assert.match(es["media-one-way"](p).text, /sentido llamante→llamado;.*sentido llamado→llamante/);
});

test("es media texts pass an unknown direction through unchanged", () => {
	assert.match(es["media-gap"]({ direction: "A→B", src: "a", dst: "b", seconds: 4 }).text, /sentido A→B/);
});
