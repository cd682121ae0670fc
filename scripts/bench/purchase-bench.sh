#!/usr/bin/env bash
# Benchmark of purchase registration (issues 3 and 7). Registers purchases over HTTP on loopback with wrk
# against a business with $CUSTOMERS customers, then runs the same database transaction straight at
# PostgreSQL with pgbench, at the same concurrency. Both run as the app role under row-level security,
# and pgbench sends what the app sends: CALL use_business(...) and the purchase statement in one round trip. Prints throughput, p50/p99 and the app's peak memory.
# Issue 11: by default the business has three running promotions and the earning limits set; PROMOTIONS=0
# runs without. Issue 21: a known customer's purchase is one lean statement (purchase-known.sql); the bonus
# statement rides with it only when an offer that needs history may win, which the three here never do.
# Usage: scripts/bench/purchase-bench.sh   (CUSTOMERS=100000 CONNS=32 DURATION=30 ROUNDS=3 PROMOTIONS=3 BASELINE_REF=8660182)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
CUSTOMERS="${CUSTOMERS:-100000}"; CONNS="${CONNS:-32}"; DURATION="${DURATION:-30}"; ROUNDS="${ROUNDS:-3}"; PROMOTIONS="${PROMOTIONS:-3}"
# pgbench runs the transaction twice a round: in its default "simple" query mode (parsed and planned
# every time: the target's yardstick) and "prepared" (planned once per connection, as the app's
# auto-prepared statement is: the ceiling).
APP_PORT="${APP_PORT:-5099}"; DB=reconhece_bench
OUT="${BENCH_OUT:-$PWD/artifacts/bench}"; mkdir -p "$OUT"

command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo; $sudo apt-get install -y -qq wrk >/dev/null; }
ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
ensure_roles "$DB"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner"

export ConnectionStrings__Migrations="$OWNER_CS"
export ConnectionStrings__Default="$APP_CS;Maximum Pool Size=100"
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning SignInLimit__PermitPerMinute=1000000 \
  Identity__SecurityStampValidationMinutes=60 ${BENCH_ENV:-}
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
cd src/Reconhece.Web
dotnet bin/Release/net10.0/Reconhece.Web.dll migrate >/dev/null
dotnet bin/Release/net10.0/Reconhece.Web.dll --seed-demo --urls "http://127.0.0.1:$APP_PORT" >"$OUT/app.log" 2>&1 &
APP_PID=$!
cd ../..
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null && break; sleep 1; done

echo "Generating $CUSTOMERS customers..."
"${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO customers (id, business_id, phone, name, balance, lifetime_points, lifetime_spend, visits,
                       first_purchase_at, last_purchase_at, first_branch_id, created_at)
SELECT gen_random_uuid(), b.id, '+551199' || lpad(g::text, 7, '0'), 'Cliente ' || g, 0, 0, (g % 400) * 1.1, 1 + g % 10,
       now() - (g % 365) * interval '1 day', now() - (g % 60) * interval '1 day', br.id, now()
FROM generate_series(1, $CUSTOMERS) g
JOIN businesses b ON b.name = 'Sorveteria Demo'
JOIN branches br ON br.business_id = b.id;
ANALYZE;
SQL
IDS=$("${PSQL[@]}" -F" " -d "$DB" -c "SELECT u.business_id, u.branch_id, u.id FROM users u WHERE u.email = 'atendente@demo.reconhece.app'")
read -r BUSINESS BRANCH STAFF_USER <<<"$IDS"
MAX_PER_DAY=NULL
# The demo's own promotion ("Terça em dobro") would make Tuesdays differ: the benchmark sets its own.
"${PSQL[@]}" -d "$DB" -c "DELETE FROM promotions WHERE business_id = '$BUSINESS'"
if [ "$PROMOTIONS" -gt 0 ]; then
  # Three promotions running for everyone (×2; +5 once a day; +3 per R$ 10 above R$ 30) and the limits set
  # (5 earning purchases a day, R$ 5,00 minimum, 10.000 points at most). No budget: a budget keeps a running
  # total on the promotion's row, which every purchase of the business then takes in turn (docs/benchmarks.md).
  MAX_PER_DAY=5
  "${PSQL[@]}" -d "$DB" <<SQL
