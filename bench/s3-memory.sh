#!/usr/bin/env bash
# Measures how much the server's memory grows while a big file (500 MiB by default) goes up to S3
# through the records API and comes back down through /api/files, against s3rver (tests/s3) on
# 127.0.0.1. Also reports how much of the upload ASP.NET Core buffered on disk (multipart form
# files above 64 KiB are buffered to temporary files) and checks the content round-trips intact.
# Not a test: prints numbers.
#
#   bench/s3-memory.sh [SIZE_MIB]     (publishes to bench/out first unless SATCHEL_DIST is set)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MIB=${1:-500}
DIST=${SATCHEL_DIST:-bench/out}
if [ -z "${SATCHEL_DIST:-}" ]; then
  dotnet publish host -c Release -o "$DIST" -nologo -clp:ErrorsOnly >/dev/null
fi
[ -d tests/s3/node_modules/s3rver ] || (cd tests/s3 && npm ci --no-audit --no-fund --loglevel=error)

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do { kill -9 "$p" && wait "$p"; } 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k/1024}'; }

# --- s3rver
S3PORT=$(free_port)
(cd tests/s3 && exec node --openssl-legacy-provider server.js "$S3PORT" "$WORK/s3" bench) >"$WORK/s3.log" 2>&1 &
PIDS+=($!)
until grep -qx ready "$WORK/s3.log" 2>/dev/null; do sleep 0.1; done

# --- satchel on an empty pb_data with one superuser; ASP.NET Core's temporary files go to a folder we watch
PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"
export ASPNETCORE_TEMP="$WORK/aspnet-tmp"
mkdir -p "$ASPNETCORE_TEMP"
dotnet "$DIST/satchel.dll" superuser upsert bench@example.com benchpassword123 --dir="$WORK/pb_data" >/dev/null
start_server() {
  dotnet "$DIST/satchel.dll" serve --http="127.0.0.1:$PORT" --dir="$WORK/pb_data" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  PIDS+=($SERVER)
  until curl -fs -o /dev/null "$BASE/api/health"; do
    kill -0 "$SERVER" 2>/dev/null || { echo "server exited:"; cat "$WORK/server.log"; exit 1; }
    sleep 0.05
  done
}
start_server

TOKEN=$(curl -fs "$BASE/api/collections/_superusers/auth-with-password" -H 'Content-Type: application/json' \
  -d '{"identity":"bench@example.com","password":"benchpassword123"}' | json '["token"]')
auth=(-H "Authorization: $TOKEN")
curl -fs -o /dev/null -X PATCH "$BASE/api/settings" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"s3\":{
  \"enabled\":true,\"bucket\":\"bench\",\"region\":\"us-east-1\",\"endpoint\":\"http://127.0.0.1:$S3PORT\",
  \"accessKey\":\"S3RVER\",\"secret\":\"S3RVER\",\"forcePathStyle\":true}}"
curl -fs "$BASE/api/settings/test/s3" "${auth[@]}" -H 'Content-Type: application/json' -d '{"filesystem":"storage"}'
COLLECTION=$(curl -fs "$BASE/api/collections" "${auth[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"bench\",\"type\":\"base\",
  \"fields\":[{\"name\":\"doc\",\"type\":\"file\",\"maxSize\":$(( (SIZE_MIB + 1) << 20 )),\"maxSelect\":1}]}" | json '["id"]')

upload() { curl -fs "$BASE/api/collections/bench/records" "${auth[@]}" -F "doc=@$1" | json '["id"]'; }
name_of() { curl -fs "$BASE/api/collections/bench/records/$1" "${auth[@]}" | json '["doc"]'; }

# Warm up the code paths (JIT, connection pools) with a small file, then take the idle baseline.
head -c $((20 << 20)) /dev/urandom > "$WORK/warm.bin"
warm=$(upload "$WORK/warm.bin")
curl -fs -o /dev/null "$BASE/api/files/bench/$warm/$(name_of "$warm")"
head -c "$((SIZE_MIB << 20))" /dev/urandom > "$WORK/big.bin"
sleep 3
BASELINE=$(rss_kib "$SERVER")

