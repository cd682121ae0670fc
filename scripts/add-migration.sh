#!/usr/bin/env bash
# Adds an EF Core migration: scripts/add-migration.sh NAME
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: scripts/add-migration.sh NAME" >&2; exit 2; }
exec "$(dirname "$0")/ef.sh" migrations add "$1"
