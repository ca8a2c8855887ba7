#!/usr/bin/env bash
# Runs one benchmark source file against the compiled server and its dependencies.
# Usage: bench/run-java.sh bench/Name.java [arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile
classpath_file=target/bench.classpath
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
java -cp "target/classes:$(cat "$classpath_file")" "$@"
