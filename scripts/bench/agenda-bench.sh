#!/usr/bin/env bash
# Benchmark of the Ações agenda (issue 9): one business with $CUSTOMERS customers and $PURCHASES purchases
# (scripts/bench/one-big-business.sql, the reports benchmark's data). The owner opens /acoes over HTTP:
# first once (it computes every customer's rhythm, a one-time cost after the upgrade), then $ROUNDS times
# for each of the five lists. Prints the first view's time and, per list, the median and p95 over HTTP.
# Each list is requested 5 times first, unmeasured (the app's first requests compile code).
# Usage: scripts/bench/agenda-bench.sh   (defaults: 100000 customers, 2000000 purchases, 40 rounds)
#        REUSE=1 keeps the database of the previous run (no new data; the first view is then not a first).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
CUSTOMERS="${CUSTOMERS:-100000}"; PURCHASES="${PURCHASES:-2000000}"; ROUNDS="${ROUNDS:-40}"
APP_PORT="${APP_PORT:-5094}"; DB=reconhece_bench_agenda
OUT="${BENCH_OUT:-$PWD/artifacts/bench-agenda}"; mkdir -p "$OUT"
ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "${REUSE:-0}" != 1 ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  ensure_roles "$DB"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner" >/dev/null
else ensure_roles "$DB"; fi
export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000 Jobs__RunServer=false
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
APP="$PWD/src/Reconhece.Web/bin/Release/net10.0/Reconhece.Web.dll"
(cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
(cd src/Reconhece.Web && exec dotnet "$APP" --seed-demo --urls "http://127.0.0.1:$APP_PORT") >"$OUT/app.log" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 90); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done
if [ "${REUSE:-0}" != 1 ]; then
  echo "Generating $CUSTOMERS customers and about $PURCHASES purchases..."
  "${PSQL[@]}" -d "$DB" -v customers="$CUSTOMERS" -v purchases="$PURCHASES" -f scripts/bench/one-big-business.sql >/dev/null
  # Birth dates for a tenth of them, so that Aniversariantes has people in it.
  "${PSQL[@]}" -d "$DB" -c "UPDATE loyalty_programs SET collect_birth_date = true; UPDATE customers SET birth_date = DATE '1990-01-01' + (random() * 365)::int WHERE random() < 0.1" -c "VACUUM ANALYZE customers" >/dev/null
fi
echo "  purchases: $("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM purchases"), customers: $("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM customers")"

JAR="$OUT/cookies.txt"; rm -f "$JAR"
token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/entrar" | token_from)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=dono@demo.reconhece.app" --data-urlencode "Password=demo12345" \
  --data-urlencode "__RequestVerificationToken=$T" "$BASE/entrar"
first=$(curl -s -o "$OUT/first.html" -w "%{time_total}" -b "$JAR" "$BASE/acoes")
grep -q "Ações" "$OUT/first.html" || { echo "The agenda did not open"; exit 1; }
echo "first view (computes the rhythm of every customer): ${first}s" | tee "$OUT/agenda.txt"
for list in meta sumindo quase-la aniversarios novos; do
  : >"$OUT/$list.times"
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$JAR" "$BASE/acoes?lista=$list"; done
  for _ in $(seq 1 "$ROUNDS"); do
    curl -s -o "$OUT/$list.html" -w "%{time_total}\n" -b "$JAR" "$BASE/acoes?lista=$list" >>"$OUT/$list.times"
  done
  rows=$(grep -c 'action="/acoes/contato?' "$OUT/$list.html" || true)
  size=$(wc -c <"$OUT/$list.html")
  sort -n "$OUT/$list.times" | awk -v list="$list" -v rows="$rows" -v size="$size" '{ t[n++] = $1 } END {
    printf "%-13s median %4.0f ms  p95 %4.0f ms  (%d rounds; %d rows on the page, %d bytes)\n", list, 1000 * t[int((n - 1) / 2)], 1000 * t[int(n * 0.95) - 1], n, rows, size }' | tee -a "$OUT/agenda.txt"
done
"${PSQL[@]}" -d "$DB" -c "SELECT 'customers with a rhythm (3 visits or more): ' || count(*) FROM customers WHERE rhythm_visits IS NOT NULL" | tee -a "$OUT/agenda.txt"
echo "Results in $OUT"
