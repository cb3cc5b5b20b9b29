#!/usr/bin/env bash
# Validates the deployable artifacts without a Docker engine, and exits 1 if any check fails:
#   nginx     nginx.conf rendered with a generated self-signed pair (TLS) and as the plain
#             multi-instance variant (deploy/nginx/render-conf.sh): `nginx -t` on both, then both run
#             on loopback in front of two stub upstreams to check redirects, HSTS, request ids,
#             forwarded headers, body limits, rate limits, /metrics denial and failover.
#   workflows actionlint on .github/workflows (built with Go on first use), shellcheck on scripts.
#   compose   `docker compose config` (or Debian's docker-compose) when a CLI is present, and the
#             rules of deploy/checks (healthchecks, depends_on conditions, volumes, Redis flags...).
#   metrics   Prometheus config and rules, blackbox modules, Grafana dashboard and provisioning;
#             every PromQL expression is parsed (promql-parser, in a cached venv).
#   image     Dockerfile and .dockerignore rules, entrypoint roles, env templates and nginx limits.
# As root it installs missing Debian tools with apt, as npm test does for redis-server.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
ROOT="$PWD"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/screener-check-deploy"
ACTIONLINT_VERSION=v1.7.12
PY_REQS=(pyyaml==6.0.3 promql-parser==0.11.0)

passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$*"; }
bad() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$*"; }
skip() { skipped=$((skipped + 1)); printf '  skip  %s\n' "$*"; }
section() { printf '\n== %s\n' "$*"; }
check() { # description, command...: ok when the command succeeds
  local what="$1"; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}

