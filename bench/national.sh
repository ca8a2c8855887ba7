#!/usr/bin/env bash
# A national opening day (on demand): one durable PostgreSQL, --instances servers on it, --fairs
# generated fairs the size of a 3,000-pupil edition opening registration in the same minute, and
# their teachers booking at once (bench/National.java, through bench/Teachers like the other
# rushes). Reports bookings/s, latency, invariants per fair, PostgreSQL's CPU and lock waits.
# Results: bench/results/national-<date>.md.
#
# Usage: bench/national.sh [--fairs 100] [--teachers 150] [--concurrency 300] [--instances 3] [--pool-size 16]
set -euo pipefail
cd "$(dirname "$0")/.."
fairs=100
teachers=150
concurrency=300
instances=3
pool_size=16
while [ $# -gt 0 ]; do
  case "$1" in
    --fairs) fairs=$2; shift 2 ;;
    --teachers) teachers=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --pool-size) pool_size=$2; shift 2 ;;
    *) echo "usage: bench/national.sh [--fairs N] [--teachers N] [--concurrency N] [--instances N] [--pool-size N]" >&2; exit 2 ;;
  esac
done
if [ "${NO_BUILD:-0}" = 1 ]; then
  # The classes and the dependencies' class path as the last build left them; only bench/ compiled.
  classpath="target/bench-classes:target/classes:$(cat target/bench.classpath)"
  javac -nowarn -d target/bench-classes -cp "$classpath" bench/*.java
else
  source bench/build.sh package
fi

source bench/cluster.sh
start_database
base=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_servers target/parcours.jar "$db_url" "$base" server

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p bench/results
out="bench/results/national-$(date -u +%Y%m%d-%H%M%S).md"
java -cp "$classpath" National "$db_url" "$(IFS=,; echo "${servers[*]}")" "$fairs" "$teachers" "$concurrency" "$work/table.md"
{
  echo "# A national opening day, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/national.sh --fairs $fairs --teachers $teachers --concurrency $concurrency --instances $instances --pool-size $pool_size\`;"
  echo "$(nproc) cores shared by PostgreSQL, the $instances instances and the load generator; $(java -version 2>&1 | head -1);"
  echo "durable PostgreSQL 17 (fsync and synchronous commit on, shared_buffers 256 MB); commit $(git rev-parse --short HEAD);"
  echo "load average $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end. Each fair: 4 tracks, about"
  echo "120 places for classes of 25 (bench/BenchFairs); $teachers teachers per fair, so most end on waiting lists."
  echo
  cat "$work/table.md"
} > "$out"
cat "$out"
