#!/usr/bin/env bash
# Recreates the media fixtures in test/fixtures/media/ with real software: SIPp plays the G.711
# and RFC 2833 pcaps Debian's sip-tester ships (play_pcap_audio) against a SIPp UAS that echoes
# RTP (-rtp_echo). Loss, jitter and reordering come from a seeded UDP relay in front of the UAS
# (scripts/udp-impair-relay.mjs), because this machine's kernel has no sch_netem for tc netem.
# Everything runs and is captured (dumpcap) on loopback only, except baresip (RTCP, opus), which
# cannot take loopback as its media address: two baresip instances talk over a veth pair between
# two network namespaces this script creates and removes, captured inside one of them. Each capture gets a key, NAME.tshark.json, derived
# from `tshark -q -z rtp,streams` (scripts/tshark-rtp-streams-key.mjs).
# Needs root, sip-tester, tshark, iproute2. Usage: scripts/make-media-captures.sh [name...]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=test/fixtures/media
SC=$OUT/scenarios
PCAPS=/usr/share/sip-tester
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# key NAME: writes the tshark key beside the capture.
key() {
	node scripts/tshark-rtp-streams-key.mjs "$OUT/$1" >"$OUT/${1%%.pcap*}.tshark.json"
}

# Common SIPp arguments for the UAC and UAS scenarios.
UAC_KEYS=(-key proto RTP/AVP -key crypto "a=ptime:20" -key audio "$PCAPS/g711a.pcap" -key dtmf "$PCAPS/dtmf_2833_1.pcap")
UAS_KEYS=(-key proto RTP/AVP -key answer_pts "8 101" -key answer_maps "a=rtpmap:8 PCMA/8000" -key answer_maps2 "a=rtpmap:101 telephone-event/8000" -key crypto "a=ptime:20")

# loopback_call NAME UAS_EXTRA UAC_EXTRA: one capture on lo with a UAS on 127.0.0.1:5070 and a UAC on :5080.
loopback_call() {
	local name=$1 uas_extra=$2 uac_extra=$3
	local pcap=$WORK/$name.pcapng
	pkill_uas 5070 # a UAS left from the previous capture would hold the port
	sleep 0.5
	dumpcap -q -i lo -f "udp and host 127.0.0.1" -w "$pcap" &
	local cap=$!
	sleep 1
	# shellcheck disable=SC2086
	sipp -sf $SC/${UAS_SCENARIO:-uas-media.xml} -i 127.0.0.1 -p 5070 -mi 127.0.0.1 -mp "${ECHO_PORT:-16000}" -key sdp_ip "${SDP_IP:-127.0.0.1}" -key sdp_port "${SDP_PORT:-16000}" "${UAS_KEYS[@]}" $uas_extra -m "${CALLS:-1}" -bg >/dev/null || true
	sleep 0.5
	# shellcheck disable=SC2086
	sipp 127.0.0.1:5070 ${UAC_SCENARIO:--sf $SC/uac-media.xml} -i 127.0.0.1 -p 5080 -mi 127.0.0.1 "${UAC_KEYS[@]}" $uac_extra -m "${CALLS:-1}" -l "${CALLS:-1}" -r "${CALLS:-1}" -timeout 60s -timeout_error >/dev/null 2>&1 || true
	sleep 1.5
	kill -TERM $cap; wait $cap || true
	pkill_uas 5070
	finish "$name" "$pcap"
}

# Ends the UAS started with -bg on PORT (by its pid, found from its listening socket).
pkill_uas() {
	local pid
	for pid in $(ss -Hulpn "sport = :$1" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u); do kill "$pid" 2>/dev/null || true; done
}

# relay_call NAME SEED LOSS DELAY_MS JITTER_MS: the UAS announces the relay (port 17000), which
# impairs the caller's RTP on its way to the echo port; the echo comes back through it unharmed.
relay_call() {
	local name=$1
	node scripts/udp-impair-relay.mjs 17000 16000 "$2" "$3" "$4" "$5" 20 &
	local relay=$!
	SDP_PORT=17000 loopback_call "$name" "-rtp_echo" ""
	wait $relay || true
}

# none_call: two calls at once, one with media and one (SIPp's built-in uac, 3 s) without: the
# capture carries RTP, so the call without any is a finding, not a capture limited to SIP.
none_call() {
	local pcap=$WORK/none.pcapng
	pkill_uas 5070
	sleep 0.5
	dumpcap -q -i lo -f "udp and host 127.0.0.1" -w "$pcap" &
	local cap=$!
	sleep 1
	sipp -sf $SC/uas-media.xml -i 127.0.0.1 -p 5070 -mi 127.0.0.1 -mp 16000 -key sdp_ip 127.0.0.1 -key sdp_port 16000 "${UAS_KEYS[@]}" -rtp_echo -m 2 -bg >/dev/null || true
	sleep 0.5
	sipp 127.0.0.1:5070 -sf $SC/uac-media.xml -i 127.0.0.1 -p 5080 -mi 127.0.0.1 "${UAC_KEYS[@]}" -m 1 -timeout 60s -timeout_error >/dev/null 2>&1 &
	local media=$!
	sleep 1
	sipp 127.0.0.1:5070 -sn uac -d 3000 -i 127.0.0.1 -p 5082 -mi 127.0.0.1 -mp 7000 -m 1 -timeout 60s -timeout_error >/dev/null 2>&1 || true
	wait $media || true
	sleep 1.5
	kill -TERM $cap; wait $cap || true
	pkill_uas 5070
	finish none "$pcap"
}

