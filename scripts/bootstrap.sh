#!/usr/bin/env bash
# Installs what a fresh machine lacks for Newsbar: Debian's Chromium (for the demo and the
# end-to-end tests), Debian's Firefox ESR (for the Firefox end-to-end test), Xvfb (a virtual display
# for the test of the demo's headed window), Debian's PHP (the feed server tests run a real FreshRSS,
# ../shared/servers/freshrss; where that is missing, the pinned release is fetched and checked) and the
# npm dependencies from the lockfile.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
if [ -z "${CHROME_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
if [ -z "${FIREFOX_PATH:-}" ] && [ ! -x /usr/bin/firefox-esr ]; then missing+=(firefox-esr); fi
if ! command -v Xvfb >/dev/null 2>&1; then missing+=(xvfb); fi
if ! command -v php >/dev/null 2>&1; then missing+=(php-cli php-sqlite3 php-xml php-mbstring php-curl php-intl php-zip); fi
# curl: the start script waits on FreshRSS with it, and fetch-freshrss.sh downloads with it.
if ! command -v curl >/dev/null 2>&1; then missing+=(curl); fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
scripts/freshrss/fetch-freshrss.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
