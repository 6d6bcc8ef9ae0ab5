#!/usr/bin/env bash
# Runs the benchmarks of the analysis core (benches/pipeline.rs, divan, [profile.bench]
# at opt-level 3). They report and never fail on a figure, so this is not part of
# `make test`. Prints:
#   - a one-line summary: whole-pipeline and analysis-only throughput in MB/s on a
#     generated corpus of 1,000 articles (about 5 MB), and the time to align two
#     sources of 200 claims each;
#   - divan's table: fastest / slowest / median / mean time and MB/s per benchmark.
# Extra arguments go to divan, e.g. `scripts/bench.sh pipeline` runs only the
# whole-pipeline benchmark, `scripts/bench.sh --sample-count 3` takes fewer samples.
# For the wasm size the core adds, see scripts/wasm-size-analysis.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
cargo bench -p parallax-core --bench pipeline -- "$@"