# baresip_call NAME: baresip calls baresip (auto answer) with opus and RTCP (sender and receiver
# reports, SDES, BYE), a 440 Hz sine as the source, for 14 s.
baresip_call() {
	local name=$1 side port rtp
	ip netns add swm-a
	ip netns add swm-b
	ip link add veth-swa netns swm-a type veth peer name veth-swb netns swm-b
	ip -n swm-a addr add 10.77.0.1/24 dev veth-swa
	ip -n swm-b addr add 10.77.0.2/24 dev veth-swb
	for side in a b; do ip -n swm-$side link set veth-sw$side up; ip -n swm-$side link set lo up; done
	for side in a b; do
		if [ $side = a ]; then port=10.77.0.1:5090 rtp=30000-30010; else port=10.77.0.2:5094 rtp=31000-31010; fi
		mkdir -p "$WORK/bs-$side"
		cat >"$WORK/bs-$side/config" <<CONF
poll_method epoll
sip_listen $port
audio_player aufile,$WORK/bs-$side/out.wav
audio_source ausine,440
audio_alert aufile,/dev/null
rtp_ports $rtp
rtcp_mux no
module_path /usr/lib/baresip/modules
module stdio.so
module g711.so
module opus.so
module ausine.so
module aufile.so
module account.so
module menu.so
CONF
	done
	echo '<sip:a@10.77.0.1:5090>;regint=0;audio_codecs=opus/48000/2,PCMU' >"$WORK/bs-a/accounts"
	echo '<sip:b@10.77.0.2:5094>;regint=0;answermode=auto;audio_codecs=opus/48000/2,PCMU' >"$WORK/bs-b/accounts"
	local pcap=$WORK/$name.pcapng
	ip netns exec swm-b dumpcap -q -i veth-swb -f udp -w "$pcap" &
	local cap=$!
	sleep 1.5
	ip netns exec swm-b timeout 25 baresip -4 -f "$WORK/bs-b" -t 18 >/dev/null 2>&1 &
	local callee=$!
	sleep 1
	ip netns exec swm-a timeout 20 baresip -4 -f "$WORK/bs-a" -e "/dial sip:b@10.77.0.2:5094" -t 14 >/dev/null 2>&1 || true
	wait $callee || true
	kill -TERM $cap; wait $cap || true
	ip netns del swm-a
	ip netns del swm-b
	finish "$name" "$pcap"
}

# audio_parts: the callee's sound for the hold and early-media calls, cut from the same G.711 pcap
# (30 ms packets): part1 its first 70 packets (2.1 s); part2 the next 70 with the RTP timestamp
# moved on by the 3.4 s the call is held and the marker bit on its first packet, as a sender that
# stops while held and resumes the same stream does (RFC 3550 §5.1); whole all of it under
# another SSRC (the stream after an early one).
audio_parts() {
	editcap -r "$PCAPS/g711a.pcap" "$WORK/part1.pcap" 1-70
	python3 - "$PCAPS/g711a.pcap" "$WORK" <<'PY'
import struct, sys
src = open(sys.argv[1], "rb").read()
def rewrite(first, last, ssrc=None, ts_shift=0):
    out = bytearray(src[:24])
    pos, n = 24, 0
    while pos + 16 <= len(src):
        caplen = struct.unpack("<I", src[pos + 8 : pos + 12])[0]
        n += 1
        if first <= n <= last:
            rec = bytearray(src[pos : pos + 16 + caplen])
            rtp = 16 + 14 + 20 + 8  # record header, Ethernet, IPv4 without options, UDP
            if ssrc:
                rec[rtp + 8 : rtp + 12] = ssrc
            ts = (struct.unpack("!I", rec[rtp + 4 : rtp + 8])[0] + ts_shift) & 0xFFFFFFFF
            rec[rtp + 4 : rtp + 8] = struct.pack("!I", ts)
            if ts_shift and n == first:
                rec[rtp + 1] |= 0x80
            out += rec
        pos += 16 + caplen
    return out
open(sys.argv[2] + "/part2.pcap", "wb").write(rewrite(71, 140, ts_shift=int(3.4 * 8000)))
open(sys.argv[2] + "/whole.pcap", "wb").write(rewrite(1, 10**9, ssrc=b"\x5e\x1f\x00\x02"))
PY
}

