#!/usr/bin/env python3
"""Give the endpoints of a loopback capture their own IPv4 addresses (used by make-sipp-captures.sh).

SIPp runs every party on 127.0.0.1, told apart by port. Scenarios about addresses (NAT: a
private address in the headers while the packets come from a public one) need the packets
to come from distinct, non-loopback addresses, so this rewrites each IPv4/UDP packet's source
and destination address by its port:

  pcap-relocate.py PORT=ADDR[,PORT=ADDR…] IN OUT

IN is a classic Ethernet pcap (LINKTYPE_ETHERNET, either byte order); the IPv4 header checksum
is recomputed and the UDP checksum set to 0 (none, RFC 768). Ports not listed keep their address.
Use documentation addresses (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
"""
import socket
import struct
import sys


def fail(msg):
    print(f"pcap-relocate: {msg}", file=sys.stderr)
    sys.exit(1)


def checksum(header):
    total = sum(struct.unpack(f"!{len(header) // 2}H", header))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def main():
    if len(sys.argv) != 4:
        fail("usage: pcap-relocate.py PORT=ADDR[,PORT=ADDR…] IN OUT")
    mapping = {}
    for item in sys.argv[1].split(","):
        port, _, addr = item.partition("=")
        mapping[int(port)] = socket.inet_aton(addr)
    data = open(sys.argv[2], "rb").read()
    order = {b"\xd4\xc3\xb2\xa1": "<", b"\x4d\x3c\xb2\xa1": "<", b"\xa1\xb2\xc3\xd4": ">", b"\xa1\xb2\x3c\x4d": ">"}.get(data[:4])
    if order is None:
        fail(f"{sys.argv[2]}: not a classic pcap")
    if struct.unpack(order + "I", data[20:24])[0] != 1:
        fail(f"{sys.argv[2]}: link type is not Ethernet")
    out = bytearray(data[:24])
    pos = 24
    while pos + 16 <= len(data):
        caplen = struct.unpack(order + "I", data[pos + 8 : pos + 12])[0]
        frame = bytearray(data[pos + 16 : pos + 16 + caplen])
        if len(frame) >= 42 and frame[12:14] == b"\x08\x00" and frame[23] == 17:
            ihl = (frame[14] & 0x0F) * 4
            sport, dport = struct.unpack("!HH", frame[14 + ihl : 18 + ihl])
            if sport in mapping:
                frame[26:30] = mapping[sport]
            if dport in mapping:
                frame[30:34] = mapping[dport]
            frame[24:26] = b"\x00\x00"
            frame[24:26] = struct.pack("!H", checksum(bytes(frame[14 : 14 + ihl])))
            frame[14 + ihl + 6 : 14 + ihl + 8] = b"\x00\x00"
        out += data[pos : pos + 16] + frame
        pos += 16 + caplen
    open(sys.argv[3], "wb").write(out)


main()
