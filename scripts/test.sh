#!/usr/bin/env bash
# Run the whole test suite the way CI does: install, start the services the tests need, run
# pytest, stop the services. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --dev
.venv/bin/python -m pytest "$@"
