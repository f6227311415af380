# Runway: `make run` runs the baseline scenario, `make test` runs the tests.
# Both install GSL first when it is missing (Debian/Ubuntu: libgsl-dev).

SWIFT ?= swift
SCENARIO ?= Scenarios/baseline.yaml

.PHONY: run test build deps dictionary clean

deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; then :; else \
	  echo "GSL (libgsl-dev) or pkg-config is missing: installing them with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	    echo "Cannot install: not root and no sudo. Ask an administrator to run: apt-get install -y libgsl-dev pkg-config"; \
	    echo "(elsewhere: install GSL 2.x so that 'pkg-config --exists gsl' succeeds, e.g. 'brew install gsl pkg-config')"; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libgsl-dev pkg-config || { \
	    echo "apt-get could not install libgsl-dev; install GSL 2.x by hand so that 'pkg-config --exists gsl' succeeds"; exit 1; }; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/runway run $(SCENARIO)

# The CLI tests run the built binary, so build it before testing.
test: deps
	$(SWIFT) build
	$(SWIFT) test

dictionary: build
	.build/release/runway dictionary > DATA_DICTIONARY.md

clean:
	rm -rf .build
