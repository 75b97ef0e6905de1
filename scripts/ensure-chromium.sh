#!/usr/bin/env bash
# Finds Debian's Chromium for the browser tests, installing it when we are root. It never
# downloads a browser build of its own: Playwright drives the system's Chromium.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found; installing Debian's chromium package..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  command -v chromium >/dev/null 2>&1 && exit 0
fi
cat >&2 <<'MSG'
The browser tests need Chromium, and none was found.
Install it and run the tests again:
  sudo apt-get update && sudo apt-get install -y chromium      (Debian, Ubuntu)
or point CHROMIUM_PATH at a Chromium or Chrome binary.
MSG
[ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ] && exit 0
exit 1
