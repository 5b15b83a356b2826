#!/usr/bin/env bash
# API benchmarks of the issue's targets, against a fresh server on loopback with the embedded SQLite store:
#   get     GET of one callflow                             >= 5,000 requests/s and p99 <= 20 ms
#   list    one page of 50 of an account's 10,000 callflows p99 <= 50 ms
#   create  PUT of a new callflow                           >= 500 requests/s
# It installs wrk (Debian) when missing, builds the server jar when missing, starts the server on a free port with
# a temporary data folder (its output goes to server.log there), signs in as the demo admin, seeds 10,000
# callflows, runs each scenario with wrk and stops the server at exit. A scenario with any non-2xx answer or
# socket error has failed; the exit status is 0 only when every scenario ran clean and met its target.
#
# Settings (environment):
#   DURATION=20      seconds of each measured run         WARMUP=10   seconds of an unmeasured run before each
#   CONNS_GET=32     wrk connections of each scenario     CONNS_LIST=32     CONNS_CREATE=16
#   THREADS=2        wrk threads                          SEED=10000  callflows in the account before "list"
#   SCENARIOS="get list create"                           PIN=0       1: server on CPU 0, wrk on CPU 1
#   JAVA_OPTS=       extra JVM options of the server      KEEP_DATA=0 1: keep the data folder and server.log
#   JAR=server/target/switchboard-server.jar (another build to compare, with its lib/ beside it)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/../.." && pwd)"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
JAR="${JAR:-$ROOT/server/target/switchboard-server.jar}"

DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
THREADS="${THREADS:-2}"
CONNS_GET="${CONNS_GET:-32}"
CONNS_LIST="${CONNS_LIST:-32}"
CONNS_CREATE="${CONNS_CREATE:-16}"
SEED="${SEED:-10000}"
SCENARIOS="${SCENARIOS:-get list create}"
PIN="${PIN:-0}"
JAVA_OPTS="${JAVA_OPTS:-}"
KEEP_DATA="${KEEP_DATA:-0}"

log() { printf '[bench %s] %s\n' "$(date +%T)" "$*" >&2; }

# --- tools and jar -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "installing wrk from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
for tool in curl md5sum; do
    command -v "$tool" >/dev/null || { log "$tool is needed"; exit 2; }
done
if [ ! -f "$JAR" ]; then
    log "building the server jar"
    (cd "$ROOT" && mvn -B -q package -DskipTests)
fi

SERVER_CPU=()
WRK_CPU=()
PLACEMENT="server and wrk share both cores (not pinned)"
if [ "$PIN" = 1 ]; then
    SERVER_CPU=(taskset -c 0)
    WRK_CPU=(taskset -c 1)
    PLACEMENT="server pinned to CPU 0, wrk to CPU 1"
fi

# --- server --------------------------------------------------------------------------------------------------
DATA="$(mktemp -d -t switchboard-bench.XXXXXX)"
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$KEEP_DATA" = 1 ]; then
        log "data and server.log kept in $DATA"
    else
        rm -rf "$DATA"
    fi
}
trap cleanup EXIT

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 20000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    log "no free port found"
    exit 2
}
PORT="$(free_port)"
URL="http://127.0.0.1:$PORT"

log "starting the server on $URL (data $DATA; $PLACEMENT)"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
SWITCHBOARD_DATA="$DATA" SWITCHBOARD_HTTP_PORT="$PORT" \
    "${SERVER_CPU[@]}" "$JAVA" --enable-native-access=ALL-UNNAMED $JAVA_OPTS -jar "$JAR" \
    >"$DATA/server.log" 2>&1 </dev/null &
SERVER_PID=$!
for i in $(seq 1 120); do
    if curl -sf "$URL/v2/about" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        log "the server exited; its log:"; tail -n 40 "$DATA/server.log" >&2; exit 1
    fi
    [ "$i" = 120 ] && { log "the server did not answer /v2/about within 60 s"; tail -n 40 "$DATA/server.log" >&2; exit 1; }
    sleep 0.5
done

# --- sign in -------------------------------------------------------------------------------------------------
field() { { grep -o "\"$1\":\"[^\"]*\"" || true; } | head -n 1 | cut -d'"' -f4; }
PASSWORD="$(sed -n 's/^password: //p' "$DATA/demo-credentials.txt")"
CREDENTIALS="$(printf 'admin:%s' "$PASSWORD" | md5sum | cut -d' ' -f1)"
AUTH="$(curl -sf -X PUT "$URL/v2/user_auth" -H 'Content-Type: application/json' \
    -d "{\"data\":{\"credentials\":\"$CREDENTIALS\",\"account_name\":\"demo\"}}")"
