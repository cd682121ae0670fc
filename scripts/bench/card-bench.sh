#!/usr/bin/env bash
# Benchmark of the customer's card, /c/{token} (issue 20): one business with $CUSTOMERS customers and about
# $PURCHASES purchases (scripts/bench/one-big-business.sql). $ROUNDS different customers' cards are opened
# over HTTP, one after another, after 20 unmeasured ones; prints the median, the p95 and the page's size,
# with points expiry off and then on (the card then also reads the customer's unspent lots). Then, with
# expiry on: the cards of $LOAD_CUSTOMERS customers under concurrent load (wrk, $CONNS connections, $DURATION s),
# and the Largest Contentful Paint of a card on a 390-px phone over throttled 4G, $LCP_RUNS fresh browsers
# (scripts/bench/card-lcp.js, with the Playwright library the test project carries and Debian's Chromium).
# The tokens are made here as the app makes them (Features/Cards/CardLinks: HMAC under a key derived
# from Privacy:PhoneHashKey), so the benchmark needs no page of the team's.
# Usage: scripts/bench/card-bench.sh   (CUSTOMERS=100000 PURCHASES=2000000 ROUNDS=400 LOAD_CUSTOMERS=5000 CONNS=32 DURATION=20 LCP_RUNS=15)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
CUSTOMERS="${CUSTOMERS:-100000}"; PURCHASES="${PURCHASES:-2000000}"; ROUNDS="${ROUNDS:-400}"
LOAD_CUSTOMERS="${LOAD_CUSTOMERS:-5000}"; CONNS="${CONNS:-32}"; DURATION="${DURATION:-20}"; LCP_RUNS="${LCP_RUNS:-15}"
CHROMIUM="${RECONHECE_CHROMIUM:-/usr/bin/chromium}"
PLAYWRIGHT="${PLAYWRIGHT:-$PWD/tests/Reconhece.IntegrationTests/bin/Release/net10.0/.playwright/package}"
APP_PORT="${APP_PORT:-5096}"; DB=reconhece_bench_card
OUT="${BENCH_OUT:-$PWD/artifacts/bench-card}"; mkdir -p "$OUT"
ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
KEY="${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret}"
# The card's own limits are for the internet, not for one benchmark address.
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey="$KEY" Serilog__MinimumLevel__Default=Warning Jobs__RunServer=false \
  CardLimit__PerAddressPerMinute=1000000 CardLimit__PerTokenPerMinute=1000000
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
[ -x "$CHROMIUM" ] || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq chromium >/dev/null; }
[ -d "$PLAYWRIGHT" ] || dotnet build tests/Reconhece.IntegrationTests -c Release -v q -nologo >/dev/null
APP="$PWD/src/Reconhece.Web/bin/Release/net10.0/Reconhece.Web.dll"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
ensure_roles "$DB"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner" >/dev/null
export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
(cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
(cd src/Reconhece.Web && exec dotnet "$APP" --seed-demo --urls "http://127.0.0.1:$APP_PORT") >"$OUT/app.log" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 90); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
echo "Generating data..."
"${PSQL[@]}" -d "$DB" -v customers="$CUSTOMERS" -v purchases="$PURCHASES" -f scripts/bench/one-big-business.sql >/dev/null
# one-big-business.sql writes no ledger: the earn entries the purchases would have written, so that the
# card with expiry on reads real lots (unspent_points walks the customer's ledger).
"${PSQL[@]}" -d "$DB" -c "INSERT INTO ledger_entries (business_id, customer_id, kind, points, balance_after, at, user_id, purchase_id)
  SELECT business_id, customer_id, 0, points, 0, at, user_id, id FROM purchases" -c "VACUUM ANALYZE ledger_entries" >/dev/null
