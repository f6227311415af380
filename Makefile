# Runway: `make run` runs the baseline scenario, `make test` runs the tests.
# Both install GSL first when it is missing (Debian/Ubuntu: libgsl-dev); `make test` also
# installs Chromium (the report test opens report.html in it) and Python's frictionless and
# jsonschema in a venv (the data-package test validates run folders with frictionless, the
# schema test validates scenarios against Scenarios/runway.schema.json with jsonschema).

SWIFT ?= swift
SCENARIO ?= Scenarios/baseline.yaml

.PHONY: run test test-cluster build deps browser frictionless dictionary schema expected clean bench bench-peers bench-compare fuzz man docs workshop

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

# The data-package test runs `frictionless validate` (PyPI) on run folders, the schema test
# Python's `jsonschema` (with PyYAML) on scenario files; they live in one venv under .build
# (Debian needs python3-venv for `python3 -m venv`).
FRICTIONLESS_VENV = .build/frictionless-venv
FRICTIONLESS_VERSION = 5.21.0
JSONSCHEMA_VERSION = 4.26.0
PYYAML_VERSION = 6.0.4
frictionless:
	@if [ -x $(FRICTIONLESS_VENV)/bin/frictionless ] && $(FRICTIONLESS_VENV)/bin/python -c "import jsonschema, yaml" 2>/dev/null; then :; else \
	  echo "frictionless or jsonschema is missing (the data-package and schema tests use them): installing them in $(FRICTIONLESS_VENV)"; \
	  python3 -m venv $(FRICTIONLESS_VENV) 2>/dev/null || { \
	    if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else \
	      echo "python3 -m venv failed and cannot install python3-venv (not root, no sudo); or run the tests with RUNWAY_SKIP_FRICTIONLESS=1"; exit 1; fi; \
	    $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq python3-venv && rm -rf $(FRICTIONLESS_VENV) && python3 -m venv $(FRICTIONLESS_VENV); } || exit 1; \
	  $(FRICTIONLESS_VENV)/bin/pip install -q frictionless==$(FRICTIONLESS_VERSION) jsonschema==$(JSONSCHEMA_VERSION) PyYAML==$(PYYAML_VERSION) || { \
	    echo "pip could not install frictionless and jsonschema; install them by hand into $(FRICTIONLESS_VENV), or run the tests with RUNWAY_SKIP_FRICTIONLESS=1"; exit 1; }; \
	fi

build: deps
	$(SWIFT) build -c release

run: build
	.build/release/runway run $(SCENARIO)

# The CLI tests depend on the runway executable, so `swift test` builds it fresh.
test: deps browser frictionless
	$(SWIFT) test

# Scenarios/cluster/sweep-array.sh on a real single-node Slurm cluster, started on this host and
# stopped again (Tests/Cluster/test-cluster.sh; root needed: it installs Debian's slurm-wlm and munge
# when they are missing). A tiny sweep on the debug build that `make test` leaves: no release build.
test-cluster: deps
	$(SWIFT) build --product runway
	Tests/Cluster/test-cluster.sh "$$($(SWIFT) build --show-bin-path)/runway"

# The workshop page (runway serve): open the printed address. WORKSHOP_HOST=0.0.0.0 serves a
# room's network (the page then asks for the access code the server prints).
WORKSHOP_HOST ?= 127.0.0.1
WORKSHOP_PORT ?= 8080
workshop: build
	.build/release/runway serve --host $(WORKSHOP_HOST) --port $(WORKSHOP_PORT)

dictionary: build
	.build/release/runway dictionary > DATA_DICTIONARY.md

# Rewrites Scenarios/runway.schema.json (the JSON Schema editors check scenarios with) from
# the decoder, with the debug build; a test fails while the shipped file is out of date.
schema: deps
	$(SWIFT) build --product runway
	"$$($(SWIFT) build --show-bin-path)/runway" schema --output Scenarios/runway.schema.json

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

# Manual pages from the command line's own help (swift-argument-parser's GenerateManual
# plugin), one per subcommand, into $(MAN_DIR)/man1 as runway-run.1 etc., dated by the last
# commit so the same code gives the same pages; then checks that man renders runway-run.
MAN_DIR ?= .build/man
man: deps
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --multi-page --configuration debug \
	  --date $$(git log -1 --format=%cs 2>/dev/null || echo 2026-01-01)
	@rm -rf $(MAN_DIR) && mkdir -p $(MAN_DIR)/man1
	@for f in .build/plugins/GenerateManual/outputs/runway/*.1; do \
	  cp "$$f" $(MAN_DIR)/man1/$$(basename "$$f" .1 | tr . -).1; done
	@MANPATH=$(abspath $(MAN_DIR)) MANWIDTH=80 man runway-run 2>/dev/null | grep -q "runway run" || { \
	  echo "man could not render runway-run from $(MAN_DIR)"; exit 1; }
	@echo "Manual pages in $(MAN_DIR)/man1 (runway.1, runway-run.1, ...); read one with:"
	@echo "  MANPATH=$(abspath $(MAN_DIR)) man runway-run     (or: man -l $(MAN_DIR)/man1/runway-run.1)"

# DocC documentation of the library modules (swift-docc-plugin), one archive each in
# $(DOCS_DIR); CareModel's catalog has the model overview as an article. Browse one with
# `swift package --disable-sandbox preview-documentation --target CareModel`.
DOCS_DIR ?= .build/docs
DOC_TARGETS = Stochastics SimKernel Workloads CareModel ScenarioIO Experiments Charts Reporting Validation
docs: deps
	@mkdir -p $(DOCS_DIR)
	@for t in $(DOC_TARGETS); do \
	  $(SWIFT) package --allow-writing-to-directory $(DOCS_DIR) generate-documentation --target $$t \
	    --output-path $(DOCS_DIR)/$$t.doccarchive 2>&1 | grep -v '^\[' || exit 1; \
	  test -d $(DOCS_DIR)/$$t.doccarchive/data/documentation || { echo "DocC did not build $$t"; exit 1; }; \
	done
	@test -f $(DOCS_DIR)/CareModel.doccarchive/data/documentation/caremodel/modeloverview.json || { echo "the model overview article is missing"; exit 1; }
	@echo "DocC archives in $(DOCS_DIR): $(DOC_TARGETS)"

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
bench: build bench-peers
	@test -x Benchmarks/peers/.venv/bin/python || python3 -m venv Benchmarks/peers/.venv
	@Benchmarks/peers/.venv/bin/python -c "import simpy" 2>/dev/null || Benchmarks/peers/.venv/bin/pip install -q simpy==4.1.2
	python3 Benchmarks/bench.py $(BENCH_ARGS)

bench-peers:
	@command -v /usr/bin/time >/dev/null 2>&1 || apt-get install -y -qq time
	@mkdir -p Benchmarks/peers/bin
	cc -O2 -o Benchmarks/peers/bin/reference Benchmarks/peers/reference.c -lm

# Two builds on the same workloads in one sitting, alternating: REF (built into
# .build/bench-ref/) against the working tree. BENCH_ARGS=--quick checks the harness.
REF ?= main
bench-compare: build bench-peers
	python3 Benchmarks/bench_compare.py $(REF) $(BENCH_ARGS)
