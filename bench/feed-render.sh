#!/usr/bin/env bash
# Rendering time of one big feed (CPU only, no database).
# Usage: bench/feed-render.sh [--sessions 2000] [--runs 30]
# Results: bench/results/feed-render-<timestamp>.txt
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile
classpath_file=target/bench.classpath
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "target/classes:$(cat "$classpath_file")" bench/FeedRender.java "$@"
