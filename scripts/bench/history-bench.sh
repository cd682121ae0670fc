#!/usr/bin/env bash
# Benchmark of Histórico and the RFV job (issue 12), in two parts:
#  1. "page": one business with $CUSTOMERS customers and $PURCHASES purchases over 400 days
#     (scripts/bench/one-big-business.sql). The owner opens Painel → Histórico by month and by week, and
#     Clientes → Segmentos, over HTTP, $ROUNDS times each after 5 unmeasured requests; prints the median,
#     the p95 and the page's size. The first view of Histórico sums a year of closed days (what the nightly
#     job does for every business) and is timed on its own.
#  2. "rfv": $BUSINESSES businesses with $TOTAL_CUSTOMERS customers in all (scripts/bench/weekly-businesses.sql).
#     Runs the nightly job (`Reconhece.Web recompute-segments`, the same code Hangfire runs) three times:
#     the first scores everyone, the second finds nothing to change, the third is a month's first run
#     (every buyer keeps last month's segment). Then the other nightly jobs at the same scale (issue 21),
#     each twice: history-days (Histórico's stored days) and points-expiry (with a 12-month expiry set).
# Usage: scripts/bench/history-bench.sh [page|rfv|both]   (defaults: both, 100000/2000000, 40 rounds, 10000/1000000)
#        REUSE=1 keeps the page part's database of the previous run (migrated, no new data; its stored days are forgotten).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
PART="${1:-both}"
CUSTOMERS="${CUSTOMERS:-100000}"; PURCHASES="${PURCHASES:-2000000}"; ROUNDS="${ROUNDS:-40}"
BUSINESSES="${BUSINESSES:-10000}"; TOTAL_CUSTOMERS="${TOTAL_CUSTOMERS:-1000000}"
APP_PORT="${APP_PORT:-5097}"
OUT="${BENCH_OUT:-$PWD/artifacts/bench-history}"; mkdir -p "$OUT"
ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000 Jobs__RunServer=false
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
APP="$PWD/src/Reconhece.Web/bin/Release/net10.0/Reconhece.Web.dll"

fresh_db() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1
  ensure_roles "$1"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $1 OWNER reconhece_owner" >/dev/null
  # As in production: migrate as the owner role, the app as the app role (row-level security binds it).
  export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
  (cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
}

# One URL, $ROUNDS measured requests: "label median p95 bytes".
measure() {
  local label=$1 url=$2 file="$OUT/$1.times"
  : >"$file"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$JAR" "$BASE$url"; done
  for _ in $(seq 1 "$ROUNDS"); do curl -s -o "$OUT/$label.html" -w "%{time_total}\n" -b "$JAR" "$BASE$url" >>"$file"; done
  grep -q "$3" "$OUT/$label.html" || { echo "$url did not show \"$3\""; exit 1; }
  sort -n "$file" | awk -v label="$label" -v size="$(wc -c <"$OUT/$label.html")" '{ t[n++] = $1 } END {
    printf "%-22s median %4.0f ms  p95 %4.0f ms  (%d rounds; page %d bytes)\n", label, 1000 * t[int((n - 1) / 2)], 1000 * t[int(n * 0.95) - 1], n, size }' | tee -a "$OUT/history.txt"
}

