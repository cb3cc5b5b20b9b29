#!/usr/bin/env bash
# Local Redis and MongoDB-protocol server on loopback for development and tests.
#   eval "$(scripts/services.sh up)"    # idempotent; prints export lines
#   scripts/services.sh status | down
# Uses mongod when on PATH, else FerretDB v1.24.2 (SQLite backend), built on demand.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${SERVICES_DIR:-$ROOT/.services}
REDIS_PORT=${SERVICES_REDIS_PORT:-6390}
MONGO_PORT=${SERVICES_MONGO_PORT:-27027}
DB_NAME=${SERVICES_DB_NAME:-screener_test}
mkdir -p "$DIR"
log() { echo "services: $*" >&2; }

alive() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

wait_port() { # name port
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  log "$1 did not open port $2; see $DIR/$1.log"; return 1
}

ensure_redis() {
  command -v redis-server >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing redis-server with apt"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >&2
  else
    log "redis-server is missing: install Debian's redis-server package (apt-get install redis-server)"; exit 1
  fi
}

mongo_cmd() {
  if command -v mongod >/dev/null; then
    mkdir -p "$DIR/mongod"
    echo "mongod --bind_ip 127.0.0.1 --port $MONGO_PORT --dbpath $DIR/mongod --quiet"
  else
    local bin
    bin=$(command -v ferretdb || true)
    [ -n "$bin" ] || bin=$("$ROOT/scripts/build-ferretdb.sh")
    mkdir -p "$DIR/ferretdb"
    echo "$bin --handler=sqlite --sqlite-url=file:$DIR/ferretdb/ --listen-addr=127.0.0.1:$MONGO_PORT --state-dir=$DIR/ferretdb --telemetry=disable --debug-addr=- --log-level=warn"
  fi
}

up() {
  if ! alive redis; then
    ensure_redis
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
      --daemonize yes --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log" --dir "$DIR" >&2
    for _ in $(seq 1 50); do [ -s "$DIR/redis.pid" ] && break; sleep 0.1; done
    wait_port redis "$REDIS_PORT"
  fi
  if ! alive mongo; then
    local cmd; cmd=$(mongo_cmd)
    nohup $cmd > "$DIR/mongo.log" 2>&1 &
    echo $! > "$DIR/mongo.pid"
    wait_port mongo "$MONGO_PORT"
  fi
  echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
  echo "export MONGO_URI=mongodb://127.0.0.1:$MONGO_PORT/$DB_NAME"
}

down() {
  for s in mongo redis; do
    if alive "$s"; then kill "$(cat "$DIR/$s.pid")" 2>/dev/null || true; fi
    rm -f "$DIR/$s.pid"
  done
}

status() {
  local rc=0
  for s in redis mongo; do
    if alive "$s"; then echo "$s: running (pid $(cat "$DIR/$s.pid"))"; else echo "$s: stopped"; rc=1; fi
  done
  return $rc
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
