#!/usr/bin/env bash
# Realtime delivery benchmark: a published Satchel on a fresh pb_data, CLIENTS SSE clients
# (signed in as USERS distinct users) subscribed to one collection whose listRule needs auth,
# while RATE records per second are created for SECONDS seconds. Prints delivery latency
# p50/p90/p99/max, events lost and the server's resident memory. Not a test: prints numbers.
#
#   bench/realtime.sh [CLIENTS=2000] [RATE=100] [SECONDS=30] [USERS=20]
#   (publishes to bench/out first unless SATCHEL_DIST is set)
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${1:-2000}
RATE=${2:-100}
SECONDS_=${3:-30}
USERS=${4:-20}
source bench/lib/server.sh
publish_unless_given
dotnet build bench/realtime/RealtimeBench.csproj -c Release -o bench/out/realtime-bench -nologo -clp:ErrorsOnly >/dev/null
start_server bench@example.com bench-password-1

dotnet bench/out/realtime-bench/RealtimeBench.dll --url="$URL" --clients="$CLIENTS" --rate="$RATE" \
  --seconds="$SECONDS_" --users="$USERS" --pid="$PID"
