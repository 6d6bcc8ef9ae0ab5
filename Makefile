# The two commands of the README. Both install whatever is missing first.
.PHONY: serve test setup build lighthouse bench-browser

setup:
	@bash scripts/setup.sh

serve: setup
	@bash scripts/serve.sh

test: setup
	@bash scripts/test.sh

build: setup
	@bash scripts/build-release.sh

# Lighthouse (performance, accessibility, best practices; desktop and mobile) of the
# release build; fails below the targets in scripts/lighthouse.mjs.
lighthouse: build
	@bash -c 'source scripts/env.sh && node scripts/lighthouse.mjs dist'

# Browser benchmarks of the release build in headless Chromium: our wasm text pipeline
# against wink-nlp (scripts/bench-wink.mjs), and the app with 1,000 imported articles
# (scripts/bench-scale.mjs). They report against the issue's goals; they do not fail on them.
bench-browser: build
	@bash -c 'source scripts/env.sh && node scripts/bench-wink.mjs && node scripts/bench-scale.mjs'
