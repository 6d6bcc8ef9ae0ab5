#!/usr/bin/env bash
# Runs every check Parallax has, in order of cost, and stops at the first failure:
#   hygiene (fmt, clippy native + wasm32) → native cargo test → wasm-bindgen-test in
#   headless Chrome and Firefox → release build + size budget → end-to-end in Chromium.
# Assumes scripts/setup.sh has run (make test does that first).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

summary=()
log_dir=target/test-logs
mkdir -p "$log_dir"
stage() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
count_passed() { # sums "N passed" over every "test result:" line of a log
  grep -Eo 'test result: ok\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}'
}

stage "hygiene: cargo fmt --check"
cargo fmt --all -- --check

stage "hygiene: cargo clippy (native, all targets)"
cargo clippy --quiet --workspace --all-targets -- -D warnings

stage "hygiene: cargo clippy (wasm32)"
cargo clippy --quiet --workspace --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

stage "layer 1: native cargo test"
cargo test --workspace --quiet 2>&1 | tee "$log_dir/native.log"
summary+=("native cargo test: $(count_passed "$log_dir/native.log") passed")
# Scores the tests print (captured above when they pass): show them.
cargo test --quiet --test golden_rules -- --nocapture 2>/dev/null | grep -E '^Golden Rules' | tee "$log_dir/golden.log"
summary+=("$(cat "$log_dir/golden.log")")

# wasm-bindgen-test picks the browser from which driver variable is set.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=120
for browser in chrome firefox; do
  stage "layer 2: wasm-bindgen-test in headless $browser"
  if [ "$browser" = chrome ]; then
    driver_env=(CHROMEDRIVER="$(command -v chromedriver)")
  else
    driver_env=(GECKODRIVER="$(command -v geckodriver)")
  fi
  env -u CHROMEDRIVER -u GECKODRIVER "${driver_env[@]}" \
    cargo test --target wasm32-unknown-unknown --test web 2>&1 | tee "$log_dir/wasm-$browser.log"
  summary+=("wasm-bindgen-test ($browser): $(count_passed "$log_dir/wasm-$browser.log") passed")
done

stage "release build (trunk, wasm-opt -Oz)"
bash scripts/build-release.sh

stage "size budget"
node scripts/size-check.mjs dist | tee "$log_dir/size.log"
summary+=("$(grep -E '^(first load|total)' "$log_dir/size.log" | paste -sd ';' -)")

stage "layer 3: end-to-end in headless Chromium against the release build"
node tests/e2e/run.mjs dist 2>&1 | tee "$log_dir/e2e.log"
summary+=("$(grep -E '^e2e:' "$log_dir/e2e.log" | tail -1)")

stage "summary"
printf '  %s\n' "${summary[@]}"
