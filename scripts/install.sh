#!/usr/bin/env bash
# Install nghiquyet into ./.venv from the pinned lock file (reproducible; no network at run time).
# Usage: scripts/install.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24" >/dev/null
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.lock
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
