#!/usr/bin/env bash
# Builds the size-tuned release bundle into dist/ (wasm-opt -Oz through Trunk).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release --offline --dist dist "$@"
