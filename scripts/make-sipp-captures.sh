#!/usr/bin/env bash
# make-sipp-captures.sh — regenerate the real SIP captures in test/fixtures/sipp/.
#
# Every capture is real traffic: SIPp (Debian package sip-tester) and, for the
# proxy scenarios, Kamailio exchange SIP over the loopback interface while
# dumpcap records it. The SIPp scenarios and the Kamailio config live in
# test/fixtures/sipp/scenarios/; manifest.json beside the captures says what
# each one shows and which diagnosis rules it must trigger.
#
# Usage (from the repository root):
#   scripts/make-sipp-captures.sh              # all captures
#   scripts/make-sipp-captures.sh NAME...      # only these (e.g. basic-call vlan)
#   scripts/make-sipp-captures.sh --list       # the capture names
#   scripts/make-sipp-captures.sh --verify     # only check the committed captures
#                                              # against manifest.json (tshark, no root)
#   KEEP_WORK=1 scripts/make-sipp-captures.sh  # keep SIPp/Kamailio logs in the work dir
#
# Needs: sipp, dumpcap, tshark, editcap, kamailio, python3, ip, timeout
#   (Debian: apt-get install -y sip-tester tshark kamailio iproute2 python3).
# Installs nothing. Must run as root: dumpcap captures on lo/any, and the
# fragmented-* and tcp-call captures run in a private network namespace whose
# loopback has MTU 1500 (ip netns add/del; the host's lo is never touched).
# Only loopback addresses are used (127.0.0.1, ::1) on ports 21000-22319, with
# SIPp control ports 31000-32319 and media ports 44000-49279 (none is sent to);
# private addresses in the nat-private capture are header/SDP text only.
# Takes about two and a half minutes: three captures that must last 32 s
# (timers B, F, H) run in the background while the others are made one by one.
# Each capture is checked with tshark against manifest.json at the end.

set -euo pipefail

OUT=test/fixtures/sipp
SCN=$OUT/scenarios
LINKTOOL=scripts/pcap-rewrite-link.py

if [[ ! -d $SCN || ! -f $LINKTOOL ]]; then
  echo "make-sipp-captures: run from the repository root ($SCN and $LINKTOOL not found)" >&2
  exit 2
fi

MODE=make
case ${1:-} in
  -h | --help)
    sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  --list) MODE=list ;;
  --verify) MODE=verify ;;
  -*)
    echo "make-sipp-captures: unknown option $1 (--help)" >&2
    exit 2
    ;;
esac

# ---------------------------------------------------------------- checks
missing=()
if [[ $MODE == make ]]; then
  tools=(sipp dumpcap tshark editcap kamailio python3 ip timeout)
else
  tools=(tshark python3)
fi
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]})) && [[ $MODE != list ]]; then
  echo "make-sipp-captures: missing tools: ${missing[*]}" >&2
  echo "  on Debian: apt-get install -y sip-tester tshark kamailio iproute2 python3 coreutils" >&2
  exit 1
fi
if [[ $MODE == make && $(id -u) -ne 0 ]]; then
  echo "make-sipp-captures: must run as root (dumpcap on lo/any, ip netns for the MTU-1500 loopback)" >&2
  exit 1
fi

# -------------------------------------------------------- work dir, cleanup
WORK=$(mktemp -d /tmp/sipwhy-captures.XXXXXX)
PIDFILE=$WORK/pids
NETNS=sipwhy-caps-$$
: >"$PIDFILE"

# ours PID: true if PID is still one of the processes this run started (its command
# line names the work dir, or it is this script's own background subshell).
ours() {
  local cmd
  cmd=$( { tr '\0' ' ' <"/proc/$1/cmdline"; } 2>/dev/null) || return 1
  [[ $cmd == *"$WORK"* || $cmd == *make-sipp-captures* ]]
}

