# Two commands do all set-up on a fresh machine:
#   make run   - create .venv, install, build the index if missing or stale, serve http://127.0.0.1:7860
#   make test  - install what the tests need and run them (CI runs this through .ci/run)

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
UV     := $(PY) -m uv

.PHONY: run test lint index

# Each step says what it is doing: the first install takes about a minute, which looked hung when it was silent.
$(PY):
	@echo "==> Creating $(VENV) with $$($(PYTHON) --version 2>&1)"
	$(PYTHON) -m venv $(VENV)

$(VENV)/.uv: | $(PY)
	@echo "==> Installing uv, the installer, into $(VENV)"
	$(PY) -m pip install --disable-pip-version-check --progress-bar on uv==0.13.8
	touch $@

$(VENV)/.app: pyproject.toml uv.lock $(VENV)/.uv
	@echo "==> Installing Recourse and its dependencies from uv.lock (the first time: about a minute)"
	$(UV) sync --frozen --inexact --compile-bytecode
	@touch $@

$(VENV)/.test: pyproject.toml uv.lock $(VENV)/.uv
	@echo "==> Installing Recourse and the test tools from uv.lock (the first time: about a minute)"
	$(UV) sync --frozen --inexact --compile-bytecode --extra test
	@touch $@

run: $(VENV)/.app
	@echo "==> Starting Recourse (the first time, it builds the index: its progress follows)"
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
