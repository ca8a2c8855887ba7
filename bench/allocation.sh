#!/usr/bin/env bash
# The allocation benchmark (on demand, never in mvn verify): allocation, first-come and a random
# serial dictatorship on generated demand for a 3,000-pupil fair; see bench/AllocationBench.java.
# Usage: bench/allocation.sh [--runs 20] [--seats 50] [--fairs 30]
# Results: bench/results/allocation-<timestamp>.md
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build.sh compile
exec java -cp "$classpath" AllocationBench "$@"
