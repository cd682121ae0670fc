#!/usr/bin/env bash
# Command 2 of 2: every test in the solution (unit, integration on PostgreSQL, browser on Chromium),
# plus the check that no EF model change lacks a migration. Ends with "N passed, N failed".
# Set RECONHECE_TEST_PG to use an existing PostgreSQL server instead of the private cluster.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/postgres.sh
source scripts/system-packages.sh

if [ -z "${RECONHECE_TEST_PG:-}" ]; then
  ensure_postgres || { echo "0 passed, 1 failed"; exit 1; }
  trap stop_postgres EXIT
  # The owner and app roles (decision 007); the tests migrate as the owner and run the app as the app role.
  # (The test fixture makes them too, on a server given by RECONHECE_TEST_PG or Testcontainers.)
  ensure_roles || { echo "0 passed, 1 failed"; exit 1; }
  export RECONHECE_TEST_PG="$PG_ADMIN_CS"
fi

# The browser tests drive Debian's Chromium (never a downloaded browser); the PDF reports embed Liberation
# Sans; pdftoppm (poppler-utils) renders report pages to PNG artefacts.
ensure_package /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf fonts-liberation
ensure_package /usr/bin/pdftoppm poppler-utils
# The fault run drives the app with curl and a small Python client.
command -v curl >/dev/null || ensure_package /usr/bin/curl curl
command -v python3 >/dev/null || ensure_package /usr/bin/python3 python3
if [ -z "${RECONHECE_CHROMIUM:-}" ]; then
  ensure_package /usr/bin/chromium chromium
  export RECONHECE_CHROMIUM="$(command -v chromium || true)"
fi
export RECONHECE_ARTIFACTS="${RECONHECE_ARTIFACTS:-$PWD/artifacts}"
mkdir -p "$RECONHECE_ARTIFACTS"

extra_failed=0
if ! dotnet build Reconhece.sln -c Release -nologo -v q; then
  echo "Build failed."
  echo "0 passed, 1 failed"
  exit 1
fi
if ! scripts/ef.sh migrations has-pending-model-changes; then
  echo "FAILED: the EF model has changes that no migration captures (scripts/add-migration.sh NAME)."
  extra_failed=1
fi

log="$RECONHECE_ARTIFACTS/test-output.log"
dotnet test Reconhece.sln -c Release --no-build -nologo 2>&1 | tee "$log"
test_rc=${PIPESTATUS[0]}

# The short fault runs (docs/reliability.md): PostgreSQL restarted under purchase load, the jobs
# instance killed with kill -9 during a weekly run, and the sender of automatic messages killed in a batch. Only on the private cluster, which the first restarts;
# with RECONHECE_TEST_PG pointing elsewhere they are skipped. Each counts as one test.
fault_passed=0
if [ "${PG_STARTED_HERE:-0}" = "1" ] || [ -n "${PG_DIR:-}" ]; then
  for fault in pg-restart worker-kill message-kill; do
    if FAULT_OUT="$RECONHECE_ARTIFACTS/faults" bash "scripts/faults/$fault.sh" short 2>&1 | tail -n 3 | tee -a "$log.faults"; then
      fault_passed=$((fault_passed + 1))
    else
      echo "FAILED: scripts/faults/$fault.sh short"
      extra_failed=$((extra_failed + 1))
    fi
  done
fi

# Sum the per-assembly summaries: "Passed!  - Failed:     0, Passed:    42, Skipped: ..."
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
assemblies=$(grep -Ec '(Passed|Failed)! +- ' "$log")
failed=$((failed + extra_failed))
passed=$((passed + fault_passed))
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a crash with no summary still fails
if [ "$assemblies" -lt 2 ] && [ "$failed" -eq 0 ]; then echo "Expected 2 test assemblies, saw $assemblies."; failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
