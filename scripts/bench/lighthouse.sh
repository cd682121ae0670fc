#!/usr/bin/env bash
# Lighthouse (mobile: a throttled 4G phone) on the counter's page /registrar, signed in as the demo's staff
# member (issue 22: accessibility 100). Lighthouse 12.2.3 is installed under .data/lighthouse with npm the
# first time (13 wants Node 22); it drives Debian's Chromium. The app runs in Production (the __Host- cookie
# is sent as a header, as Lighthouse cannot sign in by itself) on a fresh database with the demo business.
# Prints each category's score and the page's transfer size; the JSON report is in $OUT.
# THROTTLING=simulate (Lighthouse's default: a model of Slow 4G and a 4× slower CPU from one fast load) or
# devtools (the browser really throttled while it loads; slower to run, closer to a phone).
# Usage: scripts/bench/lighthouse.sh [path ...]   (default: /registrar; RUNS=3, THROTTLING=simulate)
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/postgres.sh
PATHS=("${@:-/registrar}"); RUNS="${RUNS:-3}"; THROTTLING="${THROTTLING:-simulate}"
CHROMIUM="${RECONHECE_CHROMIUM:-/usr/bin/chromium}"
APP_PORT="${APP_PORT:-5097}"; DB=reconhece_bench_lighthouse
OUT="${BENCH_OUT:-$PWD/artifacts/lighthouse}"; mkdir -p "$OUT"
LH="$PWD/.data/lighthouse"
if [ ! -x "$LH/node_modules/.bin/lighthouse" ]; then
  echo "Installing Lighthouse 12.2.3 under .data/lighthouse..."
  mkdir -p "$LH" && (cd "$LH" && npm i -E lighthouse@12.2.3 --no-audit --no-fund >/dev/null)
fi
ensure_postgres
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; stop_postgres; }
trap cleanup EXIT
PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey="${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret}" \
  Serilog__MinimumLevel__Default=Warning Jobs__RunServer=false
echo "Building (Release)..."
dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
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

# Sign in as the demo's staff member, as a browser would: the form's antiforgery token and cookie, then the post.
JAR="$OUT/jar.txt"; rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" "$BASE/entrar" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
ANTIFORGERY=$(awk '$6 ~ /Antiforgery/ {print $6 "=" $7}' "$JAR")
AUTH=$(curl -s -o /dev/null -D - -H "Cookie: $ANTIFORGERY" --data-urlencode "Email=atendente@demo.reconhece.app" \
  --data-urlencode "Password=demo12345" --data-urlencode "__RequestVerificationToken=$TOKEN" "$BASE/entrar" \
  | grep -i '^set-cookie: __Host-reconhece=' | sed 's/^[Ss]et-[Cc]ookie: //;s/;.*//' | tr -d '\r')
[ -n "$AUTH" ] || { echo "Could not sign in as the demo's staff member."; exit 1; }

# A production server is warm: 30 unmeasured requests of each page first (the JIT, the pools, the caches).
for path in "${PATHS[@]}"; do for _ in $(seq 1 30); do curl -s -o /dev/null -H "Cookie: $AUTH" "$BASE$path"; done; done

for path in "${PATHS[@]}"; do
  name=$(echo "$path" | tr -c 'a-z0-9\n' '-' | sed 's/^-*//;s/-*$//'); name=${name:-root}
  for run in $(seq 1 "$RUNS"); do
    "$LH/node_modules/.bin/lighthouse" "$BASE$path" --quiet --only-categories=accessibility,performance,best-practices --throttling-method="$THROTTLING" ${LIGHTHOUSE_FLAGS:-} \
      --chrome-path="$CHROMIUM" --chrome-flags="--headless=new --no-sandbox" \
      --extra-headers="{\"Cookie\": \"$AUTH\"}" --output=json --output-path="$OUT/$name-$run.json" || true
    python3 - "$OUT/$name-$run.json" "$path" "$run" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, a = r["categories"], r["audits"]
score = lambda k: "—" if c.get(k, {}).get("score") is None else round(100 * c[k]["score"])
failed = [k for k, v in a.items() if v.get("score") == 0 and v.get("scoreDisplayMode") == "binary"]
print(f"{sys.argv[2]} run {sys.argv[3]} ({r['configSettings']['throttlingMethod']}): accessibility {score('accessibility')}, performance {score('performance')}, "
      f"best practices {score('best-practices')}; LCP {a['largest-contentful-paint']['numericValue']:.0f} ms, server {a['server-response-time']['numericValue']:.0f} ms, "
      f"transfer {a['total-byte-weight']['numericValue'] / 1024:.1f} KiB; final URL {r['finalDisplayedUrl']}"
      + (f"; failing: {', '.join(failed)}" if failed else ""))
PY
  done
done | tee "$OUT/lighthouse.txt"
echo "Reports in $OUT"
