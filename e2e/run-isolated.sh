#!/usr/bin/env bash
# Runs some end-to-end specs against builds of their own (apps/*/build-<id>), so several runs can share
# one machine and one working tree without overwriting each other's build. Usage:
#   bash e2e/run-isolated.sh specs/claim-filing.spec.ts [more playwright args]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
id="build-$(date +%s)-$$"
export ACCORD_BUILD_DIR="$id"
trap 'rm -rf "$root/apps/portal/$id" "$root/apps/backoffice/$id"' EXIT
(cd apps/portal && npx react-router build >/dev/null)
(cd apps/backoffice && npx react-router build >/dev/null)
# A private output folder too: Playwright empties its output folder when a run starts.
cd e2e && npx playwright test --reporter=list --output "/tmp/accord-e2e-$id" "$@"
