#!/usr/bin/env bash
# Re-fetch the browser scripts the web application serves itself (no CDN is used at run time).
# Each comes from the npm registry through `npm pack`, pinned to a major version on purpose:
#   htmx.org 2.x — htmx 4 is a new major with changed attribute semantics; 2.x is what the
#                  templates are written for.
#   chart.js 4.x — the UMD build, which defines the global `Chart`.
# The package's licence file is copied beside each script. Run it by hand when upgrading,
# then commit the files under src/nghiquyet/web/static/vendor/.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/nghiquyet/web/static/vendor
HTMX_SPEC=${HTMX_SPEC:-htmx.org@2}
CHART_SPEC=${CHART_SPEC:-chart.js@4}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$DEST"

fetch() {  # fetch SPEC → unpacks into $work/NAME, prints the exact version
  local spec=$1 name=$2
  ( cd "$work" && npm pack --silent "$spec" >/dev/null 2>&1 )
  mkdir -p "$work/$name"
  tar -xzf "$work"/"$name"-*.tgz -C "$work/$name" --strip-components=1
  node -p "require('$work/$name/package.json').version"
}

v=$(fetch "$HTMX_SPEC" htmx.org)
cp "$work/htmx.org/dist/htmx.min.js" "$DEST/htmx.min.js"
cp "$work/htmx.org/LICENSE" "$DEST/htmx.LICENSE"
echo "htmx.org $v" > "$DEST/VERSIONS"

v=$(fetch "$CHART_SPEC" chart.js)
cp "$work/chart.js/dist/chart.umd.min.js" "$DEST/chart.umd.min.js" 2>/dev/null \
  || cp "$work/chart.js/dist/chart.umd.js" "$DEST/chart.umd.min.js"
cp "$work/chart.js/LICENSE.md" "$DEST/chart.js.LICENSE.md"
echo "chart.js $v" >> "$DEST/VERSIONS"
cat "$DEST/VERSIONS"
