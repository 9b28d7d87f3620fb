#!/usr/bin/env bash
# Times `npm test` as the README quotes it: wall seconds and the machine's busy CPU seconds
# (user + system from /proc/stat, steal shown apart), since the suite is CPU-bound on 2 cores.
# Usage: bash bench/suite.sh [vitest arguments]
set -uo pipefail
cd "$(dirname "$0")/.."
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8, $9 }' /proc/stat; }
read -r busy0 steal0 < <(busy)
start=$(date +%s.%N)
npx vitest run "$@" >/dev/null 2>&1
status=$?
read -r busy1 steal1 < <(busy)
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v b0="$busy0" -v b1="$busy1" -v t0="$steal0" -v t1="$steal1" -v rc="$status" \
  'BEGIN { printf "npm test: %.1f s wall, %.1f busy CPU-s (steal %.1f), exit %d\n", e - s, (b1 - b0) / 100, (t1 - t0) / 100, rc }'
exit $status
