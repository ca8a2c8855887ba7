#!/usr/bin/env bash
# Start-up, measured (on demand): `java -jar target/parcours.jar --demo` on a fresh data directory
# (cold: initdb, migrations, the demo load) and again on the data it left (restart), each until
# /health answers 200; then the first programme page after the start against the hundredth.
# Results: bench/results/startup-<date>.md, with the machine's load average (on a shared 2-core
# machine it moves every figure).
#
# Usage: bench/startup.sh [--runs 3] [--no-build] [--jar PATH] [--cds]   (--jar: another build, e.g. main's, for an A/B;
# --cds: start with the class-data-sharing archive the build made beside the jar, PATH.jsa for PATH.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
build=1
jar=target/parcours.jar
java_options=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --jar) jar=$2; build=0; shift 2 ;;
    --cds) cds=1; shift ;;
    *) echo "usage: bench/startup.sh [--runs N] [--no-build] [--jar PATH] [--cds]" >&2; exit 2 ;;
  esac
done
[ "$build" = 1 ] && mvn -B -q -ntp package -DskipTests
if [ "${cds:-0}" = 1 ]; then
  [ -f "${jar%.jar}.jsa" ] || { echo "no ${jar%.jar}.jsa beside $jar (mvn package makes it)" >&2; exit 2; }
  java_options=("-XX:SharedArchiveFile=${jar%.jar}.jsa")
fi

work=$(mktemp -d /tmp/parcours-startup-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
page="http://localhost:$port/fairs/teens-up-bordeaux-2027"
pid=
cleanup() {
  [ -s "$work/pid" ] && kill "$(cat "$work/pid")" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%d", (b - a) * 1000 }'; }

# Starts the server on $1 (data directory), waits for /health 200; prints "health_ms demo_ms".
start() {
  local data=$1 began
  began=$(now)
  PARCOURS_DATA_DIR=$data PARCOURS_HTTP_PORT=$port java "${java_options[@]}" -jar "$jar" --demo > "$data.log" 2>&1 &
  pid=$!
  # start runs in a subshell (its output is read): the parent finds the server's pid here.
  echo "$pid" > "$work/pid"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/health")" = 200 ]; do
    kill -0 "$pid" 2> /dev/null || { cat "$data.log" >&2; exit 1; }
    sleep 0.02
  done
  local health
  health=$(ms "$began" "$(now)")
  local demo
  demo=$(sed -n 's/.*Demo fair .* loaded in \([0-9]*\) ms.*/\1/p' "$data.log")
  echo "$health ${demo:--}"
}

stop() {
  pid=$(cat "$work/pid")
  kill "$pid"
  while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
  pid=
}

# The first page after the start, then the 2nd, 10th and 100th (ms, as curl times them).
pages() {
  local times=() i
  for i in $(seq 1 100); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$page" | awk '{ printf "%.1f", $1 * 1000 }')")
  done
  echo "${times[0]} ${times[1]} ${times[9]} ${times[99]}"
}

rows=()
for run in $(seq 1 "$runs"); do
  data="$work/data-$run"
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  read -r cold demo < <(start "$data")
  read -r p1 p2 p10 p100 < <(pages)
  stop
  rows+=("| $run | cold (fresh data directory) | $cold | $demo | $p1 | $p2 | $p10 | $p100 | $load_before |")
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  read -r warm demo < <(start "$data")
  read -r p1 p2 p10 p100 < <(pages)
  stop
  rows+=("| $run | restart (data kept) | $warm | $demo | $p1 | $p2 | $p10 | $p100 | $load_before |")
done

mkdir -p bench/results
out="bench/results/startup-$(date -u +%Y%m%d-%H%M%S).md"
{
  echo "# Start-up, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "\`bench/startup.sh --runs $runs${cds:+ --cds}\` ($jar); $(nproc) cores, $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)."
  echo "Time from \`java ${java_options[*]}${java_options[*]:+ }-jar target/parcours.jar --demo\` to \`/health\` 200; the demo load as the server logs it;"
  echo "the programme page of the demo fair (\`$(basename "$page")\`, curl's total time) 1st, 2nd, 10th and 100th after the start."
  echo
  echo "| run | start | to /health 200 ms | demo load ms | page 1 ms | page 2 ms | page 10 ms | page 100 ms | load average |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} > "$out"
cat "$out"
