#!/usr/bin/env bash
# Builds the JMH benchmarks (profile "bench", outside the default build) and runs them with a short, bounded
# configuration: one fork, 4 x 2 s warm-up (with two warm-ups of 2 s the JIT had not settled the engine on two
# cores and the executor figures swung tenfold between iterations), 3 x 3 s measurement; about 4 minutes in all.
# Extra arguments go to JMH, e.g. a benchmark name regex: bench/engine/run.sh RouteLookup
set -euo pipefail

cd "$(dirname "$0")/../.."
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java

mvn -B -q -P bench -pl bench/jmh -am package -DskipTests

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  host: $(uname -n)  cpus: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
# sqlite-jdbc loads its native library through JNI, which Java 25 warns about unless allowed
"$JAVA" --enable-native-access=ALL-UNNAMED -jar bench/jmh/target/benchmarks.jar \
    -f 1 -wi 4 -w 2s -i 3 -r 3s -rf text -rff bench/jmh/target/results.txt "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
