# Sourced by the SIP benchmarks: a fresh server on loopback (temporary data folder, free HTTP and SIP ports, its own
# RTP range), signed in as the demo admin, the API and /metrics at hand, everything stopped at exit.
#
# Settings (environment) shared by every script:
#   JAVA_OPTS="-Xmx512m"  the server's JVM options (the issue's memory bound is the default)
#   RTP_PORTS=30000-39999 the server's RTP range     KEEP_DATA=0  1: keep the data folder, server.log and sipp files
#   JAR=server/target/switchboard-server.jar (another build to compare, with its lib/ beside it)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
JAR="${JAR:-$ROOT/server/target/switchboard-server.jar}"
JAVA_OPTS="${JAVA_OPTS:--Xmx512m}"
RTP_PORTS="${RTP_PORTS:-30000-39999}"
KEEP_DATA="${KEEP_DATA:-0}"

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

# --- tools and jar -------------------------------------------------------------------------------------------
need() { # command debian-package
    command -v "$1" >/dev/null && return
    log "installing $2 from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need sipp sip-tester
need sox sox
need curl curl
if [ ! -f "$JAR" ]; then
    log "building the server jar"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

# --- server --------------------------------------------------------------------------------------------------
DATA="$(mktemp -d -t switchboard-sipbench.XXXXXX)"
SERVER_PID=""
CHILD_PIDS=()
cleanup() {
    for pid in "${CHILD_PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$KEEP_DATA" = 1 ]; then
        log "data, server.log and sipp files kept in $DATA"
    else
        rm -rf "$DATA"
    fi
}
trap cleanup EXIT

free_port() { # a TCP and UDP port nobody listens on
    local port
    for _ in $(seq 1 200); do
        port=$((20000 + RANDOM % 9000))
        if ! ss -Hltun "sport = :$port" | grep -q .; then
            echo "$port"
            return
        fi
    done
    log "no free port found"
    exit 2
}

HTTP_PORT="$(free_port)"
SIP_PORT="$(free_port)"
URL="http://127.0.0.1:$HTTP_PORT"

start_server() {
    log "starting the server: HTTP $URL, SIP 127.0.0.1:$SIP_PORT, RTP $RTP_PORTS, JVM $JAVA_OPTS (data $DATA)"
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
    SWITCHBOARD_DATA="$DATA" SWITCHBOARD_HTTP_PORT="$HTTP_PORT" SWITCHBOARD_SIP_ADDRESS=127.0.0.1 \
        SWITCHBOARD_SIP_PORT="$SIP_PORT" SWITCHBOARD_SIP_TLS_PORT="$(free_port)" SWITCHBOARD_RTP_PORTS="$RTP_PORTS" \
        "$JAVA" --enable-native-access=ALL-UNNAMED $JAVA_OPTS -jar "$JAR" >"$DATA/server.log" 2>&1 </dev/null &
    SERVER_PID=$!
    for i in $(seq 1 120); do
        if curl -sf "$URL/v2/about" >/dev/null 2>&1; then break; fi
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            log "the server exited; its log:"; tail -n 40 "$DATA/server.log" >&2; exit 1
        fi
        [ "$i" = 120 ] && { log "the server did not answer /v2/about within 60 s"; tail -n 40 "$DATA/server.log" >&2; exit 1; }
        sleep 0.5
    done
    sign_in
}

# --- API -----------------------------------------------------------------------------------------------------
field() { { grep -o "\"$1\":\"[^\"]*\"" || true; } | head -n 1 | cut -d'"' -f4; }
sign_in() {
    local password credentials auth
    password="$(sed -n 's/^password: //p' "$DATA/demo-credentials.txt")"
    credentials="$(printf 'admin:%s' "$password" | md5sum | cut -d' ' -f1)"
    auth="$(curl -sf -X PUT "$URL/v2/user_auth" -H 'Content-Type: application/json' \
        -d "{\"data\":{\"credentials\":\"$credentials\",\"account_name\":\"demo\"}}")"
    TOKEN="$(field auth_token <<<"$auth")"
    ACCOUNT="$(field account_id <<<"$auth")"
    [ -n "$TOKEN" ] && [ -n "$ACCOUNT" ] || { log "sign-in failed: $auth"; exit 1; }
    REALM="$(sed -n 's/^sip domain (realm): //p' "$DATA/demo-credentials.txt")"
}

# api METHOD PATH [JSON]: the response body; a status of 400 or more stops the script with the body
api() {
    local method=$1 path=$2 body=${3:-} out status
    out="$DATA/api.out"
    status="$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$URL/v2/accounts/$ACCOUNT$path" \
        -H "X-Auth-Token: $TOKEN" -H 'Content-Type: application/json' ${body:+-d "$body"})"
    if [ "$status" -ge 400 ]; then
        log "$method $path answered $status: $(cat "$out")"; exit 1
    fi
    cat "$out"
}

# upload_media NAME FILE: a media document with FILE as its audio; prints the id
upload_media() {
    local id
    id="$(api PUT /media "{\"data\":{\"name\":\"$1\",\"media_source\":\"upload\"}}" | field id)"
    curl -sf -o /dev/null -X POST "$URL/v2/accounts/$ACCOUNT/media/$id/raw" -H "X-Auth-Token: $TOKEN" \
        -H 'Content-Type: audio/wav' --data-binary "@$2" || { log "uploading $2 failed"; exit 1; }
    echo "$id"
}

# --- figures from the server ---------------------------------------------------------------------------------
metrics() { curl -sf "$URL/metrics"; }
# metric NAME: the sum of a Prometheus series over its labels (0 when absent)
metric() { metrics | awk -v name="$1" '$1 == name || index($1, name "{") == 1 { sum += $NF } END { printf "%.0f\n", sum }'; }
heap_used_mb() {
    metrics | awk '/^jvm_memory_used_bytes\{.*area="heap"/ { sum += $NF } END { printf "%.0f\n", sum / 1048576 }'
}
# the heap after a full collection: what the calls really hold, not garbage waiting for the next one
heap_live_mb() {
    "$(dirname "$JAVA")/jcmd" "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    heap_used_mb
}

# --- sipp ----------------------------------------------------------------------------------------------------
# sipp_stat FILE FIELD: the last value of a column of sipp's -trace_stat CSV (FIELD e.g. FailedCall(C))
sipp_stat() {
    awk -F';' -v want="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) col = i; next } { last = $col }
        END { print (last == "" ? 0 : last) }' "$1"
}
