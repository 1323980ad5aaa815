#!/usr/bin/env python3
"""Rewrite the link layer of an Ethernet pcap (used by make-sipp-captures.sh).

Linux loopback captures are Ethernet (LINKTYPE_ETHERNET, all-zero MACs).
editcap cannot add VLAN tags or strip the Ethernet header, so this does it:

  pcap-rewrite-link.py vlan:VID IN OUT            insert one 802.1Q tag (TPID 0x8100)
  pcap-rewrite-link.py qinq:OUTER:INNER IN OUT    802.1ad outer tag (0x88a8) + 802.1Q inner tag
  pcap-rewrite-link.py rawip IN OUT               drop the Ethernet header, LINKTYPE_RAW (101)
  pcap-rewrite-link.py null IN OUT                BSD loopback header, LINKTYPE_NULL (0):
                                                  4-byte address family in the file's byte
                                                  order, 2 = IPv4, 30 = IPv6 (macOS lo0)

IN is a classic pcap (either byte order, micro- or nanosecond); OUT keeps its
byte order, timestamp precision and snaplen. Convert pcapng first with
`editcap -F pcap IN.pcapng IN.pcap`. Frames that are not Ethernet IPv4/IPv6
are copied unchanged for vlan/qinq and dropped for rawip/null.
"""
import struct
import sys

LINKTYPE_NULL = 0
LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101
MAGICS = {
    b"\xd4\xc3\xb2\xa1": "<",  # little-endian, microseconds
    b"\x4d\x3c\xb2\xa1": "<",  # little-endian, nanoseconds
    b"\xa1\xb2\xc3\xd4": ">",
    b"\xa1\xb2\x3c\x4d": ">",
}


def fail(msg):
    print(f"pcap-rewrite-link: {msg}", file=sys.stderr)
    sys.exit(1)


def tag(tpid, vid):
    if not 0 < vid < 4095:
        fail(f"VLAN id {vid} out of range 1..4094")
    return struct.pack(">HH", tpid, vid & 0x0FFF)


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    mode, src, dst = argv[1], argv[2], argv[3]
    data = open(src, "rb").read()
    if len(data) < 24 or data[:4] not in MAGICS:
        fail(f"{src}: not a classic pcap file")
    bo = MAGICS[data[:4]]
    linktype = struct.unpack(bo + "I", data[20:24])[0]
    if linktype != LINKTYPE_ETHERNET:
        fail(f"{src}: link type {linktype}, expected Ethernet (1)")

    kind = mode.split(":")[0]
    if kind == "vlan":
        insert = tag(0x8100, int(mode.split(":")[1]))
        new_linktype = LINKTYPE_ETHERNET
    elif kind == "qinq":
        _, outer, inner = mode.split(":")
        insert = tag(0x88A8, int(outer)) + tag(0x8100, int(inner))
        new_linktype = LINKTYPE_ETHERNET
    elif kind == "rawip":
        new_linktype = LINKTYPE_RAW
    elif kind == "null":
        new_linktype = LINKTYPE_NULL
    else:
        fail(f"unknown mode {mode!r}")

    out = bytearray(data[:20] + struct.pack(bo + "I", new_linktype))
    pos = 24
    while pos + 16 <= len(data):
        ts_s, ts_frac, incl, orig = struct.unpack(bo + "IIII", data[pos : pos + 16])
        frame = data[pos + 16 : pos + 16 + incl]
        pos += 16 + incl
        if len(frame) < incl:
            fail(f"{src}: truncated record")
        ethertype = struct.unpack(">H", frame[12:14])[0] if len(frame) >= 14 else 0
        if kind in ("vlan", "qinq"):
            frame = frame[:12] + insert + frame[12:]
            delta = len(insert)
        elif ethertype not in (0x0800, 0x86DD):
            continue
        elif kind == "rawip":
            frame = frame[14:]
            delta = -14
        else:  # null
            family = 2 if ethertype == 0x0800 else 30
            frame = struct.pack(bo + "I", family) + frame[14:]
            delta = -10
        out += struct.pack(bo + "IIII", ts_s, ts_frac, len(frame), orig + delta)
        out += frame
    open(dst, "wb").write(out)


if __name__ == "__main__":
    main(sys.argv)
