# The two Quick-start commands: `make build` and `make test`. Each creates .venv
# with the interpreter named by PYTHON and installs what it needs first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: build test schema docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

build: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/factpack build

test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pytest

schema: $(BIN)/python
	$(BIN)/factpack schema

clean:
	rm -rf $(VENV) site build dist .pytest_cache .hypothesis
