#!/usr/bin/env bash
# Call setup rate, the issue's target: >= 200 calls/s of "INVITE -> answer -> play a 5 s prompt -> BYE" with no
# failed call, and INVITE -> 200 OK p99 <= 50 ms at that rate.
# A device (digest-challenged INVITE, as a phone) calls a number whose callflow plays an uploaded 5 s WAV; the server
# hangs up when the prompt ends. sipp places RATE calls/s for DURATION seconds after a WARMUP at a tenth of the rate;
# the INVITE -> 200 time is sipp's response-time "setup" (from the INVITE with credentials to its 200), every call's
# value written by -trace_rtt, the percentiles computed here. Heap (after a full GC) is read at the end of the run.
#
# Settings (environment; see common.sh for the server's):
#   RATE=200  calls per second     DURATION=60  seconds of calls     WARMUP=20  seconds at RATE/10 first
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

RATE="${RATE:-200}"
DURATION="${DURATION:-60}"
WARMUP="${WARMUP:-20}"

start_server

# --- seed: a calling device, a 5 s prompt, the number that plays it -------------------------------------------
CALLER=benchcaller
CALLER_PASSWORD="$(head -c 12 /dev/urandom | md5sum | cut -c1-16)"
api PUT /devices "{\"data\":{\"name\":\"bench caller\",\"device_type\":\"sip_device\",
    \"sip\":{\"username\":\"$CALLER\",\"password\":\"$CALLER_PASSWORD\"}}}" >/dev/null
sox -n -r 8000 -c 1 -b 16 -e signed-integer "$DATA/prompt.wav" synth 5 sine 440 vol 0.3
PROMPT="$(upload_media "bench prompt 5 s" "$DATA/prompt.wav")"
api PUT /callflows "{\"data\":{\"name\":\"bench prompt\",\"numbers\":[\"7000\"],
    \"flow\":{\"module\":\"play\",\"data\":{\"id\":\"$PROMPT\"}}}}" >/dev/null
log "seeded device $CALLER, prompt $PROMPT, callflow 7000"

# --- sipp ----------------------------------------------------------------------------------------------------
run_sipp() { # name rate seconds
    local name=$1 rate=$2 seconds=$3 calls
    calls=$((rate * seconds))
    local cmd=(sipp -sf "$BENCH_DIR/scenarios/uac_prompt.xml" -s 7000 -set caller "$CALLER" -set realm "$REALM"
        -au "$CALLER" -ap "$CALLER_PASSWORD" -i 127.0.0.1 -p "$(free_port)" -mp "$(free_port)"
        -r "$rate" -m "$calls" -l $((rate * 20)) -timeout $((seconds + 60))s -timeout_error
        -trace_stat -stf "$DATA/$name-stat.csv" -fd 1 -trace_rtt -rtt_freq 1 -trace_err
        -error_file "$DATA/$name-errors.log" -nostdin -max_socket 4096 "127.0.0.1:$SIP_PORT")
    log "$name: ${cmd[*]}"
    (cd "$DATA" && "${cmd[@]}" >"$DATA/$name-sipp.out" 2>&1) || true
    mv "$DATA"/uac_prompt_*_rtt.csv "$DATA/$name-rtt.csv" 2>/dev/null || true
}

if [ "$WARMUP" -gt 0 ]; then
    run_sipp warmup $(( RATE / 10 > 0 ? RATE / 10 : 1 )) "$WARMUP"
fi
heap_idle="$(heap_live_mb)"
late_before="$(metric media_rtp_packets_late_total)"
sent_before="$(metric media_rtp_packets_sent_total)"
started="$(date +%s.%N)"
run_sipp setup "$RATE" "$DURATION"
elapsed="$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
heap_after="$(heap_live_mb)"

successful="$(sipp_stat "$DATA/setup-stat.csv" 'SuccessfulCall(C)')"
failed="$(sipp_stat "$DATA/setup-stat.csv" 'FailedCall(C)')"
# -trace_rtt lines: date_ms;response_time_ms;rtd_number
read -r p50 p99 worst samples < <(awk -F';' 'NR > 1 && $2 != "" { print $2 }' "$DATA/setup-rtt.csv" | sort -n | awk '
    { v[NR] = $1 } END { if (NR == 0) { print "- - - 0"; exit }
      printf "%.1f %.1f %.1f %d\n", v[int(NR * 0.50 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR], NR }')
late=$(( $(metric media_rtp_packets_late_total) - late_before ))
sent=$(( $(metric media_rtp_packets_sent_total) - sent_before ))

ok=1
[ "$failed" = 0 ] || ok=0
[ "$successful" -ge $((RATE * DURATION)) ] || ok=0
awk -v p="$p99" 'BEGIN { exit !(p != "-" && p <= 50) }' || ok=0
echo "RESULT scenario=setup rate=$RATE duration_s=$DURATION elapsed_s=$elapsed calls=$successful failed=$failed" \
    "invite_to_200_p50_ms=$p50 p99_ms=$p99 max_ms=$worst samples=$samples rtp_sent=$sent rtp_late=$late" \
    "heap_idle_mb=$heap_idle heap_after_mb=$heap_after load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ,)" \
    "target_met=$ok"
if [ "$ok" != 1 ]; then
    log "target missed; sipp's screen and errors: $DATA/setup-sipp.out, $DATA/setup-errors.log (KEEP_DATA=1 keeps them)"
    tail -n 30 "$DATA/setup-sipp.out" >&2 || true
    exit 1
fi
