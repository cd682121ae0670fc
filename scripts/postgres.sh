#!/usr/bin/env bash
# Sourced by run.sh and test.sh: makes sure a private PostgreSQL cluster runs for this checkout.
# The cluster's data lives in .data/pg (git-ignored) and survives restarts. Works as root
# (initdb then runs as the `postgres` user) and as a normal user.
# After `ensure_postgres`, PG_PORT and PG_ADMIN_CS (connection string to the `postgres` database) are set.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

find_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

install_postgres() {
  echo "PostgreSQL not found: installing it from the OS packages..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
}

# Runs a PostgreSQL binary as the user that owns the cluster.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

ensure_postgres() {
  PG_BIN=$(find_pg_bin)
  if [ -z "$PG_BIN" ]; then install_postgres; PG_BIN=$(find_pg_bin); fi
  if [ -z "$PG_BIN" ]; then echo "Could not find or install PostgreSQL." >&2; return 1; fi

  PG_DIR="${RECONHECE_PG_DIR:-$repo_root/.data/pg}"
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"
    # The postgres user must be able to reach the folder; a repo under /root often is not.
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
      PG_DIR="/var/tmp/reconhece-pg-$(echo "$repo_root" | cksum | cut -d' ' -f1)"
      mkdir -p "$PG_DIR" && chown postgres "$PG_DIR"
      echo "PostgreSQL data folder: $PG_DIR (the repo folder is not reachable by the postgres user)"
    fi
  fi

  # A port per checkout, so two clones on one machine never share a cluster by accident.
  PG_PORT="${RECONHECE_PG_PORT:-$((50000 + $(echo "$repo_root" | cksum | cut -d' ' -f1) % 10000))}"

  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
      || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  fi

  PG_STARTED_HERE=0
  # RECONHECE_PG_OPTIONS: more server settings for a cluster this call starts, e.g. the benchmarks'
  # "-c shared_preload_libraries=pg_stat_statements" to see where the database's time goes.
  if ! as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w -l "$PG_DIR/log" \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${RECONHECE_PG_FSYNC:-on} ${RECONHECE_PG_OPTIONS:-}" start >/dev/null \
      || { tail -n 20 "$PG_DIR/log" >&2; return 1; }
    PG_STARTED_HERE=1
  fi
  PG_ADMIN_CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export PG_BIN PG_DIR PG_PORT PG_ADMIN_CS PG_STARTED_HERE
}

# The two roles (docs/decisions/007): reconhece_owner owns the schema and runs `migrate` (it may bypass
# row-level security, which is what lets its SECURITY DEFINER doors look across businesses);
# reconhece_app is what the app connects as: no superuser, no owner, no BYPASSRLS. With a database
# name ($1), sets OWNER_CS and APP_CS for it, and hands a database made before the roles existed to the owner.
ensure_roles() {
  local db="${1:-}" psql=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
  "${psql[@]}" -d postgres >/dev/null <<SQL || return 1
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reconhece_owner') THEN
    CREATE ROLE reconhece_owner LOGIN CREATEDB BYPASSRLS PASSWORD 'reconhece_owner';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reconhece_app') THEN
    CREATE ROLE reconhece_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD 'reconhece_app';
  END IF;
END \$\$;
SQL
  [ -n "$db" ] || return 0
  if [ "$("${psql[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" = "1" ]; then
    "${psql[@]}" -d "$db" >/dev/null <<SQL || return 1
ALTER DATABASE "$db" OWNER TO reconhece_owner;
DO \$\$ DECLARE o record; BEGIN
  FOR o IN SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname IN ('public', 'hangfire') AND c.relkind IN ('r', 'S', 'v', 'p')
             AND pg_get_userbyid(c.relowner) <> 'reconhece_owner'
             AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
  LOOP
    EXECUTE format('ALTER %s %I.%I OWNER TO reconhece_owner',
      CASE o.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END, o.nspname, o.relname);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'hangfire') THEN ALTER SCHEMA hangfire OWNER TO reconhece_owner; END IF;
END \$\$;
SQL
  fi
  OWNER_CS="Host=127.0.0.1;Port=$PG_PORT;Username=reconhece_owner;Password=reconhece_owner;Database=$db"
  APP_CS="Host=127.0.0.1;Port=$PG_PORT;Username=reconhece_app;Password=reconhece_app;Database=$db"
  export OWNER_CS APP_CS
}

stop_postgres() {
  if [ "${PG_STARTED_HERE:-0}" = "1" ]; then
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}