cleanup() {
  local pid
  # Stop what this script started and is still running, by pid (the timeout
  # wrappers forward the signal to their sipp/kamailio/dumpcap child).
  while read -r pid; do
    if ours "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  done <"$PIDFILE"
  sleep 0.3
  while read -r pid; do
    if ours "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  done <"$PIDFILE"
  ip netns del "$NETNS" 2>/dev/null || true
  if [[ ${KEEP_WORK:-} == 1 ]]; then
    echo "work dir kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'echo "make-sipp-captures: interrupted" >&2; exit 130' INT TERM

NSX=()          # command prefix: empty, or "ip netns exec NS" for namespace captures
SC_WAIT=()      # pids of this capture's SIPp servers (waited for, must exit 0)
SC_KILL=()      # pids of this capture's proxies (stopped at the end)
CAP_PID=""
CAP_TMP=""
CAPNAME=""      # the capture being made (names the logs)
UAC_FAILED=0

log() { printf '%s\n' "$*" >&2; }

track() { echo "$1" >>"$PIDFILE"; }

# ensure_netns: a private namespace whose loopback has MTU 1500 and a GSO limit
# below that, so UDP datagrams fragment and TCP segments are really <= 1500 bytes.
ensure_netns() {
  if ! ip netns list | grep -qw "$NETNS"; then
    ip netns add "$NETNS"
    ip netns exec "$NETNS" ip link set lo mtu 1500 up
    ip netns exec "$NETNS" ip link set lo gso_max_size 1400 2>/dev/null || true
  fi
}

# port_filter BASE: BPF filter for the 10 ports a capture owns.
port_filter() { echo "udp portrange $1-$(($1 + 9)) or tcp portrange $1-$(($1 + 9))"; }

# cap_start IFACE FILTER [dumpcap options...]
cap_start() {
  local iface=$1 filter=$2
  shift 2
  CAP_TMP=$WORK/cap.$BASHPID.$RANDOM
  local err=$CAP_TMP.err
  local args=(-q -i "$iface" -w "$CAP_TMP.raw")
  [[ -n $filter ]] && args+=(-f "$filter")
  "${NSX[@]}" timeout 240 dumpcap "${args[@]}" "$@" 2>"$err" &
  CAP_PID=$!
  track "$CAP_PID"
  local i
  for i in $(seq 1 100); do
    grep -q '^File:' "$err" 2>/dev/null && break
    if ! kill -0 "$CAP_PID" 2>/dev/null; then
      log "dumpcap failed: $(cat "$err")"
      return 1
    fi
    sleep 0.05
  done
  sleep 0.2
  SC_WAIT=()
  SC_KILL=()
  UAC_FAILED=0
}

# cap_stop OUTFILE: wait for the servers, stop the proxies and dumpcap, store the file.
cap_stop() {
  local out=$1 pid rc=0
  if ((UAC_FAILED)); then
    rc=1
    for pid in "${SC_WAIT[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  fi
  for pid in "${SC_WAIT[@]}"; do
    if ! wait "$pid"; then
      ((UAC_FAILED)) || log "  a SIPp server exited with an error (KEEP_WORK=1 keeps the logs in $WORK)"
      rc=1
    fi
  done
  sleep 0.3
  for pid in "${SC_KILL[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  kill -TERM "$CAP_PID" 2>/dev/null || true
  wait "$CAP_PID" 2>/dev/null || true
  ((rc == 0)) || return $rc # keep the committed file
  case $out in
    *.pcapng) cp "$CAP_TMP.raw" "$OUT/$out" ;;
    *.pcap) editcap -F pcap "$CAP_TMP.raw" "$OUT/$out" ;;
  esac
}

sipp_args() { # sipp_args NAME PORT: options common to every SIPp run
  local name=$CAPNAME-$1 port=$2
  echo -nd -nostdin -p "$port" -cp $((port + 10000)) -mp $((40000 + (port - 20000) * 4)) \
    -trace_msg -message_file "$WORK/$name.msg" -trace_err -error_file "$WORK/$name.err"
}

# uas NAME IP PORT SCENARIO [sipp options...]: a SIPp server in the background.
uas() {
  local name=$1 ip=$2 port=$3 scen=$4
  shift 4
  # shellcheck disable=SC2046
  "${NSX[@]}" timeout 90 sipp -sf "$SCN/$scen" -i "$ip" $(sipp_args "$name" "$port") -m 1 "$@" \
    >"$WORK/$CAPNAME-$name.log" 2>&1 &
  local pid=$!
  track "$pid"
  SC_WAIT+=("$pid")
}

