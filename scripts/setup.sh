#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for this project: the system packages the build and the tests use,
# then `npm ci` (which also compiles the command-line tool through `prepare`). Safe to run again.
#   libsecret-1-dev        keytar, pulled in by office-addin-debugging (`npm start`), compiles against it
#   libreoffice-calc, fonts-crosextra-carlito, fonts-noto-cjk, poppler-utils
#                          the tests open, recalculate and render the generated workbooks with real LibreOffice
#   chromium               the pane's end-to-end test drives Debian's Chromium through playwright-core
#   postgresql             a throw-away PostgreSQL 15 server for the test of `segment --engine postgres --url` (pg)
#   python3-pandas         `npm run bench` runs the same segmentation in pandas for comparison
# and chDB (npm `chdb`, in-process ClickHouse, ~550 MB) for the ClickHouse-dialect tests: installed once into
# ~/.cache/kpi-review/chdb (or $KPI_REVIEW_CHDB), outside the repository and its node_modules, and reused.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in libsecret-1-dev libreoffice-calc fonts-crosextra-carlito fonts-noto-cjk poppler-utils chromium postgresql python3-pandas; do
  have_deb "$pkg" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund

chdb_dir="${KPI_REVIEW_CHDB:-$HOME/.cache/kpi-review/chdb}"
if [ ! -f "$chdb_dir/node_modules/chdb/package.json" ]; then
  echo "setup: installing chdb into $chdb_dir"
  mkdir -p "$chdb_dir"
  npm install --prefix "$chdb_dir" --no-audit --no-fund --no-save chdb@3.4.0 >/dev/null
fi
