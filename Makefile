# The two commands of the README. Both install whatever is missing first.
.PHONY: serve test setup build

setup:
	@bash scripts/setup.sh

serve: setup
	@bash scripts/serve.sh

test: setup
	@bash scripts/test.sh

build: setup
	@bash scripts/build-release.sh
