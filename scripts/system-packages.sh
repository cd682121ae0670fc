#!/usr/bin/env bash
# Sourced by run.sh and test.sh: installs a Debian package when the file it provides is missing.
# usage: ensure_package /path/it/provides package-name
ensure_package() {
  [ -e "$1" ] && return 0
  echo "Installing Debian's $2..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "${APT_UPDATED:-}" ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
}