UPDATE loyalty_programs SET max_earning_purchases_per_day = $MAX_PER_DAY, min_earning_amount = 5, max_points_per_purchase = 10000
WHERE business_id = '$BUSINESS';
INSERT INTO promotions (id, business_id, name, starts_at, ends_at, weekdays, benefit, benefit_value, above_amount, step_amount,
                        max_uses_per_day, bonus_granted, audience, control_percent, created_at, created_by_user_id)
SELECT gen_random_uuid(), '$BUSINESS', name, now() - interval '1 day', now() + interval '30 days', 127, benefit, value, above, step,
       per_day, 0, 0, 0, now(), u.id
FROM (VALUES ('Dobro', 0, 2, NULL::numeric, NULL::numeric, NULL::int), ('Mais cinco', 1, 5, NULL, NULL, 1), ('Acima de 30', 2, 3, 30, 10, NULL))
     AS p(name, benefit, value, above, step, per_day)
JOIN users u ON u.email = 'dono@demo.reconhece.app';
SQL
fi
PROMOS=$("${PSQL[@]}" -d "$DB" -c "SELECT COALESCE(string_agg(quote_literal(id::text) || '::uuid', ',' ORDER BY benefit), '') FROM promotions WHERE business_id = '$BUSINESS'")
VERSION=$("${PSQL[@]}" -d "$DB" -c "SELECT xmin FROM loyalty_programs WHERE business_id = '$BUSINESS'")

# Sign in as the demo staff member and take the form's antiforgery token, as a phone would.
JAR="$OUT/cookies.txt"; rm -f "$JAR"
BASE="http://127.0.0.1:$APP_PORT"
token_from() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
T=$(curl -s -c "$JAR" -b "$JAR" "$BASE/entrar" | token_from || true)
[ -n "$T" ] || { echo "No sign-in form at $BASE/entrar:"; curl -si "$BASE/entrar" | head -5; tail -5 "$OUT/app.log"; exit 1; }
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "Email=atendente@demo.reconhece.app" --data-urlencode "Password=demo12345" \
  --data-urlencode "__RequestVerificationToken=$T" "$BASE/entrar"
export BENCH_TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/registrar" | token_from)
# curl writes HttpOnly cookies (the sign-in one among them) behind a "#HttpOnly_" prefix.
export BENCH_COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
export BENCH_CUSTOMERS=$CUSTOMERS
[ -n "$BENCH_TOKEN" ] || { echo "Could not sign in"; exit 1; }

# The transactions pgbench runs are the app's own statements (Features/Points/Sql/*.sql), with the parameters
# replaced by pgbench variables and functions, each preceded by the business setting as the app sends it: in
# the same round trip (simple mode: one query string; prepared mode: one pipeline, one Sync).
# - Known customers (the common case): purchase-known.sql, one round trip. With the three promotions, the best
#   offer ("Dobro", +45 on R$ 45,90) needs no history, so RegisterPurchase writes it in that statement and
#   sends no bonus statement (PromotionRules.ToWeigh): the file gets @bonus = 45 and nothing else.
# - New customers: purchase-known.sql finds no one, then purchase.sql (the bonus likewise), a second round
#   trip, as the app does.
# BASELINE_REF (a commit): also write that commit's purchase statement, to compare in pgbench. By default
# 8660182 (2026-11-27, before round 2's features: issue 21), so every later change sees its absolute cost
# against that statement, not only a ratio to itself; BASELINE_REF= (empty) skips it. The comparison runs
# this code's known-customer transaction twice: "plain" (no promotions, no limits) and as configured.
BASELINE_REF="${BASELINE_REF-8660182}"
if [ -n "$BASELINE_REF" ]; then
  git show "$BASELINE_REF:src/Reconhece.Web/Features/Points/Sql/purchase.sql" >"$OUT/baseline.cs" 2>/dev/null \
    || git show "$BASELINE_REF:src/Reconhece.Web/Features/Purchases/RegisterPurchase.cs" >"$OUT/baseline.cs"
