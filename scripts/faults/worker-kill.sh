#!/usr/bin/env bash
# Fault: the instance that runs the jobs is killed with kill -9, again and again, during a weekly run
# (issue 8, docs/reliability.md). $BUSINESSES businesses are all due; a web instance runs no jobs; the jobs
# instance is killed at a random moment 0.2–3 s after it is up, $KILLS times, and restarted each time.
# Then every run must be sent, and the SMTP sink, counting by Message-ID, must have each run's email:
# 0 missed, and any duplicate identified: the one physically possible is a kill after the mail server took
# the message and before the commit that records it; the next attempt resends it with the same Message-ID.
# Usage: scripts/faults/worker-kill.sh [short|full]   short: 20 businesses of 1,000 customers, 5 kills;
# full: 200 businesses of 2,000 customers, 100 kills.
set -euo pipefail
MODE="${1:-full}"
# Customers enough for the run to last through the kills; the first kill comes once the runs exist.
if [ "$MODE" = short ]; then BUSINESSES="${BUSINESSES:-20}"; KILLS="${KILLS:-5}"; PER="${PER:-1000}"
else BUSINESSES="${BUSINESSES:-200}"; KILLS="${KILLS:-100}"; PER="${PER:-2000}"; fi
source "$(dirname "$0")/weekly-run.sh"
trap weekly_cleanup EXIT
weekly_prepare
start_sink
start_web
kills=0
echo "Waiting for the dispatcher (every minute) to create the runs..."
start_jobs
for _ in $(seq 1 900); do read -r _ total _ <<<"$(run_counts)"; [ "$total" -gt 0 ] && break; sleep 0.1; done
echo "Killing the jobs instance $KILLS times during the weekly run of $BUSINESSES businesses..."
while [ "$kills" -lt "$KILLS" ]; do
  [ -n "$JOBS_PID" ] || start_jobs
  wait_healthy "$JOBS_PORT" || { echo "The jobs instance did not start:"; tail -20 "$OUT/jobs.log"; exit 1; }
  sleep "$(python3 -c 'import random; print(round(random.uniform(0.2, 3.0), 2))')"
  read -r sent _ _ <<<"$(run_counts)"
  [ "$sent" -ge "$BUSINESSES" ] && break
  date +%s.%N >>"$OUT/kills.txt"
  kill -9 "$JOBS_PID"; wait "$JOBS_PID" 2>/dev/null || true; JOBS_PID=""
  kills=$((kills + 1))
  printf "\r  kills %s, runs sent %s   " "$kills" "$sent"
done
echo
[ -n "$JOBS_PID" ] || start_jobs
wait_all_sent "${WAIT_SECONDS:-900}" || true
curl -sf "http://127.0.0.1:$WEB_PORT/health" | grep -q Healthy || { echo "The web instance is not healthy"; exit 1; }
weekly_verdict "fault worker-kill ($MODE)" ", kill -9 of the jobs instance $kills times"
