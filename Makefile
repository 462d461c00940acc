# Kring. `make run` starts the service on SQLite; `make test` installs what it needs and runs every test.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 1
# SQLite has one writer: more threads in a worker only wait for it (BENCHMARKS.md). On PostgreSQL use 4.
THREADS ?= 1

# The pages' English catalogue (Dutch is the source language); the .mo is compiled here, never committed.
TRANSLATIONS := services/web/translations
CATALOGUE := $(TRANSLATIONS)/en/LC_MESSAGES/messages

.PHONY: run test check lint format bench install install-dev services browser translations clean user demo screenshots

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(CATALOGUE).mo: $(CATALOGUE).po $(VENV)/.installed
	$(BIN)/pybabel -q compile -l en -i $< -o $@

install: $(VENV)/.installed $(CATALOGUE).mo
install-dev: $(VENV)/.installed-dev $(CATALOGUE).mo

translations: install-dev ## After changing what the pages say: extract the Dutch texts, update the English catalogue
	$(BIN)/pybabel -q extract -F babel.cfg --no-wrap --add-location=file --sort-by-file \
		--project=Kring -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel -q update --no-wrap --ignore-obsolete -l en -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS)
	@echo "To translate: $$(grep -c '^msgstr ""$$' $(CATALOGUE).po) empty (the header is one), $$(grep -c '^#, .*fuzzy' $(CATALOGUE).po) guessed (fuzzy)"

run: install ## Start Kring on http://127.0.0.1:5000 with the embedded SQLite store under var/
	@echo "Kring runs at http://$(HOST):$(PORT)/  -  API docs: http://$(HOST):$(PORT)/api/docs  (Ctrl-C stops it)"
	@echo "No account yet? In another terminal: make user EMAIL=you@example.nl NAME=\"Your Name\" ORG=\"Your team\""
	KRING_BASE_URL="$${KRING_BASE_URL:-http://$(HOST):$(PORT)}" \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) --threads $(THREADS) --access-logfile - \
		--logger-class services.web.request_log.RedactingLogger \
		--access-logformat '%(h)s "%(m)s %(U)s" %(s)s %(M)sms' 'scheduler.wsgi:app'

user: install ## Make an account: make user EMAIL=... NAME="..." ORG="..." (asks for the password)
	@test -n "$(EMAIL)" -a -n "$(NAME)" -a -n "$(ORG)" || { echo 'Give EMAIL, NAME and ORG: make user EMAIL=anna@wijkteam.nl NAME="Anna de Vries" ORG="Wijkteam Oost"'; exit 2; }
	$(BIN)/flask --app services.web users create --email "$(EMAIL)" --name "$(NAME)" --organisation "$(ORG)" --admin --coordinator

demo: install ## A demo network with a year of history: make demo [EMAIL=a coordinator's] [LANGUAGE=en]
	@KRING_BASE_URL="$${KRING_BASE_URL:-http://$(HOST):$(PORT)}" \
	$(BIN)/flask --app services.web demo $(if $(EMAIL),--email "$(EMAIL)") --language "$(or $(LANGUAGE),nl)"

test: install-dev services browser ## Install what the tests need and run the whole suite (what CI runs)
	$(BIN)/pytest

screenshots: install-dev browser ## The README's tour pictures (docs/screenshots/), taken by the browser test of the tour
	KRING_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/e2e/test_tour.py

# The fast inner loop: lint, then the unit tests and the integration tests on SQLite. Left out (make test runs them):
# the browser and server tests (tests/e2e), every test on PostgreSQL, and the API fuzzer (Schemathesis).
check: lint ## Lint, unit tests and SQLite integration tests: the quick check while working
	$(BIN)/pytest -q tests/unit tests/integration -k "not postgres and not every_generated_request"

browser: install-dev node_modules/.package-lock.json ## Debian's chromium (apt, if missing) and axe-core (npm)
	@bash .ci/browser

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

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
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache node_modules $(CATALOGUE).mo
