#!/usr/bin/env bash
# The fault suite (on demand, never in mvn verify): builds the jar, starts a durable PostgreSQL,
# then bench/FaultSuite.java starts 3 server instances on it, keeps a booking rush going with
# same-key retries, and in turn kills an instance (-9), freezes one for 30 s (SIGSTOP), restarts
# PostgreSQL and locks the track rows from outside; after each it checks the invariants from the
# database and the mail directories. Results: bench/results/faults-<date>.{md,csv}
#
# Usage: bench/faults.sh [--seconds 40] [--concurrency 12]      (about 5 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
command_line="bench/faults.sh $*"

source bench/build.sh package

work=$(mktemp -d /tmp/parcours-faults-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  # The suite restarted PostgreSQL: the postmaster running now is no child of this script.
  if [ -s "$work/pg/postmaster.pid" ]; then kill -INT "$(head -1 "$work/pg/postmaster.pid")" 2> /dev/null || true; sleep 2; fi
  rm -rf "$work"
}
trap cleanup EXIT

java -cp "$classpath" BenchDatabase "$work/pg" "$work/db-url" 400 > "$work/db.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 240); do test -s "$work/db-url" && break; sleep 0.25; done
test -s "$work/db-url" || { echo "PostgreSQL did not come up" >&2; cat "$work/db.log" >&2; exit 1; }

java -cp "$classpath" FaultSuite --db "$(cat "$work/db-url")" --jar target/parcours.jar --work "$work" \
  --pg-data "$work/pg" --command "$command_line" "$@" || { tail -n 30 "$work"/server-*.log; exit 1; }
