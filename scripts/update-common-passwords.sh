#!/usr/bin/env bash
# Regenerates the list of common passwords the app refuses (Identity/CommonPasswords/). Source: the
# password frequency list of zxcvbn 4.4.2 (npm registry; MIT licence, Dan Wheeler and Dropbox), the 30,000
# most common passwords of a public 10-million-password corpus. Only those of 8 characters or more are
# kept: shorter ones are refused by length anyway. Run it only to change the version.
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/Reconhece.Web/Identity/CommonPasswords
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent zxcvbn@4.4.2 >/dev/null && tar xzf zxcvbn-4.4.2.tgz)
node -e '
const f = require(process.argv[1] + "/package/lib/frequency_lists.js");
const kept = f.passwords.filter(p => p.length >= 8);
require("fs").writeFileSync(process.argv[2], kept.join("\n") + "\n");
console.log(kept.length + " passwords written");
' "$tmp" "$out/common-passwords.txt"
cp "$tmp/package/LICENSE.txt" "$out/LICENSE-zxcvbn.txt"
