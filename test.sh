#!/usr/bin/env bash
# Runs every test: builds the solution once (Release), runs the xunit suite, then the PocketBase
# JS SDK suite (tests/sdk) against the built host. Ends with one line "N passed, M failed" and
# exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"

CONFIG=Release
LOGS=$(mktemp -d)
trap 'rm -rf "$LOGS"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

passed=0
failed=0

echo "== build"
if ! dotnet build Satchel.slnx -c "$CONFIG" -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

echo "== dotnet test"
dotnet test tests/Satchel.Tests -c "$CONFIG" --no-build -nologo 2>&1 | tee "$LOGS/dotnet.log"
dotnet_rc=${PIPESTATUS[0]}
# VSTest's summary line: "Passed!  - Failed:     0, Passed:    63, Skipped:     0, Total:    63, …"
read -r d_pass d_fail < <(grep -E '^\s*(Passed|Failed)!' "$LOGS/dotnet.log" \
  | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+).*/\2 \1/' \
  | awk '{p+=$1; f+=$2} END {print p+0, f+0}')
if [ "$dotnet_rc" -ne 0 ] && [ "$d_fail" -eq 0 ]; then d_fail=1; fi
passed=$((passed + d_pass)); failed=$((failed + d_fail))

echo "== node SDK tests"
(
  cd tests/sdk &&
  npm ci --no-audit --no-fund --loglevel=error &&
  SATCHEL_DLL="$PWD/../../host/bin/$CONFIG/net10.0/satchel.dll" \
    node --test --test-reporter=spec --test-timeout=120000
) 2>&1 | tee "$LOGS/node.log"
node_rc=${PIPESTATUS[0]}
# node's spec reporter ends with "ℹ pass N", "ℹ fail N", "ℹ cancelled N" (a failed before-hook cancels its tests).
n_pass=$(grep -E '^ℹ pass [0-9]+' "$LOGS/node.log" | awk '{s+=$3} END {print s+0}')
n_fail=$(grep -E '^ℹ (fail|cancelled) [0-9]+' "$LOGS/node.log" | awk '{s+=$3} END {print s+0}')
if [ "$node_rc" -ne 0 ] && [ "$n_fail" -eq 0 ]; then n_fail=1; fi
passed=$((passed + n_pass)); failed=$((failed + n_fail))

echo "dotnet: $d_pass passed, $d_fail failed; node: $n_pass passed, $n_fail failed"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