# uac NAME IP PORT SCENARIO REMOTE [sipp options...]: a SIPp client, in the foreground.
uac() {
  local name=$1 ip=$2 port=$3 scen=$4 remote=$5
  shift 5
  local rc=0
  # shellcheck disable=SC2046
  "${NSX[@]}" timeout 90 sipp -sf "$SCN/$scen" "$remote" -i "$ip" $(sipp_args "$name" "$port") \
    -m 1 "$@" >"$WORK/$CAPNAME-$name.log" 2>&1 || rc=$?
  if ((rc != 0)); then
    log "  SIPp client $name failed (exit $rc): $(grep -v '^ *$' "$WORK/$CAPNAME-$name.err" 2>/dev/null | tail -1)"
    UAC_FAILED=1
  fi
}

# kam NAME MODE [kamailio options...]: a Kamailio proxy (config in scenarios/kamailio.cfg).
kam() {
  local name=$1
  shift
  timeout 90 kamailio -f "$SCN/kamailio.cfg" -DD -E -n 1 -m 32 -M 4 -Y "$WORK" -w "$WORK" \
    -P "$WORK/$CAPNAME-$name.pid" "$@" >"$WORK/$CAPNAME-$name.log" 2>&1 &
  local pid=$!
  track "$pid"
  SC_KILL+=("$pid")
  sleep 0.7
  if ! kill -0 "$pid" 2>/dev/null; then
    log "  kamailio $name did not start: $(grep -m1 ERROR "$WORK/$CAPNAME-$name.log")"
    UAC_FAILED=1
  fi
}

# settle: let sockets of a just-started server open.
settle() { sleep 0.3; }

L4=127.0.0.1
L6=::1

# ================================================================ captures
# Each capture is a function cap_<name>; ports BASE..BASE+9 are its own.

cap_basic_call() {
  local b=21000
  cap_start lo "$(port_filter $b)"
  uas uas $L4 $((b + 1)) basic-uas.xml
  settle
  uac uac $L4 $b basic-uac.xml $L4:$((b + 1)) -cid_str "basic-call-%u@sipwhy.test"
  cap_stop basic-call.pcap
}

# simple NAME BASE UAC UAS FILE [uac options...]: one SIPp client, one SIPp server, UDP/IPv4.
simple() {
  local name=$1 b=$2 uacx=$3 uasx=$4 file=$5
  shift 5
  cap_start lo "$(port_filter "$b")"
  uas uas $L4 $((b + 1)) "$uasx"
  settle
  uac uac $L4 "$b" "$uacx" $L4:$((b + 1)) -cid_str "$name-%u@sipwhy.test" "$@"
  cap_stop "$file"
}

cap_register_auth() { simple register-auth 21010 register-uac.xml register-auth-uas.xml register-auth.pcap -au alice -ap secret; }
cap_invite_proxy_auth() { simple invite-proxy-auth 21020 invite-proxy-auth-uac.xml invite-proxy-auth-uas.xml invite-proxy-auth.pcap -au alice -ap secret; }
cap_cancel() { simple cancel 21030 cancel-uac.xml cancel-uas.xml cancel.pcap; }
cap_refer_notify() { simple refer-notify 21050 refer-uac.xml refer-notify-uas.xml refer-notify.pcapng; }

cap_options_keepalive() {
  local b=21040
  cap_start lo "$(port_filter $b)"
  uas uas $L4 $((b + 1)) options-uas.xml -m 5
  settle
  uac uac $L4 $b options-uac.xml $L4:$((b + 1)) -cid_str "options-keepalive-%u@sipwhy.test" -m 5 -r 2
  cap_stop options-keepalive.pcap
}

# OPTIONS answered with an SDP capability listing (m= port 0, RFC 3264 §9): healthy.
cap_options_sdp() {
  local b=22320
  cap_start lo "$(port_filter $b)"
  uas uas $L4 $((b + 1)) options-sdp-uas.xml -m 1
  settle
  uac uac $L4 $b options-uac.xml $L4:$((b + 1)) -cid_str "options-sdp-%u@sipwhy.test" -m 1
  cap_stop options-sdp.pcap
}

# Captures that start inside a call, as a ring buffer leaves them: frames cut from real ones.
cap_mid_call() { editcap -r "$OUT/basic-call.pcap" "$OUT/mid-call.pcap" 4-7; }
cap_mid_dialog_bye() { editcap -r "$OUT/basic-call.pcap" "$OUT/mid-dialog-bye.pcap" 6-7; }
cap_busy_tail() { editcap -r "$OUT/busy-486.pcap" "$OUT/busy-tail.pcap" 9-10; }

