#!/usr/bin/env bash
# Records API benchmark on PocketBase's benchmark schema: a published Satchel on a fresh pb_data,
# seeded with 100 organizations, 50 permissions, USERS users and 10,000 posts10k rows, then wrk
# (Debian package) runs each scenario for SECONDS and this prints requests/s, latency and the
# server's CPU time per request: list posts10k perPage=20 with and without skipTotal (100
# connections), list under the rule `author = @request.auth.id` (without and with an index on
# author), list with expand=author, and create post (50 connections, into "posts", which has
# posts10k's fields and starts empty).
# Not a test: prints numbers.
#
#   bench/records.sh [SECONDS=10] [USERS=500]
#   (publishes to bench/out first unless SATCHEL_DIST is set; installs wrk if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

SECS=${1:-10}
USERS=${2:-500}
THREADS=2
source bench/lib/server.sh
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
publish_unless_given
dotnet build bench/records/RecordsBench.csproj -c Release -o bench/out/records-bench -nologo -clp:ErrorsOnly >/dev/null
start_server bench@example.com bench-password-1

bench() { dotnet bench/out/records-bench/RecordsBench.dll "$@" --url="$URL"; }
export BENCH_DATA="$WORK/data.lua"
bench setup --out="$WORK" --users="$USERS"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
TICKS=$(getconf CLK_TCK)
SUMMARY="$WORK/summary"
: >"$SUMMARY"

# run NAME CONNECTIONS WRK-ARGS… : one measured wrk run, its numbers appended to the summary
run() {
  local name=$1 conns=$2; shift 2
  local before after out rps reqs
  before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$conns" --latency "$@")
  after=$(cpu_ticks)
  echo "== $name"; echo "$out"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  local p50 p99 failed
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  failed=$(awk '/^failed answers:/ {print $3}' <<<"$out")
  awk -v n="$name" -v c="$conns" -v r="$rps" -v q="$reqs" -v a="$p50" -v b="$p99" -v f="$failed" \
      -v cpu="$(( (after - before) * 1000000 / TICKS ))" \
      'BEGIN { printf "%-44s %4d %10.0f %9s %9s %7d %9.0f\n", n, c, r, a, b, f, (q > 0 ? cpu / q : 0) }' >>"$SUMMARY"
}

bench fill --count=10000 --authors="$WORK/authors.txt"
echo "posts10k rows: $(bench count)"

LIST="$URL/api/collections/posts10k/records"
# Unmeasured warm-up, then a pause: the thread pool keeps the threads that waited on the seed
# writes for about 20 s, and the read scenarios are measured on a server at rest.
wrk -t"$THREADS" -c100 -d3s -s bench/records/list.lua "$LIST?perPage=20&expand=author" >/dev/null
sleep 30

run "list perPage=20" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20"
run "list perPage=20&skipTotal=1" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20&skipTotal=1"

bench rule --rule='author = @request.auth.id'
BENCH_AS_USER=1 run "rule author = @request.auth.id (no index)" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20"
bench index
BENCH_AS_USER=1 run "rule author = @request.auth.id (index)" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20"
BENCH_AS_USER=1 run "rule … (index, skipTotal=1)" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20&skipTotal=1"
bench rule --rule=''

run "list perPage=20&expand=author" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20&expand=author"
run "… expand=author&skipTotal=1" 100 -d"${SECS}s" -s bench/records/list.lua "$LIST?perPage=20&expand=author&skipTotal=1"

# creates last, after an unmeasured warm-up of the same requests
wrk -t"$THREADS" -c50 -d3s -s bench/records/create.lua "$URL/api/collections/posts/records" >/dev/null
run "create post" 50 -d"${SECS}s" -s bench/records/create.lua "$URL/api/collections/posts/records"

echo
echo "$(nproc) cores; wrk with $THREADS threads on the same machine"
printf "%-44s %4s %10s %9s %9s %7s %9s\n" scenario conn "req/s" p50 p99 failed "server µs"
cat "$SUMMARY"
echo "(server µs: the server process's CPU time per answered request, user + system)"
