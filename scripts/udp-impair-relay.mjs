#!/usr/bin/env node
// A seeded UDP relay that stands in for tc netem where the kernel has no sch_netem: datagrams
// from a client to LISTEN are sent on to TARGET with seeded loss, delay and delay variation
// (which reorders packets when the variation exceeds the packet interval); TARGET's replies go
// back to the client untouched. Used by scripts/make-media-captures.sh; loopback only.
// Usage: node scripts/udp-impair-relay.mjs LISTEN_PORT TARGET_PORT SEED LOSS DELAY_MS JITTER_MS SECONDS
import dgram from "node:dgram";

const [listen, target, seed, loss, delay, jitter, seconds] = process.argv.slice(2).map(Number);
let state = seed >>> 0;
// mulberry32: a small seeded generator, so a rerun makes the same impairments.
function random() {
	state = (state + 0x6d2b79f5) >>> 0;
	let t = state;
	t = Math.imul(t ^ (t >>> 15), t | 1);
	t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
	return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const socket = dgram.createSocket("udp4");
let client = null;
socket.on("message", (msg, from) => {
	if (from.port === target && from.address === "127.0.0.1") {
		if (client) socket.send(msg, client.port, client.address);
		return;
	}
	client = { address: from.address, port: from.port };
	if (random() < loss) return;
	const wait = Math.max(0, delay + (random() * 2 - 1) * jitter);
	setTimeout(() => socket.send(msg, target, "127.0.0.1"), wait);
});
socket.bind(listen, "127.0.0.1");
setTimeout(() => socket.close(), seconds * 1000);
