# Kring. `make run` starts the service on SQLite; `make test` installs what it needs and runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 1
# SQLite has one writer: more threads in a worker only wait for it (BENCHMARKS.md). On PostgreSQL use 4.
THREADS ?= 1

.PHONY: run test lint format bench install install-dev services clean user

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install ## Start Kring on http://127.0.0.1:5000 with the embedded SQLite store under var/
	@mkdir -p var
	@echo "Kring runs at http://$(HOST):$(PORT)/  -  API docs: http://$(HOST):$(PORT)/api/docs  (Ctrl-C stops it)"
	@echo "No account yet? In another terminal: make user EMAIL=you@example.nl NAME=\"Your Name\" ORG=\"Your team\""
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) --threads $(THREADS) --access-logfile - \
		--logger-class services.access_log.RedactingLogger \
		--access-logformat '%(h)s "%(m)s %(U)s" %(s)s %(M)sms' 'services.wsgi:app'

user: install ## Make an account: make user EMAIL=... NAME="..." ORG="..." (asks for the password)
	@test -n "$(EMAIL)" -a -n "$(NAME)" -a -n "$(ORG)" || { echo 'Give EMAIL, NAME and ORG: make user EMAIL=anna@wijkteam.nl NAME="Anna de Vries" ORG="Wijkteam Oost"'; exit 2; }
	@mkdir -p var
	$(BIN)/flask --app services.web users create --email "$(EMAIL)" --name "$(NAME)" --organisation "$(ORG)" --admin --coordinator

test: install-dev services ## Install what the tests need and run the whole suite
	$(BIN)/pytest

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install-dev services ## Print speed figures and ratios (see BENCHMARKS.md)
	$(BIN)/python -m tests.bench

services: ## Make sure the local PostgreSQL the tests use is running
	@bash .ci/services

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
