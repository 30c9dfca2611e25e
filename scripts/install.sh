#!/usr/bin/env bash
# Install nghiquyet into ./.venv from the pinned lock file (reproducible; no network at run time),
# then compile the extraction modules with Cython (scripts/compile.py; about 2 minutes the first
# time, a second afterwards). Without a C compiler the install still succeeds and extraction runs
# from source; NGHIQUYET_COMPILE=0 skips the build.
# Usage: scripts/install.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."
# The interpreter: $PYTHON if set, else the first Python 3.11+ among `python3` and the system's
# /usr/bin/python3 whose executable does not load libpython as a shared library, else `python3`.
# A CPython built with --enable-shared (pyenv's builds) makes every call inside the interpreter
# through the dynamic linker's tables. Debian's statically linked python3.11 extracted 1.05x
# faster compiled and 1.11x in pure Python than pyenv's shared build (paired medians of twelve
# alternating runs, benchmarks/README.md).
pick_python() {
  local c exe
  for c in python3 /usr/bin/python3; do
    exe=$("$c" -c 'import sys; assert sys.version_info >= (3, 11); import ensurepip, venv; print(sys.executable)' 2>/dev/null) || continue
    if command -v ldd >/dev/null 2>&1 && ! ldd "$exe" 2>/dev/null | grep -q libpython; then
      echo "$c"; return
    fi
  done
  echo python3
}
PY=${PYTHON:-$(pick_python)}
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
