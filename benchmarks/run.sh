#!/usr/bin/env bash
# Measures what the filter and the agent cost (issue 5) and writes benchmarks/RESULTS.md and the
# headline table in benchmarks/README.md.
#
#   benchmarks/run.sh          the full run, about 25 minutes on 2 cores; run it on a quiet machine
#   benchmarks/run.sh smoke    every benchmark once and briefly (what CI runs), report to stdout
#   benchmarks/run.sh render   RESULTS.md and the headline tables again from the last full run's raw
#                              results (benchmarks/results.ser), without measuring: after a change
#                              to the report or its goals
#
# It measures the committed HEAD, built from scratch in a fresh clone under benchmarks/target:
# the figures then belong to one commit, and no module's incremental build state (or another
# build running in this tree) can slip into them. Needs the JDK, Maven and Node (the test
# issuer). Nothing leaves the machine: every server is on loopback. The hand-written analysis at
# the end of RESULTS.md (after the marker line) is kept; the raw results go to
# benchmarks/results.ser (commit it with RESULTS.md, so that 'render' can redo the report).
set -euo pipefail
cd "$(dirname "$0")/.."

profile="${1:-full}"
case "$profile" in
  full) out=benchmarks/RESULTS.md ;;
  smoke) out= ;;
  render)
    mvn -B -ntp -q package -pl benchmarks -am -DskipTests
    exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
      dev.legacyguard.bench.suite.Suite render benchmarks/RESULTS.md ;;
  *) echo "usage: benchmarks/run.sh [full|smoke|render]" >&2; exit 2 ;;
esac

commit=$(git rev-parse --short HEAD)
if ! git diff --quiet HEAD -- filter agent test-issuer benchmarks pom.xml; then
  echo "note: uncommitted changes are not measured; measuring commit $commit"
fi
checkout=benchmarks/target/checkout
rm -rf "$checkout"
mkdir -p benchmarks/target
git clone -q --no-local . "$checkout"
echo "building commit $commit (filter, agent, test issuer, benchmarks)..."
(cd "$checkout" && mvn -B -ntp -q package -pl benchmarks -am -DskipTests)

echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) processors"
built="$checkout/benchmarks/target"
java -Xmx2g \
  -Dbench.agent.jar="$built/agent/logto-agent.jar" \
  -Dbench.bcprov.jar="$built/bouncycastle/bcprov.jar" \
  -Dbench.commit="$commit" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$built/classes:$(cat "$built/classpath.txt")" \
  dev.legacyguard.bench.suite.Suite "$profile" $out 2>&1 | tee benchmarks/target/run.log
