#!/usr/bin/env bash
# The benchmark harness (on demand, never in mvn verify): builds the jar, starts a durable
# PostgreSQL and 1 or 3 server instances on it, then bench/BookingRush.java loads fairs the size
# of a 3,000-pupil edition and runs the registration rush, the hot spot, pgbench's ceiling for the
# same transaction, and calendar feed polling. Results: bench/results/bench-<date>-<instances>x.{md,csv}
#
# Usage: bench/run.sh [--instances 1|3] [--n 50,200,1000] [--requests 2000] [--pool-size 16]
#                     [--feed-requests 20000] [--feed-clients 200]
set -euo pipefail
cd "$(dirname "$0")/.."
command_line="bench/run.sh $*"
instances=1
pool_size=16
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) instances=$2; shift 2 ;;
    --pool-size) pool_size=$2; shift 2 ;;
    *) pass+=("$1"); shift ;;
  esac
done

if ! command -v pgbench > /dev/null; then
  apt-get update -qq && apt-get install -y -qq postgresql-client
fi
source bench/build.sh package
vertx_version=$(sed -n 's:.*<vertx.version>\(.*\)</vertx.version>.*:\1:p' pom.xml)

work=$(mktemp -d /tmp/parcours-bench-XXXXXX)
static_file=webroot/bench-static.ics
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -f "$static_file"
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # what, seconds, test command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" && return 0; sleep 0.25; done
  echo "$what did not come up; logs in $work" >&2; tail -20 "$work"/*.log >&2; return 1
}

java -cp "$classpath" BenchDatabase "$work/pg" "$work/db-url" > "$work/db.log" 2>&1 &
pids+=($!)
wait_for "PostgreSQL" 60 test -s "$work/db-url"
db_url=$(cat "$work/db-url")

servers=()
# Instances behind one load balancer hand out the same links, so their feeds (and ETags) match.
public_url="http://parcours.bench.local"
for i in $(seq 1 "$instances"); do
  port=$((18080 + i))
  PARCOURS_DB_URL=$db_url PARCOURS_HTTP_HOST=127.0.0.1 PARCOURS_HTTP_PORT=$port PARCOURS_DB_POOL_SIZE=$pool_size \
    PARCOURS_HTTP_PUBLIC_URL=$public_url PARCOURS_DATA_DIR="$work/data-$i" \
    PARCOURS_LIMITS_BOOKINGS_PER_ADDRESS=1000000 PARCOURS_LIMITS_BOOKINGS_PER_EMAIL=1000000 java -jar target/parcours.jar > "$work/server-$i.log" 2>&1 &
  pids+=($!)
  # One at a time: the first applies the migrations.
  wait_for "server $i" 120 curl -sf "http://127.0.0.1:$port/health" -o /dev/null
  servers+=("127.0.0.1:$port")
done

java -cp "$classpath" BookingRush --db "$db_url" --servers "$(IFS=,; echo "${servers[*]}")" \
  --instances "$instances" --pool-size "$pool_size" --group-max "${PARCOURS_BOOKING_GROUP_MAX:-32}" \
  --vertx "$vertx_version" --static "$static_file" \
  --command "$command_line" "${pass[@]}"
