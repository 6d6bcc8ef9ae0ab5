# Sourced by the project scripts: puts the project's own tools first on PATH.
# npm's binaryen provides a wasm-opt that understands today's rustc output.
PARALLAX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$PARALLAX_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Chromium as root needs --no-sandbox; the network is closed, so no background traffic.
export PARALLAX_CHROME_ARGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
