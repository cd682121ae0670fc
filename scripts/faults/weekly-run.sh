# Shared by the job fault scripts (worker-kill.sh, smtp-outage.sh; docs/reliability.md). Sourced, not run.
# A fresh database with $BUSINESSES businesses that are all due for their weekly reports, an SMTP sink on
# loopback that logs each message's Message-ID, a web instance (no jobs) and a jobs instance whose lease
# and Hangfire invisibility are short, so that a killed worker's runs come back within seconds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/postgres.sh
source scripts/system-packages.sh
BUSINESSES="${BUSINESSES:-200}"; PER="${PER:-200}"
WEB_PORT="${FAULT_WEB_PORT:-5095}"; JOBS_PORT="${FAULT_JOBS_PORT:-5096}"; SMTP_PORT="${FAULT_SMTP_PORT:-2527}"
DB=reconhece_faults_jobs
OUT="${FAULT_OUT:-$PWD/artifacts/faults}"; mkdir -p "$OUT"
APP="$PWD/src/Reconhece.Web/bin/Release/net10.0/Reconhece.Web.dll"
PSQL=()
WEB_PID=""; JOBS_PID=""; SINK_PID=""

weekly_cleanup() {
  for pid in "$WEB_PID" "$JOBS_PID" "$SINK_PID"; do [ -n "$pid" ] && kill "$pid" 2>/dev/null; done
  wait 2>/dev/null || true
}

