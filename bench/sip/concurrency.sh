#!/usr/bin/env bash
# Concurrency, the issue's targets:
#   ivr      >= 500 simultaneous IVR calls with RTP both ways held for 60 s, late packets (sent > 40 ms after their
#            due time, the media engine's media_rtp_packets_late_total) under 0.1% of those sent
#   bridged  >= 250 simultaneous bridged calls relayed (caller -> server -> callee device and back)
#   memory   server heap <= 512 MB at those loads (the server runs with -Xmx512m), and the heap each call costs
# ivr: a device calls a number that plays a long uploaded prompt; sipp streams a u-law file to the server for the
# whole call (rtp_stream) while the server plays: RTP both ways. bridged: a second device, registered by sipp, whose
# sipp UAS answers and echoes its RTP (-rtp_echo); the caller calls its extension, so every packet is relayed twice.
# Calls ramp up at RAMP calls/s; once all are up the script measures for HOLD seconds (counters of /metrics), then
# takes the heap after a full GC (the calls still up), then lets the calls end (BYE from the callers).
#
# Settings (environment; see common.sh for the server's):
#   SCENARIOS="ivr bridged"   IVR_CALLS=500   BRIDGED_CALLS=250   HOLD=60 (s)   RAMP=50 (calls/s)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SCENARIOS="${SCENARIOS:-ivr bridged}"
IVR_CALLS="${IVR_CALLS:-500}"
BRIDGED_CALLS="${BRIDGED_CALLS:-250}"
HOLD="${HOLD:-60}"
RAMP="${RAMP:-50}"

start_server

# --- seed ----------------------------------------------------------------------------------------------------
password() { head -c 12 /dev/urandom | md5sum | cut -c1-16; }
device() { # user password -> id
    api PUT /devices "{\"data\":{\"name\":\"bench $1\",\"device_type\":\"sip_device\",
        \"sip\":{\"username\":\"$1\",\"password\":\"$2\"}}}" | field id
}
CALLER=benchcaller
CALLER_PASSWORD="$(password)"
device "$CALLER" "$CALLER_PASSWORD" >/dev/null
PROMPT_SECONDS=$((HOLD + 120))
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$DATA/prompt.wav" synth "$PROMPT_SECONDS" sine 440 vol 0.3
PROMPT="$(upload_media "bench IVR prompt" "$DATA/prompt.wav")"
api PUT /callflows "{\"data\":{\"name\":\"bench IVR\",\"numbers\":[\"7100\"],
    \"flow\":{\"module\":\"play\",\"data\":{\"id\":\"$PROMPT\"}}}}" >/dev/null
CALLEE=benchcallee
CALLEE_PASSWORD="$(password)"
CALLEE_ID="$(device "$CALLEE" "$CALLEE_PASSWORD")"
api PUT /callflows "{\"data\":{\"name\":\"bench callee\",\"numbers\":[\"7200\"],
    \"flow\":{\"module\":\"device\",\"data\":{\"id\":\"$CALLEE_ID\",\"timeout\":30}}}}" >/dev/null
sox -n -r 8000 -c 1 -e u-law -t raw "$DATA/caller.ulaw" synth 10 sine 700 vol 0.3
sed "s|@AUDIO@|$DATA/caller.ulaw|" "$BENCH_DIR/scenarios/uac_held.xml" >"$DATA/uac_held.xml"
log "seeded devices $CALLER and $CALLEE, a ${PROMPT_SECONDS} s prompt, callflows 7100 (IVR) and 7200 (callee)"

