# The two commands a newcomer needs: `make demo` and `make test`. Both set up what they need.
# While working: `make quick` (lint, types, layers and the tests not marked slow, about a minute).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
OUT    := out

.PHONY: demo test quick lint typecheck layers unit lowest bench bench-exports fuzz docs schema clean system-deps browser-deps

# The stamp holds the directory the environment was made in: a checkout copied with its .venv
# (whose scripts and editable install point back at the original) gets a fresh one.
MADE_IN := $(shell cat $(STAMP) 2>/dev/null)
ifneq ($(MADE_IN),)
ifneq ($(MADE_IN),$(CURDIR))
MOVED := 1
.PHONY: $(STAMP)
endif
endif

$(STAMP): pyproject.toml
	@if [ -n "$(MOVED)" ]; then echo "$(VENV) was made in $(MADE_IN): making it again here"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@$(BIN)/python -m pip install --quiet -e '.[dev]'
	@echo "$(CURDIR)" > $(STAMP)

# Graphviz (and a font with Vietnamese glyphs) from the system package manager when missing.
system-deps:
	@if ! command -v dot >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi dejavu; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Graphviz and DejaVu fonts (apt-get)…"; \
	    (apt-get install -y -q graphviz fonts-dejavu-core >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && apt-get install -y -q graphviz fonts-dejavu-core >/dev/null)); \
	  else \
	    echo "Graphviz is missing: install it with your package manager (e.g. 'sudo apt-get install graphviz fonts-dejavu-core')."; \
	    exit 1; \
	  fi; \
	fi

# Chromium, for the test that opens the HTML report in a real headless browser.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Installing Chromium for the HTML report test (apt-get)…"; \
	    (apt-get install -y -q chromium >/dev/null 2>&1 || \
	     (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null)) || \
	    echo "Chromium could not be installed: the browser test will be skipped."; \
	  else \
	    echo "Chromium is missing: the browser test will be skipped (apt-get install chromium)."; \
	  fi; \
	fi

demo: $(STAMP) system-deps
	@$(BIN)/python scripts/demo.py

lint: $(STAMP)
	@$(BIN)/ruff check src tests benchmarks scripts conftest.py
	@$(BIN)/ruff format --check src tests benchmarks scripts conftest.py

typecheck: $(STAMP)
	@$(BIN)/mypy

layers: $(STAMP)
	@$(BIN)/lint-imports --no-cache

unit: $(STAMP) system-deps browser-deps
	@$(BIN)/pytest

# The non-slow tests and the demo with every runtime dependency at its declared floor, in
# .venv-lowest (docs/install.md). Not part of `make test` (it adds ~5 minutes); CI runs it after
# `make test` (.ci/run).
lowest: $(STAMP) system-deps
	@$(BIN)/python scripts/lowest_versions.py

test: lint typecheck layers unit

# The inner loop: the same checks, without the tests marked slow (subprocesses, Hypothesis runs,
# the browser); `make test` still runs them.
quick: lint typecheck layers system-deps
	@$(BIN)/pytest -m "not slow"

bench: $(STAMP) system-deps
	@$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	@$(BIN)/python benchmarks/run.py

bench-exports: $(STAMP)
	@$(BIN)/python benchmarks/exports.py

fuzz: $(STAMP)
	@HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests/fuzz -p no:cacheprovider

docs: $(STAMP)
	@$(BIN)/python scripts/gen_docs.py

clean:
	rm -rf $(VENV) .venv-lowest $(OUT) .pytest_cache .mypy_cache .ruff_cache
