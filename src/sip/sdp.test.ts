import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { boundaryOf, parseMultipart, parseSipfrag } from "./body-parts.ts";
import { header } from "./header-values.ts";
import { parseMessage } from "./parse-message.ts";
import { mediaAddress, parseSdp } from "./sdp.ts";

const OFFER = [
	"v=0",
	"o=- 3823958374 3823958374 IN IP4 198.51.100.10",
	"s=Asterisk",
	"c=IN IP4 10.0.0.5",
	"t=0 0",
	"m=audio 17540 RTP/SAVP 0 8 9 101",
	"a=rtpmap:0 PCMU/8000",
	"a=rtpmap:101 telephone-event/8000",
	"a=fmtp:101 0-16",
	"a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz",
	"a=sendonly",
	"m=video 0 RTP/AVP 96",
	"c=IN IP6 2001:db8::1",
	"a=rtpmap:96 H264/90000",
	"",
].join("\r\n");

test("SDP: media, codecs (static and rtpmap), fmtp, crypto, direction, addresses", () => {
	const sdp = parseSdp(OFFER);
	assert.deepEqual(sdp.errors, []);
	assert.equal(sdp.origin?.address, "198.51.100.10");
	const [audio, video] = sdp.media;
	assert.equal(audio?.protocol, "RTP/SAVP");
	assert.equal(audio?.port, 17540);
	assert.deepEqual(
		audio?.codecs.map((c) => `${c.payloadType}:${c.name}/${c.clockRate}`),
		["0:PCMU/8000", "8:PCMA/8000", "9:G722/8000", "101:telephone-event/8000"],
	);
	assert.equal(audio?.codecs[3]?.fmtp, "0-16");
	assert.equal(audio?.direction, "sendonly");
	assert.equal(audio?.crypto.length, 1);
	assert.equal(audio && mediaAddress(sdp, audio), "10.0.0.5");
	assert.equal(video?.port, 0);
	assert.equal(video?.direction, "sendrecv");
	assert.equal(video && mediaAddress(sdp, video), "2001:db8::1");
});

test("SDP from RFC 4475 sdp01 and garbage never throws", () => {
	const m = parseMessage(
		readFileSync(join(import.meta.dirname, "..", "..", "test", "fixtures", "rfc4475", "valid", "sdp01.sip")),
	);
	const sdp = parseSdp(m.body ?? "");
	assert.deepEqual(
		sdp.media.map((x) => x.type),
		["audio", "video"],
	);
	assert.equal(sdp.media[1]?.codecs[0]?.name, "LPC");
	for (const junk of ["", "x", "m=", "m=audio x RTP/AVP", "a=rtpmap:", "c=IN", "\u0000\u0001"]) parseSdp(junk);
	assert.ok(parseSdp("m=audio x RTP/AVP").errors.length > 0);
});

test("sipfrag and multipart", () => {
	assert.deepEqual(parseSipfrag("SIP/2.0 200 OK\r\n"), { status: 200, reason: "OK" });
	assert.deepEqual(parseSipfrag("SIP/2.0 100 Trying"), { status: 100, reason: "Trying" });
	assert.equal(parseSipfrag("hello"), null);
	const m = parseMessage(
		readFileSync(join(import.meta.dirname, "..", "..", "test", "fixtures", "rfc4475", "valid", "mpart01.sip")),
	);
	const boundary = boundaryOf(header(m, "Content-Type") ?? "");
	assert.equal(boundary, "7a9cbec02ceef655");
	const parts = parseMultipart(m.body ?? "", boundary as string);
	assert.equal(parts.length, 2);
	assert.equal(parts[0]?.headers["content-type"], "text/plain");
	assert.equal(parts[1]?.headers["content-type"], "application/octet-stream");
});