# --- one scenario --------------------------------------------------------------------------------------------
current_calls() { sipp_stat "$1" CurrentCall; }
run_held() { # name service calls
    local name=$1 service=$2 calls=$3 stat="$DATA/$1-stat.csv"
    local seconds=$((calls / RAMP + HOLD + 60))
    local cmd=(sipp -sf "$DATA/uac_held.xml" -s "$service" -set caller "$CALLER" -set realm "$REALM"
        -au "$CALLER" -ap "$CALLER_PASSWORD" -i 127.0.0.1 -p "$(free_port)" -d $((seconds * 1000))
        -r "$RAMP" -m "$calls" -l "$calls" -timeout $((seconds + 120))s -timeout_error
        -trace_stat -stf "$stat" -fd 1 -trace_err -error_file "$DATA/$name-errors.log" -nostdin
        -max_socket 4096 "127.0.0.1:$SIP_PORT")
    log "$name: ${cmd[*]}"
    local heap_idle late0 sent0 received0 max_heap=0 up=0
    heap_idle="$(heap_live_mb)"
    (cd "$DATA" && exec "${cmd[@]}" >"$DATA/$name-sipp.out" 2>&1) &
    local sipp_pid=$!
    CHILD_PIDS+=("$sipp_pid")
    # until every call is up, or all were placed 10 s ago (some failed: the figures say how many are up)
    local settle=0 created
    for _ in $(seq 1 $((calls / RAMP * 4 + 120))); do
        sleep 0.5
        up="$(current_calls "$stat" 2>/dev/null || echo 0)"
        created="$(sipp_stat "$stat" TotalCallCreated 2>/dev/null || echo 0)"
        [ "${up:-0}" -ge "$calls" ] && break
        [ "${created:-0}" -ge "$calls" ] && settle=$((settle + 1))
        [ "$settle" -ge 20 ] && break
        kill -0 "$sipp_pid" 2>/dev/null || break
    done
    log "$name: $up calls up; measuring for $HOLD s"
    late0="$(metric media_rtp_packets_late_total)"; sent0="$(metric media_rtp_packets_sent_total)"
    received0="$(metric media_rtp_packets_received_total)"
    local started=$SECONDS lowest_up=$up
    while [ $((SECONDS - started)) -lt "$HOLD" ]; do
        sleep 1
        local heap now
        heap="$(heap_used_mb)"; [ "$heap" -gt "$max_heap" ] && max_heap=$heap
        now="$(current_calls "$stat")"; [ "$now" -lt "$lowest_up" ] && lowest_up=$now
    done
    local late=$(( $(metric media_rtp_packets_late_total) - late0 ))
    local sent=$(( $(metric media_rtp_packets_sent_total) - sent0 ))
    local received=$(( $(metric media_rtp_packets_received_total) - received0 ))
    local heap_load
    heap_load="$(heap_live_mb)"
    log "$name: measured; waiting for the calls to end"
    wait "$sipp_pid" || true
    local successful failed per_call late_pct
    successful="$(sipp_stat "$stat" 'SuccessfulCall(C)')"
    failed="$(sipp_stat "$stat" 'FailedCall(C)')"
    per_call="$(awk -v a="$heap_idle" -v b="$heap_load" -v n="$lowest_up" 'BEGIN { printf "%.0f", (n > 0 ? (b - a) * 1024 / n : 0) }')"
    late_pct="$(awk -v l="$late" -v s="$sent" 'BEGIN { printf "%.4f", (s > 0 ? 100 * l / s : 0) }')"
    local ok=1
    [ "$failed" = 0 ] && [ "$successful" -ge "$calls" ] && [ "$lowest_up" -ge "$calls" ] || ok=0
    [ "$name" = ivr ] && ! awk -v p="$late_pct" -v s="$sent" 'BEGIN { exit !(s > 0 && p < 0.1) }' && ok=0
    [ "$max_heap" -le 512 ] || ok=0
    echo "RESULT scenario=$name calls=$calls held_s=$HOLD fewest_up_while_held=$lowest_up successful=$successful" \
        "failed=$failed rtp_sent=$sent rtp_late=$late late_pct=$late_pct rtp_received=$received" \
        "heap_max_mb=$max_heap heap_idle_live_mb=$heap_idle heap_load_live_mb=$heap_load per_call_kb=$per_call" \
        "load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,) target_met=$ok"
    [ "$ok" = 1 ] || { log "$name missed its target; sipp: $DATA/$name-sipp.out (KEEP_DATA=1 keeps it)"; status=1; }
}

status=0
for scenario in $SCENARIOS; do
    case "$scenario" in
        ivr) run_held ivr 7100 "$IVR_CALLS" ;;
        bridged)
            CALLEE_PORT="$(free_port)"
            sipp -sf "$BENCH_DIR/scenarios/uac_register.xml" -set user "$CALLEE" -set realm "$REALM" -set expires 3600 \
                -au "$CALLEE" -ap "$CALLEE_PASSWORD" -i 127.0.0.1 -p "$CALLEE_PORT" -m 1 -timeout 20s -timeout_error \
                -nostdin "127.0.0.1:$SIP_PORT" >"$DATA/register.out" 2>&1 \
                || { log "the callee did not register: $(tail -n 5 "$DATA/register.out")"; exit 1; }
            (cd "$DATA" && exec sipp -sf "$BENCH_DIR/scenarios/uas_answer.xml" -i 127.0.0.1 -p "$CALLEE_PORT" \
                -mp "$(free_port)" -rtp_echo -nostdin -max_socket 4096 >"$DATA/callee-sipp.out" 2>&1) &
            CHILD_PIDS+=("$!")
            run_held bridged 7200 "$BRIDGED_CALLS"
            ;;
        *) log "unknown scenario $scenario"; exit 2 ;;
    esac
done
exit "$status"
