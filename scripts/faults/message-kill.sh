#!/usr/bin/env bash
# Fault: the instance sending the automatic messages is killed with kill -9, again and again, in the middle of
# a batch (issue 23, decision 009, docs/reliability.md). The demo business has a WhatsApp number and $MESSAGES
# customers with a message due; the app sends them to a local stand-in of the Cloud API
# (scripts/bench/fake-whatsapp.py), which logs every message it accepts. Each round starts the job
# (run-nightly automatic-messages), waits until messages are arriving, kills it 0–1 s later, $KILLS times; then
# one run finishes the rest, and one more run, an hour later as far as the rows know, marks what a kill left
# "enviando" as "incerto" and plans again, and sends, what a kill left claimed but never called. The verdict:
# no customer got a message twice, no message marked sent that did not arrive, nothing left behind, every
# uncertain message listed.
# Each kill also leaves the rest of its batch (up to 49) claimed until the lease ends, so the messages must
# outlast the kills: 100 kills need about 10,000.
# Usage: scripts/faults/message-kill.sh [short|full]   short: 5 kills, 500 messages; full: 100 kills, 10,000.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE="${1:-full}"
if [ "$MODE" = short ]; then KILLS="${KILLS:-5}"; MESSAGES="${MESSAGES:-500}"
else KILLS="${KILLS:-100}"; MESSAGES="${MESSAGES:-10000}"; fi
source scripts/postgres.sh
source scripts/bench/whatsapp-business.sh
APP_PORT="${APP_PORT:-5096}"; GRAPH_PORT="${GRAPH_PORT:-5196}"; DB=reconhece_fault_messages
OUT="${FAULT_OUT:-$PWD/artifacts/fault-message-kill}"; mkdir -p "$OUT"; : >"$OUT/message-graph.log"
ensure_postgres
APP_PID=""; GRAPH_PID=""; JOB_PID=""
cleanup() { for p in "$APP_PID" "$GRAPH_PID" "$JOB_PID"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
APP="$PWD/src/Reconhece.Web/bin/Release/net10.0/Reconhece.Web.dll"
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
ensure_roles "$DB"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner"
export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
(cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
(cd src/Reconhece.Web && Jobs__RunServer=false exec dotnet "$APP" --seed-demo --urls "http://127.0.0.1:$APP_PORT") >"$OUT/message-app.log" 2>&1 & APP_PID=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && break; sleep 1; done
whatsapp_business "$DB" "$MESSAGES"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
python3 scripts/bench/fake-whatsapp.py "$GRAPH_PORT" "$OUT/message-graph.log" & GRAPH_PID=$!
export WhatsApp__GraphUrl="http://127.0.0.1:$GRAPH_PORT"
run_job() { (cd src/Reconhece.Web && exec dotnet "$APP" run-nightly automatic-messages) >>"$OUT/message-jobs.log" 2>&1; }

kills=0
echo "Killing the sending instance $KILLS times in the middle of a batch..."
while [ "$kills" -lt "$KILLS" ]; do
  before=$(wc -l <"$OUT/message-graph.log")
  # The subshell execs dotnet, so JOB_PID is the app's own process.
  (cd src/Reconhece.Web && exec dotnet "$APP" run-nightly automatic-messages) >>"$OUT/message-jobs.log" 2>&1 & JOB_PID=$!
  # Until messages are arriving (the job is past start-up and planning), then 0–1 s more.
  for _ in $(seq 1 300); do [ "$(wc -l <"$OUT/message-graph.log")" -gt "$before" ] && break; kill -0 "$JOB_PID" 2>/dev/null || break; sleep 0.05; done
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.0, 1.0), 2))')"
  if ! kill -0 "$JOB_PID" 2>/dev/null; then wait "$JOB_PID" || true; JOB_PID=""; echo; echo "The job ended before the kill: nothing left to send?"; break; fi
  kill -9 "$JOB_PID"; wait "$JOB_PID" 2>/dev/null || true; JOB_PID=""
  kills=$((kills + 1))
  printf "\r  kills %s, messages at the stand-in %s   " "$kills" "$(wc -l <"$OUT/message-graph.log")"
done
echo
echo "One run to finish, then one an hour later (as the rows see it): what the kills left 'enviando' becomes 'incerto', what they left claimed is planned again and sent..."
run_job
"${PSQL[@]}" -d "$DB" -c "UPDATE outbox_messages SET sending_at = sending_at - interval '61 minutes' WHERE status IN (2, 8)"
run_job

"${PSQL[@]}" -d "$DB" <<SQL >"$OUT/message-verdict.txt"
CREATE TEMP TABLE received (at double precision, phone text, wamid text);
\copy received FROM '$OUT/message-graph.log'
CREATE TEMP TABLE rows AS SELECT o.id, o.status, o.provider_id, ltrim(c.phone, '+') AS phone FROM outbox_messages o JOIN customers c ON c.id = o.customer_id;
SELECT format('fault message-kill ($MODE): kill -9 of the sending instance $kills times, $MESSAGES messages'),
       format('received by the stand-in: %s messages for %s customers; customers who got a message twice: %s',
              (SELECT count(*) FROM received), (SELECT count(DISTINCT phone) FROM received),
              (SELECT count(*) FROM (SELECT phone FROM received GROUP BY phone HAVING count(*) > 1) d)),
       format('outbox: sent %s, uncertain %s, still planned %s, still claimed %s, still sending %s, failed %s',
              count(*) FILTER (WHERE status = 3), count(*) FILTER (WHERE status = 4), count(*) FILTER (WHERE status = 0),
              count(*) FILTER (WHERE status = 8), count(*) FILTER (WHERE status = 2), count(*) FILTER (WHERE status = 7)),
       format('marked sent but never received: %s; sent whose id is not the one received: %s',
              (SELECT count(*) FROM rows r WHERE r.status = 3 AND NOT EXISTS (SELECT 1 FROM received x WHERE x.phone = r.phone)),
              (SELECT count(*) FROM rows r WHERE r.status = 3 AND NOT EXISTS (SELECT 1 FROM received x WHERE x.wamid = r.provider_id))),
       format('uncertain: %s received by the stand-in (the kill fell between its answer and our record), %s never sent (the kill fell before the call)',
              (SELECT count(*) FROM rows r WHERE r.status = 4 AND EXISTS (SELECT 1 FROM received x WHERE x.phone = r.phone)),
              (SELECT count(*) FROM rows r WHERE r.status = 4 AND NOT EXISTS (SELECT 1 FROM received x WHERE x.phone = r.phone)))
FROM rows;
SQL
tr '|' '\n' <"$OUT/message-verdict.txt" | tee "$OUT/message-verdict.lines.txt"
"${PSQL[@]}" -d "$DB" -c "SELECT o.id, c.phone FROM outbox_messages o JOIN customers c ON c.id = o.customer_id WHERE o.status = 4 ORDER BY c.phone" >"$OUT/message-uncertain.txt"
echo "The uncertain messages, listed for the owner: $OUT/message-uncertain.txt ($(wc -l <"$OUT/message-uncertain.txt"))"
grep -q "got a message twice: 0" "$OUT/message-verdict.lines.txt" && grep -q "marked sent but never received: 0; sent whose id is not the one received: 0" "$OUT/message-verdict.lines.txt" \
  && grep -q "still planned 0, still claimed 0, still sending 0" "$OUT/message-verdict.lines.txt" || { echo "FAILED"; exit 1; }
echo "PASSED"
