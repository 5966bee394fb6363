#!/usr/bin/env bash
# Start-up time and idle memory of the production jar on the embedded H2 database.
#   docs/bench/startup.sh [runs] [extra java options...]
# Needs target/annals.jar (./mvnw -Pproduction -DskipTests package) and curl. Each run starts the
# jar with an empty data folder (first start: migrations, first administrator), waits until the
# readiness probe answers, stops it, starts it again on the same data (a restart, the usual case),
# signs in once as the bootstrap admin and opens the start page, waits 20 s, and reads the
# resident set size (VmRSS).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-3}"; shift || true
jar=target/annals.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -Pproduction -DskipTests package" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
port=18080
password="bench-harbour-lantern-917"
start_app() {
  log="$data/app-$1.log"
  start=$(date +%s.%N)
  ANNALS_DATA_DIR="$data" ANNALS_ADMIN_PASSWORD="$password" SERVER_PORT=$port \
    "$java" "${java_options[@]}" -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "app exited; see $log" >&2; exit 1; }
    sleep 0.1
  done
  ready=$(echo "$(date +%s.%N) - $start" | bc)
  started=$(grep -oE 'Started AnnalsApplication in [0-9.]+' "$log" | grep -oE '[0-9.]+$')
}
java_options=("$@")
printf '%-4s %-14s %-16s %-12s %-14s %-12s\n' run first_ready_s first_started_s ready_s started_s idle_rss_mb
for run in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start_app first
  first_ready=$ready; first_started=$started
  kill $pid; wait $pid 2>/dev/null || true
  sleep 3
  start_app restart
  jar_cookies="$data/cookies"
  curl -fs -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/login" >/dev/null
  curl -fs -c "$jar_cookies" -b "$jar_cookies" -o /dev/null \
    --data-urlencode "username=admin" --data-urlencode "password=$password" "http://localhost:$port/login"
  curl -fs -c "$jar_cookies" -b "$jar_cookies" "http://localhost:$port/" >/dev/null
  sleep 20
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf '%-4s %-14.2f %-16s %-12.2f %-14s %-12d\n' "$run" "$first_ready" "$first_started" "$ready" "$started" \
    $((rss_kb / 1024))
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$data"
done
