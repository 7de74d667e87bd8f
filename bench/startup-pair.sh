#!/usr/bin/env bash
# Two start-up benchmarks side by side: bench/startup.sh for a "before" and an "after" configuration, started at the
# same moment on ports of their own, so that both see the same load on a machine others share; then the ratios
# after/before of their seconds and CPU seconds to healthy, first and second start.
#
#   BEFORE_OPTS='' AFTER_OPTS='-XX:...' bench/startup-pair.sh before.jar after.jar [burst seconds]
#
# BEFORE_OPTS and AFTER_OPTS are the JVM options of each (startup.sh's JAVA_OPTS); the two jars may be the same.
set -euo pipefail

BEFORE_JAR=$1
AFTER_JAR=$2
BURST_SECONDS=${3:-1}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp -d /tmp/techmarket-startup-pair.XXXXXX)

JAVA_OPTS=${BEFORE_OPTS:-} PORT=18481 "$HERE/startup.sh" "$BEFORE_JAR" "$BURST_SECONDS" > "$OUT/before.txt" 2>&1 &
before=$!
JAVA_OPTS=${AFTER_OPTS:-} PORT=18482 "$HERE/startup.sh" "$AFTER_JAR" "$BURST_SECONDS" > "$OUT/after.txt" 2>&1 &
after=$!
wait "$before" "$after" || true

echo "== before: $BEFORE_JAR ${BEFORE_OPTS:-}"
cat "$OUT/before.txt"
echo "== after: $AFTER_JAR ${AFTER_OPTS:-}"
cat "$OUT/after.txt"

# "first start: healthy in 22.20 s, 31.6 s of CPU (...)": the wall and the CPU seconds of one start.
figure() { sed -n "s/^$2 start: healthy in \([0-9.]*\) s, \([0-9.]*\) s of CPU.*/\1 \2/p" "$OUT/$1.txt"; }
for start in first second; do
    read -r wall_before cpu_before <<< "$(figure before "$start")" || true
    read -r wall_after cpu_after <<< "$(figure after "$start")" || true
    if [ -n "${cpu_before:-}" ] && [ -n "${cpu_after:-}" ]; then
        printf '%s start, after/before: %.2f of the seconds, %.2f of the CPU seconds\n' "$start" \
            "$(echo "$wall_after / $wall_before" | bc -l)" "$(echo "$cpu_after / $cpu_before" | bc -l)"
    fi
done
