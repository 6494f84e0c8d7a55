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
DIST=${SATCHEL_DIST:-bench/out}
if [ -z "${SATCHEL_DIST:-}" ]; then
  dotnet publish host -c Release -o "$DIST" -nologo -clp:ErrorsOnly >/dev/null
fi
dotnet build bench/realtime/RealtimeBench.csproj -c Release -o bench/out/realtime-bench -nologo -clp:ErrorsOnly >/dev/null

WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; sleep 1; [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

ulimit -n 65536 2>/dev/null || true
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
dotnet "$DIST/satchel.dll" superuser upsert bench@example.com bench-password-1 --dir="$WORK/pb_data" >/dev/null
dotnet "$DIST/satchel.dll" serve --http="127.0.0.1:$PORT" --dir="$WORK/pb_data" >"$WORK/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 150); do
  curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break
  sleep 0.2
done

dotnet bench/out/realtime-bench/RealtimeBench.dll --url="http://127.0.0.1:$PORT" --clients="$CLIENTS" --rate="$RATE" \
  --seconds="$SECONDS_" --users="$USERS" --pid="$PID"
