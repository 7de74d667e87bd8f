#!/usr/bin/env bash
# The read benchmark: requests per second, p50 and p99 of every list, detail and page of the demo market at
# 8 concurrent connections (Debian's wrk), each path's ratio to the floor GET /api/v1/me measured in the same run.
#
#   bench/reads.sh http://localhost:8080 <university's password> <regulator's password> [seconds per path]
#
# The passwords are the ones the demo prints at its first start. Target: every path at 0.5x the floor or better.
set -euo pipefail

BASE=${1:?the market, e.g. http://localhost:8080}
UNIVERSITY_PASSWORD=${2:?password of the demo user university}
REGULATOR_PASSWORD=${3:?password of the demo user regulator}
SECONDS_EACH=${4:-5}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}

for tool in wrk curl jq; do
    command -v "$tool" > /dev/null || { echo "needs $tool (apt-get install $tool)" >&2; exit 2; }
done

token() {
    curl -sf "$BASE/api/v1/tokens" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .token
}
SELLER=$(token university "$UNIVERSITY_PASSWORD")
REGULATOR=$(token regulator "$REGULATOR_PASSWORD")

get() { curl -sf "$BASE$1" -H "Authorization: Bearer $2"; }
ORG=$(get /api/v1/me "$SELLER" | jq -r .organizationId)
ASSET=$(get "/api/v1/assets?owner=$ORG&limit=1" "$SELLER" | jq -r '.items[0].id')
LISTING=$(get "/api/v1/listings?status=OPEN&limit=1" "$SELLER" | jq -r '.items[0].id')
GRANTED=$(get "/api/v1/deals?limit=20" "$SELLER" | jq -r '[.items[] | select(.status == "COMPLETED")][0].id')
GRANT_ASSET=$(get "/api/v1/deals/$GRANTED" "$SELLER" | jq -r '.grants[0].assetId')
GRANT=$(get "/api/v1/deals/$GRANTED" "$SELLER" | jq -r '.grants[0].grantId')
NEGOTIATION=$(get "/api/v1/listings?status=OPEN&mechanism=NEGOTIATION&limit=1" "$SELLER" | jq -r '.items[0].id')

# name|path|token (seller or regulator or none)
PATHS=(
    "me (floor)|/api/v1/me|seller"
    "health|/actuator/health|none"
    "front page|/|none"
    "observatory page|/observatory|none"
    "assets|/api/v1/assets?limit=20|none"
    "assets of an owner|/api/v1/assets?owner=$ORG&limit=20|none"
    "asset|/api/v1/assets/$ASSET|none"
    "listings|/api/v1/listings?limit=20|seller"
    "listing|/api/v1/listings/$LISTING|seller"
    "bids|/api/v1/listings/$LISTING/bids|seller"
    "deals|/api/v1/deals?limit=20|seller"
    "offers of a listing|/api/v1/listings/$NEGOTIATION/offers|seller"
    "deal|/api/v1/deals/$GRANTED|seller"
    "contract|/api/v1/deals/$GRANTED/contract|seller"
    "escrow|/api/v1/deals/$GRANTED/escrow|seller"
    "grants of an asset|/api/v1/assets/$GRANT_ASSET/grants|seller"
    "grant|/api/v1/grants/$GRANT|seller"
    "open licences|/api/v1/open-licences|seller"
    "organizations|/api/v1/organizations?limit=20|regulator"
    "organization|/api/v1/organizations/$ORG|seller"
    "accounts|/api/v1/accounts|seller"
    "statement|/api/v1/accounts/entries?currency=CNY&account=AVAILABLE&limit=20|seller"
    "tokens|/api/v1/tokens|seller"
    "statistics|/api/v1/statistics/deals|none"
    "log checkpoint|/api/v1/log/checkpoint|none"
    "log entry|/api/v1/log/entries/1|none"
    "audit events|/api/v1/audit/events?limit=20|regulator"
    "surveillance alerts|/api/v1/surveillance/alerts|regulator"
    "valuations of an asset|/api/v1/assets/$GRANT_ASSET/valuations|seller"
    "observatory gvc|/api/v1/observatory/gvc|none"
    "reference industries|/api/v1/reference/industries|none"
)

printf '%-24s %10s %9s %9s %7s  %s\n' path 'req/s' 'p50 ms' 'p99 ms' ratio status
floor=""
for entry in "${PATHS[@]}"; do
    IFS='|' read -r name path who <<< "$entry"
    header=()
    case "$who" in
        seller) header=(-H "Authorization: Bearer $SELLER") ;;
        regulator) header=(-H "Authorization: Bearer $REGULATOR") ;;
    esac
    status=$(curl -s -o /dev/null -w '%{http_code}' "${header[@]}" "$BASE$path")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d1s "${header[@]}" "$BASE$path" > /dev/null # warm-up
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "${header[@]}" "$BASE$path")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
    p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
    p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
    [ -z "$floor" ] && floor=$rps
    ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0; else printf "%.2f", v * 1000 }'; }
    printf '%-24s %10.1f %9s %9s %6.2fx  %s\n' "$name" "$rps" "$(ms "$p50")" "$(ms "$p99")" \
        "$(awk -v a="$rps" -v b="$floor" 'BEGIN { print a / b }')" "$status"
done
