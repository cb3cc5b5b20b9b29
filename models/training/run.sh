#!/usr/bin/env bash
# Rebuilds the screening model from the shared dataset:
#   models/training/run.sh <resume_data.csv> <version>
# Creates .venv from requirements.txt when missing, extracts features with the TypeScript code
# (npm run features), runs strict grouped CV (statistics refitted per fold) and exports
# models/screening-<version>.{onnx,json,stats.json}. Seeded: a rerun reproduces the same bytes.
set -euo pipefail
data="${1:?usage: models/training/run.sh <resume_data.csv> <version>}"
version="${2:?usage: models/training/run.sh <resume_data.csv> <version>}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r models/training/requirements.txt
fi
cache=models/training/.cache
mkdir -p "$cache"
npm run --silent features -- "$data" "$cache/features.csv"
.venv/bin/python models/training/train.py --features "$cache/features.csv" --stats "$cache/features.stats.json" \
  --version "$version" --data "$data"
