# Sourced by the bench scripts that run servers on one durable PostgreSQL, after bench/build.sh:
# makes $work (removed at exit with every process in $pids; a script adds its own clean-up as
# `on_exit`), starts PostgreSQL (`start_database [max_connections]`, sets $db_url) and the
# server instances (`start_servers jar url first_port name`, fills $servers), waiting for each.
# Reads $instances, $pool_size, $smtp_port (when set, the servers mail that SMTP relay), $BENCH_SERVER_JAVA_OPTS (e.g. a profiler's -agentpath, servers only) and $public_url (default http://parcours.bench.local: instances
# behind one load balancer hand out the same links, so their feeds and ETags match).
work=$(mktemp -d "/tmp/parcours-$(basename "$0" .sh)-XXXXXX")
pids=()
public_url=${public_url:-http://parcours.bench.local}
on_exit() { :; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2> /dev/null || true; done
  on_exit
  rm -rf "$work"
}
trap cleanup EXIT

wait_for() { # what, seconds, test command...
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" && return 0; sleep 0.25; done
  echo "$what did not come up; logs in $work" >&2; tail -20 "$work"/*.log >&2; return 1
}

start_database() { # [max_connections]
  java -cp "$classpath" BenchDatabase "$work/pg" "$work/db-url" "$@" > "$work/db.log" 2>&1 &
  pids+=($!)
  wait_for "PostgreSQL" 60 test -s "$work/db-url"
  db_url=$(cat "$work/db-url")
}

start_servers() { # jar, database URL, first port, name
  local jar=$1 url=$2 first=$3 name=$4 port
  local mail_env=()
  [ -n "${smtp_port:-}" ] && mail_env=(PARCOURS_MAIL_SMTP_HOST=127.0.0.1 PARCOURS_MAIL_SMTP_PORT="$smtp_port" \
    PARCOURS_MAIL_SMTP_STARTTLS=false)
  servers=()
  for i in $(seq 1 "$instances"); do
    port=$((first + i))
    PARCOURS_DB_URL=$url PARCOURS_HTTP_HOST=127.0.0.1 PARCOURS_HTTP_PORT=$port PARCOURS_DB_POOL_SIZE=$pool_size \
      PARCOURS_HTTP_PUBLIC_URL=$public_url PARCOURS_DATA_DIR="$work/data-$name-$i" \
      PARCOURS_LIMITS_BOOKINGS_PER_ADDRESS=1000000 PARCOURS_LIMITS_BOOKINGS_PER_EMAIL=1000000 \
      env "${mail_env[@]}" java ${BENCH_SERVER_JAVA_OPTS:-} -jar "$jar" > "$work/$name-$i.log" 2>&1 &
    pids+=($!)
    # One at a time: the first applies the migrations.
    wait_for "$name $i" 180 curl -sf "http://127.0.0.1:$port/health" -o /dev/null
    servers+=("127.0.0.1:$port")
  done
}
