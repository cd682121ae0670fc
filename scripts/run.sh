#!/usr/bin/env bash
# Command 1 of 2: start Reconhece.
# With no ConnectionStrings__Default set, it installs PostgreSQL from the OS packages if missing, starts a
# private cluster under .data/pg (kept between runs), migrates, seeds the demo business (Development) and
# serves at $RECONHECE_URL (default http://127.0.0.1:5080). Ctrl-C stops the app and the cluster.
# Extra arguments go to the app, e.g. --seed-demo in another environment.
set -euo pipefail
cd "$(dirname "$0")/.."
# The build starts first and runs while the packages and the cluster are checked (a fresh clone's start is
# mostly the build: docs/benchmarks.md, "Start-up"). Without the code analyzers and the XML documentation
# file: both only serve the style checks, which the test command runs, so CI still fails on what they find.
mkdir -p .data
echo "Building..."
dotnet build src/Reconhece.Web -c Release -v q -nologo -p:RunAnalyzers=false -p:GenerateDocumentationFile=false >.data/build.log 2>&1 &
BUILD_PID=$!
source scripts/postgres.sh
source scripts/system-packages.sh
# The PDF reports embed Liberation Sans.
ensure_package /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf fonts-liberation

# Two connection strings: the owner role runs `migrate`, the app runs as the app role, which row-level
# security binds (README, Deploying).
if [ -z "${ConnectionStrings__Default:-}" ] && [ -z "${ConnectionStrings__Migrations:-}" ]; then
  ensure_postgres
  trap stop_postgres EXIT
  # A demo database migrated before the migrations were last squashed into one baseline (decision 008)
  # cannot take the baseline: it holds only demo data, so it is made again.
  BASELINE=$(basename src/Reconhece.Web/Data/Migrations/*_Baseline.cs .cs)
  if [ "$("$PG_BIN/psql" -X -h 127.0.0.1 -p "$PG_PORT" -U postgres -d reconhece -tAc \
        "SELECT count(*) > 0 AND count(*) FILTER (WHERE migration_id = '$BASELINE') = 0 FROM __ef_migrations_history" 2>/dev/null)" = "t" ]; then
    echo "The demo database predates the squashed migrations: making it again."
    "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c 'DROP DATABASE reconhece WITH (FORCE)'
  fi
  ensure_roles reconhece
  export ConnectionStrings__Migrations="$OWNER_CS"
  export ConnectionStrings__Default="$APP_CS"
  echo "PostgreSQL: 127.0.0.1:$PG_PORT (data in $PG_DIR; roles reconhece_owner and reconhece_app)"
elif [ -z "${ConnectionStrings__Default:-}" ] || [ -z "${ConnectionStrings__Migrations:-}" ]; then
  echo "Set both ConnectionStrings__Migrations (the owner role, for migrate) and ConnectionStrings__Default (the app role), or neither to use the private cluster." >&2
  exit 1
fi
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# Without an SMTP server, the weekly report emails are written as .eml files here.
if [ -z "${Email__Smtp__Host:-}" ]; then
  export Email__PickupFolder="${Email__PickupFolder:-$PWD/.data/mail}"
fi
URL="${RECONHECE_URL:-http://127.0.0.1:5080}"
# Links in emails (password recovery, confirmations) point here.
export App__PublicUrl="${App__PublicUrl:-$URL}"

# Wait for the build started at the top.
if ! wait "$BUILD_PID"; then cat .data/build.log >&2; echo "The build failed (log above)." >&2; exit 1; fi
cd src/Reconhece.Web   # the content root: views and wwwroot live here
APP=bin/Release/net10.0/Reconhece.Web.dll

echo
echo "  Reconhece: $URL"
if [ "$ASPNETCORE_ENVIRONMENT" = "Development" ] || [[ " $* " == *" --seed-demo "* ]]; then
  echo "  Demo, responsável: dono@demo.reconhece.app / demo12345"
  echo "  Demo, atendente:   atendente@demo.reconhece.app / demo12345"
fi
[ -n "${Email__PickupFolder:-}" ] && [ -z "${Email__Smtp__Host:-}" ] && echo "  E-mails (sem SMTP configurado): arquivos .eml em $Email__PickupFolder"
echo "  Ctrl-C para parar."
echo
# Migrates (as the owner role) and then serves, in one process.
dotnet "$APP" --migrate-first --urls "$URL" "$@"
