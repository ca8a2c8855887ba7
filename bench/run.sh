#!/usr/bin/env bash
# The benchmark harness (on demand, never in mvn verify): builds the jar, starts a durable
# PostgreSQL and 1 or 3 server instances on it, then bench/BookingRush.java loads fairs the size
# of a 3,000-pupil edition and runs the registration rush, the hot spot, pgbench's ceiling for the
# same transaction and for a one-round-trip booking, and calendar feed polling.
# Results: bench/results/bench-<date>-<instances>x.{md,csv}
#
# With --baseline REV (a commit, e.g. 912bdb5), REV is built to its own jar (a git worktree,
# kept in target/bench-baseline/) and run with the same instances and pool on its own database
# of the same PostgreSQL; each scenario runs on it right after ours: an A/B in one run.
#
# Usage: bench/run.sh [--instances 1|3] [--n 50,200,1000] [--requests 2000] [--pool-size 16]
#                     [--feed-requests 20000] [--feed-clients 200] [--feeds no] [--baseline REV]
#                     [--warmup-seconds 60] [--warmup-rounds 5]   (each side warmed up that long first: the JIT)
#                     [--mail files|smtp]   (files, the default: the servers write .eml files, as without a relay;
#                                            smtp: they mail a local SMTP relay, bench/SmtpSink, on the same cores)
set -euo pipefail
cd "$(dirname "$0")/.."
command_line="bench/run.sh $*"
instances=1
pool_size=16
baseline=
mail=files
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) instances=$2; shift 2 ;;
    --pool-size) pool_size=$2; shift 2 ;;
    --baseline) baseline=$2; shift 2 ;;
    --mail) mail=$2; shift 2 ;;
    *) pass+=("$1"); shift ;;
  esac
done

if ! command -v pgbench > /dev/null; then
  apt-get update -qq && apt-get install -y -qq postgresql-client
fi
source bench/build.sh package
base_jar=
if [ -n "$baseline" ]; then
  base_rev=$(git rev-parse --short "$baseline")
  base_jar="target/bench-baseline/parcours-$base_rev.jar"
  if [ ! -f "$base_jar" ]; then
    base_tree=$(mktemp -d /tmp/parcours-baseline-XXXXXX)
    git worktree add --detach "$base_tree" "$base_rev"
    (cd "$base_tree" && mvn -B -q -ntp package -Dmaven.test.skip=true)
    mkdir -p target/bench-baseline
    cp "$base_tree/target/parcours.jar" "$base_jar"
    git worktree remove --force "$base_tree"
  fi
fi
vertx_version=$(sed -n 's:.*<vertx.version>\(.*\)</vertx.version>.*:\1:p' pom.xml)

static_file=webroot/bench-static.ics
source bench/cluster.sh
on_exit() { rm -f "$static_file"; }
start_database
if [ "$mail" = smtp ]; then
  smtp_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  java -cp "$classpath" SmtpSink "$smtp_port" > "$work/smtp.log" 2>&1 &
  pids+=($!)
  wait_for "SMTP sink" 30 bash -c "echo > /dev/tcp/127.0.0.1/$smtp_port" 2> /dev/null
fi

start_servers target/parcours.jar "$db_url" 18080 server
ours=$(IFS=,; echo "${servers[*]}")
base_args=()
if [ -n "$base_jar" ]; then
  start_servers "$base_jar" "${db_url%/*}/parcours_base" 18180 baseline
  base_args=(--base-servers "$(IFS=,; echo "${servers[*]}")" --base-db "${db_url%/*}/parcours_base" \
    --base-label "main at $base_rev")
fi

java -cp "$classpath" BookingRush --db "$db_url" --servers "$ours" "${base_args[@]}" \
  --instances "$instances" --pool-size "$pool_size" --group-max "${PARCOURS_BOOKING_GROUP_MAX:-32}" \
  --vertx "$vertx_version" --static "$static_file" --mail "$mail" \
  --command "$command_line" "${pass[@]}"
