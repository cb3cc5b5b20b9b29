#!/usr/bin/env bash
# The full multi-instance run of issue 10: Debian's nginx (production nginx.conf, TLS off) in
# front of 2 API and 2 worker processes from dist/, one MongoDB and a private Redis, with
# COUNT uploads (default 200), an API SIGKILLed mid-run, and the global rate limit checked.
#   scripts/multi-instance.sh [COUNT]        or   npm run multi-instance [-- COUNT]
# The same spec runs in CI with a smaller MULTI_INSTANCE_COUNT (test/deploy/multi-instance.e2e-spec.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-${MULTI_INSTANCE_COUNT:-200}}"
case "$count" in '' | *[!0-9]*) echo "multi-instance: COUNT must be a number" >&2; exit 2 ;; esac
command -v nginx >/dev/null || { echo "multi-instance: needs Debian's nginx (apt-get install nginx)" >&2; exit 2; }
if [ -z "${MONGO_URI:-}" ] || [ -z "${REDIS_URL:-}" ]; then eval "$(scripts/services.sh up)"; fi
npm run --silent build
export NODE_ENV=test MULTI_INSTANCE_COUNT="$count"
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules --no-warnings"
exec npx jest --selectProjects e2e --runInBand --testTimeout=900000 test/deploy/multi-instance.e2e-spec.ts
