# Sourced by the bench scripts (from the repository root): a published Satchel on a fresh
# pb_data in a temporary folder, stopped and removed when the script exits.
#
#   publish_unless_given          DIST = $SATCHEL_DIST, else a fresh publish to bench/out
#   start_server EMAIL PASSWORD   superuser EMAIL, then serve on a free port; sets WORK, PORT, URL, PID

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

publish_unless_given() {
  DIST=${SATCHEL_DIST:-bench/out}
  if [ -z "${SATCHEL_DIST:-}" ]; then
    dotnet publish host -c Release -o "$DIST" -nologo -clp:ErrorsOnly >/dev/null
  fi
}

stop_server() {
  if [ -n "${PID:-}" ]; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$PID" 2>/dev/null || true
  fi
  [ -n "${WORK:-}" ] && rm -rf "$WORK"
}

start_server() {
  WORK=$(mktemp -d)
  trap stop_server EXIT
  ulimit -n 65536 2>/dev/null || true
  PORT=$(free_port)
  URL="http://127.0.0.1:$PORT"
  dotnet "$DIST/satchel.dll" superuser upsert "$1" "$2" --dir="$WORK/pb_data" >/dev/null
  dotnet "$DIST/satchel.dll" serve --http="127.0.0.1:$PORT" --dir="$WORK/pb_data" >"$WORK/server.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "$URL/api/health"; do
    kill -0 "$PID" 2>/dev/null || { echo "the server exited:" >&2; cat "$WORK/server.log" >&2; exit 1; }
    sleep 0.05
  done
}
