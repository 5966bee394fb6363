#!/usr/bin/env bash
# Crash test of the production jar on the embedded H2 database: is every write that the API answered
# still there after the process is killed with SIGKILL (kill -9) at a random moment?
#
#   docs/bench/crash.sh [trials] [port]
#   e.g. docs/bench/crash.sh 50 18183
#   ANNALS_CRASH_WRITE_DELAY=500 docs/bench/crash.sh 10 18184   # H2's default write delay, for comparison
#   ANNALS_CRASH_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=/tmp/a.jsa"
#     makes the many restarts cheaper on a busy machine (the latencies are then not comparable to other runs)
#
# Needs target/annals.jar (./mvnw -Pproduction -DskipTests package; or ANNALS_JAR=...), curl and jq.
# The jar starts on an empty data folder with the shipped database URL (config/application.yaml),
# or with WRITE_DELAY=$ANNALS_CRASH_WRITE_DELAY to compare. Each trial: a writer sends writes one
# after the other as the administrator's WRITE token in the sample project (propose and submit a new
# entity; reject it with a comment: two writes each), and notes a write only once its answer (201
# or 200) has arrived; 1-6 s (at random) after the first answered write the app is killed with
# SIGKILL, restarted on the same data folder, and every noted write is read back (the changeset
# exists; a noted rejection is REJECTED). The answer times of the noted writes give the write latency (p50, p95, mean).
# The summary goes to stdout and to $ANNALS_CRASH_DIR/summary.txt (default: a new temporary folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
trials="${1:-50}"
port="${2:-18183}"
jar="${ANNALS_JAR:-target/annals.jar}"
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -Pproduction -DskipTests package" >&2; exit 1; }
command -v jq >/dev/null || { echo "needs jq (apt-get install jq)" >&2; exit 1; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work="${ANNALS_CRASH_DIR:-$(mktemp -d /tmp/annals-crash.XXXXXX)}"
mkdir -p "$work"
data="$work/data"
password="crash-harbour-lantern-917"
base="http://127.0.0.1:$port"
api="$base/api/v1"
settings=(--annals.api.rate-limit.requests-per-minute=1000000)
if [ -n "${ANNALS_CRASH_WRITE_DELAY:-}" ]; then
  settings+=(--spring.datasource.url="jdbc:h2:file:$data/annals;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=$ANNALS_CRASH_WRITE_DELAY")
fi

pid=""
start_app() {
  ANNALS_DATA_DIR="$data" ANNALS_ADMIN_PASSWORD="$password" SERVER_PORT="$port" \
    "$java" -Xmx768m ${ANNALS_CRASH_JAVA_OPTS:-} -jar "$jar" "${settings[@]}" >>"$work/app.log" 2>&1 &
  pid=$!
  until curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "app exited; see $work/app.log" >&2; exit 1; }
    sleep 0.2
  done
}
trap '[ -z "$pid" ] || kill -9 "$pid" 2>/dev/null || true' EXIT

start_app
expires=$(date -u -d "+30 days" +%F)
token=$(curl -fs -u "admin:$password" -H 'Content-Type: application/json' "$api/tokens" \
  -d "{\"name\": \"crash test\", \"scope\": \"WRITE\", \"expiresOn\": \"$expires\"}" | jq -r .secret)
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
project=""
for _ in $(seq 1 300); do
  project=$(curl -fs "${auth[@]}" "$api/projects" | jq -r '.items[0].id // empty')
  [ -n "$project" ] && break
  sleep 1
done
[ -n "$project" ] || { echo "no sample project appeared" >&2; exit 1; }

# writer TRIAL: writes until the server is gone; "P id" / "R id" and "latency s" lines once answered.
writer() {
  local trial=$1 n=0 out code time body id
  while :; do
    n=$((n + 1))
    body=$(jq -nc --arg n "Crash $trial.$n" '{message: ("Add " + $n), submit: true,
      operations: [{kind: "ENTITY", action: "CREATE", payload: {kind: "PLACE", name: $n}}]}')
    out=$(curl -s -o "$work/w.json" -w '%{http_code} %{time_total}' --max-time 20 "${auth[@]}" \
      "$api/projects/$project/changesets" -d "$body") || return 0
    read -r code time <<<"$out"
    [ "$code" = 201 ] || return 0
    id=$(jq -r .summary.id "$work/w.json")
    echo "P $id"; echo "latency $time"
    out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 20 "${auth[@]}" \
      "$api/changesets/$id/reject" -d '{"comment": "Crash test"}') || return 0
    read -r code time <<<"$out"
    [ "$code" = 200 ] || return 0
    echo "R $id"; echo "latency $time"
  done
}

acked=0; lost=0; : >"$work/latencies"
for trial in $(seq 1 "$trials"); do
  writer "$trial" >"$work/trial-$trial.log" 2>/dev/null &
  writer_pid=$!
  # The random moment counts from the first answered write, so that every trial has some (bounded wait).
  for _ in $(seq 1 600); do grep -q '^P ' "$work/trial-$trial.log" && break; sleep 0.1; done
  sleep "$(awk -v s="$RANDOM" 'BEGIN { srand(s); printf "%.2f", 1 + rand() * 5 }')"
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  wait "$writer_pid" 2>/dev/null || true
  start_app
  trial_acked=0; trial_lost=0
  while read -r kind id; do
    trial_acked=$((trial_acked + 1))
    state=$(curl -s "${auth[@]}" "$api/changesets/$id" | jq -r '.summary.state // "MISSING"')
    case "$kind:$state" in
      P:MISSING | R:MISSING | R:SUBMITTED) missing=yes ;;
      *) missing=no ;;
    esac
    if [ "$missing" = yes ]; then
      trial_lost=$((trial_lost + 1))
      echo "trial $trial: $kind $id is $state after the restart" >>"$work/lost.log"
    fi
  done < <(grep -E '^[PR] ' "$work/trial-$trial.log")
  grep '^latency ' "$work/trial-$trial.log" | cut -d' ' -f2 >>"$work/latencies"
  acked=$((acked + trial_acked)); lost=$((lost + trial_lost))
  echo "trial $trial: $trial_acked acknowledged writes, $trial_lost lost"
done

stats=$(sort -n "$work/latencies" | awk '{ v[NR] = $1; s += $1 } END {
  if (NR == 0) { print "n=0"; exit }
  i95 = int(NR * 0.95) + 1; if (i95 > NR) i95 = NR
  printf "n=%d p50_ms=%.1f p95_ms=%.1f mean_ms=%.1f", NR, v[int(NR * 0.5) + 1] * 1000, v[i95] * 1000, s / NR * 1000 }')
{
  echo "crash: jar $jar, write delay ${ANNALS_CRASH_WRITE_DELAY:-as shipped}, work folder $work"
  echo "trials=$trials acknowledged_writes=$acked lost=$lost"
  echo "write latency (answered writes): $stats"
  [ "$lost" = 0 ] || { echo "first losses:"; head -5 "$work/lost.log"; }
} | tee "$work/summary.txt"
[ "$lost" = 0 ]
