# 决算透视 — two commands: `make site` builds the site, `make test` runs the tests.
# Each creates .venv on first use and installs what it needs (again when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DEPS := $(VENV)/.installed-site
TEST_DEPS := $(VENV)/.installed-test

.PHONY: site test venv lint serve bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The site: the package and OCR for scanned reports (rapidocr ships its models in the wheel).
$(SITE_DEPS): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[ocr]'
	touch $@

# The tests: the site's dependencies plus pytest, hypothesis, Playwright (driving Debian's
# chromium, not a downloaded browser), actionlint, ruff and mypy.
$(TEST_DEPS): pyproject.toml $(SITE_DEPS)
	$(BIN)/pip install -q -e '.[ocr,test,dev]'
	touch $@

venv: $(SITE_DEPS)

# PREVIOUS=DIR: the published site's data folder (findings.json, retired.json); the finding ids it
# holds that this build no longer gives keep an anchor on their report's page (CI fetches it).
site: $(SITE_DEPS)
	$(BIN)/generator build $(if $(PREVIOUS),--previous "$(PREVIOUS)")

serve: $(SITE_DEPS)
	$(BIN)/generator serve

test: $(TEST_DEPS)
	$(BIN)/python -m pytest -q

lint: $(TEST_DEPS)
	$(BIN)/ruff format --check generator tests benchmarks
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy generator

bench: $(TEST_DEPS)
	$(BIN)/python benchmarks/run.py 100 1000

# Generated pages and data (git-ignored; content/_text and content/about.md are hand-written).
clean:
	rm -rf site .cache content/reports content/agencies content/compare content/data content/findings \
		content/problems content/files content/assets content/index.md content/methodology.md content/.generated-*
