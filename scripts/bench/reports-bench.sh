#!/usr/bin/env bash
# Benchmark of the weekly reports (issue 4), in two parts:
#  1. "single": one business with $CUSTOMERS customers and $PURCHASES purchases; the owner presses
#     "Gerar agora" over HTTP $ROUNDS times; prints the time of each build and the app's memory.
#  2. "weekly": $BUSINESSES businesses with $TOTAL_CUSTOMERS customers in all, every one due; the app's
#     own Hangfire dispatcher and workers build and email all runs to an SMTP sink on loopback;
#     prints the time from the first run created to the last run sent.
# Usage: scripts/bench/reports-bench.sh [single|weekly|both]   (defaults: both, 100000/2000000, 10000/1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
source scripts/system-packages.sh
PART="${1:-both}"
CUSTOMERS="${CUSTOMERS:-100000}"; PURCHASES="${PURCHASES:-2000000}"; ROUNDS="${ROUNDS:-3}"
BUSINESSES="${BUSINESSES:-10000}"; TOTAL_CUSTOMERS="${TOTAL_CUSTOMERS:-1000000}"
APP_PORT="${APP_PORT:-5098}"; SMTP_PORT="${SMTP_PORT:-2526}"
OUT="${BENCH_OUT:-$PWD/artifacts/bench-reports}"; mkdir -p "$OUT"
ensure_package /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf fonts-liberation
ensure_postgres
APP_PID=""; SINK_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
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
  # As in production: migrate as the owner role, the app as the app role (row-level security binds it).
  export ConnectionStrings__Migrations="$OWNER_CS"
  export ConnectionStrings__Default="$APP_CS;Maximum Pool Size=50"
  (cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
}
start_app() {
  (cd src/Reconhece.Web && exec dotnet "$APP" "$@" --urls "http://127.0.0.1:$APP_PORT") >"$OUT/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && return; sleep 1; done
  echo "The app did not start:"; tail -20 "$OUT/app.log"; exit 1
}
stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }
mem() { awk '/VmRSS|VmHWM/ {printf "%s %.0f MiB  ", $1, $2/1024}' "/proc/$APP_PID/status"; }

