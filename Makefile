# Rapporteur: `make run` serves the demo meeting, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Local serving shows errors in full; production sets its own environment (see README).
RUN_ENV := DEBUG=true

.PHONY: run serve test lint install system-packages test-system-packages messages catalogues untranslated \
	screenshots bench bench-tools bench-site bench-now bench-large-exports bench-two-servers bench-exports backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall whenever the requirements change; PyICU builds against the system ICU, so that comes first.
# requirements.txt is what the application runs with; requirements-dev.txt adds the tests and linters.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python system-packages
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

# Debian's Pango and fonts for PDF exports; for tests also pdftotext and Chromium
# (apt-get, as root; says what to install otherwise).
system-packages:
	./scripts/install-system-packages

test-system-packages:
	./scripts/install-system-packages --with-test-tools

# The interface's translations: .po files are committed, .mo files are built here.
messages: install
	$(MANAGE) compilemessages --ignore=.venv --verbosity 0

# The five catalogues hold the translations themselves (README, "Languages"): `make catalogues` adds the
# code's new messages to them, empty; `make untranslated` lists what is empty or fuzzy and counts it.
LANGUAGES := ar zh_Hans fr ru es
CATALOGUES := $(LANGUAGES:%=locale/%/LC_MESSAGES/django.po)
catalogues: install
	$(MANAGE) makemessages $(LANGUAGES:%=-l %) --no-wrap --no-location --ignore=.venv --ignore=tests --ignore=scripts

untranslated:
	@for po in $(CATALOGUES); do \
		echo "== $$po"; \
		msgattrib --untranslated --no-wrap --no-location $$po | sed '1,/^$$/d'; \
		msgattrib --only-fuzzy --no-wrap --no-location $$po | sed '1,/^$$/d'; \
		msgfmt --check --statistics -o /dev/null $$po 2>&1 | grep -v 'warning: header field'; \
	done

run: install system-packages messages
	$(RUN_ENV) $(MANAGE) migrate --no-input
	$(RUN_ENV) $(MANAGE) setup_roles
	$(RUN_ENV) $(MANAGE) load_demo
	$(RUN_ENV) $(MANAGE) local_admin
	$(RUN_ENV) $(MANAGE) with_worker -- manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The suite runs on two processes (pytest-xdist), each with its own test database; TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= 2
test: lint test-system-packages messages
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n $(TEST_WORKERS)

# Every public page in English and Arabic at phone and desktop widths, into screenshots/ for review.
screenshots: install test-system-packages messages
	SCREENSHOTS_DIR=screenshots $(BIN)/pytest tests/browser/test_screenshots.py -p no:cacheprovider

# The benchmarks (not part of `make test`), each on a PostgreSQL database of its own made afresh, with Redis as the
# servers' shared cache. BENCH_DURATION: seconds of load a measurement (wrk, 64 clients); BENCH_DB, BENCH_CACHE and
# BENCH_SERVERS_CACHE (the two servers', another Redis database) say where they run.
BENCH_DB ?= rapporteur_bench
BENCH_CACHE ?= redis://127.0.0.1:6379/1
BENCH_SERVERS_CACHE ?= redis://127.0.0.1:6379/2
BENCH_DURATION ?= 4
BENCH_DATABASE = postgres://postgres@127.0.0.1:5432/$(BENCH_DB)
# $(call bench_run,<CACHE_URL>,<benchmark command and its options>): a fresh database, then the command.
define bench_run
	dropdb --if-exists -h 127.0.0.1 -U postgres $(BENCH_DB)
	createdb -h 127.0.0.1 -U postgres $(BENCH_DB)
	DATABASE_URL=$(BENCH_DATABASE) $(MANAGE) migrate --no-input -v0
	DATABASE_URL=$(BENCH_DATABASE) CACHE_URL=$(1) \
		SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')} \
		$(MANAGE) $(2)
endef

# All of them in about ten minutes: the pages at 1× and 10× the demo content, the "now" page, the report's files
# at 1×, 10× and 50×, and two servers at once. (The in-process export times and the memory over 50 PDF exports,
# minutes on a shared machine, are `make bench-site`'s.)
bench: install messages bench-tools
	DEBUG=false SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		$(MANAGE) collectstatic --no-input -v0
	$(call bench_run,$(BENCH_CACHE),benchmark_site --static-collected --pages-only --duration $(BENCH_DURATION))
	$(call bench_run,$(BENCH_CACHE),benchmark_now --static-collected --duration 30)
	$(call bench_run,$(BENCH_CACHE),benchmark_large_exports --static-collected --duration $(BENCH_DURATION))
	$(call bench_run,$(BENCH_SERVERS_CACHE),benchmark_two_servers --static-collected --duration $(BENCH_DURATION))

bench-tools:
	./scripts/install-system-packages --with-bench-tools

# The pages at 1× and 10× the demo content with the report's files, export times and the memory over 50 PDFs.
bench-site: install messages bench-tools
	$(call bench_run,$(BENCH_CACHE),benchmark_site --duration $(BENCH_DURATION))

# The adoption's "now" page: 500 readers asking every 2 s while an amendment is agreed every 10 s, against /healthz.
bench-now: install messages bench-tools
	$(call bench_run,$(BENCH_CACHE),benchmark_now --duration 30)

# The report's files at 1×, 10× and 50× the demo through gunicorn (default timeout) and one job worker: the first
# answer, the time until the file is served, a ready file's rate next to /healthz; and a search at 50×.
bench-large-exports: install messages bench-tools
	$(call bench_run,$(BENCH_CACHE),benchmark_large_exports --duration $(BENCH_DURATION))

# Two gunicorn servers on two ports with one job worker, Redis and shared files: both loaded at once, an edit
# through one seen on the other's page.
bench-two-servers: install messages bench-tools
	$(call bench_run,$(BENCH_SERVERS_CACHE),benchmark_two_servers --duration $(BENCH_DURATION))

# Export times at 1×, 2× and 10× the demo content (not part of `make test`).
bench-exports: install system-packages
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) benchmark_exports

# Production serving on loopback: gunicorn, static files through WhiteNoise, DEBUG off; job workers beside it
# (exports, search indexing; WORKERS of them, 2 by default, at most one per core), stopped with it.
# A random SECRET_KEY per start unless one is set; HTTPS stays off on plain-HTTP loopback.
SERVE_ENV := DEBUG=false CONN_MAX_AGE=60 SECRET_KEY=$${SECRET_KEY:-$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')}
serve: install system-packages messages
	$(MANAGE) collectstatic --no-input -v0
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(SERVE_ENV) $(MANAGE) with_worker -- $(BIN)/gunicorn rapporteur.wsgi --bind 127.0.0.1:8000 --workers 3 \
		--access-logfile -

# make backup writes backups/rapporteur-<time>.backup; make restore FILE=… puts one back.
backup: install
	mkdir -p backups
	$(MANAGE) backup backups/rapporteur-$$(date +%Y%m%d-%H%M%S).backup

restore: install
	@test -n "$(FILE)" || { echo "Say which backup: make restore FILE=backups/rapporteur-….backup"; exit 2; }
	$(MANAGE) restore "$(FILE)"
