#!/usr/bin/env bash
# Probe footprint benchmark: resident memory and CPU of the probe JVM at a 5 s interval with 50 domains.
#   probes/bench/footprint.sh [seconds]     (default 180 s of measurement after a 30 s warm-up)
#   BENCH_JVM_EXTRA="-XX:NativeMemoryTracking=summary" probes/bench/footprint.sh   tries JVM options beside the unit's
#   probes/bench/footprint.sh 120 --baseline   the same for a bare transactional producer: the floor under any JVM probe
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
./mvnw -q -B -o install -DskipTests -pl probes -am >/dev/null
./mvnw -q -B -o dependency:build-classpath -pl probes -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Dxenpulse.registry.home="$PWD/local-stack/target/apicurio-registry" \
  -cp "probes/target/test-classes:probes/target/classes:$(cat probes/target/bench.classpath)" \
  io.xenpulse.probe.bench.ProbeFootprintBench "$@"
