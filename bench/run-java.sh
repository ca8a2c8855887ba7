#!/usr/bin/env bash
# Runs one benchmark program against the compiled server and its dependencies.
# Usage: bench/run-java.sh ClassName [arguments…]      (bench/ClassName.java)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh compile
java -cp "$classpath" "$@"