# TCP in the namespace: loopback MTU 1500, so the ~4.5 KB INVITE spans several segments.
cap_tcp_call() {
  local b=21060
  ensure_netns
  NSX=(ip netns exec "$NETNS")
  cap_start lo ""
  uas uas $L4 $((b + 1)) basic-uas.xml -t t1
  settle
  uac uac $L4 $b big-sdp-uac.xml $L4:$((b + 1)) -t t1 -cid_str "tcp-call-%u@sipwhy.test"
  cap_stop tcp-call.pcapng
}

cap_ipv6_call() {
  local b=21070
  cap_start lo "$(port_filter $b)"
  uas uas $L6 $((b + 1)) basic-uas.xml
  settle
  uac uac $L6 $b basic-uac.xml "[$L6]:$((b + 1))" -cid_str "ipv6-call-%u@sipwhy.test"
  cap_stop ipv6-call.pcapng
}

# The "any" pseudo-interface: Linux cooked headers (SLL v1 or v2).
linux_cooked() {
  local name=$1 b=$2 dlt=$3 file=$4
  cap_start any "$(port_filter "$b")" -y "$dlt"
  uas uas $L4 $((b + 1)) basic-uas.xml
  settle
  uac uac $L4 "$b" basic-uac.xml $L4:$((b + 1)) -cid_str "$name-%u@sipwhy.test"
  cap_stop "$file"
}
cap_linux_cooked_sll() { linux_cooked linux-cooked-sll 21080 LINUX_SLL linux-cooked-sll.pcap; }
cap_linux_cooked_sll2() { linux_cooked linux-cooked-sll2 21090 LINUX_SLL2 linux-cooked-sll2.pcapng; }

# UDP in the namespace (loopback MTU 1500): the large INVITE leaves as IP fragments.
fragmented() {
  local name=$1 b=$2 ip=$3 file=$4 remote=$5
  ensure_netns
  NSX=(ip netns exec "$NETNS")
  cap_start lo ""
  uas uas "$ip" $((b + 1)) basic-uas.xml
  settle
  uac uac "$ip" "$b" big-sdp-uac.xml "$remote" -cid_str "$name-%u@sipwhy.test"
  cap_stop "$file"
}
cap_fragmented() { fragmented fragmented 21100 $L4 fragmented.pcap $L4:21101; }
cap_fragmented_ipv6() { fragmented fragmented-ipv6 21110 $L6 fragmented-ipv6.pcapng "[$L6]:21111"; }

cap_proxy_call() {
  local b=21120
  cap_start lo "$(port_filter $b)"
  kam proxy -l udp:$L4:$((b + 1)) -A MODE_RELAY -A "NEXT_HOP=\"sip:$L4:$((b + 2))\""
  uas uas $L4 $((b + 2)) basic-uas.xml
  settle
  uac uac $L4 $b basic-uac.xml $L4:$((b + 1)) -cid_str "proxy-call-%u@sipwhy.test"
  cap_stop proxy-call.pcap
}

# fork NAME BASE UAS_B FILE UAC: Kamailio forks to a ringing phone (A) and phone B.
fork() {
  local name=$1 b=$2 uas_b=$3 file=$4 uacx=$5
  cap_start lo "$(port_filter "$b")"
  kam proxy -l udp:$L4:$((b + 1)) -A MODE_FORK \
    -A "BRANCH_A=\"sip:bob@$L4:$((b + 2))\"" -A "BRANCH_B=\"sip:bob@$L4:$((b + 3))\""
  uas uas-a $L4 $((b + 2)) fork-ring-uas.xml
  uas uas-b $L4 $((b + 3)) "$uas_b"
  settle
  uac uac $L4 "$b" "$uacx" $L4:$((b + 1)) -cid_str "$name-%u@sipwhy.test"
  cap_stop "$file"
}
cap_fork_answered() { fork fork-answered 21130 basic-uas.xml fork-answered.pcap basic-uac.xml; }
cap_decline_forking() { fork decline-forking 22080 decline-603-uas.xml decline-forking.pcapng invite-fail-uac.xml; }

