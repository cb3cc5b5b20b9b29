#!/usr/bin/env bash
# `npm test`: unit and e2e specs. Starts local Redis and a MongoDB-protocol server when
# MONGO_URI or REDIS_URL is unset, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${MONGO_URI:-}" ] || [ -z "${REDIS_URL:-}" ]; then
  was_running=0
  scripts/services.sh status >/dev/null 2>&1 && was_running=1
  eval "$(scripts/services.sh up)"
  if [ "$was_running" = 0 ]; then trap 'scripts/services.sh down' EXIT; fi
fi
export NODE_ENV=test
# pdf-parse loads its pdf.js worker with a dynamic import, which Jest's VM needs this flag for.
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings"
# e2e specs spawn the compiled entry points, so they must match the sources (tsc is incremental).
npm run build
npx jest --maxWorkers=2 --forceExit "$@"