# private_call NAME: a caller whose SDP names a private address (192.168.1.10, as behind NAT)
# calls the echoing UAS on loopback; pcap-relocate.py then gives the caller's ports (SIP 5080,
# RTP 6000) the public 203.0.113.5 (the callee keeps 127.0.0.1, which its SDP names), so the packets
# come from another address than the SDP says, as through a NAT that does not fix the SDP.
private_call() {
	local name=$1
	sed 's/^\( *\)c=IN IP\[local_ip_type\] \[local_ip\]/\1c=IN IP4 192.168.1.10/' $SC/uac-media.xml >"$WORK/uac-private.xml"
	UAC_SCENARIO="-sf $WORK/uac-private.xml" loopback_call "$name-lo" "-rtp_echo" ""
	editcap -F pcap "$OUT/$name-lo.pcapng" "$WORK/$name-lo.pcap"
	rm -f "$OUT/$name-lo.pcapng" "$OUT/$name-lo.tshark.json"
	python3 scripts/pcap-relocate.py 5080=203.0.113.5,6000=203.0.113.5 "$WORK/$name-lo.pcap" "$OUT/$name.pcap"
	key "$name.pcap"
	echo "made $name"
}

finish() {
	local name=$1 pcap=$2
	cp "$pcap" "$OUT/$name.pcapng"
	if [ "$(stat -c %s "$OUT/$name.pcapng")" -gt 400000 ]; then
		gzip -9nf "$OUT/$name.pcapng"
		key "$name.pcapng.gz"
	else
		key "$name.pcapng"
	fi
	echo "made $name"
}

want() { [ $# -eq 0 ] || [[ " $* " == *" $NAME "* ]]; }

run() {
	NAME=clean-two-way;    want "$@" && loopback_call $NAME "-rtp_echo" ""
	NAME=none;             want "$@" && none_call
	NAME=one-way;          want "$@" && loopback_call $NAME "" ""
	# The same RTP without its signalling: streams found by their headers alone (no SDP).
	NAME=rtp-without-sip;  want "$@" && tshark -r $OUT/one-way.pcapng -Y 'not sip' -F pcap -w $OUT/$NAME.pcap && key $NAME.pcap
	NAME=payload-mismatch; want "$@" && (UAS_KEYS=(-key proto RTP/AVP -key answer_pts 0 -key answer_maps "a=rtpmap:0 PCMU/8000" -key answer_maps2 "a=ptime:20" -key crypto "a=sendrecv"); loopback_call $NAME "-rtp_echo" "")
	NAME=srtp;             want "$@" && (UAC_KEYS=(-key proto RTP/SAVP -key crypto "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz" -key audio "$PCAPS/g711a.pcap" -key dtmf "$PCAPS/dtmf_2833_1.pcap"); UAS_KEYS=(-key proto RTP/SAVP -key answer_pts "8 101" -key answer_maps "a=rtpmap:8 PCMA/8000" -key answer_maps2 "a=rtpmap:101 telephone-event/8000" -key crypto "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR"); loopback_call $NAME "-rtp_echo" "")
	NAME=concurrent-20;    want "$@" && CALLS=20 loopback_call $NAME "-rtp_echo" ""
	NAME=baresip-rtcp-opus; want "$@" && baresip_call $NAME
	# Hold and resume: the caller keeps sending while held (sendonly/recvonly), the callee stops and resumes with a new SSRC.
	NAME=hold-resume;      want "$@" && audio_parts && UAS_SCENARIO=uas-hold.xml UAC_SCENARIO="-sf $SC/uac-hold.xml" loopback_call $NAME "-key audio1 $WORK/part1.pcap -key audio2 $WORK/part2.pcap" ""
	# Early media: 2 s of the callee's RTP after a 183 with SDP, before the 200.
	NAME=early-media;      want "$@" && audio_parts && UAS_SCENARIO=uas-early.xml loopback_call $NAME "-key audio1 $WORK/part1.pcap -key audio2 $WORK/whole.pcap" ""
	# The caller's RTP goes on for 4 s after its BYE (the echo too).
	NAME=media-after-bye;  want "$@" && UAC_SCENARIO="-sf $SC/uac-after-bye.xml" loopback_call $NAME "-rtp_echo" ""
	# RTP to another port than the answer's m= line: SIPp takes the first "m=audio " it finds in the
	# message as the far end's port, so a session-level a=tool line holding that text before the
	# real m=audio 16000 sends the caller's RTP to 16010, where the echo listens.
	NAME=wrong-port;       want "$@" && SDP_IP=$'127.0.0.1\na=tool:sipwhy m=audio 16010' ECHO_PORT=16010 loopback_call $NAME "-rtp_echo" ""
	NAME=private-sdp;      want "$@" && private_call $NAME
	NAME=loss;             want "$@" && relay_call $NAME 7 0.05 0 0
	NAME=jitter;           want "$@" && relay_call $NAME 11 0 30 8
	NAME=reorder;          want "$@" && relay_call $NAME 13 0.01 30 25
	return 0
}
run "$@"
