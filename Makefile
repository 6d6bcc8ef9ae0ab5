# The two commands of the README. Both install whatever is missing first.
.PHONY: serve test setup build lighthouse

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