if [ "$PART" = page ] || [ "$PART" = both ]; then
  echo "== Part 1: one business, $CUSTOMERS customers, about $PURCHASES purchases"
  if [ "${REUSE:-0}" = 1 ]; then
    ensure_roles reconhece_bench_history
    export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
    (cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
    "${PSQL[@]}" -d reconhece_bench_history -c "DELETE FROM history_days; UPDATE businesses SET history_from = NULL, history_through = NULL" >/dev/null
  else fresh_db reconhece_bench_history; fi
  (cd src/Reconhece.Web && exec dotnet "$APP" --seed-demo --urls "http://127.0.0.1:$APP_PORT") >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  BASE="http://127.0.0.1:$APP_PORT"
  for _ in $(seq 1 90); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
  [ "${REUSE:-0}" = 1 ] || { echo "Generating data..."
  "${PSQL[@]}" -d reconhece_bench_history -v customers="$CUSTOMERS" -v purchases="$PURCHASES" -f scripts/bench/one-big-business.sql >/dev/null; }
  echo "  purchases: $("${PSQL[@]}" -d reconhece_bench_history -c "SELECT count(*) FROM purchases"), customers: $("${PSQL[@]}" -d reconhece_bench_history -c "SELECT count(*) FROM customers")" | tee "$OUT/history.txt"
  JAR="$OUT/cookies.txt"; rm -f "$JAR"
  token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
  T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/entrar" | token_from)
  curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=dono@demo.reconhece.app" --data-urlencode "Password=demo12345" \
    --data-urlencode "__RequestVerificationToken=$T" "$BASE/entrar"
  first=$(curl -s -o /dev/null -w "%{time_total}" -b "$JAR" "$BASE/painel/historico")
  echo "historico, first view (sums $("${PSQL[@]}" -d reconhece_bench_history -c "SELECT count(*) FROM history_days") stored days): $(awk -v s="$first" 'BEGIN {printf "%.1f s", s}')" | tee -a "$OUT/history.txt"
  measure historico-mes "/painel/historico" "Histórico"
  measure historico-semana "/painel/historico?por=semana" "Histórico"
  # The first view of Segmentos scores the business (a one-time cost, timed on its own).
  first=$(curl -s -o /dev/null -w "%{time_total}" -b "$JAR" "$BASE/clientes/segmentos")
  echo "segmentos, first view (scores $CUSTOMERS customers): $(awk -v s="$first" 'BEGIN {printf "%.0f ms", 1000 * s}')" | tee -a "$OUT/history.txt"
  measure segmentos "/clientes/segmentos" "Segmentos"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
fi

if [ "$PART" = rfv ] || [ "$PART" = both ]; then
  PER=$((TOTAL_CUSTOMERS / BUSINESSES))
  echo "== Part 2: the nightly RFV job, $BUSINESSES businesses, $PER customers each ($TOTAL_CUSTOMERS in all)"
  fresh_db reconhece_bench_rfv
  echo "Generating data..."
  "${PSQL[@]}" -d reconhece_bench_rfv -v businesses="$BUSINESSES" -v per="$PER" -f scripts/bench/weekly-businesses.sql >/dev/null
  run_job() { (cd src/Reconhece.Web && dotnet "$APP" recompute-segments) | tail -1; }
  echo "first run (scores everyone): $(run_job)" | tee "$OUT/rfv.txt"
  echo "second run (nothing changed): $(run_job)" | tee -a "$OUT/rfv.txt"
  # As if a month had passed since: the month's first run keeps every buyer's previous segment.
  "${PSQL[@]}" -d reconhece_bench_rfv -c "UPDATE customers SET segment_month = segment_month - interval '1 month' WHERE segment_month IS NOT NULL" -c "VACUUM ANALYZE customers" >/dev/null
  echo "a month's first run: $(run_job)" | tee -a "$OUT/rfv.txt"
  echo "  segments: $("${PSQL[@]}" -d reconhece_bench_rfv -c "SELECT string_agg(segment || ':' || n, ' ' ORDER BY segment) FROM (SELECT segment, count(*) n FROM customers GROUP BY segment) s")" | tee -a "$OUT/rfv.txt"
  # Issue 21: the other nightly jobs at the same scale, as Hangfire runs them (Reconhece.Web run-nightly NAME).
  nightly() { (cd src/Reconhece.Web && dotnet "$APP" run-nightly "$1") | tail -1; }
  echo "history-days, first night (sums every closed day of the last 12 months): $(nightly history-days)" | tee -a "$OUT/rfv.txt"
  echo "history-days, next night (nothing new): $(nightly history-days)" | tee -a "$OUT/rfv.txt"
  # Every business expires points after 12 months (switched on long ago), so the job has the oldest points to expire.
  "${PSQL[@]}" -d reconhece_bench_rfv -c "UPDATE loyalty_programs SET points_expiry_months = 12, points_expiry_since = now() - interval '5 years'" >/dev/null
  echo "points-expiry (12 months, every business): $(nightly points-expiry)" | tee -a "$OUT/rfv.txt"
  echo "points-expiry again (nothing new): $(nightly points-expiry)" | tee -a "$OUT/rfv.txt"
fi
echo "Results in $OUT"
