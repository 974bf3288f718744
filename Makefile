# The two commands of the README: `make demo` (install, then run on the bundled sample article and store it in demo.duckdb) and
# `make test`. Both create ./.venv on first use with the Python found as $(PYTHON).
# `make lint`: ruff and mypy as configured in pyproject.toml; fails on the first tool that finds an error.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/diplograph demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check diplograph tests
	$(BIN)/mypy diplograph

bench: $(STAMP)
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