TOKEN="$(field auth_token <<<"$AUTH")"
ACCOUNT="$(field account_id <<<"$AUTH")"
[ -n "$TOKEN" ] && [ -n "$ACCOUNT" ] || { log "sign-in failed: $AUTH"; exit 1; }
CALLFLOWS="$URL/v2/accounts/$ACCOUNT/callflows"
export SB_BENCH_DIR="$BENCH_DIR" SB_TOKEN="$TOKEN" SB_ACCOUNT="$ACCOUNT"

# --- seed: SEED callflows numbered 1<7 digits>, by one curl, 8 transfers at a time on kept-alive connections -------
log "seeding $SEED callflows"
seed_start=$(date +%s.%N)
awk -v url="$CALLFLOWS" -v token="$TOKEN" -v count="$SEED" 'BEGIN {
    for (i = 1; i <= count; i++) {
        n = sprintf("1%07d", i)
        if (i > 1) print "next"
        printf "url = \"%s\"\nrequest = \"PUT\"\n", url
        printf "header = \"X-Auth-Token: %s\"\nheader = \"Content-Type: application/json\"\n", token
        printf "header = \"X-Request-ID: seed-%s\"\n", n
        printf "data = \"{\\\"data\\\":{\\\"name\\\":\\\"seed %s\\\",\\\"numbers\\\":[\\\"%s\\\"],", n, n
        printf "\\\"flow\\\":{\\\"module\\\":\\\"answer\\\",\\\"data\\\":{}}}}\"\n"
        print "output = \"/dev/null\""
        print "write-out = \"%{http_code} %{errormsg}\\n\""
    }
}' >"$DATA/seed.curl"
curl -s --parallel --parallel-max 8 --config "$DATA/seed.curl" >"$DATA/seed.status" 2>"$DATA/seed.err" || true
seeded=$(grep -c '^201 ' "$DATA/seed.status" || true)
seed_secs=$(awk -v a="$seed_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if [ "$seeded" != "$SEED" ]; then
    log "seeding failed: $seeded of $SEED created; statuses:"; sort "$DATA/seed.status" | uniq -c >&2; exit 1
fi
log "seeded $seeded callflows in ${seed_secs}s"

# the start keys of the pages of 50, as next_start_key gives them: the first page has none, page k+1 starts at the
# (50k+1)-th id; one unpaginated listing gives every id in order, and the count
curl -sf -H "X-Auth-Token: $TOKEN" "$CALLFLOWS?paginate=false" | grep -o '"id":"[^"]*"' | cut -d'"' -f4 >"$DATA/ids"
listed=$(wc -l <"$DATA/ids")
[ "$listed" = "$SEED" ] || { log "the listing holds $listed callflows, not $SEED"; exit 1; }
awk 'BEGIN { print "" } NR % 50 == 1 && NR > 1 { print }' "$DATA/ids" >"$DATA/keys"
second_page="$(field next_start_key < <(curl -sf -H "X-Auth-Token: $TOKEN" "$CALLFLOWS?page_size=50"))"
[ "$second_page" = "$(sed -n 2p "$DATA/keys")" ] || { log "next_start_key $second_page is not the 51st id"; exit 1; }
log "the listing holds $listed callflows: $(wc -l <"$DATA/keys") pages of 50"
CALLFLOW_ID="$(curl -sf -H "X-Auth-Token: $TOKEN" "$CALLFLOWS?page_size=1" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)"

# --- scenarios -----------------------------------------------------------------------------------------------
declare -A RESULT COMMAND
value() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<" $2"; }
TICKS_PER_SECOND="$(getconf CLK_TCK)"
server_ticks() { awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"; } # user + system CPU of the server
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; } # all cores, not idle or iowait
# CPU seconds of this shell's finished children (wrk): `times` runs in this shell, not in a subshell, whose own
# children would be none
child_seconds_to() {
    times >"$DATA/times"
    awk 'NR == 2 { gsub(/[ms]/, " "); print $1 * 60 + $2 + $3 * 60 + $4 }' "$DATA/times" >"$1"
}
run_wrk() { # name connections script
    local name=$1 conns=$2 script=$3 out="$DATA/wrk-$1.txt"
    if [ "$WARMUP" -gt 0 ]; then
        # creates of the warm-up get numbers of their own: one digit longer
        SB_SCENARIO="$name-warmup" SB_PREFIX="${SB_PREFIX:-2}9" "${WRK_CPU[@]}" \
            wrk -t"$THREADS" -c"$conns" -d"${WARMUP}s" -s "$BENCH_DIR/$script" "$URL" >/dev/null
    fi
    local cmd="wrk -t$THREADS -c$conns -d${DURATION}s --latency -s bench/api/$script $URL"
    log "$name: $cmd (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
    local server_before busy_before start
    child_seconds_to "$DATA/wrk-before"
    server_before="$(server_ticks)"; busy_before="$(busy_ticks)"; start=$(date +%s.%N)
    SB_SCENARIO="$name" "${WRK_CPU[@]}" wrk -t"$THREADS" -c"$conns" -d"${DURATION}s" --latency \
        -s "$BENCH_DIR/$script" "$URL" | tee "$out" >&2
    child_seconds_to "$DATA/wrk-after"
    local result requests cpu_us others
    result="$(grep '^RESULT ' "$out" | head -n 1)"
    requests="$(value requests "$result")"
    # the server's CPU time per request: moved less than requests/s by other load on the machine
    cpu_us="$(awk -v t="$(( $(server_ticks) - server_before ))" -v hz="$TICKS_PER_SECOND" -v n="$requests" \
        'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')"
    # the cores that other processes (not the server, not wrk) kept busy during the run, on average
    others="$(awk -v busy="$(( $(busy_ticks) - busy_before ))" -v server="$(( $(server_ticks) - server_before ))" \
        -v wrk="$(awk -v a="$(cat "$DATA/wrk-before")" -v b="$(cat "$DATA/wrk-after")" 'BEGIN { print b - a }')" \
        -v hz="$TICKS_PER_SECOND" -v secs="$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')" \
        'BEGIN { o = ((busy - server) / hz - wrk) / secs; printf "%.2f", (o < 0 ? 0 : o) }')"
    RESULT[$name]="$result server_cpu_us=$cpu_us others=$others"
    COMMAND[$name]="$cmd"
}

