#!/bin/sh
# Makes test/fixtures/captures/vxlan-kernel.pcapng: one SIPp call (INVITE, 180, 200, ACK, BYE, 200)
# through a real Linux VXLAN tunnel (VNI 42, UDP 4789) between two network namespaces joined by a
# veth pair, captured by dumpcap on the veth (the outer packets), and what tshark reads from it
# (the .tshark.tsv beside it, as make-captures.sh writes them). The namespaces are made here and
# deleted on exit; no traffic leaves them.
#
# Needs root, the kernel's vxlan and veth support, and Debian's tshark and sip-tester packages.
#   sh scripts/make-vxlan-capture.sh
set -eu
cd "$(dirname "$0")/.."
OUT=test/fixtures/captures/vxlan-kernel.pcapng
A=sipwhy-vxa-$$
B=sipwhy-vxb-$$
cleanup() {
	ip netns del "$A" 2>/dev/null || true
	ip netns del "$B" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$A"
ip netns add "$B"
ip link add va netns "$A" type veth peer name vb netns "$B"
for ns in "$A" "$B"; do ip -n "$ns" link set lo up; done
ip -n "$A" addr add 10.250.0.1/24 dev va
ip -n "$A" link set va up
ip -n "$B" addr add 10.250.0.2/24 dev vb
ip -n "$B" link set vb up
ip -n "$A" link add vx0 type vxlan id 42 remote 10.250.0.2 dstport 4789 dev va
ip -n "$B" link add vx0 type vxlan id 42 remote 10.250.0.1 dstport 4789 dev vb
ip -n "$A" addr add 10.251.0.1/24 dev vx0
ip -n "$A" link set vx0 up
ip -n "$B" addr add 10.251.0.2/24 dev vx0
ip -n "$B" link set vx0 up
TMP=$(mktemp /tmp/sipwhy-vxlan-XXXXXX.pcapng)
ip netns exec "$A" dumpcap -q -i va -w "$TMP" >/dev/null 2>&1 &
DUMP=$!
sleep 1
ip netns exec "$B" timeout 30 sipp -sn uas -i 10.251.0.2 -p 5060 -m 1 >/dev/null 2>&1 &
UAS=$!
sleep 0.5
ip netns exec "$A" timeout 30 sipp -sn uac 10.251.0.2:5060 -i 10.251.0.1 -p 5070 -m 1 -d 100 >/dev/null 2>&1
wait "$UAS" || true
sleep 0.5
kill "$DUMP"
wait "$DUMP" 2>/dev/null || true
mv "$TMP" "$OUT"
chmod 644 "$OUT"
tshark -r "$OUT" -Y sip -T fields -E separator=/t \
	-e frame.number -e frame.time_epoch -e sip.Call-ID -e sip.CSeq.method -e sip.Status-Code \
	>"$OUT.tshark.tsv" 2>/dev/null
node scripts/make-tshark-keys.mjs "$OUT"
