#!/bin/sh
# Makes the small real captures in test/fixtures/captures/: SIPp calls on a loopback captured with
# dumpcap, converted with editcap, and what tshark reads from each (the *.tshark.tsv files the tests
# compare against). Everything runs in a fresh network namespace whose loopback has a 1500-byte
# MTU and no segmentation offload, so a large INVITE is sent in IP fragments over UDP and in
# several segments over TCP, and no other traffic gets in.
#
# Needs root and Debian's tshark and sip-tester packages (apt-get install -y tshark sip-tester).
#   sh scripts/make-captures.sh
set -eu

OUT=test/fixtures/captures
SCEN=$OUT/scenarios
if [ "${1:-}" != "--in-namespace" ]; then
	cd "$(dirname "$0")/.."
	exec unshare --net sh scripts/make-captures.sh --in-namespace
fi
ip link set lo up mtu 1500
# No segmentation offload: TCP hands the loopback MSS-sized segments, as a real NIC would send them.
ip link set dev lo gso_max_size 1500
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# capture FILE DUMPCAP-ARGS UAS-ARGS UAC-ARGS: one SIPp UAS and one UAC run while dumpcap writes FILE.
capture() {
	file=$1 dumpcap_args=$2 uas_args=$3 uac_args=$4
	rm -f "$TMP/raw"
	# shellcheck disable=SC2086
	dumpcap $dumpcap_args -q -w "$TMP/raw" >"$TMP/dumpcap.log" 2>&1 &
	dumpcap_pid=$!
	i=0
	until grep -q "Capturing on" "$TMP/dumpcap.log" 2>/dev/null || [ $i -ge 50 ]; do sleep 0.1; i=$((i + 1)); done
	# shellcheck disable=SC2086
	sipp $uas_args -nostdin -trace_err -error_file "$TMP/uas.err" >/dev/null 2>&1 &
	uas_pid=$!
	sleep 0.3
	# shellcheck disable=SC2086
	sipp $uac_args -nostdin -trace_err -error_file "$TMP/uac.err" >/dev/null 2>&1
	wait "$uas_pid" || true
	sleep 0.5
	kill -INT "$dumpcap_pid"
	wait "$dumpcap_pid" || true
	cp "$TMP/raw" "$OUT/$file"
	chmod 644 "$OUT/$file"
	echo "made $OUT/$file"
}

UAS4="-sn uas -i 127.0.0.1 -p 5060"
UAC4="127.0.0.1:5060 -i 127.0.0.1 -p 5070 -d 100"

# Two ordinary calls over UDP, IPv4, pcapng (nanosecond if_tsresol).
capture udp-ipv4.pcapng "-i lo" "$UAS4 -m 2" "-sn uac $UAC4 -m 2"
# The same calls as classic pcap: microsecond, nanosecond, and the modified (Kuznetzov) variant.
editcap -F pcap "$OUT/udp-ipv4.pcapng" "$OUT/udp-ipv4.pcap"
editcap -F nsecpcap "$OUT/udp-ipv4.pcapng" "$OUT/udp-ipv4-nsec.pcap"
editcap -F modpcap "$OUT/udp-ipv4.pcapng" "$OUT/udp-ipv4-modified.pcap"
# A call whose 4 KB INVITE travels in IPv4 fragments.
capture udp-fragmented.pcapng "-i lo" "$UAS4 -m 1" "-sf $SCEN/big-invite-uac.xml $UAC4 -m 1"
# The same over TCP: the INVITE is split across segments.
capture tcp-ipv4.pcapng "-i lo" "$UAS4 -t t1 -m 1" "-sf $SCEN/big-invite-uac.xml $UAC4 -t t1 -m 1"
# IPv6: the large INVITE in IPv6 fragments.
capture udp-ipv6.pcapng "-i lo" "-sn uas -i ::1 -p 5060 -m 1" "-sf $SCEN/big-invite-uac.xml [::1]:5060 -i ::1 -p 5070 -d 100 -m 1"
# Linux cooked captures of the "any" interface, v1 (as pcap) and v2.
capture cooked-sll.pcap "-i any -y LINUX_SLL -P" "$UAS4 -m 1" "-sn uac $UAC4 -m 1"
capture cooked-sll2.pcapng "-i any -y LINUX_SLL2" "$UAS4 -m 1" "-sn uac $UAC4 -m 1"

# What tshark reads: one line per frame that carries SIP (two messages in a frame are comma-joined).
for f in "$OUT"/*.pcap "$OUT"/*.pcapng; do
	tshark -r "$f" -Y sip -T fields -E separator=/t \
		-e frame.number -e frame.time_epoch -e sip.Call-ID -e sip.CSeq.method -e sip.Status-Code \
		>"$f.tshark.tsv" 2>/dev/null
done
tshark --version | head -n 1 >"$OUT/VERSIONS"
sipp -v 2>/dev/null | grep -m 1 SIPp >>"$OUT/VERSIONS" || true