# Captures derived from basic-call.pcap by rewriting the link layer.
derived() {
  local mode=$1 file=$2
  [[ -f $OUT/basic-call.pcap ]] || { log "  $OUT/basic-call.pcap is missing: make basic-call first"; return 1; }
  python3 "$LINKTOOL" "$mode" "$OUT/basic-call.pcap" "$OUT/$file"
}
cap_vlan() { derived vlan:100 vlan.pcap; }
cap_vlan_qinq() { derived qinq:200:100 vlan-qinq.pcap; }
cap_basic_call_rawip() { derived rawip basic-call-rawip.pcap; }
cap_basic_call_null() { derived null basic-call-null.pcap; }
cap_basic_call_nsec() {
  [[ -f $OUT/basic-call.pcap ]] || { log "  $OUT/basic-call.pcap is missing: make basic-call first"; return 1; }
  editcap -F nsecpcap "$OUT/basic-call.pcap" "$OUT/basic-call-nsec.pcap"
}

cap_auth_loop() { simple auth-loop 22000 register-uac.xml auth-loop-uas.xml auth-loop.pcap -au alice -ap wrong-password; }
cap_auth_stale() { simple auth-stale 22010 register-uac.xml auth-stale-uas.xml auth-stale.pcap -au alice -ap secret; }
cap_forbidden_after_auth() { simple forbidden-after-auth 22020 register-uac.xml forbidden-after-auth-uas.xml forbidden-after-auth.pcap -au alice -ap secret; }
cap_missing_ack() { simple missing-ack 22030 missing-ack-uac.xml missing-ack-uas.xml missing-ack.pcap; }

# no_answer NAME BASE UAC FILE: nothing listens at BASE+1.
no_answer() {
  local name=$1 b=$2 uacx=$3 file=$4
  cap_start lo "udp portrange $b-$((b + 9))"
  uac uac $L4 "$b" "$uacx" $L4:$((b + 1)) -cid_str "$name-%u@sipwhy.test"
  cap_stop "$file"
}
cap_invite_timeout() { no_answer invite-timeout 22040 invite-timeout-uac.xml invite-timeout.pcap; }
cap_register_timeout() { no_answer register-timeout 22050 register-timeout-uac.xml register-timeout.pcap; }

cap_refer_no_notify() { simple refer-no-notify 22060 refer-uac.xml refer-no-notify-uas.xml refer-no-notify.pcap; }
cap_cancel_race() { simple cancel-race 22070 cancel-race-uac.xml cancel-race-uas.xml cancel-race.pcap; }
cap_503_retry_after() { simple 503-retry-after 22090 invite-fail-uac.xml 503-retry-after-uas.xml 503-retry-after.pcap; }
cap_503_no_retry_after() { simple 503-no-retry-after 22100 invite-fail-uac.xml 503-no-retry-after-uas.xml 503-no-retry-after.pcap; }

cap_503_failover() {
  local b=22110
  cap_start lo "$(port_filter $b)"
  uas uas-a $L4 $((b + 1)) 503-failover-a-uas.xml
  uas uas-b $L4 $((b + 2)) basic-uas.xml
  settle
  uac uac $L4 $b 503-failover-uac.xml $L4:$((b + 1)) -key second_port $((b + 2)) -cid_str "503-failover-%u@sipwhy.test"
  cap_stop 503-failover.pcap
}

cap_codec_mismatch() { simple codec-mismatch 22120 codec-mismatch-uac.xml codec-mismatch-uas.xml codec-mismatch.pcap; }
cap_srtp_mismatch() { simple srtp-mismatch 22130 srtp-mismatch-uac.xml srtp-mismatch-uas.xml srtp-mismatch.pcap; }
cap_video_606() { simple video-606 22140 video-606-uac.xml video-606-uas.xml video-606.pcap; }
# The phone's packets must come from a public address (its NAT's) for the private Contact to
# mean NAT, so the loopback capture's parties get documentation addresses by port afterwards.
cap_nat_private() {
  simple nat-private 22150 nat-private-uac.xml nat-private-uas.xml nat-private-lo.pcap
  python3 scripts/pcap-relocate.py 22150=203.0.113.5,22151=198.51.100.20 "$OUT/nat-private-lo.pcap" "$OUT/nat-private.pcap"
  rm -f "$OUT/nat-private-lo.pcap"
}
cap_hold_sendonly() { simple hold-sendonly 22160 hold-uac.xml hold-uas.xml hold-sendonly.pcap; }
cap_bye_481() { simple bye-481 22170 basic-uac.xml bye-481-uas.xml bye-481.pcap; }
cap_audio_port_zero() { simple audio-port-zero 22310 basic-uac.xml audio-port-zero-uas.xml audio-port-zero.pcap; }

