# Runway: `make run` runs the baseline scenario, `make test` runs the tests.
# Both install GSL first when it is missing (Debian/Ubuntu: libgsl-dev); `make test` also
# installs Chromium (the report test opens report.html in it).

SWIFT ?= swift
SCENARIO ?= Scenarios/baseline.yaml

.PHONY: run test build deps browser dictionary expected clean bench fuzz workshop

deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists gsl; then :; else \
	  echo "GSL (libgsl-dev) or pkg-config is missing: installing them with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	    echo "Cannot install: not root and no sudo. Ask an administrator to run: apt-get install -y libgsl-dev pkg-config"; \
	    echo "(elsewhere: install GSL 2.x so that 'pkg-config --exists gsl' succeeds, e.g. 'brew install gsl pkg-config')"; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libgsl-dev pkg-config || { \
	    echo "apt-get could not install libgsl-dev; install GSL 2.x by hand so that 'pkg-config --exists gsl' succeeds"; exit 1; }; \
	fi

# The report test opens a generated report.html in headless Chromium (Debian: chromium).
browser:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then :; else \
	  echo "Chromium is missing (the report test opens report.html in it): installing it with apt-get"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	    echo "Cannot install: not root and no sudo. Ask an administrator to run: apt-get install -y chromium"; \
	    echo "(or run the tests with RUNWAY_SKIP_BROWSER=1 to leave the browser test out)"; exit 1; fi; \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium || { \
	    echo "apt-get could not install chromium; install it by hand, or run the tests with RUNWAY_SKIP_BROWSER=1"; exit 1; }; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/runway run $(SCENARIO)

# The CLI tests depend on the runway executable, so `swift test` builds it fresh.
test: deps browser
	$(SWIFT) test

# The workshop page (runway serve): open the printed address. WORKSHOP_HOST=0.0.0.0 serves a
# room's network (the page then asks for the access code the server prints).
WORKSHOP_HOST ?= 127.0.0.1
WORKSHOP_PORT ?= 8080
workshop: build
	.build/release/runway serve --host $(WORKSHOP_HOST) --port $(WORKSHOP_PORT)

dictionary: build
	.build/release/runway dictionary > DATA_DICTIONARY.md

# Rewrites the back tests' stored outputs (Tests/Fixtures/expected/) with the debug build
# the tests use. Only on purpose: review the diff and say in the commit why results changed.
BACKTESTS = small households organisations money
expected: deps
	$(SWIFT) build
	@tmp=$$(mktemp -d) && for f in $(BACKTESTS); do \
	  .build/debug/runway run Tests/Fixtures/backtest/$$f.yaml --output $$tmp --run-id expected --jobs 2 --stories 3 --quiet || exit 1; \
	  mkdir -p Tests/Fixtures/expected/$$f && rm -f Tests/Fixtures/expected/$$f/* && \
	  cp $$tmp/backtest-$$f/expected/*.csv $$tmp/backtest-$$f/expected/stories.md Tests/Fixtures/expected/$$f/ || exit 1; \
	done; rm -rf $$tmp; git status --short Tests/Fixtures/expected

clean:
	rm -rf .build

# Generated hostile scenario files and --set values through the loader, the compiled
# model and (a sample) a short run: FUZZ_CASES inputs (make test tries 2,000). Each input
# is saved to $(FUZZ_DIR)/current-input.txt before it is tried, so the one that killed
# the process is printed; the counts by class and outcome go to $(FUZZ_DIR)/report.md.
FUZZ_CASES ?= 100000
FUZZ_SEED ?= 20260101
FUZZ_DIR ?= .build/fuzz
fuzz: deps
	$(SWIFT) build --build-tests
	@mkdir -p $(FUZZ_DIR)
	@RUNWAY_FUZZ_CASES=$(FUZZ_CASES) RUNWAY_FUZZ_SEED=$(FUZZ_SEED) RUNWAY_FUZZ_DIR=$(abspath $(FUZZ_DIR)) \
	  RUNWAY_FUZZ_REPORT=$(abspath $(FUZZ_DIR))/report.md \
	  $(SWIFT) test --skip-build --filter ScenarioFuzzTests || { \
	  echo "fuzz: failed (see above). If the process died, this is the input it was trying ($(FUZZ_DIR)/current-input.txt):"; \
	  cat $(FUZZ_DIR)/current-input.txt; exit 1; }
	@cat $(FUZZ_DIR)/report.md

# Benchmarks (not part of `make test`): Runway vs SimPy 4.1.2 and hand-written C on the
# reference network, plus full-model runs. BENCH_ARGS=--quick for a fast check.
BENCH_ARGS ?=
bench: build
	@command -v /usr/bin/time >/dev/null 2>&1 || apt-get install -y -qq time
	@mkdir -p Benchmarks/peers/bin
	cc -O2 -o Benchmarks/peers/bin/reference Benchmarks/peers/reference.c -lm
	@test -x Benchmarks/peers/.venv/bin/python || python3 -m venv Benchmarks/peers/.venv
	@Benchmarks/peers/.venv/bin/python -c "import simpy" 2>/dev/null || Benchmarks/peers/.venv/bin/pip install -q simpy==4.1.2
	python3 Benchmarks/bench.py $(BENCH_ARGS)