fi
python3 - "$OUT/purchase" "$CUSTOMERS" "$BUSINESS" "$BRANCH" "$STAFF_USER" "$VERSION" "${BASELINE_REF:+$OUT/baseline.cs}" "$MAX_PER_DAY" "$PROMOS" <<'PY'
import re, sys
def statement(path):
    # Commits before issue 11 kept the statement inside RegisterPurchase.cs; later ones in purchase.sql.
    text = open(path, encoding="utf-8").read()
    found = re.search(r'private const string Sql = """\n(.*?)\n\s*""";', text, re.S)
    return found.group(1) if found else text
def read(name):
    # As PointsSql loads it: a line "-- include NAME.sql" stands for that file.
    text = open("src/Reconhece.Web/Features/Points/Sql/" + name, encoding="utf-8").read()
    return re.sub(r"^[ \t]*-- include ([a-z-]+\.sql)[ \t]*\r?\n", lambda m: read(m.group(1)), text, flags=re.M)
# The purchase's id (and its form key) must be the same in the purchase and the bonus statements: made
# from two pgbench random numbers, as pgbench variables hold only numbers.
promos = sys.argv[9]
values = {
    "new_customer": "gen_random_uuid()", "purchase": "md5(:p1::text || '-' || :p2::text)::uuid", "key": "md5(:p1::text || '-' || :p2::text)::uuid",
    "today": "current_date", "earns": "true", "no_earn": "NULL::int", "max_per_day": "%s::int" % sys.argv[8],
    # NoEarnReason.DailyLimit, LedgerKind.Earn and LedgerKind.PromotionBonus, as RegisterPurchase sends them.
    "daily_limit": "2", "earn_kind": "0", "bonus_kind": "6",
    # The offers that apply by date and amount, best first: R$ 45,90 gives 45 ("Dobro"), 5 and 3.
    "promotions": "ARRAY[%s]::uuid[]" % promos, "bonuses": "ARRAY[45, 5, 3]::numeric[]", "day_start": "date_trunc('day', now())",
    "bonus": "45::numeric" if promos else "0::numeric", "bonus_promotion": (promos.split(",")[0] if promos else "NULL::uuid"),
    "business": "'%s'::uuid" % sys.argv[3], "branch": "'%s'::uuid" % sys.argv[4], "user": "'%s'::uuid" % sys.argv[5],
    "phone": "PHONE", "name": "NULL::text", "email": "NULL::text", "birth": "NULL::date",
    "points": "45::numeric", "spend": "45.90::numeric", "amount": "45.90::numeric", "quantity": "NULL::int",
    "goal": "500::numeric", "now": "now()", "version": "'%s'::xid" % sys.argv[6], "owner_choice": "false",
    # The block list's hash is computed in C#; near_phones(phone) is made in SQL, only for a new phone.
    "phone_hash": "sha256(convert_to(:n::text, 'UTF8'))", "check_near": "CHECK",
}
def one_line(sql, extra=None):
    v = dict(values, **(extra or {}))
    sql = re.sub(r"@(\w+)", lambda m: v[m.group(1)], sql)
    return " ".join(re.sub(r"--.*$", "", line).strip() for line in sql.splitlines())  # pgbench wants one line
rand = "\\set p1 random(1, 4000000000000)\n\\set p2 random(1, 4000000000000)\n"
# The app sends each in autocommit: the setting and the statement(s) are the whole (implicit) transaction.
use = "CALL use_business('%s'::uuid)" % sys.argv[3]
known_phone = "('+551199' || lpad(:n::text, 7, '0'))"
known = one_line(read("purchase-known.sql")).replace("PHONE", known_phone)
plain = one_line(read("purchase-known.sql"), {"bonus": "0::numeric", "bonus_promotion": "NULL::uuid", "max_per_day": "NULL::int"}).replace("PHONE", known_phone)
pick = "\\set n random(1, %s)\n" % sys.argv[2]
open(sys.argv[1] + "-simple.sql", "w").write(rand + pick + "%s \\; %s;\n" % (use, known))
def prepared(sql): return rand + pick + "\\startpipeline\n%s;\n%s;\n\\endpipeline\n" % (use, sql)
open(sys.argv[1] + "-prepared.sql", "w").write(prepared(known))
open(sys.argv[1] + "-plain.sql", "w").write(prepared(plain))
if len(sys.argv) > 7 and sys.argv[7]:
    base = re.sub(r"@(\w+)", lambda m: values[m.group(1)], statement(sys.argv[7]))
    base = " ".join(re.sub(r"--.*$", "", line).strip() for line in base.splitlines()).replace("PHONE", known_phone)
    open(sys.argv[1] + "-baseline.sql", "w").write(prepared(base))
