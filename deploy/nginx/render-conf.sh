#!/usr/bin/env bash
# Derives a runnable variant of the production nginx.conf for CI and local tests, so the
# directives under test are the production ones. Rewrites only:
#   - the lines marked "# @render:..." (listen ports, upstream servers, HSTS, the port-80 server),
#   - absolute paths (pid, logs, temp dirs, ACME webroot, certificates) into --prefix,
#   - ${SERVER_NAME}, and the `user` directive (a non-root master ignores it; root keeps root).
#
# Usage:
#   deploy/nginx/render-conf.sh --prefix DIR --api HOST:PORT[,HOST:PORT...] [options] > nginx.conf
# Options:
#   --mode tls|plain       tls (default): HTTPS on --listen and the redirect server on --http-listen;
#                          plain: HTTP only on --listen, no certificates, no HSTS, no redirect server
#   --listen [ADDR:]PORT   main server (default 127.0.0.1:8443 for tls, 127.0.0.1:8080 for plain)
#   --http-listen [ADDR:]PORT  redirect server, tls mode only (default 127.0.0.1:8081)
#   --cert FILE --key FILE certificate pair, required in tls mode
#   --server-name NAME     replaces ${SERVER_NAME} (default localhost)
#   --no-rate-limit        drops limit_req/limit_conn from locations (e.g. a load test that measures
#                          the API's own throttler; the zones stay defined)
#   --source FILE          the production config (default: nginx.conf at the repository root)
# Then: nginx -t -c DIR/nginx.conf   or   nginx -c DIR/nginx.conf -g 'daemon off;'
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
mode=tls listen='' http_listen='127.0.0.1:8081' cert='' key='' server_name=localhost
prefix='' api='' rate_limit=1 source="$root/nginx.conf"

die() { echo "render-conf: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --listen) listen="$2"; shift 2 ;;
    --http-listen) http_listen="$2"; shift 2 ;;
    --cert) cert="$2"; shift 2 ;;
    --key) key="$2"; shift 2 ;;
    --server-name) server_name="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --api) api="$2"; shift 2 ;;
    --no-rate-limit) rate_limit=0; shift ;;
    --source) source="$2"; shift 2 ;;
    *) die "unknown argument: $1" ;;
  esac
done
[ -n "$prefix" ] || die "--prefix DIR is required"
[ -n "$api" ] || die "--api HOST:PORT[,HOST:PORT...] is required"
[ -f "$source" ] || die "no such file: $source"
case "$mode" in
  tls) listen="${listen:-127.0.0.1:8443}"
       { [ -f "$cert" ] && [ -f "$key" ]; } || die "tls mode needs --cert and --key files" ;;
  plain) listen="${listen:-127.0.0.1:8080}" ;;
  *) die "--mode must be tls or plain" ;;
esac

mkdir -p "$prefix/temp" "$prefix/acme"
# Workers run as another user when the master is root; they must reach the temp dirs.
chmod 755 "$prefix" "$prefix/temp" "$prefix/acme"

# Upstream servers: one line per --api address, with the production line's parameters.
servers=''
IFS=',' read -r -a addrs <<<"$api"
for a in "${addrs[@]}"; do
  servers+="        server $a max_fails=3 fail_timeout=10s;\\n"
done

if [ "$(id -u)" = 0 ]; then user_line='user root;'; else user_line=''; fi

script=(
  -e "s|^user .*;|$user_line|"
  -e "s|^pid .*;|pid $prefix/nginx.pid;|"
  -e "s|^error_log [^ ;]*|error_log $prefix/error.log|"
  -e "s|access_log /var/log/nginx/access.log|access_log $prefix/access.log|"
  -e "s|\(_temp_path\) /var/cache/nginx/|\1 $prefix/temp/|"
  -e "s|root /var/www/certbot;|root $prefix/acme;|"
  -e "s|^ *server [^#]*# @render:api-servers\$|${servers%\\n}|"
  -e "/^ *#/!s|\${SERVER_NAME}|$server_name|g"
)
if [ "$mode" = tls ]; then
  script+=(
    -e "s|listen [^;]*; # @render:https-listen|listen $listen ssl default_server;|"
    -e "s|listen [^;]*; # @render:http-listen|listen $http_listen default_server;|"
    -e "s|ssl_certificate /etc/letsencrypt/[^;]*;|ssl_certificate $cert;|"
    -e "s|ssl_certificate_key /etc/letsencrypt/[^;]*;|ssl_certificate_key $key;|"
  )
else
  script+=(
    -e "s|listen [^;]*; # @render:https-listen|listen $listen default_server;|"
    -e '/# @render:begin redirect-server/,/# @render:end redirect-server/d'
    -e '/^ *ssl_/d'
    -e '/# @render:hsts$/d'
  )
fi
if [ "$rate_limit" = 0 ]; then
  script+=(-e '/^ *limit_req zone=/d' -e '/^ *limit_conn [a-z_]* [0-9]*;/d')
fi

out="$(sed "${script[@]}" "$source")"
# Every absolute path left must point into the prefix (certificates are given on the command line).
leftover="$(grep -nE '^[^#]*(/var/|/etc/|/run/)' <<<"$out" | grep -vE '^[0-9]+: *ssl_certificate(_key)? ' || true)"
[ -z "$leftover" ] || die "unrewritten absolute paths:"$'\n'"$leftover"
printf '%s\n' "$out"
