import assert from "node:assert/strict";
import { test } from "node:test";
import { type CaptureOptions, CaptureReader } from "./capture-reader.ts";
import { pcapFile } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { FragmentReassembler } from "./ip-fragments.ts";
import { bytesOf, ethernet, ipv4, ipv4Fragments, ipv6Fragments, udp } from "./packet-builder.ts";
import type { MalformedKind } from "./stats.ts";

const sdp = Array.from({ length: 120 }, (_, i) => `a=fmtp:${96 + (i % 30)} mode-set=0,2,4,7;line=${i}\r\n`).join("");
const INVITE = `INVITE sip:bob@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bKbig\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=a\r\nTo: <sip:bob@example.com>\r\nCall-ID: big\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\nContent-Length: ${sdp.length}\r\n\r\n${sdp}`;
const DATAGRAM = udp(5060, 5060, INVITE);

function read(frames: Uint8Array[], options: CaptureOptions = {}, times?: number[]) {
	const reader = new CaptureReader(options);
	const file = pcapFile(
		{ linkType: 1 },
		frames.map((data, i) => ({ sec: times?.[i] ?? 1000 + i, data })),
	);
	const messages: CapturedMessage[] = [...reader.push(file), ...reader.end()];
	return { messages, stats: reader.stats };
}

const eth4 = (p: Uint8Array) => ethernet(0x0800, p);
const eth6 = (p: Uint8Array) => ethernet(0x86dd, p);
const F4 = { src: "192.0.2.1", dst: "192.0.2.2", protocol: 17, id: 77 };
const F6 = { src: "2001:db8::1", dst: "2001:db8::2", protocol: 17 };

test("a large INVITE in IPv4 fragments, out of order, with a duplicate and an overlap", () => {
	assert.ok(DATAGRAM.length > 4000);
	const frags = ipv4Fragments(F4, DATAGRAM, 1480);
	assert.ok(frags.length >= 3);
	const overlap = ipv4({ ...F4, fragmentOffset: 1480 - 80, more: true }, DATAGRAM.subarray(1400, 1600));
	const order = [frags.at(-1), frags[1], overlap, frags[1], ...frags.slice(2, -1), frags[0]] as Uint8Array[];
	const { messages, stats } = read(order.map(eth4));
	assert.equal(messages.length, 1);
	assert.equal(messages[0]?.message.callId, "big");
	assert.equal(messages[0]?.message.body, sdp);
	assert.equal(messages[0]?.frame, order.length, "numbered by the fragment that completed it");
	assert.equal(stats.fragmentsReassembled, 1);
	assert.equal(stats.ipFragments, order.length);
	// The second copy of fragment 2 and the overlapping one, then fragment 1 over the overlapping one.
	assert.equal(stats.fragmentOverlaps, 3);
	assert.equal(stats.sipPackets, 1);
	assert.equal(stats.nonSipPackets, 0);
	assert.equal(
		Object.values(stats.malformed).reduce((x, y) => x + y),
		0,
	);
});

test("a large INVITE in IPv6 fragments, out of order, extension headers before and after", () => {
	const f = {
		...F6,
		extensions: [{ type: 0, length: 8 }],
		innerExtensions: [{ type: 60, length: 16 }],
	};
	// The destination options header travels in the first fragment, inside the fragmentable part.
	const frags = ipv6Fragments(f, 0xabcdef01, DATAGRAM, 1232);
	const { messages, stats } = read([...frags].reverse().map(eth6));
	assert.equal(messages.length, 1);
	assert.equal(messages[0]?.message.body, sdp);
	assert.equal(messages[0]?.src.ip, "2001:db8::1");
	assert.equal(stats.fragmentsReassembled, 1);
	assert.equal(
		Object.values(stats.malformed).reduce((x, y) => x + y),
		0,
	);
});

test("fragments of interleaved datagrams are kept apart", () => {
	const a = ipv4Fragments({ ...F4, id: 1 }, DATAGRAM, 1480);
	const b = ipv4Fragments({ ...F4, id: 2 }, udp(5060, 5060, INVITE.replace("Call-ID: big", "Call-ID: bog")), 1480);
	const mixed = a.flatMap((x, i) => [x, b[b.length - 1 - i] as Uint8Array]);
	const { messages } = read(mixed.map(eth4));
	assert.deepEqual(messages.map((m) => m.message.callId).sort(), ["big", "bog"]);
});

test("a datagram whose fragments never all arrive expires after the timeout", () => {
	const frags = ipv4Fragments(F4, DATAGRAM, 1480);
	const single = ipv4({ src: "192.0.2.9", dst: "192.0.2.2", protocol: 17 }, udp(1, 2, "x"));
	const { stats } = read(
		[frags[0], single, frags[1]].map((f) => eth4(f as Uint8Array)),
		{},
		[1000, 1040, 1041],
	);
	assert.equal(stats.malformed.fragmentsExpired, 2, "one by the timeout, one at the end of input");
	assert.equal(stats.fragmentsReassembled, 0);
});

test("pending datagrams are bounded", () => {
	const firsts = [1, 2, 3, 4].map((id) => ipv4Fragments({ ...F4, id }, DATAGRAM, 1480)[0] as Uint8Array);
	const { stats } = read(firsts.map(eth4), { fragments: { maxDatagrams: 2 } });
	assert.equal(stats.malformed.fragmentsExpired, 4);
	assert.match(stats.problems[0]?.detail ?? "", /dropped to stay within 2 datagrams/);
});

test("impossible fragments are counted", () => {
	const end1 = ipv4({ ...F4, fragmentOffset: 8 }, new Uint8Array(16));
	const end2 = ipv4({ ...F4, fragmentOffset: 8 }, new Uint8Array(24));
	const far = ipv4({ ...F4, id: 9, fragmentOffset: 65528, more: true }, new Uint8Array(16));
	const { stats } = read([end1, end2, far].map(eth4));
	assert.equal(stats.malformed.badFragment, 2);
});

test("where fragments overlap, the bytes that arrived first are kept", () => {
	const damage: [MalformedKind, string][] = [];
	const counters = { fragmentsReassembled: 0, fragmentOverlaps: 0 };
	const r = new FragmentReassembler(counters, (k, d) => damage.push([k, d]));
	assert.equal(r.add("k", 8, false, bytesOf("BBBBBBBB"), 8, 0), null);
	assert.equal(r.add("k", 4, true, bytesOf("CCCCCCCC"), 8, 0), null);
	const whole = r.add("k", 0, true, bytesOf("AAAAAAAA"), 8, 0);
	assert.equal(new TextDecoder().decode(whole ?? new Uint8Array()), "AAAACCCCBBBBBBBB");
	assert.equal(counters.fragmentOverlaps, 2);
	assert.equal(r.pending, 0);
	assert.equal(r.pendingBytes, 0);
	assert.deepEqual(damage, []);
});
