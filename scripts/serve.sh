#!/usr/bin/env bash
# Serves the app with Trunk on http://127.0.0.1:8080 (rebuilds on change).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
echo "Parallax: serving on http://127.0.0.1:8080/ (Ctrl-C to stop)"
exec trunk serve --offline --address 127.0.0.1 --port 8080 "$@"
