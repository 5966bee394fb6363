#!/usr/bin/env bash
# Soak run of the production jar on a fresh embedded H2 database: writes over the REST API every few
# seconds for a long time, counting every error, while the connection pool retires its connections.
#
#   docs/bench/soak.sh [minutes] [hikari max-lifetime in ms, or "default"] [port]
#   e.g. docs/bench/soak.sh 40 30000 18181     (every pooled connection replaced every ~30 s)
#        docs/bench/soak.sh 40 default 18182   (Hikari's 30 minutes: one recycle of the whole pool)
#
# Needs target/annals.jar (./mvnw -Pproduction -DskipTests package; or ANNALS_JAR=...), curl and jq.
# The jar starts once, on an empty data folder, so the Flyway migrations run in this process on a
# pooled connection (what a new installation does; a restart on the same data would not run them).
# Each cycle, as the administrator's WRITE token in the sample project: propose and submit a new
# entity (changeset + operation rows), read the changeset back, reject it with a comment (a state
# change); every 10th cycle import a small source (source, text, segments); every 20th create a
# token with the password (POST /api/v1/tokens). Any answer other than the expected status counts
# as an error and is logged with its body. Hikari's debug log counts the connections it retired.
# The summary goes to stdout and to $ANNALS_SOAK_DIR/summary.txt (default: a new temporary folder).
# Hikari refuses a max-lifetime below 30000 ms (it falls back to 30 minutes), so 30000 is the shortest.
set -euo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-35}"
lifetime="${2:-30000}"
port="${3:-18181}"
interval="${ANNALS_SOAK_INTERVAL:-3}"
jar="${ANNALS_JAR:-target/annals.jar}"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -Pproduction -DskipTests package" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="${ANNALS_SOAK_DIR:-$(mktemp -d /tmp/annals-soak.XXXXXX)}"
mkdir -p "$work"
data="$work/data"
log="$work/app.log"
errors_log="$work/errors.log"
password="soak-harbour-lantern-917"
base="http://127.0.0.1:$port"
api="$base/api/v1"

options=(-Xmx768m)
settings=(--logging.level.com.zaxxer.hikari.pool.PoolBase=debug --logging.level.com.zaxxer.hikari.pool.HikariPool=debug)
[ "$lifetime" = "default" ] || settings+=(--spring.datasource.hikari.max-lifetime="$lifetime")

ANNALS_DATA_DIR="$data" ANNALS_ADMIN_PASSWORD="$password" SERVER_PORT="$port" \
  "$java" "${options[@]}" -jar "$jar" "${settings[@]}" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
until curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "app exited; see $log" >&2; exit 1; }
  sleep 0.5
done

expires=$(date -u -d "+30 days" +%F)
new_token() {
  curl -s -o "$work/token.json" -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' \
    "$api/tokens" -d "{\"name\": \"soak $1\", \"scope\": \"WRITE\", \"expiresOn\": \"$expires\"}"
}
[ "$(new_token 0)" = 201 ] || { echo "could not create a token: $(cat "$work/token.json")" >&2; exit 1; }
token=$(jq -r .secret "$work/token.json")
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
# The sample project is imported in the background after start-up.
project=""
for _ in $(seq 1 120); do
  project=$(curl -fs "${auth[@]}" "$api/projects" | jq -r '.items[0].id // empty')
  [ -n "$project" ] && break
  sleep 1
done
[ -n "$project" ] || { echo "no sample project appeared" >&2; exit 1; }

writes=0; errors=0; cycle=0
started=$(date +%s); deadline=$((started + minutes * 60))
# expect STATUS NAME CURL-ARGS...: one request, counted as a write when it is not a GET.
expect() {
  local want=$1 name=$2; shift 2
  local got
  got=$(curl -s -o "$work/last.json" -w '%{http_code}' --max-time 30 "$@" || echo 000)
  [ "$name" = read ] || writes=$((writes + 1))
  if [ "$got" != "$want" ]; then
    errors=$((errors + 1))
    printf '%s cycle %d %s: %s (expected %s) %s\n' "$(date -u +%T)" "$cycle" "$name" "$got" "$want" \
      "$(head -c 400 "$work/last.json")" >>"$errors_log"
    return 1
  fi
}
while [ "$(date +%s)" -lt "$deadline" ]; do
  cycle=$((cycle + 1))
  body=$(jq -nc --arg n "Soak entity $cycle" '{message: ("Add " + $n), submit: true,
    operations: [{kind: "ENTITY", action: "CREATE", payload: {kind: "ORGANIZATION", name: $n}}]}')
  if expect 201 propose "${auth[@]}" "$api/projects/$project/changesets" -d "$body"; then
    changeset=$(jq -r .summary.id "$work/last.json")
    expect 200 read "${auth[@]}" "$api/changesets/$changeset" || true
    expect 200 reject "${auth[@]}" "$api/changesets/$changeset/reject" -d '{"comment": "Soak test: not needed"}' || true
  fi
  if [ $((cycle % 10)) = 0 ]; then
    body=$(jq -nc --arg t "Soak source $cycle" '{title: $t, format: "text", allowDuplicate: true,
      content: ("First paragraph of " + $t + ".\n\nSecond paragraph, written at " + (now | todate) + ".")}')
    expect 201 import "${auth[@]}" "$api/projects/$project/sources" -d "$body" || true
  fi
  if [ $((cycle % 20)) = 0 ]; then
    writes=$((writes + 1))
    status=$(new_token "$cycle")
    if [ "$status" != 201 ]; then
      errors=$((errors + 1))
      printf '%s cycle %d token: %s %s\n' "$(date -u +%T)" "$cycle" "$status" "$(head -c 400 "$work/token.json")" \
        >>"$errors_log"
    fi
  fi
  sleep "$interval"
done

elapsed=$(( $(date +%s) - started ))
retired=$(grep -c 'passed maxLifetime' "$log" || true)
added=$(grep -c 'Added connection' "$log" || true)
exceptions=$(grep -cE '^\S+ +ERROR' "$log" || true)
db_kb=$(du -k "$data/annals.mv.db" | cut -f1)
rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
{
  echo "soak: jar $jar, max-lifetime $lifetime, port $port, work folder $work"
  echo "duration_s=$elapsed cycles=$cycle writes=$writes errors=$errors"
  echo "connections_retired_by_max_lifetime=$retired connections_opened=$added error_log_lines=$exceptions"
  echo "database_file_kb=$db_kb rss_mb=$((rss_kb / 1024))"
  [ "$errors" = 0 ] || { echo "first errors:"; head -5 "$errors_log"; }
} | tee "$work/summary.txt"
[ "$errors" = 0 ]
