#!/usr/bin/env bash
# Runs the JMH micro-benchmarks (classes named *Benchmark under src/test/java).
#   load-tests/jmh.sh                         # every benchmark, with the GC profiler
#   load-tests/jmh.sh TranslatorBenchmark     # a regex selecting benchmarks; further JMH options may follow
# Results go to stdout; -rf json -rff FILE writes them as JSON too.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh-classpath.txt -Dmdep.includeScope=test >&2
CLASSPATH="target/test-classes:target/classes:$(cat target/jmh-classpath.txt)"
if [ $# -eq 0 ]; then
  set -- ".*Benchmark.*" -prof gc
fi
exec java -cp "$CLASSPATH" org.openjdk.jmh.Main "$@"
