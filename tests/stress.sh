#!/usr/bin/env bash
# The determinism and hang stress suite (docs/reliability.md): not part of `dotnet test`.
# Usage: tests/stress.sh [runs-per-scenario] [stall-runs]     (defaults: 10000 and 1000)
# Starts two CPU hogs (one per core on the 2-core CI machine) for the determinism and stall tables, then stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000}
stall_runs=${2:-1000}
dotnet build tests/AsyncEnumTesting.Stress -c Release -nologo -v q
stress="dotnet tests/AsyncEnumTesting.Stress/bin/Release/net10.0/AsyncEnumTesting.Stress.dll"

hogs=()
for _ in 1 2; do
  (while :; do :; done) &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null || true' EXIT

echo "## Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(dotnet --version), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## Determinism: $runs runs per scenario, two CPU hogs running"
status=0
$stress determinism "$runs" || status=1
echo "## No false stall: $stall_runs runs per case, two CPU hogs running"
$stress stalls "$stall_runs" || status=1
echo "## Timeline hammers at 8x the suite's rounds, two CPU hogs running"
$stress hammers 8 || status=1
echo "## Load during the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "${hogs[@]}" 2>/dev/null || true
echo "## Hang table (hogs stopped)"
$stress hangs || status=1
exit $status
