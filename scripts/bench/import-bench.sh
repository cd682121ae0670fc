#!/usr/bin/env bash
# Benchmark of the customers CSV import (issue 10): a file of $ROWS lines (1% of them bad) is uploaded to
# the demo business, previewed and imported through the app over HTTP, as the owner's phone would.
# Prints the time of each step and the app's peak memory (VmHWM) after a small, the target and a file twice
# as large: rows are streamed in batches of 2,000, so the peak should not follow the row count.
# Usage: scripts/bench/import-bench.sh   (ROWS=100000 SMALL=10000 LARGE=200000)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
ROWS="${ROWS:-100000}"; SMALL="${SMALL:-10000}"; LARGE="${LARGE:-200000}"
APP_PORT="${APP_PORT:-5098}"; DB=reconhece_bench_import
OUT="${BENCH_OUT:-$PWD/artifacts/bench-import}"; mkdir -p "$OUT"

ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
ensure_roles "$DB"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner"

export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} \
  Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000 Jobs__RunServer=false
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
cd src/Reconhece.Web
dotnet bin/Release/net10.0/Reconhece.Web.dll migrate >/dev/null
dotnet bin/Release/net10.0/Reconhece.Web.dll --seed-demo --urls "http://127.0.0.1:$APP_PORT" >"$OUT/app.log" 2>&1 &
APP_PID=$!
cd ../..
BASE="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 60); do curl -sf "$BASE/health" >/dev/null && break; sleep 1; done

JAR="$OUT/cookies.txt"; rm -f "$JAR"
token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/entrar" | token_from)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=dono@demo.reconhece.app" --data-urlencode "Password=demo12345" \
  --data-urlencode "__RequestVerificationToken=$T" "$BASE/entrar"
peak() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$APP_PID/status"; }

run() {  # run ROWS LABEL
  local rows=$1 file="$OUT/clientes-$1.csv"
  python3 - "$rows" "$file" <<'PY'
import random, sys
rows, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(rows)
phones = rnd.sample(range(10**8), rows)   # distinct mobiles in DDD 21
with open(path, "w", encoding="utf-8") as f:
    f.write("Nome;Celular;E-mail;Saldo\n")
    for i, p in enumerate(phones):
        phone = "(21) 9%04d-%04d" % (p // 10**4, p % 10**4) if i % 100 else "(21) 9%04d-%04d0" % (p // 10**4, p % 10**4)  # 1% bad
        f.write("Cliente %d;%s;;%d,%d\n" % (i, phone, rnd.randint(0, 400), rnd.randint(0, 9)))
PY
  local token start mid end preview
  token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/clientes/importar" | token_from)
  start=$(date +%s.%N)
  preview=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$JAR" -b "$JAR" -F "__RequestVerificationToken=$token" -F "arquivo=@$file;type=text/csv" "$BASE/clientes/importar")
  [ -n "$preview" ] || { echo "Upload refused"; exit 1; }
  token=$(curl -s -c "$JAR" -b "$JAR" "$preview" | tee "$OUT/preview-$rows.html" | token_from)
  mid=$(date +%s.%N)
  curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "__RequestVerificationToken=$token" "$preview"
  end=$(date +%s.%N)
  local imported
  imported=$("${PSQL[@]}" -d "$DB" -c "SELECT created + updated FROM customer_imports WHERE status = 1 ORDER BY imported_at DESC LIMIT 1")
  printf "%s rows: upload + preview %.1f s, import %.1f s, %s customers imported, app peak memory %s MiB\n" \
    "$rows" "$(echo "$mid - $start" | bc)" "$(echo "$end - $mid" | bc)" "$imported" "$(peak)" | tee -a "$OUT/results.txt"
}
: >"$OUT/results.txt"
echo "App peak memory before: $(peak) MiB" | tee -a "$OUT/results.txt"
run "$SMALL"
run "$ROWS"
run "$LARGE"
"${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM customers c WHERE c.balance <> COALESCE((SELECT sum(points) FROM ledger_entries l WHERE l.customer_id = c.id), 0)" \
  | xargs -I{} echo "balance != ledger: {}" | tee -a "$OUT/results.txt"
