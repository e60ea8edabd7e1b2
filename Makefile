# Two commands on a fresh machine: `make run` and `make test`.
# Each bootstraps a pinned uv into .tools/, then installs the locked environment into .venv/.
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PYTHON := python3
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint typecheck pytest bench sync clean screenshots translations

$(UV):
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --quiet
	touch $@

sync: $(VENV)/.synced

## Run the program: the desktop window; with arguments, the command line: make run ARGS="info"
run: sync
	$(VENV)/bin/caseapp $(ARGS)

## Lint, type-check, layer contracts, then the whole test suite.
test: lint typecheck pytest

lint: sync
	$(VENV)/bin/ruff check caseapp tests bench tools resources/legal/tools
	$(VENV)/bin/ruff format --check caseapp tests bench tools resources/legal/tools

typecheck: sync
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

pytest: sync
	$(VENV)/bin/pytest $(PYTEST_ARGS)

## Benchmarks (not tests): print timings and ratios against a baseline measured in the same run.
bench: sync
	$(VENV)/bin/python -m bench

## One PNG per view and language (English, Arabic), at 100 % and 200 % scaling, of the application on a sample case, into OUT (offscreen; images stay out of git).
screenshots: sync
	$(VENV)/bin/python -m caseapp.gui.screenshots $(or $(OUT),screenshots)

## After changing a marked string: refresh resources/translations/*.ts from the source, rebuild the .qm files.
## (Both are committed; translate the new "unfinished" entries in the .ts files, e.g. with pyside6-linguist, and run it again.)
translations: sync
	$(VENV)/bin/python -m caseapp.gui.i18n_catalog update

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
