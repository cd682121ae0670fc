#!/usr/bin/env bash
# Fault: PostgreSQL restarts under purchase load (issue 8, docs/reliability.md).
# Clients register purchases over HTTP for a few hundred customers, with random double submits; the
# cluster is restarted in the middle (pg_ctl restart -m fast). Then it checks: every purchase a client
# saw acknowledged is stored, none twice; every balance equals its ledger sum; answers during the outage
# were the pt-BR "tente de novo" page; /health is Healthy again, without restarting the app.
# Usage: scripts/faults/pg-restart.sh [short|full]   short: 8 clients, 20 s (CI); full: 32 clients, 60 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
MODE="${1:-full}"
if [ "$MODE" = short ]; then CLIENTS=8; DURATION=20; AT=7; else CLIENTS=32; DURATION=60; AT=25; fi
CUSTOMERS=300; APP_PORT="${FAULT_APP_PORT:-5097}"; DB=reconhece_faults
OUT="${FAULT_OUT:-$PWD/artifacts/faults}"; mkdir -p "$OUT"

ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT
PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
ensure_roles "$DB"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner" >/dev/null

export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000 \
  Identity__SecurityStampValidationMinutes=60 Jobs__RunServer=false
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
(cd src/Reconhece.Web && dotnet bin/Release/net10.0/Reconhece.Web.dll migrate >/dev/null)
(cd src/Reconhece.Web && exec dotnet bin/Release/net10.0/Reconhece.Web.dll --seed-demo --urls "http://127.0.0.1:$APP_PORT") >"$OUT/app.log" 2>&1 &
APP_PID=$!
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 90); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

# Sign in as the demo staff member and take the form's antiforgery token, as a phone would.
JAR="$OUT/cookies.txt"; rm -f "$JAR"
token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/entrar" | token_from)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=atendente@demo.reconhece.app" --data-urlencode "Password=demo12345" \
  --data-urlencode "__RequestVerificationToken=$T" "$BASE/entrar"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/registrar" | token_from)
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
[ -n "$TOKEN" ] || { echo "fault pg-restart: could not sign in"; exit 1; }

python3 scripts/faults/purchase_load.py "$BASE" "$COOKIE" "$TOKEN" "$CLIENTS" "$DURATION" "$CUSTOMERS" "$OUT/load.json" >"$OUT/load.txt" &
LOAD=$!
sleep "$AT"
echo "Restarting PostgreSQL under load ($CLIENTS clients)..."
as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -l "$PG_DIR/log" restart >/dev/null
restarted=$(date +%s%3N)
recovered=""
for _ in $(seq 1 300); do
  if curl -sf "$BASE/health" 2>/dev/null | grep -q '"Healthy"' ; then
    ms=$(( $(date +%s%3N) - restarted )); recovered="$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"; break
  fi
  sleep 0.1
done
wait "$LOAD"
cat "$OUT/load.txt"

# What the database holds, per form key, and the ledger invariant.
"${PSQL[@]}" -d "$DB" -F, -c "SELECT idempotency_key, count(*), min(amount) FROM purchases GROUP BY 1" >"$OUT/stored.csv"
MISMATCH=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM customers c WHERE c.balance <> COALESCE((SELECT sum(points) FROM ledger_entries l WHERE l.customer_id = c.id), 0)")
python3 - "$OUT/load.json" "$OUT/stored.csv" "$MISMATCH" "${recovered:-never}" "$MODE" <<'PY' | tee "$OUT/result.txt"
import json, sys
from decimal import Decimal
load = json.load(open(sys.argv[1]))
stored = {}
for line in open(sys.argv[2]):
    key, count, amount = line.strip().split(",")
    stored[key] = (int(count), Decimal(amount) if amount else None)
acked = load["acked"]
missing = [k for k in acked if k not in stored]
wrong = [k for k, v in acked.items() if k in stored and stored[k][1] != Decimal(v["amount"].replace(",", "."))]
twice = [k for k, v in stored.items() if v[0] > 1]
outages = load["outages"]
not_ptbr = [o for o in outages if not o["ptbr"]]
ok = not missing and not wrong and not twice and not load["mismatched"] and sys.argv[3] == "0" and not not_ptbr and sys.argv[4] != "never"
print(f"fault pg-restart ({sys.argv[5]}): acknowledged {len(acked)}, stored {len(stored)}, missing {len(missing)}, wrong amount {len(wrong)}, "
      f"stored twice {len(twice)}, double submits answered with another purchase {len(load['mismatched'])}, balance != ledger {sys.argv[3]}, "
      f"answers during the outage {len(outages)} ({len(outages) - len(not_ptbr)} pt-BR 'tente de novo'), healthy again after {sys.argv[4]} s: "
      + ("PASSED" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PY
