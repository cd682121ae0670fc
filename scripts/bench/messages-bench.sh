#!/usr/bin/env bash
# Benchmark of the automatic messages (issue 23, docs/benchmarks.md), in two parts:
#  1. "plan": $BUSINESSES businesses with $TOTAL_CUSTOMERS customers in all (scripts/bench/weekly-businesses.sql),
#     every planned trigger on; times the daily planning of every business (run-nightly automatic-messages-plan),
#     then a second planning that finds nothing new; prints the rows planned and the share of customers.
#  2. "send": the demo business with a WhatsApp number and $MESSAGES messages due; the app sends them to a local
#     stand-in of the Cloud API (scripts/bench/fake-whatsapp.py) paced at WhatsApp:MessagesPerSecond (80 by
#     default, Meta's documented default per number); prints the messages per second as the stand-in received them.
# Usage: scripts/bench/messages-bench.sh [plan|send|both]   (defaults: both, 10000/1000000, 2000)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
source scripts/bench/whatsapp-business.sh
PART="${1:-both}"
BUSINESSES="${BUSINESSES:-10000}"; TOTAL_CUSTOMERS="${TOTAL_CUSTOMERS:-1000000}"; MESSAGES="${MESSAGES:-2000}"
APP_PORT="${APP_PORT:-5097}"; GRAPH_PORT="${GRAPH_PORT:-5197}"
OUT="${BENCH_OUT:-$PWD/artifacts/bench-messages}"; mkdir -p "$OUT"
ensure_postgres
APP_PID=""; GRAPH_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; [ -n "$GRAPH_PID" ] && kill "$GRAPH_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
APP="$PWD/src/Reconhece.Web/bin/Release/net10.0/Reconhece.Web.dll"
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000

fresh_db() {
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1
  ensure_roles "$1"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $1 OWNER reconhece_owner"
  export ConnectionStrings__Migrations="$OWNER_CS"
  export ConnectionStrings__Default="$APP_CS;Maximum Pool Size=50"
  (cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
}

if [ "$PART" = plan ] || [ "$PART" = both ]; then
  PER=$((TOTAL_CUSTOMERS / BUSINESSES))
  echo "== Part 1: planning for $BUSINESSES businesses, $PER customers each ($TOTAL_CUSTOMERS in all), every trigger on"
  fresh_db reconhece_bench_messages
  echo "Generating data..."
  "${PSQL[@]}" -d reconhece_bench_messages -v businesses="$BUSINESSES" -v per="$PER" -f scripts/bench/weekly-businesses.sql
  # As the issue sizes it: about 5% of the customers trigger a message on the day. The other 95% bought two
  # days ago, first two months ago, and are far from the goal.
  "${PSQL[@]}" -d reconhece_bench_messages -c "UPDATE businesses SET messages_enabled_triggers = 63" \
    -c "UPDATE customers SET balance = 100, eligible_since = NULL, last_purchase_at = now() - interval '2 days', first_purchase_at = now() - interval '60 days' WHERE abs(hashtext(id::text)) % 20 <> 0" \
    -c "UPDATE purchases p SET at = c.last_purchase_at FROM customers c WHERE c.business_id = p.business_id AND c.id = p.customer_id AND c.balance = 100" \
    -c "VACUUM ANALYZE"
  for round in first second; do
    line=$( (cd src/Reconhece.Web && dotnet "$APP" run-nightly automatic-messages-plan) | tail -1)
    echo "$round planning: $line" | tee -a "$OUT/plan.txt"
  done
  "${PSQL[@]}" -d reconhece_bench_messages -F' ' -c "SELECT count(*), count(DISTINCT customer_id), count(*) FILTER (WHERE status = 1),
      (SELECT count(*) FROM customers), pg_size_pretty(pg_total_relation_size('outbox_messages'))
      FROM outbox_messages" | awk '{printf "outbox: %s rows for %s customers (%.1f%% of %s), %s in the holdout; table with indexes %s %s\n", $1, $2, 100 * $2 / $4, $4, $3, $5, $6}' \
    | tee -a "$OUT/plan.txt"
  "${PSQL[@]}" -d reconhece_bench_messages -F' ' -c "SELECT trigger, count(*) FROM outbox_messages GROUP BY trigger ORDER BY trigger" \
    | awk '{printf "  trigger %s: %s\n", $1, $2}' | tee -a "$OUT/plan.txt"
fi

if [ "$PART" = send ] || [ "$PART" = both ]; then
  echo "== Part 2: sending $MESSAGES messages by WhatsApp to the local stand-in, paced at ${WhatsApp__MessagesPerSecond:-80} per second"
  fresh_db reconhece_bench_send
  : >"$OUT/graph.log"
  python3 scripts/bench/fake-whatsapp.py "$GRAPH_PORT" "$OUT/graph.log" & GRAPH_PID=$!
  (cd src/Reconhece.Web && Jobs__RunServer=false exec dotnet "$APP" --seed-demo --urls "http://127.0.0.1:$APP_PORT") >"$OUT/app.log" 2>&1 & APP_PID=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && break; sleep 1; done
  whatsapp_business reconhece_bench_send "$MESSAGES"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
  line=$( (cd src/Reconhece.Web && WhatsApp__GraphUrl="http://127.0.0.1:$GRAPH_PORT" dotnet "$APP" run-nightly automatic-messages) | tail -1)
  echo "send job: $line" | tee "$OUT/send.txt"
  awk -F'\t' 'NR == 1 { first = $1 } { last = $1; n++ } END { if (n > 1) printf "the stand-in received %d messages in %.1f s: %.1f per second\n", n, last - first, (n - 1) / (last - first) }' "$OUT/graph.log" | tee -a "$OUT/send.txt"
  "${PSQL[@]}" -d reconhece_bench_send -F' ' -c "SELECT status, count(*) FROM outbox_messages GROUP BY status ORDER BY status" \
    | awk '{printf "  outbox status %s: %s\n", $1, $2}' | tee -a "$OUT/send.txt"
fi
echo "Results in $OUT"
