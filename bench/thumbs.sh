#!/usr/bin/env bash
# Measures image thumbnail throughput: a 2000×2000 JPEG of random noise is uploaded to a record
# whose file field lists 100 distinct sizes (101x101 … 200x200); then
#   cold   every size is requested once (each one decoded, resized, encoded and stored): thumbs/s
#   cached the stored thumbs are requested again in a loop: requests/s
# from CLIENTS concurrent clients on the same machine, with local storage. Also prints the load
# average, since the machine may be shared. Not a test: prints numbers.
#
#   bench/thumbs.sh [CLIENTS] [SECONDS]   (defaults 4 and 10; publishes to bench/out first unless SATCHEL_DIST is set)
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${1:-4}
SECONDS_CACHED=${2:-10}
source bench/lib/server.sh
publish_unless_given
dotnet build bench/thumbs -c Release -o bench/thumbs/out -nologo -clp:ErrorsOnly >/dev/null
BENCH="dotnet bench/thumbs/out/ThumbsBench.dll"

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

start_server bench@example.com benchpassword123
BASE=$URL

TOKEN=$(curl -fs "$BASE/api/collections/_superusers/auth-with-password" -H 'Content-Type: application/json' \
  -d '{"identity":"bench@example.com","password":"benchpassword123"}' | json '["token"]')
SIZES=$(seq 101 200 | awk '{printf "%s%dx%d", (NR>1?",":""), $1, $1}')
THUMBS_JSON=$(echo "$SIZES" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip().split(",")))')
curl -fs -o /dev/null "$BASE/api/collections" -H "Authorization: $TOKEN" -H 'Content-Type: application/json' -d "{\"name\":\"photos\",\"type\":\"base\",
  \"fields\":[{\"name\":\"photo\",\"type\":\"file\",\"maxSize\":20971520,\"maxSelect\":1,\"thumbs\":$THUMBS_JSON}]}"

$BENCH image "$WORK/noise.jpg" 2000
RECORD=$(curl -fs "$BASE/api/collections/photos/records" -H "Authorization: $TOKEN" -F "photo=@$WORK/noise.jpg;type=image/jpeg")
ID=$(echo "$RECORD" | json '["id"]')
NAME=$(echo "$RECORD" | json '["photo"]')
echo "original: 2000x2000 JPEG, $(stat -c %s "$WORK/noise.jpg") bytes; $(nproc) cores; server workers: cores + 2"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
$BENCH run "$BASE/api/files/photos/$ID/$NAME" "$SIZES" "$CLIENTS" "$SECONDS_CACHED"
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stored thumbs: $(find "$WORK/pb_data/storage" -path '*thumbs_*' -type f ! -name '*.attrs' | wc -l)"
