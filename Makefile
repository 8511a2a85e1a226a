# Two commands on a fresh machine: `make run` and `make test`.
# Installs are pinned by constraints.txt so the resolver never backtracks
# (ginza 5.3 wants SudachiPy < 0.7; the newest SudachiDict-core wants >= 0.7).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test lint typecheck unit bench-smoke clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP_RUN): $(PY) pyproject.toml constraints.txt
	$(PIP) install -q -c constraints.txt -e .
	touch $@

$(STAMP_DEV): $(PY) pyproject.toml constraints.txt
	$(PIP) install -q -c constraints.txt -e '.[dev]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(VENV)/bin/redactor serve

lint: $(STAMP_DEV)
	$(VENV)/bin/ruff check redactor recognizers tests bench
	$(VENV)/bin/mypy

test: lint
	$(VENV)/bin/pytest -n 2 --dist loadgroup -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
