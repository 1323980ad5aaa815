// A classic pcap (Ethernet, IPv4, UDP) written packet by packet, for the bench inputs.
import { closeSync, openSync, writeSync } from "node:fs";

function checksum(b, off, len) {
	let s = 0;
	for (let i = 0; i < len; i += 2) s += (b[off + i] << 8) | (b[off + i + 1] ?? 0);
	while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
	return ~s & 0xffff;
}

/** Opens `out`; `packet(time, [ip, port], [ip, port], text)` appends one UDP datagram. */
export function createPcap(out) {
	const fd = openSync(out, "w");
	const header = Buffer.alloc(24);
	header.writeUInt32LE(0xa1b2c3d4, 0);
	header.writeUInt16LE(2, 4);
	header.writeUInt16LE(4, 6);
	header.writeUInt32LE(262144, 16);
	header.writeUInt32LE(1, 20);
	writeSync(fd, header);
	let written = 24;
	let ipId = 0;
	const buffers = [];
	let pending = 0;
	const flush = () => {
		if (buffers.length) writeSync(fd, Buffer.concat(buffers));
		buffers.length = 0;
		pending = 0;
	};
	return {
		get written() {
			return written;
		},
		packet(time, src, dst, text) {
			const payload = Buffer.from(text, "utf8");
			const len = 14 + 20 + 8 + payload.length;
			const rec = Buffer.alloc(16 + len);
			const sec = Math.floor(time);
			rec.writeUInt32LE(sec, 0);
			rec.writeUInt32LE(Math.round((time - sec) * 1e6), 4);
			rec.writeUInt32LE(len, 8);
			rec.writeUInt32LE(len, 12);
			const e = 16;
			rec.writeUInt16BE(0x0800, e + 12);
			const ip = e + 14;
			rec[ip] = 0x45;
			rec.writeUInt16BE(20 + 8 + payload.length, ip + 2);
			rec.writeUInt16BE(ipId++ & 0xffff, ip + 4);
			rec[ip + 8] = 64;
			rec[ip + 9] = 17;
			for (const [i, o] of src[0].split(".").entries()) rec[ip + 12 + i] = Number(o);
			for (const [i, o] of dst[0].split(".").entries()) rec[ip + 16 + i] = Number(o);
			rec.writeUInt16BE(checksum(rec, ip, 20), ip + 10);
			const udp = ip + 20;
			rec.writeUInt16BE(src[1], udp);
			rec.writeUInt16BE(dst[1], udp + 2);
			rec.writeUInt16BE(8 + payload.length, udp + 4);
			payload.copy(rec, udp + 8);
			buffers.push(rec);
			pending += rec.length;
			written += rec.length;
			if (pending > 1 << 20) flush();
		},
		close() {
			flush();
			closeSync(fd);
		},
	};
}

/** A SIP message: start line, headers, Content-Length, body. */
export function sipMessage(start, headers, body = "") {
	return `${start}\r\n${headers.join("\r\n")}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}
