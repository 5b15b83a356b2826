#!/usr/bin/env bash
# Media load on loopback (no SIP): builds the benchmark jar (profile "bench") and runs MediaLoad.
#   bench/media/run.sh [ivr|bridge] [sessions] [seconds]     defaults: ivr 500 60
# ivr: each server session plays a looped TTS prompt while its phone-side session sends a tone back;
# bridge: server sessions bridged in pairs relay their phones' audio without decoding.
# Prints one RESULT line: late packets (> 40 ms after due), late ticks, CPU cores used, heap.
# The JVM runs with real-time round-robin priority (chrt -r 5), as media servers are run (FreeSWITCH -rp,
# Asterisk -p): on a machine whose cores other processes keep busy, a normal-priority thread waits tens of ms to be
# scheduled and every packet would be late. RT=0 runs it at normal priority.
set -euo pipefail

cd "$(dirname "$0")/../.."
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

mvn -B -q -P bench -pl bench/jmh -am package -DskipTests

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  host: $(uname -n)  cpus: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
PRIORITY=()
[ "${RT:-1}" = 1 ] && PRIORITY=(chrt -r 5)
"${PRIORITY[@]}" "$JAVA" -Xmx512m -cp bench/jmh/target/benchmarks.jar dev.switchboard.bench.MediaLoad "${1:-ivr}" "${2:-500}" "${3:-60}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
