#!/usr/bin/env bash
# HTTP serving figures, anchored: wrk (Debian) loads the server, then Debian nginx serving the very
# bytes the server answered (written to files, plus a .gz for gzip_static), in the same run, so the
# ratio holds on a shared 2-core machine where absolute figures move with the load.
#
# Scenarios on the demo fair: the programme page (plain, and with Accept-Encoding: gzip, as every
# browser sends), the fair feed (plain and gzip, as calendar clients send), GET /api/fairs/{slug}
# and its availability.
# Each side's CPU time per request (user and system, from /proc around each wrk run: the server's
# JVM, nginx's workers) holds better than requests/s when other work shares the cores.
# Before any measured round the server is warmed up over all the scenarios in turn for at least
# --warmup-seconds: under load on 2 cores its C2 compiler runs flat out for its first ~50 s, so a
# scenario measured earlier (the first ones, with a per-scenario warm-up only) measured the JIT.
# Results: bench/results/serve-<date>-<label>.{md,csv}
#
# Usage: bench/serve.sh [--label NAME] [--seconds 10] [--connections 64] [--rounds 2] [--no-build]
#                       [--warmup-seconds 60] (the server's warm-up over all scenarios, before any round)
#                       [--jar PATH] (another build, e.g. main's, for an A/B run back to back)
set -euo pipefail
cd "$(dirname "$0")/.."
command_line="bench/serve.sh $*"
label=run
seconds=10
connections=64
rounds=2
warmup_seconds=60
build=1
jar=target/parcours.jar
while [ $# -gt 0 ]; do
  case "$1" in
    --label) label=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --warmup-seconds) warmup_seconds=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --jar) jar=$2; build=0; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk > /dev/null || ! command -v nginx > /dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk nginx
fi
if [ "$build" = 1 ]; then
  mvn -B -q package -DskipTests
fi

slug=teens-up-bordeaux-2027
server_port=18181
nginx_port=18182
server="http://127.0.0.1:$server_port"
anchor="http://127.0.0.1:$nginx_port"
work=$(mktemp -d /tmp/parcours-serve-XXXXXX)
chmod 755 "$work" # nginx workers run as nobody
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

calc() { awk "BEGIN { printf \"%.3f\", $1 }"; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 > b + 0) ? a : b }'; }

started=$(date +%s.%N)
# A generous acquire timeout: on a loaded machine, opening a connection during the demo load can take seconds.
PARCOURS_HTTP_HOST=127.0.0.1 PARCOURS_HTTP_PORT=$server_port PARCOURS_DATA_DIR="$work/data" PARCOURS_DB_ACQUIRE_TIMEOUT_MS=30000 \
  java -jar "$jar" --demo > "$work/server.log" 2>&1 &
pids+=($!)
server_pid=$!
for _ in $(seq 1 480); do curl -sf "$server/health" -o /dev/null && break; sleep 0.25; done
curl -sf "$server/health" -o /dev/null || { tail -30 "$work/server.log" >&2; exit 1; }
cold_start=$(calc "$(date +%s.%N) - $started")
first_page=$(curl -s -o /dev/null -w '%{time_total}' "$server/fairs/$slug")
hundredth_page=$(for _ in $(seq 1 99); do curl -s -o /dev/null "$server/fairs/$slug"; done
  curl -s -o /dev/null -w '%{time_total}' "$server/fairs/$slug")

# name | path | Accept-Encoding sent | file nginx serves
scenarios=(
  "programme page|/fairs/$slug||page.html"
  "programme page, gzip|/fairs/$slug|gzip|page.html"
  "fair feed, plain|/calendars/fairs/$slug.ics||feed.ics"
  "fair feed, gzip|/calendars/fairs/$slug.ics|gzip|feed.ics"
  "GET /api/fairs/{slug}|/api/fairs/$slug||fair.json"
  "availability|/api/fairs/$slug/availability||availability.json"
)

mkdir -p "$work/root"
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r _ path _ file <<< "$scenario"
  curl -sf "$server$path" -o "$work/root/$file"
  gzip -6 -k -f "$work/root/$file"
done
cat > "$work/nginx.conf" << EOF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  gzip_static on;
  types { text/html html; text/calendar ics; application/json json; }
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/root;
$(for scenario in "${scenarios[@]}"; do
    IFS='|' read -r _ path _ file <<< "$scenario"
    echo "    location = $path { try_files /$file =404; }"
  done | sort -u)
  }
}
EOF
nginx -p "$work" -c "$work/nginx.conf" &
pids+=($!)
nginx_pid=$!
for _ in $(seq 1 40); do curl -sf "$anchor/fairs/$slug" -o /dev/null && break; sleep 0.25; done
curl -sf "$anchor/fairs/$slug" -o /dev/null || { echo "nginx did not come up" >&2; exit 1; }

nginx_pids="$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')" # the master and its workers
ticks() { # CPU clock ticks (user + system) of the given processes
  for pid in $1; do cut -d')' -f2 "/proc/$pid/stat"; done | awk '{ sum += $12 + $13 } END { print sum + 0 }'
}
tick=$(getconf CLK_TCK)

