/**
 * VXLAN (RFC 7348, UDP port 4789): an 8-byte header whose I flag says the network identifier is
 * valid, then an Ethernet frame.
 */

/** The VXLAN UDP port (IANA). */
export const VXLAN_PORT = 4789;

/** Where the inner Ethernet frame starts in the UDP payload `b`, or -1 if `b` is not VXLAN. */
export function vxlanPayload(b: Uint8Array): number {
	if (b.length < 8 + 14) return -1;
	return ((b[0] as number) & 0x08) !== 0 ? 8 : -1;
}
