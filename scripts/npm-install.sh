#!/usr/bin/env bash
# Install the hub's front-end libraries from the npm registry, exactly as package-lock.json pins
# them, into node_modules/ (git-ignored). Node.js comes from Debian's `nodejs` (and `npm` when
# the Node.js build does not bundle it).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npm >/dev/null; then
  scripts/system-packages.sh npm
fi
npm ci --no-audit --no-fund --loglevel=error
