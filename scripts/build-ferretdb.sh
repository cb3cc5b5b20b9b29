#!/usr/bin/env bash
# Builds FerretDB v1.24.2 into $GOBIN (default ~/go/bin). A plain module install of its cmd
# builds a binary that panics at start ("Invalid build/version/version.txt file content"), so
# this copies the module source and writes the version file first (see docs/stack-notes).
set -euo pipefail
VERSION=v1.24.2
OUT=${GOBIN:-${GOPATH:-$HOME/go}/bin}
if [ -x "$OUT/ferretdb" ] && "$OUT/ferretdb" --version 2>/dev/null | grep -q "$VERSION"; then
  echo "$OUT/ferretdb"; exit 0
fi
command -v go >/dev/null || { echo "build-ferretdb: Go is not installed; install Go 1.22+ or put mongod on PATH" >&2; exit 1; }
mkdir -p "$OUT"
export GOFLAGS=-mod=mod
go mod download "github.com/FerretDB/FerretDB@$VERSION" >&2
src=$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | python3 -c 'import json,sys;print(json.load(sys.stdin)["Dir"])')
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$src"/. "$tmp"
chmod -R u+w "$tmp"
echo "$VERSION" > "$tmp/build/version/version.txt"
(cd "$tmp" && go build -o "$OUT/ferretdb" ./cmd/ferretdb) >&2
echo "$OUT/ferretdb"
