#!/usr/bin/env bash
# Writes src/main/cds/classes.lst, the classes the build archives for class-data sharing
# (target/parcours.jsa, see pom.xml): those a cold start with --demo and a restart load, with the
# programme page asked a few times and the background warm-up done. Rerun it when the start
# loads other classes (new dependencies, new routes); a stale list only archives fewer of them.
#
# Usage: bench/cds-classes.sh   (after mvn package; takes about 30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/parcours-cds-XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# One start on $work/data (fresh the first time), its loaded classes into $work/$1.lst.
train() {
  PARCOURS_DATA_DIR=$work/data PARCOURS_HTTP_PORT=$port java -XX:DumpLoadedClassList="$work/$1.lst" \
    -jar target/parcours.jar --demo > "$work/$1.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/health")" = 200 ]; do
    kill -0 "$pid" 2> /dev/null || { cat "$work/$1.log" >&2; exit 1; }
    sleep 0.1
  done
  for path in / /fairs/teens-up-bordeaux-2027 "/fairs/teens-up-bordeaux-2027?lang=en" /admin; do
    curl -s -o /dev/null "http://localhost:$port$path"
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://localhost:$port$path"
  done
  # The solver, the other templates and the feeds warm up 5 s after the start (Application).
  sleep 10
  kill "$pid"
  wait "$pid" || true
  pid=
}

train cold
train restart
# Both runs' classes, each once, in the order first loaded; the JVM's comment header and its
# generated proxies (named anew by each run, never found at dump time) dropped.
cat "$work/cold.lst" "$work/restart.lst" | grep -v -e "^#" -e "\$Proxy" | awk '!seen[$0]++' > src/main/cds/classes.lst
wc -l src/main/cds/classes.lst
