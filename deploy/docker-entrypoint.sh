#!/bin/sh
# Selects the process the image runs: `api` (default), `worker`, or `screener <args>` for the CLI.
# Runs under tini (PID 1), and `exec`s node so SIGTERM reaches the process that drains.
set -eu

role="${1:-api}"
[ "$#" -gt 0 ] && shift

case "$role" in
  api) exec node dist/src/main.js "$@" ;;
  worker) exec node dist/src/worker.js "$@" ;;
  screener | cli) exec node bin/screener.js "$@" ;;
  -*) exec node "$role" "$@" ;; # e.g. `--version`, or node flags followed by a script
  *) exec "$role" "$@" ;; # any other command, e.g. `sh` for debugging
esac
