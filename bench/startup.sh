#!/usr/bin/env bash
# The start-up benchmark: seconds from the process's start to GET /actuator/health UP with the demo market, on a fresh
# data directory (initdb, migrations, the demo) and again on the same directory (a second start), with the heap used
# after each start and after a short burst of page requests. Each figure is printed with the machine's load average.
# The demo's participants trade once the market is ready; the first start also prints when health's demo component
# says they are done, and the CPU seconds used by then.
#
#   ./mvnw -q -o package -DskipTests && bench/startup.sh [jar] [burst seconds]
#
# JAVA_OPTS are passed to the server; with JFR_DIR set, each start is recorded there (first.jfr, second.jfr) with JFR's
# profile settings. With START=techmarket the server is started by the README's command, ./techmarket, on the jar given
# (unpacked into a directory of its own under /tmp that later runs reuse, so the class-data archive its first run
# records at exit is mapped by the next ones; ADR 0076). Besides the server's CPU seconds it prints the embedded
# PostgreSQL's (its postmaster and backends run as processes of their own, outside the server's figure).
# Needs curl, jq and bc; the burst uses Debian's wrk (apt-get install wrk) and is skipped without it.
set -euo pipefail

JAR=${1:-$(ls target/techmarket-*.jar | grep -v -e sources -e original | head -1)}
BURST_SECONDS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${PORT:-18480}
DATA=$(mktemp -d /tmp/techmarket-startup.XXXXXX)
BASE="http://localhost:$PORT"
SERVER=

for tool in curl jq java bc; do
    command -v "$tool" > /dev/null || { echo "needs $tool" >&2; exit 2; }
done

stop() {
    if [ -n "$SERVER" ] && kill -0 "$SERVER" 2> /dev/null; then
        kill "$SERVER"
        wait "$SERVER" 2> /dev/null || true
    fi
    SERVER=
}
trap 'stop; rm -rf "$DATA"' EXIT

load() { cut -d' ' -f1 /proc/loadavg; }

# Starts the server on $DATA and sets SECONDS_TO_HEALTHY to the seconds from its start until health is UP, and
# CPU_TO_HEALTHY to the CPU seconds the server (with initdb, which it waits for) had used by then: on a machine others
# load too, wall time follows their load, CPU time much less.
start() {
    local log=$1 recording=${JFR_DIR:+-XX:StartFlightRecording=filename=$JFR_DIR/$2.jfr,settings=profile}
    BEGIN=$(date +%s%N)
    if [ "${START:-jar}" = techmarket ]; then
        # The script execs java, so $! is the server's process.
        TECHMARKET_JAR=$(realpath "$JAR") TECHMARKET_APP_DIR=/tmp/techmarket-startup-app.$(realpath "$JAR" | md5sum | cut -c1-8) \
            TECHMARKET_DATA_DIR=$DATA SERVER_PORT=$PORT JAVA_OPTS="${JAVA_OPTS:-} $recording" \
            "$HERE/../techmarket" > "$log" 2>&1 &
    else
        # shellcheck disable=SC2086
        TECHMARKET_DATA_DIR=$DATA SERVER_PORT=$PORT java ${JAVA_OPTS:-} $recording -jar "$JAR" > "$log" 2>&1 &
    fi
    SERVER=$!
    until [ "$(curl -s "$BASE/actuator/health" | jq -r .status 2> /dev/null)" = UP ]; do
        kill -0 "$SERVER" 2> /dev/null || { echo "the server stopped; see $log" >&2; exit 1; }
        sleep 0.05
    done
    SECONDS_TO_HEALTHY=$(echo "scale=2; ($(date +%s%N) - $BEGIN) / 1000000000" | bc)
    CPU_TO_HEALTHY=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$SERVER/stat")
    DB_CPU_TO_HEALTHY=$(database_cpu)
}

# The embedded PostgreSQL's CPU seconds: its postmaster with the backends it has reaped, and those still running.
database_cpu() {
    local postmaster
    postmaster=$(head -1 "$DATA/postgres/postmaster.pid" 2> /dev/null) || { echo 0; return; }
    { cat "/proc/$postmaster/stat"; for backend in $(pgrep -P "$postmaster"); do cat "/proc/$backend/stat" 2> /dev/null; done; } \
        | awk -v hz="$(getconf CLK_TCK)" -v pm="$postmaster" \
            '{ s += $14 + $15; if ($1 == pm) s += $16 + $17 } END { printf "%.1f", s / hz }'
}