work="$(mktemp -d)"
chmod 755 "$work"
started=()
declare -A PID # name -> pid of the stubs and nginx instances this script started
cleanup() {
  local p
  for p in "${started[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${started[@]}"; do wait "$p" 2>/dev/null; done
  rm -rf "$work"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------------
section "tools"
apt_install() {
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
  echo "  installing with apt: $*"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >/dev/null 2>&1
}
command -v nginx >/dev/null || apt_install nginx-light || apt_install nginx
command -v openssl >/dev/null || apt_install openssl
command -v curl >/dev/null || apt_install curl
command -v shellcheck >/dev/null || apt_install shellcheck
if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
  apt_install docker-compose
fi
for t in nginx openssl curl node python3; do
  if command -v "$t" >/dev/null; then ok "$t: $(command -v "$t")"; else bad "$t is missing"; fi
done

actionlint_bin() {
  command -v actionlint 2>/dev/null && return 0
  local gobin
  gobin="$(go env GOBIN 2>/dev/null)"
  [ -n "$gobin" ] || gobin="$(go env GOPATH 2>/dev/null)/bin"
  [ -n "$gobin" ] && [ "$gobin" != /bin ] || gobin="$HOME/go/bin"
  if [ ! -x "$gobin/actionlint" ] && command -v go >/dev/null; then
    echo "  building actionlint $ACTIONLINT_VERSION with go install" >&2
    GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION" >&2 || return 1
  fi
  [ -x "$gobin/actionlint" ] && echo "$gobin/actionlint"
}
ACTIONLINT="$(actionlint_bin)" && ok "actionlint: $ACTIONLINT" || bad "actionlint unavailable (needs Go to build)"

# A private venv with PyYAML and a PromQL parser; rebuilt only when the requirements change.
PY="$CACHE/venv/bin/python"
stamp="$CACHE/venv/.reqs"
if [ ! -x "$PY" ] || [ "$(cat "$stamp" 2>/dev/null)" != "${PY_REQS[*]}" ]; then
  rm -rf "$CACHE/venv"
  mkdir -p "$CACHE"
  if python3 -m venv "$CACHE/venv" >/dev/null 2>&1 \
    && "$PY" -m pip install -q --disable-pip-version-check "${PY_REQS[@]}" >/dev/null 2>&1; then
    echo "${PY_REQS[*]}" >"$stamp"
  else
    rm -rf "$CACHE/venv"
  fi
fi
if [ -x "$PY" ]; then ok "python venv: ${PY_REQS[*]}"; else bad "could not create the python venv with ${PY_REQS[*]}"; PY=''; fi

# ------------------------------------------------------------------------------------------------
section "nginx: nginx -t on the TLS and plain variants of nginx.conf"
free_ports() { # n -> n free loopback ports
  node -e 'const n=+process.argv[1],net=require("net"),s=[];let left=n;
    for(let i=0;i<n;i++){const v=net.createServer();s.push(v);v.listen(0,"127.0.0.1",()=>{if(--left===0){
    console.log(s.map(x=>x.address().port).join(" "));s.forEach(x=>x.close());}});}' "$1"
}
read -r PORT_A PORT_B PORT_TLS PORT_HTTP PORT_PLAIN <<<"$(free_ports 5)"
API="127.0.0.1:$PORT_A,127.0.0.1:$PORT_B"

mkdir -p "$work/cert"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
  -keyout "$work/cert/privkey.pem" -out "$work/cert/fullchain.pem" >/dev/null 2>&1
chmod 644 "$work/cert/privkey.pem"
check "self-signed pair generated with openssl" test -s "$work/cert/fullchain.pem"

render() { # name, render-conf args...
  local name="$1"; shift
  deploy/nginx/render-conf.sh --prefix "$work/$name" --api "$API" "$@" >"$work/$name.conf" 2>"$work/$name.err" \
    || { cat "$work/$name.err"; return 1; }
}
nginx_t() { # name
  nginx -e stderr -t -q -c "$work/$1.conf" 2>&1 | sed 's/^/        /' >&2
  return "${PIPESTATUS[0]}"
}
check "render TLS variant (certificates swapped for the self-signed pair)" \
  render tls --mode tls --listen "127.0.0.1:$PORT_TLS" --http-listen "127.0.0.1:$PORT_HTTP" \
  --cert "$work/cert/fullchain.pem" --key "$work/cert/privkey.pem" --server-name localhost
check "nginx -t: TLS variant, as $(id -un)" nginx_t tls
check "render plain variant (TLS off, loopback upstreams: the multi-instance test's config)" \
  render plain --mode plain --listen "127.0.0.1:$PORT_PLAIN"
check "nginx -t: plain variant, as $(id -un)" nginx_t plain
check "plain variant has no ssl_ directive and no HSTS" bash -c "! grep -qE '^ *ssl_|add_header Strict-Transport' '$work/plain.conf'"

# ------------------------------------------------------------------------------------------------
section "nginx: live behaviour on loopback (stub upstreams)"
# Each stub echoes what it received as JSON, and sends an X-Request-Id and an HSTS header of its own
# that nginx must replace. It consumes the body so uploads complete.
start_stub() { # name port
  node -e '
    const [name, port] = process.argv.slice(1);
    require("http").createServer((req, res) => {
      let bytes = 0;
      req.on("data", (c) => (bytes += c.length));
      req.on("end", () => {
        res.setHeader("content-type", "application/json");
        res.setHeader("x-upstream", name);
        res.setHeader("x-request-id", "from-upstream");
        res.setHeader("strict-transport-security", "max-age=1");
        res.end(JSON.stringify({ name, method: req.method, url: req.url, bytes, headers: req.headers }));
      });
    }).listen(+port, "127.0.0.1");' "$1" "$2" &
  started+=($!)
  PID[stub_$1]=$!
}
wait_port() { # port
  local _
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
start_nginx() { # name port
  nginx -e stderr -c "$work/$1.conf" -g 'daemon off;' 2>"$work/$1.log" &
  started+=($!)
  PID[nginx_$1]=$!
  wait_port "$2" || { cat "$work/$1.log"; return 1; }
}
stop_pid() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; true; }

# curl wrapper: writes headers to $work/h and the body to $work/b, prints the status code.
req() { curl -sS -o "$work/b" -D "$work/h" -w '%{http_code}' "$@" 2>"$work/curl.err" || echo "000"; }
header() { grep -i "^$1:" "$work/h" | tr -d '\r' | sed 's/^[^:]*: *//'; }
header_count() { grep -ci "^$1:" "$work/h"; }
body() { node -e 'const v=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));
  const r=process.argv[2].split(".").reduce((o,k)=>o==null?o:o[k],v);console.log(r??"")' "$work/b" "$1"; }
expect() { # description, actual, expected (exact) or ~regex
  local what="$1" got="$2" want="$3"
  if [[ "$want" == "~"* ]]; then [[ "$got" =~ ${want#\~} ]] && { ok "$what"; return; }
  elif [ "$got" = "$want" ]; then ok "$what"; return; fi
  bad "$what (got '$got', want '$want')"
}

start_stub a "$PORT_A"
start_stub b "$PORT_B"
wait_port "$PORT_A" && wait_port "$PORT_B" || bad "stub upstreams did not start"

if start_nginx tls "$PORT_TLS"; then
  HTTPS="https://localhost:$PORT_TLS"
  TLS=(--cacert "$work/cert/fullchain.pem")
  expect "TLS: GET /health/live over HTTPS" "$(req "${TLS[@]}" "$HTTPS/health/live")" 200
  expect "TLS: exactly one HSTS header, nginx's one year" "$(header_count Strict-Transport-Security)/$(header Strict-Transport-Security)" "1/max-age=31536000; includeSubDomains"
  expect "TLS: upstream told X-Forwarded-Proto https" "$(body headers.x-forwarded-proto)" https
  expect "TLS: TLS 1.2 accepted" "$(req "${TLS[@]}" --tlsv1.2 --tls-max 1.2 "$HTTPS/health/live")" 200
  expect "TLS: HTTP redirects to HTTPS" "$(req -H 'Host: screener.test' "http://127.0.0.1:$PORT_HTTP/jobs?x=1")" 301
  expect "TLS: redirect keeps host, path and query" "$(header Location)" "https://screener.test/jobs?x=1"
  mkdir -p "$work/tls/acme/.well-known/acme-challenge" && echo token-ok >"$work/tls/acme/.well-known/acme-challenge/t1"
  chmod -R a+rX "$work/tls/acme"
  expect "TLS: ACME challenge served on HTTP, not redirected" "$(req "http://127.0.0.1:$PORT_HTTP/.well-known/acme-challenge/t1")/$(cat "$work/b")" "200/token-ok"
  expect "TLS: /nginx-health (container healthcheck) on HTTP" "$(req "http://127.0.0.1:$PORT_HTTP/nginx-health")" 200
  stop_pid "${PID[nginx_tls]}"
else
  bad "TLS variant did not start"
fi

if start_nginx plain "$PORT_PLAIN"; then
  BASE="http://127.0.0.1:$PORT_PLAIN"
  expect "GET /health/live through nginx" "$(req "$BASE/health/live")" 200
  rid="$(header X-Request-Id)"
  expect "generated X-Request-Id is 32 hex, exactly once in the response" "$(header_count X-Request-Id)/$rid" "~^1/[0-9a-f]{32}$"
  expect "upstream received the same X-Request-Id" "$(body headers.x-request-id)" "$rid"
  expect "X-Forwarded-For" "$(body headers.x-forwarded-for)" 127.0.0.1
  expect "X-Real-IP" "$(body headers.x-real-ip)" 127.0.0.1
  expect "X-Forwarded-Proto (plain)" "$(body headers.x-forwarded-proto)" http
  expect "X-Forwarded-Host" "$(body headers.x-forwarded-host)" 127.0.0.1
  req -H 'X-Request-Id: portal-42.a:b' "$BASE/jobs" >/dev/null
  expect "a caller's X-Request-Id is kept end to end" "$(header X-Request-Id)/$(body headers.x-request-id)" "portal-42.a:b/portal-42.a:b"
  req -H 'X-Request-Id: bad id"<x>' "$BASE/jobs" >/dev/null
  expect "a malformed X-Request-Id is replaced" "$(header X-Request-Id)" "~^[0-9a-f]{32}$"
  for path in /metrics /metrics/ '/metrics?name[]=x'; do
    expect "GET $path is denied" "$(req -g "$BASE$path")" 403
  done

  head -c $((5 * 1024 * 1024 + 4096)) /dev/zero >"$work/5m.bin"
  head -c $((7 * 1024 * 1024)) /dev/zero >"$work/7m.bin"
  MP=(-H 'Content-Type: multipart/form-data; boundary=x')
  expect "5 MiB + framing upload accepted" "$(req "${MP[@]}" --data-binary @"$work/5m.bin" "$BASE/jobs/j1/applications")/$(body bytes)" "200/$((5 * 1024 * 1024 + 4096))"
  expect "7 MiB single upload refused by nginx" "$(req "${MP[@]}" --data-binary @"$work/7m.bin" "$BASE/jobs/j1/applications")" 413
  expect "413 body is the API's error shape with the request id" "$(body error.code)/$(body error.requestId)" "HTTP.PAYLOAD_TOO_LARGE/$(header X-Request-Id)"
  expect "7 MiB to POST /resumes refused" "$(req "${MP[@]}" --data-binary @"$work/7m.bin" "$BASE/resumes")" 413
  expect "7 MiB to a JSON route refused" "$(req -H 'Content-Type: application/json' --data-binary @"$work/7m.bin" "$BASE/jobs")" 413
  expect "7 MiB to the batch endpoint accepted (limit 256m)" "$(req "${MP[@]}" --data-binary @"$work/7m.bin" "$BASE/jobs/j1/applications/batch")/$(body bytes)" "200/$((7 * 1024 * 1024))"

  seen=''
  for _ in $(seq 1 10); do req "$BASE/jobs" >/dev/null; seen+="$(header X-Upstream)"; done
  expect "requests spread over both upstreams" "$( [[ $seen == *a* && $seen == *b* ]] && echo both)" both

  # One curl process, one connection, 400 requests: far above 50 r/s plus the burst of 100.
  mkdir -p "$work/flood"
  codes="$(curl -s -o "$work/flood/#1" -w '%{http_code} %header{retry-after}\n' "$BASE/jobs?n=[1-400]")"
  n429="$(grep -c '^429 ' <<<"$codes")"
  expect "400 rapid requests: limit_req answers some with 429" "$([ "$n429" -gt 0 ] && echo yes) ($n429)" "yes ($n429)"
  expect "every 429 has Retry-After: 1" "$(grep '^429 ' <<<"$codes" | sort -u)" "429 1"
  expect "every 429 body is the API's error shape" "$(grep -l '"code":"HTTP.RATE_LIMITED"' "$work"/flood/* | wc -l)" "$n429"
  codes="$(curl -s -o /dev/null -w '%{http_code}\n' "$BASE/health/ready?n=[1-400]")"
  expect "...while 400 rapid /health/ready all pass (not rate-limited)" "$(grep -vc '^200$' <<<"$codes")" 0

  sleep 3 # let the per-IP bucket drain before the failover checks
  stop_pid "${PID[stub_b]}"
  sleep 0.5
  codes="$(for i in $(seq 1 12); do curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: multipart/form-data; boundary=x' --data-binary "f$i" "$BASE/jobs/j1/applications"; done)"
  expect "one upstream down: 12 POST uploads all succeed (refused connects go to the other)" "$(grep -vc '^200$' <<<"$codes")" 0
  stop_pid "${PID[stub_a]}"
  sleep 0.5
  expect "all upstreams down: 503" "$(req "$BASE/jobs")" 503
  expect "503 has Retry-After and the API's error shape" "$(header Retry-After)/$(body error.code)" "5/HTTP.UPSTREAM_UNAVAILABLE"
  stop_pid "${PID[nginx_plain]}"
else
  bad "plain variant did not start"
fi

# ------------------------------------------------------------------------------------------------
section "workflows and shell scripts"
if [ -n "$ACTIONLINT" ]; then
  if "$ACTIONLINT" -no-color .github/workflows/*.yml >"$work/actionlint.out" 2>&1; then
    ok "actionlint: $(ls .github/workflows/*.yml | tr '\n' ' ')$(command -v shellcheck >/dev/null && echo '(with shellcheck on run: steps)')"
  else
    sed 's/^/        /' "$work/actionlint.out"; bad "actionlint"
  fi
fi
scripts_to_lint=(scripts/check-deploy.sh deploy/nginx/render-conf.sh deploy/docker-entrypoint.sh)
if command -v shellcheck >/dev/null; then
  if shellcheck -S warning "${scripts_to_lint[@]}" >"$work/sc.out" 2>&1; then
    ok "shellcheck: ${scripts_to_lint[*]}"
  else
    sed 's/^/        /' "$work/sc.out"; bad "shellcheck"
  fi
else
  skip "shellcheck not installed"
fi
check "entrypoint is valid POSIX sh" sh -n deploy/docker-entrypoint.sh

# ------------------------------------------------------------------------------------------------
section "compose: CLI validation"
printf 'SCREENER_IMAGE=example/resume-screener:ci\n' >"$work/.env"
grep -v '^SCREENER_IMAGE=' deploy/env.prod.example \
  | sed -E 's/^(MONGO_ROOT_PASSWORD|MONGO_APP_PASSWORD|REDIS_PASSWORD|GRAFANA_ADMIN_PASSWORD)=$/\1=0123456789abcdef/' >>"$work/.env"
compose_config() { # file: validates with whichever compose CLI exists, from a copy of the tree
  local dir="$work/compose"
  rm -rf "$dir" && mkdir -p "$dir" && cp -r "$1" nginx.conf Dockerfile .dockerignore deploy "$dir/" && cp "$work/.env" "$dir/.env"
  if docker compose version >/dev/null 2>&1; then
    (cd "$dir" && docker compose -f "$1" --profile monitoring --profile app config -q)
  else
    (cd "$dir" && docker-compose -f "$1" --profile monitoring --profile app config -q)
  fi
}
if docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null; then
  for f in docker-compose.prod.yml docker-compose.yml; do
    if compose_config "$f" >"$work/compose.out" 2>&1; then ok "compose config: $f"; else sed 's/^/        /' "$work/compose.out"; bad "compose config: $f"; fi
  done
else
  skip "no docker compose CLI (the structural checks below still run)"
fi

# ------------------------------------------------------------------------------------------------
section "compose, env, image, metrics and workflow rules (deploy/checks)"
if [ -n "$PY" ]; then
  "$PY" deploy/checks/run.py "$ROOT" >"$work/py.out" 2>&1
  rc=$?
  cat "$work/py.out"
  passed=$((passed + $(grep -c '^  ok ' "$work/py.out")))
  py_failed="$(grep -c '^  FAIL ' "$work/py.out")"
  failed=$((failed + py_failed))
  if [ "$rc" -ne 0 ] && [ "$py_failed" -eq 0 ]; then bad "deploy/checks/run.py exited $rc"; fi
fi

section "summary"
echo "  $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
