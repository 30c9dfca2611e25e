#!/usr/bin/env bash
# The headless browser the end-to-end tests drive (see ../shared/TECH-NOTES.md §5):
# Debian's `chromium` package (Playwright cannot download its own build here) and the Python
# `playwright` package in .venv, launched with `executable_path`.
#
# Usage: scripts/browser.sh install   idempotent; fast (no apt, no pip) when both are present
#        scripts/browser.sh check     exit 0 if the browser and playwright are usable
set -euo pipefail
cd "$(dirname "$0")/.."
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
PY=.venv/bin/python

have_chromium() { [ -x "$CHROMIUM" ]; }
have_playwright() { [ -x "$PY" ] && "$PY" -c "import playwright.sync_api" >/dev/null 2>&1; }

install() {
  if ! have_chromium; then
    if [ "$(id -u)" != 0 ]; then
      echo "browser.sh: $CHROMIUM is missing and installing it needs root (apt-get install chromium)" >&2
      exit 1
    fi
    echo "browser.sh: installing Debian chromium (a few minutes the first time)" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # fonts-dejavu-core carries the Vietnamese glyphs that fonts-liberation lacks.
    apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  fi
  if ! have_playwright; then
    if [ ! -x "$PY" ]; then
      echo "browser.sh: .venv is missing; run scripts/install.sh first" >&2
      exit 1
    fi
    echo "browser.sh: installing playwright into .venv" >&2
    "$PY" -m pip install -q --disable-pip-version-check "playwright==1.65.2"
  fi
}

case "${1:-install}" in
  install) install ;;
  check) have_chromium && have_playwright ;;
  *) echo "usage: scripts/browser.sh install|check" >&2; exit 2 ;;
esac