if [ "$PART" = single ] || [ "$PART" = both ]; then
  echo "== Part 1: one business, $CUSTOMERS customers, $PURCHASES purchases"
  fresh_db reconhece_bench_reports
  Jobs__RunServer=false start_app --seed-demo
  echo "Generating data..."
  "${PSQL[@]}" -d reconhece_bench_reports -v customers="$CUSTOMERS" -v purchases="$PURCHASES" -f scripts/bench/one-big-business.sql
  echo "  purchases: $("${PSQL[@]}" -d reconhece_bench_reports -c "SELECT count(*) FROM purchases"), customers: $("${PSQL[@]}" -d reconhece_bench_reports -c "SELECT count(*) FROM customers")"
  JAR="$OUT/cookies.txt"; rm -f "$JAR"; BASE="http://127.0.0.1:$APP_PORT"
  token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
  T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/entrar" | token_from)
  curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=dono@demo.reconhece.app" --data-urlencode "Password=demo12345" \
    --data-urlencode "__RequestVerificationToken=$T" "$BASE/entrar"
  echo "  app memory before: $(mem)"
  : >"$OUT/single.txt"
  for round in $(seq 1 "$ROUNDS"); do
    PAGE=$(curl -s -c "$JAR" -b "$JAR" "$BASE/relatorios")
    T=$(echo "$PAGE" | token_from); KEY=$(echo "$PAGE" | grep -o 'name="RequestKey" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
    secs=$(curl -s -o /dev/null -w "%{time_total}" -c "$JAR" -b "$JAR" --data-urlencode "RequestKey=$KEY" \
      --data-urlencode "__RequestVerificationToken=$T" "$BASE/relatorios/gerar")
    echo "round $round: the reports built and stored in ${secs}s; $(mem)" | tee -a "$OUT/single.txt"
  done
  "${PSQL[@]}" -d reconhece_bench_reports -c "SELECT kind, pages, pg_size_pretty(length(content)::bigint) FROM report_files WHERE run_id = (SELECT id FROM report_runs ORDER BY created_at DESC LIMIT 1) ORDER BY kind" \
    | sed 's/^/  report (kind|pages|size): /' | tee -a "$OUT/single.txt"
  grep '^round' "$OUT/single.txt" | awk '{ sub("s;", "", $9); print $9 }' | sort -n \
    | awk '{ t[n++] = $1 } END { printf "median build time over %d rounds: %.2f s\n", n, t[int((n - 1) / 2)] }' | tee -a "$OUT/single.txt"
  stop_app
fi

if [ "$PART" = weekly ] || [ "$PART" = both ]; then
  PER=$((TOTAL_CUSTOMERS / BUSINESSES))
  echo "== Part 2: $BUSINESSES businesses, $PER customers each ($TOTAL_CUSTOMERS in all), all due now"
  fresh_db reconhece_bench_weekly
  echo "Generating data..."
  "${PSQL[@]}" -d reconhece_bench_weekly -v businesses="$BUSINESSES" -v per="$PER" -f scripts/bench/weekly-businesses.sql
  # As in production, the nightly history-days job (04:15 in Brasília) has summed the closed days before the
  # weekly run (the month trend and the monthly summary read them); its own time is printed here.
  echo "nightly job before the run: $( (cd src/Reconhece.Web && dotnet "$APP" run-nightly history-days) | tail -1)" | tee "$OUT/nightly.txt"
  python3 scripts/bench/smtp-sink.py "$SMTP_PORT" "$OUT/smtp-count" & SINK_PID=$!
  : >"$OUT/smtp-count"
  start=$(date +%s.%N)
  # Each run logs where its time went (SendWeeklyReport, issue 21): summed below.
  Email__Smtp__Host=127.0.0.1 Email__Smtp__Port=$SMTP_PORT Email__Smtp__Security=None \
    start_app --Serilog:MinimumLevel:Override:Reconhece.Web.Features.Reports.SendWeeklyReport=Information
  echo "App started; its dispatcher runs every minute. Waiting for $BUSINESSES emails..."
  while :; do
    read -r sent total <<<"$("${PSQL[@]}" -d reconhece_bench_weekly -F' ' -c "SELECT count(*) FILTER (WHERE status = 2), count(*) FROM report_runs")"
    printf "\r  runs created %s, sent %s, emails at the SMTP sink %s   " "$total" "$sent" "$(cut -d' ' -f1 "$OUT/smtp-count")"
    [ "$sent" -ge "$BUSINESSES" ] && break
    sleep 5
  done
  echo
  "${PSQL[@]}" -d reconhece_bench_weekly -F' ' -c "SELECT count(*), round(extract(epoch FROM max(sent_at) - min(created_at))::numeric, 1),
      round(extract(epoch FROM max(sent_at) - min(built_at))::numeric, 1), max(attempts), count(*) FILTER (WHERE status = 3)
      FROM report_runs" | awk '{printf "weekly run: %s runs sent, %s s from the first run created to the last sent (%s s from the first built); max attempts %s; failed %s\n", $1, $2, $3, $4, $5}' | tee "$OUT/weekly.txt"
  "${PSQL[@]}" -d reconhece_bench_weekly -F' ' -c "SELECT round(extract(epoch FROM max(created_at) - min(created_at))::numeric, 1) FROM report_runs" \
    | awk '{printf "dispatch: the runs were created over %s s\n", $1}' | tee -a "$OUT/weekly.txt"
  # Per run, wall time inside the worker (workers run side by side, so these add up to more than the total).
  grep -o 'recipients in [0-9]* ms: extras [0-9]* ms, build [0-9]* ms, mail [0-9]* ms, the rest (recipients, locks, records) [0-9]* ms' "$OUT/app.log" \
    | awk '{ n++; t += $3; x += $6; b += $9; m += $12; r += $19 }
      END { if (n) printf "per run (mean of %d, in a worker): %.0f ms = extras (agenda, promotions, month trend) %.0f + build (PDFs, stored) %.0f + mail %.0f + the rest (recipients, locks, records) %.0f\n", n, t/n, x/n, b/n, m/n, r/n }' \
    | tee -a "$OUT/weekly.txt"
  read -r mails bytes <"$OUT/smtp-count"
  echo "emails accepted by the SMTP sink: $mails, $((bytes / 1024 / 1024)) MiB in all, $((bytes / mails / 1024)) KiB each on average (attachments up to Reports__AttachUpToMegabytes, links above); app $(mem); wall time since app start $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f s", e - s}')" | tee -a "$OUT/weekly.txt"
fi
echo "Results in $OUT"
