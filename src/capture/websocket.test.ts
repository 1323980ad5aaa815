import assert from "node:assert/strict";
import { test } from "node:test";
import { CaptureReader } from "./capture-reader.ts";
import { pcapFile } from "./capture-writer.ts";
import type { CapturedMessage } from "./captured-message.ts";
import { bytesOf, concat, ipv4, TCP, tcp, webSocketFrame } from "./packet-builder.ts";
import { WebSocketDeframer } from "./websocket.ts";

const REGISTER =
	"REGISTER sip:example.com SIP/2.0\r\nVia: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKws\r\nMax-Forwards: 70\r\nFrom: <sip:alice@example.com>;tag=w1\r\nTo: <sip:alice@example.com>\r\nCall-ID: ws-1\r\nCSeq: 1 REGISTER\r\nContact: <sip:alice@df7jal23ls0d.invalid;transport=ws>\r\nContent-Length: 0\r\n\r\n";
const OK = `SIP/2.0 200 OK\r\nVia: SIP/2.0/WS df7jal23ls0d.invalid;branch=z9hG4bKws\r\nFrom: <sip:alice@example.com>;tag=w1\r\nTo: <sip:alice@example.com>;tag=s1\r\nCall-ID: ws-1\r\nCSeq: 1 REGISTER\r\nX-Padding: ${"p".repeat(200)}\r\nContent-Length: 0\r\n\r\n`;
const MASK = new Uint8Array([0x37, 0xfa, 0x21, 0x3d]);

function conversation(client: Uint8Array, server: Uint8Array, cut = 40): Uint8Array {
	const seg = (fromClient: boolean, seq: number, flags: number, data: Uint8Array = new Uint8Array(0)) =>
		ipv4(
			{ src: fromClient ? "10.0.0.1" : "10.0.0.2", dst: fromClient ? "10.0.0.2" : "10.0.0.1", protocol: 6 },
			tcp({ srcPort: fromClient ? 50000 : 8080, dstPort: fromClient ? 8080 : 50000, seq, flags }, data),
		);
	const frames = [
		seg(true, 0, TCP.SYN),
		seg(false, 0, TCP.SYN | TCP.ACK),
		seg(true, 1, TCP.ACK, client.subarray(0, cut)),
		seg(true, 1 + cut, TCP.ACK, client.subarray(cut)),
		seg(false, 1, TCP.ACK, server),
	];
	return pcapFile(
		{ linkType: 101 },
		frames.map((data, i) => ({ sec: 10 + i, data })),
	);
}

const UPGRADE =
	"GET / HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Protocol: sip\r\nSec-WebSocket-Version: 13\r\n\r\n";
const SWITCHING =
	"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: sip\r\n\r\n";

function read(file: Uint8Array) {
	const r = new CaptureReader();
	const messages: CapturedMessage[] = [...r.push(file), ...r.end()];
	return { messages, stats: r.stats };
}

test("SIP over WebSocket: masked, fragmented, with a ping between the fragments, and a 16-bit length", () => {
	const req = bytesOf(REGISTER);
	const client = concat(
		bytesOf(UPGRADE),
		webSocketFrame(req.subarray(0, 100), { fin: false, mask: MASK }),
		webSocketFrame("", { opcode: 9, mask: MASK }),
		webSocketFrame(req.subarray(100), { opcode: 0, mask: MASK }),
	);
	const server = concat(bytesOf(SWITCHING), webSocketFrame(OK));
	const { messages, stats } = read(conversation(client, server, UPGRADE.length + 3));
	assert.deepEqual(
		messages.map((m) => [m.message.method ?? m.message.status, m.transport, m.src.port, m.frame]),
		[
			["REGISTER", "ws", 50000, 4],
			[200, "ws", 8080, 5],
		],
	);
	assert.ok(messages.every((m) => m.message.ok));
	assert.equal(stats.sipPackets, 3, "every data segment after the upgrade head");
	assert.equal(
		Object.values(stats.malformed).reduce((x, y) => x + y),
		0,
	);
});

test("compressed messages are reported, unreadable frames end the stream, other upgrades are ignored", () => {
	const client = concat(bytesOf(UPGRADE), webSocketFrame(REGISTER, { mask: MASK, compressed: true }));
	const server = concat(bytesOf(SWITCHING), new Uint8Array([0xb1, 5, 1, 2, 3, 4, 5]));
	const { messages, stats } = read(conversation(client, server));
	assert.equal(messages.length, 0);
	assert.equal(stats.malformed.unsupported, 1);
	assert.equal(stats.malformed.badWebSocket, 1);

	const http = read(
		conversation(bytesOf("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), bytesOf("HTTP/1.1 200 OK\r\n\r\nhello")),
	);
	assert.equal(http.messages.length, 0);
	assert.equal(http.stats.nonSipPackets, 5);
});

test("the deframer takes frames one byte at a time and 64-bit lengths", () => {
	const big = `MESSAGE sip:a@b SIP/2.0\r\nContent-Length: 70000\r\n\r\n${"x".repeat(70000)}`;
	const stream = concat(webSocketFrame(big, { mask: MASK }), webSocketFrame("second"));
	const d = new WebSocketDeframer();
	const got: string[] = [];
	for (let i = 0; i < stream.length; i += 997)
		for (const m of d.push(stream.subarray(i, i + 997)).messages) got.push(new TextDecoder().decode(m));
	assert.deepEqual(got, [big, "second"]);
	const small = new WebSocketDeframer();
	const bytes = webSocketFrame("abc", { mask: MASK });
	const out: Uint8Array[] = [];
	for (const b of bytes) out.push(...small.push(new Uint8Array([b])).messages);
	assert.deepEqual(
		out.map((m) => new TextDecoder().decode(m)),
		["abc"],
	);
});
