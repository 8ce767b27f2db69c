# 决算透视 — two commands: `make site` builds the site, `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test venv lint serve bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test,dev,ocr]'
	touch $(STAMP)

venv: $(STAMP)

site: $(STAMP)
	$(BIN)/generator build

serve: $(STAMP)
	$(BIN)/generator serve

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff format --check generator tests
	$(BIN)/ruff check generator tests
	$(BIN)/mypy generator

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .cache content/generated
