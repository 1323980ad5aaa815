/**
 * IPv4 (options skipped by the header length; checksum not checked) and IPv6 (hop-by-hop,
 * routing, destination options, authentication, mobility, HIP, shim6 and experimental extension
 * headers skipped; the fragment header read) down to the upper-layer protocol.
 */
import { ipv4String, ipv6String, u16, u32 } from "./bytes.ts";
import type { MalformedKind } from "./stats.ts";

/** Where a fragment's bytes go in its datagram. */
export interface FragmentInfo {
	/** IPv4 Identification or IPv6 fragment header Identification. */
	id: number;
	/** Byte offset of this fragment's data. */
	offset: number;
	/** More fragments follow. */
	more: boolean;
}

/** A decoded IP header. The addresses are formatted when first read (most packets never need them). */
export class IpHeader {
	#packet: Uint8Array;
	#src: string | undefined;
	#dst: string | undefined;

	constructor(
		readonly version: 4 | 6,
		packet: Uint8Array,
		/** Upper-layer protocol (after IPv6 extension headers; of the whole datagram for a fragment). */
		readonly protocol: number,
		/** Upper-layer bytes captured (a fragment's data for a fragment). */
		readonly payload: Uint8Array,
		/** Upper-layer length the header declares; larger than `payload.length` when the packet was cut. */
		readonly length: number,
		readonly fragment: FragmentInfo | null,
	) {
		this.#packet = packet;
	}

	/** Source address (dotted IPv4, RFC 5952 IPv6). */
	get src(): string {
		this.#src ??= this.version === 4 ? ipv4String(this.#packet, 12) : ipv6String(this.#packet, 8);
		return this.#src;
	}

	/** Destination address. */
	get dst(): string {
		this.#dst ??= this.version === 4 ? ipv4String(this.#packet, 16) : ipv6String(this.#packet, 24);
		return this.#dst;
	}
}

/** Why a header could not be decoded. */
export interface IpError {
	error: MalformedKind;
	detail: string;
}

/** Decodes the IP header at the start of `b`; `version` 0 reads it from the first nibble. */
export function parseIp(b: Uint8Array, version: 0 | 4 | 6): IpHeader | IpError {
	if (b.length < 1) return { error: "badIpHeader", detail: "empty IP packet" };
	const v = (b[0] as number) >> 4;
	if (version !== 0 && v !== version)
		return { error: "badIpHeader", detail: `IP version ${v} where the link layer said IPv${version}` };
	if (v === 4) return parseIpv4(b);
	if (v === 6) return parseIpv6(b);
	return { error: "badIpHeader", detail: `IP version ${v}` };
}

function parseIpv4(b: Uint8Array): IpHeader | IpError {
	if (b.length < 20) return { error: "badIpHeader", detail: `IPv4 header cut short (${b.length} bytes)` };
	const ihl = ((b[0] as number) & 15) * 4;
	if (ihl < 20) return { error: "badIpHeader", detail: `IPv4 header length ${ihl} (at least 20)` };
	if (ihl > b.length) return { error: "badIpHeader", detail: `IPv4 header of ${ihl} bytes cut short at ${b.length}` };
	let total = u16(b, 2);
	// Zero: a segmentation-offloaded packet captured before the NIC split it; use what is there.
	if (total === 0) total = b.length;
	if (total < ihl) return { error: "badIpHeader", detail: `IPv4 total length ${total} below its header length ${ihl}` };
	const flags = u16(b, 6);
	const more = (flags & 0x2000) !== 0;
	const offset = (flags & 0x1fff) * 8;
	return new IpHeader(
		4,
		b,
		b[9] as number,
		b.subarray(ihl, Math.min(total, b.length)),
		total - ihl,
		more || offset > 0 ? { id: u16(b, 4), offset, more } : null,
	);
}

function parseIpv6(b: Uint8Array): IpHeader | IpError {
	if (b.length < 40) return { error: "badIpHeader", detail: `IPv6 header cut short (${b.length} bytes)` };
	const plen = u16(b, 4);
	// Zero: a jumbogram or an offloaded packet; use what is there.
	const declaredEnd = plen === 0 ? b.length : 40 + plen;
	const end = Math.min(declaredEnd, b.length);
	const ext = skipIpv6Extensions(b, 40, b[6] as number, end);
	if ("error" in ext) return ext;
	return new IpHeader(6, b, ext.protocol, b.subarray(ext.offset, end), declaredEnd - ext.offset, ext.fragment);
}

/** The upper layer after the IPv6 extension headers starting at `o` with next header `nh`. */
export function skipIpv6Extensions(
	b: Uint8Array,
	o: number,
	nh: number,
	end: number,
): { protocol: number; offset: number; fragment: FragmentInfo | null } | IpError {
	for (let n = 0; n < 32; n++) {
		switch (nh) {
			case 0: // hop-by-hop options
			case 43: // routing
			case 60: // destination options
			case 135: // mobility
			case 139: // HIP
			case 140: // shim6
			case 253: // experimental
			case 254: {
				if (o + 2 > end) return cut(nh, end);
				const len = ((b[o + 1] as number) + 1) * 8;
				if (o + len > end) return cut(nh, end);
				nh = b[o] as number;
				o += len;
				continue;
			}
			case 51: {
				// Authentication header: length in 4-byte units, minus 2.
				if (o + 2 > end) return cut(nh, end);
				const len = ((b[o + 1] as number) + 2) * 4;
				if (o + len > end) return cut(nh, end);
				nh = b[o] as number;
				o += len;
				continue;
			}
			case 44: {
				if (o + 8 > end) return cut(nh, end);
				const next = b[o] as number;
				const fo = u16(b, o + 2);
				const offset = fo & 0xfff8;
				const more = (fo & 1) === 1;
				const id = u32(b, o + 4);
				o += 8;
				nh = next;
				// An atomic fragment (offset 0, no more) is a whole packet (RFC 6946).
				if (offset === 0 && !more) continue;
				return { protocol: next, offset: o, fragment: { id, offset, more } };
			}
		}
		return { protocol: nh, offset: o, fragment: null };
	}
	return { error: "badIpHeader", detail: "more than 32 IPv6 extension headers" };
}

function cut(nh: number, end: number): IpError {
	return { error: "badIpHeader", detail: `IPv6 extension header (next header ${nh}) runs past the ${end} bytes` };
}
