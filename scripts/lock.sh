#!/usr/bin/env bash
# Re-create requirements.lock, requirements-dev.lock and requirements-compile.lock from
# pyproject.toml in a throwaway venv.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
python3 -m venv "$tmp/run" && "$tmp/run/bin/pip" install -q --upgrade "pip>=24" >/dev/null
"$tmp/run/bin/pip" install -q .
"$tmp/run/bin/pip" freeze --exclude nghiquyet | sort > requirements.lock
"$tmp/run/bin/pip" install -q ".[dev]"
"$tmp/run/bin/pip" freeze --exclude nghiquyet | sort | comm -13 requirements.lock - > requirements-dev.lock
"$tmp/run/bin/pip" install -q ".[compile]"
"$tmp/run/bin/pip" freeze --all --exclude nghiquyet --exclude pip | sort \
  | comm -13 <(sort requirements.lock requirements-dev.lock) - > requirements-compile.lock
rm -rf "$tmp"
echo "requirements.lock: $(wc -l < requirements.lock) packages; requirements-dev.lock: $(wc -l < requirements-dev.lock);" \
  "requirements-compile.lock: $(wc -l < requirements-compile.lock)"
