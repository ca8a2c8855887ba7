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

source bench/cluster.sh
# The suite restarted PostgreSQL: the postmaster running now is no child of this script.
on_exit() {
  if [ -s "$work/pg/postmaster.pid" ]; then kill -INT "$(head -1 "$work/pg/postmaster.pid")" 2> /dev/null || true; sleep 2; fi
}
start_database 400

java -cp "$classpath" FaultSuite --db "$db_url" --jar target/parcours.jar --work "$work" \
  --pg-data "$work/pg" --command "$command_line" "$@" || { tail -n 30 "$work"/server-*.log; exit 1; }
