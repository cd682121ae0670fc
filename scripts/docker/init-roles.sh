#!/usr/bin/env bash
# Run once by the postgres image on a new data volume (docker-entrypoint-initdb.d): the two roles of
# docs/decisions/007 and the database handed to the owner role. Passwords come from the compose file.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE reconhece_owner LOGIN CREATEDB BYPASSRLS PASSWORD '${RECONHECE_OWNER_PASSWORD}';
CREATE ROLE reconhece_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD '${RECONHECE_APP_PASSWORD}';
ALTER DATABASE "${POSTGRES_DB}" OWNER TO reconhece_owner;
SQL
