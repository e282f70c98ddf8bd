#!/usr/bin/env bash
# Measures what the filter and the agent cost (issue 5) and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh          the full run, about 10 minutes on 2 cores; run it on a quiet machine
#   benchmarks/run.sh smoke    every benchmark once and briefly (what CI runs), report to stdout
#
# Needs the JDK, Maven and Node (the test issuer). Nothing leaves the machine: every server is
# on loopback. The hand-written analysis at the end of RESULTS.md (after the marker line) is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-full}"
case "$profile" in
  full) out=benchmarks/RESULTS.md ;;
  smoke) out= ;;
  *) echo "usage: benchmarks/run.sh [full|smoke]" >&2; exit 2 ;;
esac

echo "building filter, agent and benchmarks..."
mvn -B -ntp -q package -pl benchmarks -am -DskipTests

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors"
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
mkdir -p benchmarks/target
java -Xmx2g \
  -Dbench.agent.jar=benchmarks/target/agent/logto-agent.jar \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$classpath" dev.legacyguard.bench.suite.Suite "$profile" $out 2>&1 | tee benchmarks/target/run.log