# Samples the server's RSS and the size of ASP.NET Core's temporary files every 50 ms while a command runs.
measure() {
  local out=$1; shift
  ( peak=0; disk=0
    while [ ! -e "$WORK/stop" ]; do
      r=$(rss_kib "$SERVER"); [ "$r" -gt "$peak" ] && peak=$r
      d=$(du -sk "$ASPNETCORE_TEMP" | cut -f1); [ "$d" -gt "$disk" ] && disk=$d
      sleep 0.05
    done
    echo "$peak $disk" > "$out" ) &
  local sampler=$!
  local t0; t0=$(date +%s%N)
  "$@"
  local t1; t1=$(date +%s%N)
  touch "$WORK/stop"; wait "$sampler"; rm -f "$WORK/stop"
  echo $(( (t1 - t0) / 1000000 )) >> "$out"
}

measure "$WORK/up" bash -c "curl -fs '$BASE/api/collections/bench/records' -H 'Authorization: $TOKEN' -F 'doc=@$WORK/big.bin' > '$WORK/created.json'"
ID=$(json '["id"]' < "$WORK/created.json")
NAME=$(json '["doc"]' < "$WORK/created.json")
URL="$BASE/api/files/bench/$ID/$NAME"
# s3rver keeps each object as a file of its own: the upload is there at full size.
stored=$(find "$WORK/s3" -type f -size "$((SIZE_MIB << 10))k" | wc -l)

# A fresh server for the download, so that the memory the upload left behind doesn't hide its growth.
kill -TERM "$SERVER"; wait "$SERVER" 2>/dev/null || true
start_server
curl -fs -o /dev/null "$BASE/api/files/bench/$warm/$(name_of "$warm")"
sleep 3
BASELINE_DOWN=$(rss_kib "$SERVER")

measure "$WORK/down" curl -fs -o "$WORK/down.bin" "$URL"
measure "$WORK/range" curl -fs -o "$WORK/range.bin" -r 104857600-105906175 "$URL"

intact=no; cmp -s "$WORK/big.bin" "$WORK/down.bin" && intact=yes
range_ok=no; cmp -s "$WORK/range.bin" <(tail -c +104857601 "$WORK/big.bin" | head -c 1048576) && range_ok=yes

read -r up_peak up_disk < <(head -1 "$WORK/up"); up_ms=$(tail -1 "$WORK/up")
read -r down_peak _ < <(head -1 "$WORK/down"); down_ms=$(tail -1 "$WORK/down")
read -r range_peak _ < <(head -1 "$WORK/range"); range_ms=$(tail -1 "$WORK/range")
rate() { awk -v mb="$SIZE_MIB" -v ms="$1" 'BEGIN {printf "%.0f", mb * 1000 / ms}'; }

echo "file: $SIZE_MIB MiB; objects of that size in the bucket: $stored"
echo "server RSS baseline (idle, after warm-up): $(mib "$BASELINE") MiB"
echo "upload   (POST multipart -> S3): peak RSS $(mib "$up_peak") MiB, growth $(mib $((up_peak - BASELINE))) MiB, ${up_ms} ms ($(rate "$up_ms") MiB/s)"
echo "         ASP.NET Core temporary form files on disk at most: $(mib "$up_disk") MiB"
echo "server RSS baseline of a restarted server (idle, after a warm-up download): $(mib "$BASELINE_DOWN") MiB"
echo "download (GET /api/files <- S3):  peak RSS $(mib "$down_peak") MiB, growth $(mib $((down_peak - BASELINE_DOWN))) MiB, ${down_ms} ms ($(rate "$down_ms") MiB/s), content intact: $intact"
echo "range    (1 MiB at 100 MiB):      peak RSS $(mib "$range_peak") MiB, ${range_ms} ms, bytes match: $range_ok"
echo "(growth = peak minus the baseline before the step; the goal is under 100 MiB)"