# Seconds from the start's beginning to the first line of its log that matches $2 ("-" when none does).
at() {
    local stamp
    stamp=$(grep -m1 -e "$2" "$1" | cut -c1-24)
    if [ -z "$stamp" ]; then
        echo -
        return
    fi
    echo "scale=1; ($(date -d "$stamp" +%s%N) - $BEGIN) / 1000000000" | bc
}

# Where a start's time went, from its log: when the data directory had a cluster (initdb, or a copy of the machine's
# template), PostgreSQL was up, the migrations were applied or found current, Spring had started (the context built,
# the server listening) and the demo was loaded (after that; health is UP once it is).
spans() {
    printf '  log: cluster made +%s s, PostgreSQL up +%s s, migrations +%s s, started +%s s, demo loaded +%s s\n' \
        "$(at "$1" 'initdb completed\|Copied the PostgreSQL cluster template')" \
        "$(at "$1" 'Embedded PostgreSQL on port')" \
        "$(at "$1" 'Successfully applied\|is up to date. No migration necessary')" \
        "$(at "$1" 'Started TechmarketApplication')" \
        "$(at "$1" 'demo.DemoLoader ')"
}

heap_mb() {
    curl -sf "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" -H "Authorization: Bearer $TOKEN" \
        | jq '.measurements[0].value / 1048576 | floor'
}

# The heap still in use after a full collection: what the market holds, not what it has yet to collect.
live_heap_mb() {
    jcmd "$SERVER" GC.run > /dev/null 2>&1 || true
    heap_mb
}

burst() {
    if ! command -v wrk > /dev/null; then
        echo "(no wrk: no burst)"
        return
    fi
    local path
    for path in / "/search?q=robot" /needs /challenges /observatory; do
        wrk -t2 -c8 -d"$BURST_SECONDS"s --timeout 10s "$BASE$path" | awk -v p="$path" '/Requests\/sec/ {printf "  burst %-16s %8s requests/s\n", p, $2}'
    done
}

# The seconds and CPU seconds from the first start's beginning until health's demo component no longer says the demo is
# trading (at once for a market whose health has no such component).
demo_traded() {
    local trading
    while true; do
        trading=$(curl -s "$BASE/actuator/health" -H "Authorization: Bearer $TOKEN" | jq -r '.components.demo.details.trading // "done"')
        [ "$trading" != "in progress" ] && break
        sleep 0.1
    done
    printf 'first start: demo trading %s after %s s, %s s of CPU\n' "$trading" \
        "$(echo "scale=2; ($(date +%s%N) - $BEGIN) / 1000000000" | bc)" \
        "$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15 + $16 + $17) / hz }' "/proc/$SERVER/stat")"
}

report() {
    local which=$1 loadavg=$2
    printf '%s start: healthy in %s s, %s s of CPU (load %s), PostgreSQL %s s of CPU; heap used %s MB, live after a collection %s MB\n' \
        "$which" "$SECONDS_TO_HEALTHY" "$CPU_TO_HEALTHY" "$loadavg" "$DB_CPU_TO_HEALTHY" "$(heap_mb)" "$(live_heap_mb)"
}

FIRST_LOG=$DATA.first.log
load_before=$(load)
start "$FIRST_LOG" first
password=$(sed -n 's/^ *regulator  *\([^ ]*\)$/\1/p' "$FIRST_LOG" | head -1)
TOKEN=$(curl -sf "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"username\":\"regulator\",\"password\":\"$password\"}" | jq -r .token)
report first "$load_before"
spans "$FIRST_LOG"
demo_traded
burst
printf 'under load: heap used %s MB (load %s)\n' "$(heap_mb)" "$(load)"
stop

load_before=$(load)
start "$DATA.second.log" second
TOKEN=$(curl -sf "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"username\":\"regulator\",\"password\":\"$password\"}" | jq -r .token)
report second "$load_before"
spans "$DATA.second.log"
stop
echo "logs: $FIRST_LOG $DATA.second.log"
