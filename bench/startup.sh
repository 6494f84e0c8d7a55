#!/usr/bin/env bash
# Measures, for a published Satchel, the time from `serve` on an empty pb_data to the first
# healthy /api/health (wall and CPU time), and the resident memory once idle with every plugin of the distribution
# enabled. Not a test: prints numbers.
#
#   bench/startup.sh [RUNS]          (publishes to bench/out first unless SATCHEL_DIST is set)
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${1:-5}
DIST=${SATCHEL_DIST:-bench/out}
if [ -z "${SATCHEL_DIST:-}" ]; then
  dotnet publish host -c Release -o "$DIST" -nologo -clp:ErrorsOnly >/dev/null
fi

WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill -9 "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# plugins.json enabling every plugin folder of the distribution.
{
  echo '{ "plugins": ['
  sep=''
  for d in "$DIST"/plugins/*/; do
    name=$(basename "$d")
    printf '%s  { "name": "%s", "enabled": true, "path": "%s" }' "$sep" "$name" "$(realpath "$d")/$name.dll"
    sep=$',\n'
  done
  echo
  echo '] }'
} > "$WORK/plugins.json"
echo "plugins: $(ls "$DIST/plugins" | tr '\n' ' ')"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

startups=()
cpu=()
rss=()
for i in $(seq 1 "$RUNS"); do
  data="$WORK/pb_data_$i"
  port=$(free_port)
  t0=$(date +%s%N)
  dotnet "$DIST/satchel.dll" serve --http="127.0.0.1:$port" --dir="$data" --plugins="$WORK/plugins.json" >"$WORK/log_$i" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/api/health"; do
    kill -0 "$PID" 2>/dev/null || { echo "server exited:"; cat "$WORK/log_$i"; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  startups+=($(( (t1 - t0) / 1000000 )))
  # CPU time (user + system) the process used up to that point: unlike wall time, it hardly
  # depends on what else the machine is doing.
  cpu+=($(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$PID/stat"))
  sleep 3
  rss+=($(awk '/VmRSS/ {print int($2/1024)}' "/proc/$PID/status"))
  kill -TERM "$PID"; wait "$PID" || true; PID=
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "startup to healthy (ms): ${startups[*]}  median $(median "${startups[@]}")"
echo "CPU time to healthy (ms): ${cpu[*]}  median $(median "${cpu[@]}")"
echo "idle RSS after 3 s (MiB): ${rss[*]}  median $(median "${rss[@]}")"
