#!/usr/bin/env bash
# Installs whatever Parallax needs to build, serve and test, and skips what is
# already there. Safe to run again: a second run installs nothing.
#
# Pitfalls this script encodes (measured on the CI machine kind):
# - Trunk 0.22 needs rustc >= 1.96.1; we pin Trunk 0.21.14 (--locked).
# - wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, and must be
#   installed without --locked (its lockfile names a yanked crate version).
# - Debian's binaryen (wasm-opt 108) cannot parse today's rustc output; the
#   npm package binaryen@132 (pinned in package-lock.json) ships a working one.
# - Browsers come from Debian; geckodriver from crates.io.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

TRUNK_VERSION=0.21.14
started=$(date +%s)
step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Rust targets and components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$comp"; then
    step "adding rust component $comp"
    rustup component add "$comp"
  fi
done

# 2. Browsers and chromedriver from Debian.
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# 3. Cargo-installed tools.
have_version() { # tool, expected version substring
  command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"
}
if ! have_version trunk " $TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION (takes ~7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet
fi
WB_VERSION=$(scripts/lock-version.sh wasm-bindgen)
if ! have_version wasm-bindgen " $WB_VERSION"; then
  step "cargo install wasm-bindgen-cli $WB_VERSION (takes ~2 minutes)"
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force --quiet
fi
if ! command -v geckodriver >/dev/null; then
  step "cargo install geckodriver (takes ~2 minutes)"
  cargo install geckodriver --quiet
fi

# 4. npm tooling (wasm-opt, playwright-core, axe-core, ...), pinned by package-lock.json.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.parallax-lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.parallax-lock-hash
fi

# 5. Sanity: every tool answers.
wasm-opt --version | grep -q "version 132" || { echo "wasm-opt on PATH is not binaryen 132: $(command -v wasm-opt)"; exit 1; }
step "ready in $(( $(date +%s) - started ))s: trunk $(trunk --version | cut -d' ' -f2), wasm-bindgen $WB_VERSION, $(wasm-opt --version | head -1), $(chromium --version 2>/dev/null | head -1), $(firefox-esr --version 2>/dev/null || firefox --version), $(geckodriver --version | head -1)"