for scenario in $SCENARIOS; do
    case "$scenario" in
        get) SB_CALLFLOW="$CALLFLOW_ID" run_wrk get "$CONNS_GET" get_callflow.lua ;;
        list) SB_KEYS="$DATA/keys" run_wrk list "$CONNS_LIST" list_callflows.lua ;;
        create) SB_PREFIX=2 run_wrk create "$CONNS_CREATE" create_callflow.lua ;;
        *) log "unknown scenario $scenario"; exit 2 ;;
    esac
done

# --- report --------------------------------------------------------------------------------------------------
verdict() { # name rps p99
    case "$1" in
        get) awk -v r="$2" -v p="$3" 'BEGIN { exit !(r >= 5000 && p <= 20) }' ;;
        list) awk -v p="$3" 'BEGIN { exit !(p <= 50) }' ;;
        create) awk -v r="$2" 'BEGIN { exit !(r >= 500) }' ;;
    esac
}
target() {
    case "$1" in
        get) echo ">= 5000/s, p99 <= 20 ms" ;;
        list) echo "p99 <= 50 ms" ;;
        create) echo ">= 500/s" ;;
    esac
}

failed=0
busy=0
echo
echo "Switchboard API benchmark — $(date -u +%FT%TZ), $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB;" \
    "$PLACEMENT; ${DURATION}s per scenario after ${WARMUP}s of warm-up${JAVA_OPTS:+; JAVA_OPTS=$JAVA_OPTS}"
printf '%-8s %9s %8s %8s %8s %7s %7s %8s %6s  %-26s %s\n' scenario "req/s" "p50 ms" "p90 ms" "p99 ms" non2xx sockerr \
    "cpu us" others target verdict
for scenario in $SCENARIOS; do
    r="${RESULT[$scenario]}"
    rps=$(value rps "$r"); p50=$(value p50_ms "$r"); p90=$(value p90_ms "$r"); p99=$(value p99_ms "$r")
    non2xx=$(value non2xx "$r"); sockerr=$(value socket_errors "$r")
    if [ "$non2xx" != 0 ] || [ "$sockerr" != 0 ]; then
        v="FAILED: $non2xx non-2xx answers, $sockerr socket errors"; failed=1
    elif verdict "$scenario" "$rps" "$p99"; then
        v="met"
    else
        v="MISSED"; failed=1
    fi
    printf '%-8s %9s %8s %8s %8s %7s %7s %8s %6s  %-26s %s\n' "$scenario" "$rps" "$p50" "$p90" "$p99" "$non2xx" \
        "$sockerr" "$(value server_cpu_us "$r")" "$(value others "$r")" "$(target "$scenario")" "$v"
    if awk -v o="$(value others "$r")" 'BEGIN { exit !(o >= 0.1) }'; then busy=1; fi
done
echo "cpu us: the server's CPU time (user + system) per request;" \
    "others: cores kept busy by other processes than the server and wrk during the run (of $(nproc))"
if [ "$busy" = 1 ]; then
    echo "note: other processes took a share of the cores: these figures are below what an idle machine gives"
fi
for scenario in $SCENARIOS; do echo "$scenario: ${COMMAND[$scenario]}"; done
echo "seed: $SEED callflows in ${seed_secs}s (curl --parallel-max 8); server log: $(wc -l <"$DATA/server.log") lines;" \
    "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
