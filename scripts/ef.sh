#!/usr/bin/env bash
# Runs EF Core's design-time tool (ef.dll from the Microsoft.EntityFrameworkCore.Tools package; the
# dotnet-ef global tool is not needed). Usage:
#   scripts/ef.sh migrations add NAME          add a migration (what scripts/add-migration.sh does)
#   scripts/ef.sh migrations has-pending-model-changes
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=src/Reconhece.Web
OUT=$PROJECT/bin/Debug/net10.0
dotnet build $PROJECT -c Debug -v q -nologo >/dev/null
PACKAGES=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
EF_VERSION=$(grep -o 'Microsoft.EntityFrameworkCore.Tools" Version="[^"]*' Directory.Packages.props | sed 's/.*Version="//')
EF="$PACKAGES/microsoft.entityframeworkcore.tools/$EF_VERSION/tools/net8.0/any/ef.dll"
extra=()
[ "${1:-} ${2:-}" = "migrations add" ] && extra=(--output-dir Data/Migrations)
# Design time needs a connection string only to build the model, never to connect.
export ConnectionStrings__Default="${ConnectionStrings__Default:-Host=127.0.0.1;Database=design_time}"
dotnet exec --depsfile $OUT/Reconhece.Web.deps.json --runtimeconfig $OUT/Reconhece.Web.runtimeconfig.json \
  --additionalprobingpath "$PACKAGES" "$EF" "$@" \
  --assembly $OUT/Reconhece.Web.dll --startup-assembly $OUT/Reconhece.Web.dll \
  --project-dir $PROJECT --root-namespace Reconhece.Web --language C# --framework net10.0 --working-dir $PROJECT \
  "${extra[@]}"