cap_loop_482() {
  local b=22180 a=$((22180 + 1)) q=$((22180 + 2))
  cap_start lo "$(port_filter $b)"
  kam proxy -l udp:$L4:$a -l udp:$L4:$q -A MODE_LOOP -A "PORT_A=$a" -A "VIA_A=\"127\\.0\\.0\\.1:$a\"" \
    -A "SOCK_A=\"udp:$L4:$a\"" -A "SOCK_B=\"udp:$L4:$q\"" -A "URI_A=\"sip:$L4:$a\"" -A "URI_B=\"sip:$L4:$q\""
  uac uac $L4 $b invite-fail-uac.xml $L4:$a -cid_str "loop-482-%u@sipwhy.test"
  cap_stop loop-482.pcap
}

cap_hops_483() {
  local b=22190
  cap_start lo "$(port_filter $b)"
  kam proxy1 -l udp:$L4:$((b + 1)) -A MODE_RELAY -A "NEXT_HOP=\"sip:$L4:$((b + 2))\""
  kam proxy2 -l udp:$L4:$((b + 2)) -A MODE_RELAY -A "NEXT_HOP=\"sip:$L4:$((b + 3))\""
  uac uac $L4 $b hops-483-uac.xml $L4:$((b + 1)) -cid_str "hops-483-%u@sipwhy.test"
  cap_stop hops-483.pcap
}

cap_redirect_followed() {
  local b=22200
  cap_start lo "$(port_filter $b)"
  uas redirect $L4 $((b + 1)) redirect-uas.xml -key redirect_to "sip:bob@$L4:$((b + 2))"
  uas uas $L4 $((b + 2)) basic-uas.xml
  settle
  uac uac $L4 $b redirect-uac.xml $L4:$((b + 1)) -cid_str "redirect-followed-%u@sipwhy.test"
  cap_stop redirect-followed.pcap
}

# The caller ACKs the 302 and stops: nothing listens at the Contact (BASE+2), and nothing is sent there.
cap_redirect_not_followed() {
  local b=21150
  cap_start lo "$(port_filter $b)"
  uas redirect $L4 $((b + 1)) redirect-uas.xml -key redirect_to "sip:bob@$L4:$((b + 2))"
  settle
  uac uac $L4 $b invite-fail-uac.xml $L4:$((b + 1)) -cid_str "redirect-not-followed-%u@sipwhy.test"
  cap_stop redirect-not-followed.pcap
}

cap_redirect_loop() {
  local b=22210
  cap_start lo "$(port_filter $b)"
  uas redirect-a $L4 $((b + 1)) redirect-twice-uas.xml -key redirect_to "sip:bob@$L4:$((b + 2))"
  uas redirect-b $L4 $((b + 2)) redirect-uas.xml -key redirect_to "sip:bob@$L4:$((b + 1))"
  settle
  uac uac $L4 $b redirect-uac.xml $L4:$((b + 1)) -cid_str "redirect-loop-%u@sipwhy.test"
  cap_stop redirect-loop.pcap
}

cap_glare_491() { simple glare-491 22220 glare-491-uac.xml glare-491-uas.xml glare-491.pcap; }
cap_session_interval_422() { simple session-interval-422 22230 session-interval-422-uac.xml session-interval-422-uas.xml session-interval-422.pcap; }
cap_register_423() { simple register-423 22240 register-423-uac.xml register-423-uas.xml register-423.pcap; }
cap_bad_extension_420() { simple bad-extension-420 22250 bad-extension-420-uac.xml bad-extension-420-uas.xml bad-extension-420.pcap; }
cap_extension_required_421() { simple extension-required-421 22260 extension-required-421-uac.xml extension-required-421-uas.xml extension-required-421.pcap; }
cap_unsupported_media_415() { simple unsupported-media-415 22270 unsupported-media-415-uac.xml unsupported-media-415-uas.xml unsupported-media-415.pcap; }

