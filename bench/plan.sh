#!/usr/bin/env bash
# The planner's benchmark (on demand, never in mvn verify): the demo fair and a fair --times its
# size, each programme emptied and planned again; see bench/PlanBench.java.
# Usage: bench/plan.sh [--seconds 30] [--large-seconds 120] [--times 3]
# Results: bench/results/plan-<timestamp>.md
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
classpath="target/classes:$(cat target/bench.classpath)"
# Compiled into the planner's package (not run as a single source file): it reads the plan
# problem, the greedy programme and the report the server builds, package-private parts included.
rm -rf target/bench-classes
javac -d target/bench-classes -cp "$classpath" bench/PlanBench.java
exec java -cp "target/bench-classes:$classpath" fr.parcours.planner.PlanBench "$@"
