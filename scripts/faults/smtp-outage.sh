#!/usr/bin/env bash
# Fault: the SMTP server goes away in the middle of a weekly run and comes back (issue 8,
# docs/reliability.md). $BUSINESSES businesses are all due; once a third of their emails are out, the sink
# stops for $OUTAGE seconds. The runs that meet the outage fail with their pt-BR reason and wait for their
# next attempt (5 minutes after the first failure, ReportSchedule.RetryDelay), so the run takes about 7 min.
# Then every run must be sent, each email once by Message-ID, and the retried runs show their attempts.
# Usage: scripts/faults/smtp-outage.sh
set -euo pipefail
OUTAGE="${OUTAGE:-60}"
source "$(dirname "$0")/weekly-run.sh"
trap weekly_cleanup EXIT
weekly_prepare
start_sink
start_web
start_jobs
wait_healthy "$JOBS_PORT" || { echo "The jobs instance did not start:"; tail -20 "$OUT/jobs.log"; exit 1; }
echo "Waiting for the dispatcher (every minute) and a third of the emails..."
while read -r sent _ _ <<<"$(run_counts)" && [ "$sent" -lt $((BUSINESSES / 3)) ]; do sleep 0.2; done
stop_sink
echo "SMTP server down for $OUTAGE s (runs sent so far: $sent)"
sleep "$OUTAGE"
failing=$("${PSQL[@]}" -d "$DB" -c "SELECT count(*) FROM report_runs WHERE status = 3 AND last_error = 'Não foi possível falar com o servidor de e-mail.'")
start_sink
echo "SMTP server back; $failing runs are waiting for their next attempt with the reason \"Não foi possível falar com o servidor de e-mail.\""
wait_all_sent "${WAIT_SECONDS:-900}" || true
weekly_verdict "fault smtp-outage" ", SMTP down ${OUTAGE} s after ${sent} sent, ${failing} runs failed visibly meanwhile"