cap_busy_486() {
  local b=22280
  cap_start lo "$(port_filter $b)"
  kam proxy -l udp:$L4:$((b + 1)) -A MODE_RELAY -A "NEXT_HOP=\"sip:$L4:$((b + 2))\""
  uas uas $L4 $((b + 2)) busy-486-uas.xml
  settle
  uac uac $L4 $b invite-fail-uac.xml $L4:$((b + 1)) -cid_str "busy-486-%u@sipwhy.test"
  cap_stop busy-486.pcap
}

cap_decline_603() { simple decline-603 22290 invite-fail-uac.xml decline-603-uas.xml decline-603.pcap; }
cap_timeout_408() { simple timeout-408 21140 invite-fail-uac.xml timeout-408-uas.xml timeout-408.pcap; }

cap_scanner() {
  local b=22300
  cap_start lo "$(port_filter $b)"
  uas pbx $L4 $((b + 1)) scanner-uas.xml -m 14
  settle
  uac svmap $L4 $b scanner-options-uac.xml $L4:$((b + 1)) -m 5 -r 50 -cid_str "scanner-opt-%u-3361373838343637"
  uac svwar $L4 $((b + 3)) scanner-register-uac.xml $L4:$((b + 1)) -m 9 -r 50 -cid_str "scanner-reg-%u-1416483574"
  uac svmap-dead $L4 $((b + 4)) scanner-options-uac.xml $L4:$((b + 2)) -m 5 -r 50 -cid_str "scanner-dead-%u-3361373838343637"
  cap_stop scanner.pcap
}

# verify FILE...: check the captures against manifest.json with tshark: every call
# listed is there with its method and outcome, and only loopback addresses are used.
verify() {
  python3 - "$OUT/manifest.json" "$@" <<'PY'
import json, subprocess, sys
manifest, files = sys.argv[1], sys.argv[2:]
entries = {c["file"]: c for c in json.load(open(manifest))["captures"]}
bad = 0
def tshark(path, *args):
    r = subprocess.run(["tshark", "-r", path, *args], capture_output=True, text=True)
    return [l.split("\t") for l in r.stdout.splitlines() if l.strip()]
for f in files:
    c = entries.get(f)
    if c is None:
        print(f"  {f}: not in manifest.json"); bad += 1; continue
    path = f"test/fixtures/sipp/{f}"
    problems = []
    for row in tshark(path, "-T", "fields", "-e", "ip.src", "-e", "ip.dst", "-e", "ipv6.src", "-e", "ipv6.dst"):
        for a in ",".join(row).split(","):
            # Loopback, or documentation addresses given afterwards (RFC 5737, pcap-relocate.py).
            if a and not (a.startswith(("127.", "192.0.2.", "198.51.100.", "203.0.113.")) or a == "::1"):
                problems.append(f"non-loopback address {a}")
    msgs = []
    for row in tshark(path, "-Y", "sip", "-T", "fields", "-E", "occurrence=a", "-E", "aggregator=|",
                      "-e", "sip.Call-ID", "-e", "sip.Method", "-e", "sip.Status-Code", "-e", "sip.CSeq.method"):
        row += [""] * (4 - len(row))
        cids, meths, codes, cseqs = (x.split("|") for x in row[:4])
        for i, cid in enumerate(cids):
            get = lambda xs: xs[i] if i < len(xs) else ""
            msgs.append((cid, get(meths), get(codes), get(cseqs)))
    if not msgs:
        problems.append("no SIP message decoded")
    for call in c["calls"]:
        if "callId" in call:
            ids = {call["callId"]}
        else:
            ids = {m[0] for m in msgs if m[0].startswith(call["callIdPrefix"])}
            if len(ids) != call["count"]:
                problems.append(f"{call['callIdPrefix']}*: {len(ids)} Call-IDs, expected {call['count']}")
        for cid in sorted(ids):
            mine = [m for m in msgs if m[0] == cid]
            # A capture that starts mid-call may hold only responses: their CSeq names the method.
            if not any(m[1] == call["method"] or (not m[1] and m[3] == call["method"]) for m in mine):
                problems.append(f"{cid}: no {call['method']} request")
            finals = {int(m[2]) for m in mine if m[2] and m[3] == call["method"] and int(m[2]) >= 200}
            if call["outcome"] is None and finals:
                problems.append(f"{cid}: expected no final response, found {sorted(finals)}")
            if call["outcome"] is not None and call["outcome"] not in finals:
                problems.append(f"{cid}: no {call['outcome']} to {call['method']} (finals: {sorted(finals)})")
    known = lambda cid: any(cid == k.get("callId") or cid.startswith(k.get("callIdPrefix", "\0")) for k in c["calls"])
    strays = sorted({m[0] for m in msgs if not known(m[0])})
    if strays:
        problems.append(f"Call-IDs not in the manifest: {', '.join(strays)}")
    for p in problems:
        print(f"  {f}: {p}")
    bad += bool(problems)
sys.exit(1 if bad else 0)
PY
}

