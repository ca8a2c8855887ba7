#!/usr/bin/env bash
# Live availability streams on one instance (on demand): starts the server with the demo fair on
# a durable embedded PostgreSQL, `live.max_streams` and `limits.streams_per_client` raised through
# settings (environment) for the bench, opens --streams server-sent event streams from one client
# process (bench/Streams.java), books --updates classes and times each update's way to every
# stream; the server's RSS before and after. Results: bench/results/streams-<date>.md.
#
# Usage: bench/streams.sh [--streams 10000] [--updates 5] [--opening 200]
# JAR=path/to/parcours.jar runs another build's server (an A/B in the same hour) with this bench.
set -euo pipefail
cd "$(dirname "$0")/.."
streams=10000
updates=5
opening=200
while [ $# -gt 0 ]; do
  case "$1" in
    --streams) streams=$2; shift 2 ;;
    --updates) updates=$2; shift 2 ;;
    --opening) opening=$2; shift 2 ;;
    *) echo "usage: bench/streams.sh [--streams N] [--updates N] [--opening N]" >&2; exit 2 ;;
  esac
done
# One socket per stream on each side, in two processes: the hard limit is what can be had.
ulimit -n "$(ulimit -Hn)"
if [ "${NO_BUILD:-0}" = 1 ]; then
  # The jar and the dependencies' class path as the last build left them; only bench/ compiled.
  classpath="target/bench-classes:target/parcours.jar:$(cat target/bench.classpath)"
  javac -nowarn -d target/bench-classes -cp "$classpath" bench/*.java
else
  source bench/build.sh package
fi

jar=${JAR:-target/parcours.jar}
work=$(mktemp -d /tmp/parcours-streams-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

PARCOURS_DATA_DIR=$work/data PARCOURS_HTTP_PORT=$port \
  PARCOURS_LIVE_MAX_STREAMS=$((streams + 100)) PARCOURS_LIMITS_STREAMS_PER_CLIENT=$((streams + 100)) \
  java -jar "$jar" --demo > "$work/server.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/health")" = 200 ]; do
  kill -0 "$pid" 2> /dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
document=$(curl -s "http://localhost:$port/api/fairs/teens-up-bordeaux-2027/availability" | wc -c)
mkdir -p bench/results
out="bench/results/streams-$(date -u +%Y%m%d-%H%M%S).md"
java -Xss256k -cp "$classpath" Streams "localhost:$port" teens-up-bordeaux-2027 "$pid" "$streams" "$updates" "$opening" "$work/table.md"
blocked=$(grep -c BlockedThreadChecker "$work/server.log" || true)
{
  echo "# Live availability streams, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/streams.sh --streams $streams --updates $updates --opening $opening\`; $(nproc) cores, $(java -version 2>&1 | head -1),"
  echo "commit $(git rev-parse --short HEAD), server $jar; one server instance (demo fair, durable embedded PostgreSQL) and the client"
  echo "process on the same machine; load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo "A stream's first event carries the fair's whole availability document ($document bytes), each update"
  echo "after it what changed (a changes event; before it main sent the whole again). A delay runs from the booking"
  echo "sent to the stream hearing the new numbers: the server's 100 ms coalescing, its one read of the fair, the"
  echo "fan-out, and the client's own reading of every socket. Blocked-thread warnings in the server's log: $blocked."
  echo
  cat "$work/table.md"
} > "$out"
cat "$out"
