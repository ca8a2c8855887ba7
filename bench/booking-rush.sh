#!/usr/bin/env bash
# Registration-day rush on the demo fair, in process on an embedded PostgreSQL.
# Usage: bench/booking-rush.sh [--requests 2000] [--concurrency 200]
# Results: bench/results/booking-rush-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile
classpath_file=target/bench.classpath
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "target/classes:$(cat "$classpath_file")" bench/BookingRush.java "$@"