# ================================================================ main
ALL=(
  basic-call register-auth invite-proxy-auth cancel options-keepalive refer-notify
  tcp-call ipv6-call linux-cooked-sll linux-cooked-sll2 fragmented fragmented-ipv6
  proxy-call fork-answered vlan vlan-qinq basic-call-rawip basic-call-null basic-call-nsec
  auth-loop auth-stale forbidden-after-auth missing-ack invite-timeout register-timeout
  refer-no-notify cancel-race decline-forking 503-retry-after 503-no-retry-after 503-failover
  codec-mismatch srtp-mismatch video-606 nat-private hold-sendonly audio-port-zero bye-481
  loop-482 hops-483 redirect-followed redirect-not-followed redirect-loop glare-491
  session-interval-422 register-423 bad-extension-420 extension-required-421 unsupported-media-415
  busy-486 decline-603 timeout-408 scanner options-sdp mid-call mid-dialog-bye busy-tail
)
# These last 32 s (RFC 3261 timers B, F, H with T1 = 500 ms): made in the background.
LONG=(missing-ack invite-timeout register-timeout)

if [[ $MODE == list ]]; then
  printf '%s\n' "${ALL[@]}"
  exit 0
fi
if [[ $MODE == verify ]]; then
  python3 -c 'import json, sys; print("\n".join(c["file"] for c in json.load(open(sys.argv[1]))["captures"]))' \
    "$OUT/manifest.json" >"$WORK/files"
  mapfile -t FILES <"$WORK/files"
  verify "${FILES[@]}" && log "make-sipp-captures: ${#FILES[@]} captures match manifest.json"
  exit
fi
SELECTED=("$@")
if ((${#SELECTED[@]} == 0)); then SELECTED=("${ALL[@]}"); fi
for n in "${SELECTED[@]}"; do
  if ! printf '%s\n' "${ALL[@]}" | grep -qx -- "$n"; then
    echo "make-sipp-captures: unknown capture '$n' (--list shows the names)" >&2
    exit 2
  fi
done

mkdir -p "$OUT"
FAILED=()
run_one() {
  local n=$1 fn=cap_${1//-/_}
  local t0=$SECONDS
  CAPNAME=$n
  if ("$fn"); then
    log "made $n ($((SECONDS - t0)) s)"
  else
    log "FAILED $n"
    return 1
  fi
}

is_selected() { printf '%s\n' "${SELECTED[@]}" | grep -qx -- "$1"; }

# The 32-second captures run in the background while the rest are made.
declare -A LONG_PIDS=()
for n in "${LONG[@]}"; do
  if is_selected "$n"; then
    run_one "$n" &
    LONG_PIDS[$n]=$!
    track "${LONG_PIDS[$n]}"
  fi
done
for n in "${SELECTED[@]}"; do
  [[ -n ${LONG_PIDS[$n]:-} ]] && continue
  run_one "$n" || FAILED+=("$n")
done
for n in "${!LONG_PIDS[@]}"; do
  wait "${LONG_PIDS[$n]}" || FAILED+=("$n")
done

if ((${#FAILED[@]})); then
  log "make-sipp-captures: failed: ${FAILED[*]}"
  exit 1
fi

MADE=()
for n in "${SELECTED[@]}"; do
  for ext in pcap pcapng; do [[ -f $OUT/$n.$ext ]] && MADE+=("$n.$ext"); done
done
if ! verify "${MADE[@]}"; then
  log "make-sipp-captures: some captures do not match manifest.json (see above)"
  exit 1
fi
log "make-sipp-captures: ${#SELECTED[@]} capture(s) written to $OUT"
