# Developer entry points. Needs only python3 (>= 3.11) and make; everything else goes into $(VENV).

VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev

.DEFAULT_GOAL := help
# Delete a target whose recipe failed halfway, so the next run retries it.
.DELETE_ON_ERROR:

.PHONY: help venv install install-dev run test lint fmt clean

help: ## Show this help.
	@echo "Targets:"
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-12s %s\n", $$1, $$2}'

# Create the virtual environment (only when it does not exist yet).
$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required, found " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); exit 1; }
	$(PY) -m pip install --upgrade pip

# Stamp files: reinstall only when a requirements file changed.
$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	@touch $@

# requirements-dev.txt includes requirements.txt, so this also satisfies the runtime stamp.
$(DEV_STAMP): requirements-dev.txt requirements.txt | $(PY)
	$(PY) -m pip install -r requirements-dev.txt
	@touch $(RUNTIME_STAMP) $@

venv: $(PY) ## Create the virtual environment in $(VENV).

install: $(RUNTIME_STAMP) ## Install runtime dependencies.

install-dev: $(DEV_STAMP) ## Install runtime, test and tool dependencies.

run: $(RUNTIME_STAMP) ## Start the Streamlit app.
	$(VENV)/bin/streamlit run streamlit_app.py

test: $(DEV_STAMP) ## Lint, check formatting and run all tests.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pytest

lint: $(DEV_STAMP) ## Lint and check formatting.
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: $(DEV_STAMP) ## Format the code and apply safe lint fixes.
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean: ## Remove the virtual environment and tool caches.
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis

.PHONY: bench
BENCH_ARGS ?=
bench: $(DEV_STAMP) ## Measure the app against a bare Streamlit app; table in docs/performance.md.
	$(PY) -m bench.run $(BENCH_ARGS)