# New customers (issue 10): a phone nobody has. The lean statement finds no one; then purchase.sql inserts
# the customer, with the check on probing the ~100 one-typo
# variants first: two round trips, two pipelines, prepared as the app's statements are. The same with the
# check off shows what the probes cost. Each client numbers its own phones (k, from 0), spread over the
# 10^8 numbers of a DDD by a bijection (× 7919 mod 10^8), so no phone repeats and near typos are as rare
# as among real numbers; the DDD (ddd) is given per run.
new_phone = "('+55' || :ddd || '9' || lpad((((:client_id::bigint * 1000000 + :k) * 7919) % 100000000)::text, 8, '0'))"
for check in ("true", "false"):
    # With the three promotions the best offer needs no history here too: purchase.sql writes it, no bonus statement.
    second = [one_line(read("purchase.sql")).replace("PHONE", new_phone).replace("CHECK", check)]
    open(sys.argv[1] + "-new-%s.sql" % check, "w").write(rand + "\\set k :k + 1\n"
        + "\\startpipeline\n%s;\n%s;\n\\endpipeline\n" % (use, known.replace(known_phone, new_phone))
        + "\\startpipeline\n%s;\n%s\n\\endpipeline\n" % (use, "\n".join(x + ";" for x in second)))
PY

before=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM purchases")
# Warm-up: .NET's tiered JIT needs a few thousand requests before the hot path is fully optimised.
echo "Warm-up (${WARMUP:-20} s)..."
wrk -t2 -c"$CONNS" -d"${WARMUP:-20}s" -s scripts/bench/purchase.lua "$BASE" >/dev/null
: >"$OUT/results.txt"; : >"$OUT/baseline.txt"; : >"$OUT/new-customers.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "Round $round: app over HTTP (wrk, $CONNS connections, ${DURATION}s)"
  n0=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM purchases")
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s scripts/bench/purchase.lua "$BASE" | tee "$OUT/wrk-$round.txt"
  n1=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM purchases")
  sent=$(grep -E "requests in" "$OUT/wrk-$round.txt" | awk '{print $1}')
  # wrk counts a redirect to the sign-in page as a success: check the purchases really landed.
  [ $((n1 - n0)) -ge $((sent * 99 / 100)) ] || { echo "Only $((n1 - n0)) of $sent requests stored a purchase."; exit 1; }
  line="round $round: app $(grep "Requests/sec" "$OUT/wrk-$round.txt" | awk '{print $2}') req/s"
  line="$line p50=$(grep -E "^ +50%" "$OUT/wrk-$round.txt" | awk '{print $2}') p99=$(grep -E "^ +99%" "$OUT/wrk-$round.txt" | awk '{print $2}')"
  errors=$(grep -E "Non-2xx|Socket errors" "$OUT/wrk-$round.txt" || true)
  [ -n "$errors" ] && line="$line ($errors)"
  for mode in simple prepared; do
    echo "Round $round: same transaction in pgbench, $mode mode ($CONNS clients, ${DURATION}s)"
    rm -f "$OUT"/pgbench_log.*
    (cd "$OUT" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U reconhece_app -n -M "$mode" -c "$CONNS" -j 2 -T "$DURATION" -l -f "purchase-$mode.sql" "$DB") | tee "$OUT/pgbench-$mode-$round.txt"
    pct=$(cat "$OUT"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "p50=%.1fms p99=%.1fms", a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')
    line="$line | pgbench-$mode $(grep -E "^tps" "$OUT/pgbench-$mode-$round.txt" | awk '{print $3}') tps $pct"
  done
  echo "$line" | tee -a "$OUT/results.txt"
done
if [ -n "${BASELINE_REF:-}" ]; then
  # Known customers, prepared mode: the baseline's statement, this code's with no promotions and no limits
  # ("plain"), and this code's as configured ("prepared"), back to back in each round.
  for round in 1 2 3; do
    line="round $round:"
    for f in baseline plain prepared; do
      (cd "$OUT" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U reconhece_app -n -M prepared -c "$CONNS" -j 2 -T "$DURATION" -f "purchase-$f.sql" "$DB") >"$OUT/pgbench-$f-vs-$round.txt"
      line="$line $f $(grep -E "^tps" "$OUT/pgbench-$f-vs-$round.txt" | awk '{printf "%.0f", $3}') tps"
    done
    echo "$line" | tee -a "$OUT/baseline.txt"
  done
  awk '/^round/ { b[n] = $4; p[n] = $7; c[n] = $10; n++ }
    function median(a, k,   i, j, t) { for (i = 0; i < k; i++) for (j = i + 1; j < k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int(k / 2)] }
    END { for (i = 0; i < n; i++) { rp[i] = 100 * p[i] / b[i]; rc[i] = 100 * c[i] / b[i] }
          printf "known customers, prepared, median of %d: baseline (%s) %d tps; plain %d tps (%.0f%% of baseline); as configured %d tps (%.0f%%)\n",
                 n, ref, median(b, n), median(p, n), median(rp, n), median(c, n), median(rc, n) }' ref="$BASELINE_REF" "$OUT/baseline.txt" | tee -a "$OUT/baseline.txt"
fi
# Known customers right before, for the ratio new / known in the same sitting; all in prepared mode, as the
# app's statements are prepared.
(cd "$OUT" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U reconhece_app -n -M prepared -c "$CONNS" -j 2 -T "$DURATION" -f "purchase-prepared.sql" "$DB") >"$OUT/pgbench-known-again.txt"
echo "known customers, prepared: $(grep -E "^tps" "$OUT/pgbench-known-again.txt" | awk '{print $3}') tps" | tee -a "$OUT/new-customers.txt"
ddd=21
for check in true false; do
  echo "New customers, near-duplicate check $check: pgbench prepared mode ($CONNS clients, ${DURATION}s)"
  (cd "$OUT" && pgbench -h 127.0.0.1 -p "$PG_PORT" -U reconhece_app -n -M prepared -c "$CONNS" -j 2 -T "$DURATION" -D k=0 -D ddd=$ddd -f "purchase-new-$check.sql" "$DB") | tee "$OUT/pgbench-new-$check.txt"
  echo "new customers, near check $check: $(grep -E "^tps" "$OUT/pgbench-new-$check.txt" | awk '{print $3}') tps, latency $(grep -E "^latency average" "$OUT/pgbench-new-$check.txt" | awk '{print $4 " " $5}')" | tee -a "$OUT/new-customers.txt"
  ddd=$((ddd + 1))
done
after=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM purchases")
echo "purchases stored: $((after - before)) (HTTP and pgbench together); app peak memory (VmHWM): $(grep VmHWM /proc/$APP_PID/status | awk '{print $2/1024 " MiB"}')" | tee -a "$OUT/results.txt"
# Medians across rounds: the machine is shared, single rounds are noisy. Each round runs the app and
# pgbench back to back, so the ratios are taken per round and their medians reported.
awk 'BEGIN { n = 0 } /^round/ {
  for (i = 1; i <= NF; i++) {
    if ($i == "app") app[n] = $(i+1);
    if ($i == "pgbench-simple") simple[n] = $(i+1);
    if ($i == "pgbench-prepared") prepared[n] = $(i+1);
    if ($i ~ /^p99=/ && !seen99) { v = $i; sub("p99=", "", v); p99[n] = v + 0; seen99 = 1 }
  }
  rs[n] = 100 * app[n] / simple[n]; rp[n] = 100 * app[n] / prepared[n]; seen99 = 0; n++
}
function median(a, k,   i, j, t) { for (i = 0; i < k; i++) for (j = i + 1; j < k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t } return a[int(k / 2)] }
END { printf "median over %d rounds: app %.0f req/s (p99 %.1fms); pgbench simple %.0f tps, prepared %.0f tps; app/simple %.0f%%, app/prepared %.0f%%\n",
      n, median(app, n), median(p99, n), median(simple, n), median(prepared, n), median(rs, n), median(rp, n) }' "$OUT/results.txt" | tee -a "$OUT/results.txt"
echo "Results in $OUT/results.txt"
