#!/usr/bin/env bash
# Install nghiquyet into ./.venv from the pinned lock file (reproducible; no network at run time),
# then compile the extraction modules with Cython (scripts/compile.py; about 2 minutes the first
# time, a second afterwards). Without a C compiler the install still succeeds and extraction runs
# from source; NGHIQUYET_COMPILE=0 skips the build.
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
if [ "${NGHIQUYET_COMPILE:-1}" != "0" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-compile.lock
  .venv/bin/python scripts/compile.py || echo "install: extraction runs from source (not compiled)" >&2
fi