load() { # url, Accept-Encoding, pids[, seconds] → "rps p50 p99 errors non2xx bytes cpu_us_per_request"
  local headers=() before result
  [ -n "$2" ] && headers=(-H "Accept-Encoding: $2")
  before=$(ticks "$3")
  result=$(wrk -t2 -c"$connections" -d"${4:-$seconds}s" --timeout 10s "${headers[@]}" -s bench/wrk-report.lua "$1" \
    | sed -n 's/^RESULT //p')
  read -r -a r <<< "$result"
  echo "${r[*]:0:6} $(calc "($(ticks "$3") - $before) / $tick * 1000000 / (${r[6]} > 0 ? ${r[6]} : 1)")"
}

# The server's warm-up over every scenario, 5 s each in turn, until --warmup-seconds have passed:
# the JIT then compiles every path before the first measured round, not during it.
warm_started=$(date +%s)
while [ $(($(date +%s) - warm_started)) -lt "$warmup_seconds" ]; do
  for scenario in "${scenarios[@]}"; do
    IFS='|' read -r _ path encoding _ <<< "$scenario"
    load "$server$path" "$encoding" "$server_pid" 5 > /dev/null
  done
done
warmed_seconds=$(($(date +%s) - warm_started))

stamp=$(date -u +%Y%m%d-%H%M%S)
mkdir -p bench/results
csv="bench/results/serve-$stamp-$label.csv"
md="bench/results/serve-$stamp-$label.md"
echo "scenario,bytes,parcours_rps,parcours_p50_ms,parcours_p99_ms,parcours_errors,nginx_rps,nginx_p50_ms,nginx_p99_ms,ratio,parcours_cpu_us,nginx_cpu_us,cpu_ratio" > "$csv"
{
  echo "# Serving figures: $label"
  echo
  echo "\`$command_line\` on $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with local changes)'), jar $jar."
  echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; $(java -version 2>&1 | head -1);"
  echo "$(nginx -v 2>&1 | sed 's/.*: //'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); wrk 2 threads, $connections connections,"
  echo "$rounds × ${seconds} s per side, alternating Parcours and nginx; nginx serves the same bytes from files (sendfile, gzip_static)."
  echo "Server warmed up before any measured round: ${warmed_seconds} s over all scenarios in turn (--warmup-seconds $warmup_seconds), then ${seconds} s of each scenario just before its rounds."
  echo
  echo "Cold start with --demo to /health: ${cold_start} s. First programme page after it: ${first_page} s; the hundredth: ${hundredth_page} s."
  echo
  echo "| scenario | bytes | Parcours req/s | p50 ms | p99 ms | errors | nginx req/s | p50 ms | p99 ms | ratio | Parcours CPU µs/req | nginx CPU µs/req | CPU ratio |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
} > "$md"

for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name path encoding _ <<< "$scenario"
  load "$server$path" "$encoding" "$server_pid" > /dev/null # warm-up (JIT, caches)
  ours=(0 0 0 0 0 0 0); theirs=(0 0 0 0 0 0 0)
  for _ in $(seq 1 "$rounds"); do
    read -r -a a <<< "$(load "$server$path" "$encoding" "$server_pid")"
    read -r -a b <<< "$(load "$anchor$path" "$encoding" "$nginx_pids")"
    # Sums of rates, errors and CPU; latencies keep the worst round.
    ours=("$(calc "${ours[0]} + ${a[0]}")" "$(max "${ours[1]}" "${a[1]}")" "$(max "${ours[2]}" "${a[2]}")" \
      $((ours[3] + a[3] + a[4])) 0 "${a[5]}" "$(calc "${ours[6]} + ${a[6]}")")
    theirs=("$(calc "${theirs[0]} + ${b[0]}")" "$(max "${theirs[1]}" "${b[1]}")" "$(max "${theirs[2]}" "${b[2]}")" \
      $((theirs[3] + b[3] + b[4])) 0 "${b[5]}" "$(calc "${theirs[6]} + ${b[6]}")")
  done
  rps=$(calc "${ours[0]} / $rounds")
  nginx_rps=$(calc "${theirs[0]} / $rounds")
  ratio=$(calc "${ours[0]} / ${theirs[0]}")
  cpu=$(calc "${ours[6]} / $rounds")
  nginx_cpu=$(calc "${theirs[6]} / $rounds")
  # nginx's CPU per request over ours: comparable to the rate ratio, but not moved by other work's load.
  cpu_ratio=$(calc "${theirs[6]} / (${ours[6]} > 0 ? ${ours[6]} : 1)")
  echo "$name,${ours[5]},$rps,${ours[1]},${ours[2]},${ours[3]},$nginx_rps,${theirs[1]},${theirs[2]},$ratio,$cpu,$nginx_cpu,$cpu_ratio" >> "$csv"
  echo "| $name | ${ours[5]} | $rps | ${ours[1]} | ${ours[2]} | ${ours[3]} | $nginx_rps | ${theirs[1]} | ${theirs[2]} | $ratio | $cpu | $nginx_cpu | $cpu_ratio |" >> "$md"
  echo "$name: $rps req/s vs nginx $nginx_rps req/s, ratio $ratio; CPU $cpu vs $nginx_cpu µs/request" >&2
done
echo >> "$md"
echo "Bytes are per response as received (headers included). Errors are wrk's socket errors, timeouts and non-2xx/3xx answers." >> "$md"
echo "CPU µs/req: user and system time of the server's process (nginx: master and workers) over the requests of the round; CPU ratio = nginx's ÷ ours." >> "$md"
cat "$md"
