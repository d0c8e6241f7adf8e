#!/usr/bin/env bash
# The benchmark and fault suite (issue 17): builds the services and the bench, starts a stack of its own on free
# loopback ports (nothing of ./run-local.sh's is touched), measures, runs the fault suite and writes
# bench/results/report.md with PNG charts. About 15 minutes on 2 cores. See the README, "Benchmarks".
#   BENCH_KILLS=20 bench/run.sh     SIGKILL repeats of the fault suite (default 3)
#   BENCH_FAULTS=0 bench/run.sh     measurements only;  BENCH_MEASURE=0: fault suite only
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/java-home

# JFreeChart draws the charts headless, but Java's font rendering still needs fontconfig and a font
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -n 1)" ]; then
  echo "Installing fontconfig and a font for the charts..."
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q fontconfig fonts-dejavu-core; else sudo apt-get install -y -q fontconfig fonts-dejavu-core; fi
fi

echo "Building the services and the bench (./mvnw -Pbench package without tests)..."
./mvnw -q -B -Pbench -Dmaven.test.skip=true -pl bench -am package

exec "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
  -Dbench.root="$PWD" -Dbench.commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  -Dlog4j2.configurationFile=local-stack-log4j2.xml \
  -cp "$(ls bench/target/bench-*.jar | head -n 1):bench/target/lib/*" dev.ticketsms.bench.Bench
