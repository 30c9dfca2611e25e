#!/usr/bin/env bash
# Run the whole test suite the way CI does: install, start the services the tests need
# (PostgreSQL on 127.0.0.1, the browser for end-to-end tests), run pytest, stop the services.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --dev
# The suite runs the compiled extraction where the machine can build it (machines here have gcc
# and the Python headers), so a build that fails says so here instead of testing only the source.
if [ "${NGHIQUYET_COMPILE:-1}" != "0" ]; then .venv/bin/python scripts/compile.py; fi
if [ -x scripts/browser.sh ]; then scripts/browser.sh install; fi
if [ -x scripts/pg.sh ]; then
  scripts/pg.sh start
  trap 'scripts/pg.sh stop' EXIT
  export NGHIQUYET_TEST_POSTGRES_URL="$(scripts/pg.sh url)"
fi
.venv/bin/python -m pytest "$@"
