# Rapporteur: `make run` serves the demo meeting, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Local serving shows errors in full; production sets its own environment (see README).
RUN_ENV := DEBUG=true

.PHONY: run test lint install system-packages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

# Debian's Chromium for the browser tests (apt-get, as root; says what to install otherwise).
system-packages:
	./scripts/install-system-packages

run: install
	$(RUN_ENV) $(MANAGE) migrate --no-input
	$(RUN_ENV) $(MANAGE) setup_roles
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) local_admin
	$(RUN_ENV) $(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: lint system-packages
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest
