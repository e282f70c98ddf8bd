#!/usr/bin/env bash
# The one-command demo: builds the project when the demo is not built yet, then runs it.
# Usage: examples/demo.sh [--keep-running]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -f "$root/examples/demo/target/demo.jar" ]; then
  echo "Building the project first (mvn -B -ntp clean install -DskipTests)..." >&2
  (cd "$root" && mvn -B -ntp -q clean install -DskipTests)
fi
exec java -jar "$root/examples/demo/target/demo.jar" "$@"
