# The two Quick-start commands: `make build` and `make test`. Each creates .venv
# with the interpreter named by PYTHON and installs what it needs first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: build test bench chromium schema docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

build: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/factpack build

test: $(BIN)/python chromium
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pytest

# The benchmark (docs/performance.md): tens of minutes; BENCH_ARGS="--sizes 500 --runs 1 --no-write" for a look.
bench: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# The browser tests use Debian's Chromium, or an installed Chrome (Playwright must not download one).
chromium:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	command -v google-chrome >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Install Chromium first: sudo apt-get install chromium" >&2; exit 1; fi; }

docs: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[docs]'
	$(BIN)/mkdocs build --strict

schema: $(BIN)/python
	$(BIN)/factpack schema

clean:
	rm -rf $(VENV) site build dist .pytest_cache .hypothesis
