# Two commands do all set-up on a fresh machine:
#   make run   - create .venv, install, build the index if missing or stale, serve http://127.0.0.1:7860
#   make test  - install what the tests need and run them (CI runs this through .ci/run)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(PY) -m uv

.PHONY: run test lint index

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.uv: | $(PY)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.8
	touch $@

$(VENV)/.app: pyproject.toml uv.lock $(VENV)/.uv
	$(UV) sync --frozen --inexact --quiet --compile-bytecode
	touch $@

$(VENV)/.test: pyproject.toml uv.lock $(VENV)/.uv
	$(UV) sync --frozen --inexact --quiet --compile-bytecode --extra test
	touch $@

run: $(VENV)/.app
	$(PY) -m assistant serve

index: $(VENV)/.app
	$(PY) -m assistant kb build

lint: $(VENV)/.test
	$(PY) -m ruff check assistant ui tests bench

test: $(VENV)/.test
	$(PY) -m ruff check assistant ui tests bench
	$(PY) -m assistant kb validate
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(PY) -m pytest