echo "purchases: $("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM purchases"), customers: $("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM customers"), ledger entries: $("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM ledger_entries")" | tee "$OUT/card.txt"
"${PSQL[@]}" -d "$DB" -c "SELECT business_id || ' ' || id || ' ' || card_generation FROM customers ORDER BY random() LIMIT $((ROUNDS + 20 + LOAD_CUSTOMERS))" >"$OUT/customers.txt"
python3 - "$KEY" "$OUT/customers.txt" >"$OUT/paths.txt" <<'PY'
import base64, hashlib, hmac, struct, sys, uuid
key = hmac.new(sys.argv[1].encode(), b"reconhece:customer-card:v1", hashlib.sha256).digest()
for line in open(sys.argv[2]):
    business, customer, generation = line.split()
    b, c = uuid.UUID(business).bytes_le, uuid.UUID(customer).bytes_le   # .NET's Guid byte order
    mac = hmac.new(key, b + c + struct.pack(">i", int(generation)), hashlib.sha256).digest()[:16]
    print("/c/" + base64.urlsafe_b64encode(c + mac).decode().rstrip("="))
PY
measure() {
  local label=$1 file="$OUT/$1.times"
  : >"$file"
  head -20 "$OUT/paths.txt" | while read -r p; do curl -s -o /dev/null "$BASE$p"; done
  head -$((ROUNDS + 20)) "$OUT/paths.txt" | tail -n +21 | while read -r p; do
    curl -s -o "$OUT/$label.html" -w "%{http_code} %{time_total}\n" "$BASE$p" >>"$file"
  done
  grep -vq '^200 ' "$file" && { echo "a card did not answer 200:"; grep -v '^200 ' "$file" | head -3; exit 1; }
  awk '{print $2}' "$file" | sort -n | awk -v label="$label" -v size="$(wc -c <"$OUT/$label.html")" '{ t[n++] = $1 } END {
    printf "%-16s median %4.1f ms  p95 %4.1f ms  (%d cards; page %d bytes)\n", label, 1000 * t[int((n - 1) / 2)], 1000 * t[int(n * 0.95) - 1], n, size }' | tee -a "$OUT/card.txt"
}
measure card-no-expiry
"${PSQL[@]}" -d "$DB" -c "UPDATE loyalty_programs SET points_expiry_months = 12" >/dev/null
measure card-expiry-12m

# Concurrent: other customers' cards than the ones above, so the database's cache is not warmed by them.
tail -n "$LOAD_CUSTOMERS" "$OUT/paths.txt" >"$OUT/load-paths.txt"
export CARD_PATHS="$OUT/load-paths.txt"
wrk -t2 -c"$CONNS" -d5s -s scripts/bench/card.lua "$BASE" >/dev/null
wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s scripts/bench/card.lua "$BASE" >"$OUT/wrk.txt"
grep -q "Non-2xx" "$OUT/wrk.txt" && { echo "some cards did not answer 200:"; cat "$OUT/wrk.txt"; exit 1; }
awk -v conns="$CONNS" -v secs="$DURATION" '/^Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = $2 } $1 == "99%" { p99 = $2 }
  END { printf "card-load        %d connections for %d s: %s req/s, p50 %s, p99 %s\n", conns, secs, rps, p50, p99 }' "$OUT/wrk.txt" | tee -a "$OUT/card.txt"

# LCP on a throttled 4G phone: fresh browsers, one card.
node scripts/bench/card-lcp.js "$PLAYWRIGHT" "$CHROMIUM" "$BASE$(head -1 "$OUT/paths.txt")" "$LCP_RUNS" >"$OUT/lcp.txt"
sort -n "$OUT/lcp.txt" | awk '{ t[n] = $1; b = $2; n++ } END {
  printf "card-lcp-4g      median %d ms  worst %d ms  (%d fresh browsers, Slow 4G and CPU/4; %d bytes over the wire)\n", t[int((n - 1) / 2)], t[n - 1], n, b }' | tee -a "$OUT/card.txt"
echo "Results in $OUT"