# The database, the businesses and the build.
weekly_prepare() {
  ensure_package /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf fonts-liberation
  ensure_postgres
  PSQL=("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -v ON_ERROR_STOP=1 -qtA -U postgres)
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  ensure_roles "$DB"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER reconhece_owner" >/dev/null
  export ConnectionStrings__Migrations="$OWNER_CS" ConnectionStrings__Default="$APP_CS"
  export ASPNETCORE_ENVIRONMENT=Production Privacy__PhoneHashKey=${Privacy__PhoneHashKey:-benchmark-and-fault-runs-only-not-a-secret} Serilog__MinimumLevel__Default=Warning
  export Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$SMTP_PORT" Email__Smtp__Security=None
  dotnet build src/Reconhece.Web -c Release -v q -nologo >/dev/null
  (cd src/Reconhece.Web && dotnet "$APP" migrate >/dev/null)
  "${PSQL[@]}" -d "$DB" -v businesses="$BUSINESSES" -v per="$PER" -f scripts/bench/weekly-businesses.sql >/dev/null
  : >"$OUT/message-ids.txt"; : >"$OUT/smtp-count"; : >"$OUT/jobs.log"; : >"$OUT/kills.txt"
}

start_sink() {
  python3 scripts/bench/smtp-sink.py "$SMTP_PORT" "$OUT/smtp-count" "$OUT/message-ids.txt" 2>>"$OUT/sink.log" & SINK_PID=$!
}
stop_sink() { [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }

wait_healthy() { for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$1/health" >/dev/null && return 0; sleep 0.1; done; return 1; }

# The web instance serves pages and runs no jobs, as a front end behind a load balancer would.
start_web() {
  (cd src/Reconhece.Web && Jobs__RunServer=false exec dotnet "$APP" --urls "http://127.0.0.1:$WEB_PORT") >"$OUT/web.log" 2>&1 &
  WEB_PID=$!
  wait_healthy "$WEB_PORT" || { echo "The web instance did not start:"; tail -20 "$OUT/web.log"; exit 1; }
}

# The jobs instance: Hangfire's workers and the minutely dispatcher. A short lease and invisibility
# (15 s, production: 30 min) bring a killed worker's runs back within seconds.
start_jobs() {
  (cd src/Reconhece.Web && Jobs__RunServer=true Jobs__QueuePollSeconds=1 Jobs__InvisibilitySeconds=15 Reports__LeaseSeconds=15 \
    exec dotnet "$APP" --urls "http://127.0.0.1:$JOBS_PORT") >>"$OUT/jobs.log" 2>&1 &
  JOBS_PID=$!
}

# "sent total failed" of the weekly runs.
run_counts() { "${PSQL[@]}" -d "$DB" -F' ' -c "SELECT count(*) FILTER (WHERE status = 2), count(*), count(*) FILTER (WHERE status = 3) FROM report_runs WHERE is_weekly"; }

# Waits until every business's weekly run is sent, at most $1 seconds; prints progress.
wait_all_sent() {
  local deadline=$(( $(date +%s) + $1 )) sent total failed
  while :; do
    read -r sent total failed <<<"$(run_counts)"
    printf "\r  runs created %s, sent %s, failing now %s, emails at the sink %s   " "$total" "$sent" "$failed" "$(grep -c . "$OUT/message-ids.txt")"
    [ "$sent" -ge "$BUSINESSES" ] && { echo; return 0; }
    [ "$(date +%s)" -ge "$deadline" ] && { echo; return 1; }
    sleep 2
  done
}

# Counts by Message-ID at the sink against the runs: missed, duplicated, attempts. Each duplicate is
# explained when the jobs instance was killed within 10 s after the sink first received that email (a
# kill between the server taking the message and the commit that records it: SMTP's own duplicate
# window). Prints one summary line starting with $1; exits non-zero when a run was missed or left unsent,
# or a duplicate has no such kill.
weekly_verdict() {
  "${PSQL[@]}" -d "$DB" -F, -c "SELECT message_id, id, attempts, status FROM report_runs WHERE is_weekly" >"$OUT/runs.csv"
  python3 - "$1" "$OUT/runs.csv" "$OUT/message-ids.txt" "$BUSINESSES" "${2:-}" "$OUT/kills.txt" <<'PY' | tee "$OUT/${1// /-}.txt"
import bisect, collections, re, sys
# Each recipient's message carries the run's Message-ID with a digest of the address before the '@'
# (WeeklyRuns.MessageIdFor): a message counts for its run, and a duplicate is the same message twice.
def run_of(mid): return re.sub(r"\.[0-9a-f]{8}@", "@", mid)
label, runs_file, ids_file, businesses, extra, kills_file = sys.argv[1:7]
runs = {}
for line in open(runs_file):
    mid, rid, attempts, status = line.strip().split(",")
    runs[mid] = (rid, int(attempts), int(status))
arrivals = collections.defaultdict(list)
for line in open(ids_file):
    if line.strip():
        at, mid = line.split()
        arrivals[mid.strip("<>")].append(float(at))
kills = sorted(float(k) for k in open(kills_file) if k.strip())
unsent = [r for r in runs.values() if r[2] != 2]
received = {run_of(m) for m in arrivals}
missed = [m for m in runs if m not in received]
duplicated = {m: a for m, a in arrivals.items() if len(a) > 1}
strangers = [m for m in arrivals if run_of(m) not in runs]
attempts = collections.Counter(r[1] for r in runs.values())
unexplained = 0
lines = []
for m, at in duplicated.items():
    first = min(at)
    # The sink stamps an arrival once it has read and stored the whole message; the sender may have written
    # it into the socket and been killed a few milliseconds before that stamp. A kill up to 100 ms before
    # the stamp is the same physically possible case (seen on a loaded machine: 7 ms before).
    i = bisect.bisect_left(kills, first - 0.1)
    gap = kills[i] - first if i < len(kills) else None
    explained = gap is not None and gap <= 10
    unexplained += not explained
    rid, a, _ = runs[run_of(m)]
    lines.append(f"  duplicated: run {rid} ({a} attempts), Message-ID <{m}> received {len(at)} times; "
                 + (f"kill -9 {gap * 1000:.0f} ms from the first arrival" if explained else "NO kill right after the first arrival"))
ok = len(runs) == int(businesses) and not unsent and not missed and not strangers and not unexplained
print(f"{label}: {len(runs)} runs, {len(runs) - len(unsent)} sent, emails at the sink {sum(len(a) for a in arrivals.values())}, "
      f"missed {len(missed)}, duplicated {len(duplicated)} (each by a kill right after the server took it: {len(duplicated) - unexplained}), "
      f"unknown Message-IDs {len(strangers)}; attempts per run {dict(sorted(attempts.items()))}{extra}: " + ("PASSED" if ok else "FAILED"))
if lines: print("\n".join(lines))
sys.exit(0 if ok else 1)
PY
}
