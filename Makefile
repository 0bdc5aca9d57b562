# make run  — venv, install, demo database if absent, serve on http://127.0.0.1:8050
#            (with REDIS_URL set: a Celery worker for the imports too, stopped with gunicorn)
# make worker — the Celery worker alone (REDIS_URL must be set), for a separate process
# make test — install test needs (incl. Debian chromium) and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
HOST ?= 127.0.0.1
PORT ?= 8050
# Without REDIS_URL the login throttle counts in process memory: one worker (with threads)
# keeps a single count, so "5 per minute" cannot become 5 per worker.
WORKERS ?= $(if $(REDIS_URL),2,1)
# Imports run on Celery workers when REDIS_URL is set, unless BACKGROUND_JOBS=diskcache.
CELERY_JOBS := $(if $(REDIS_URL),$(if $(filter diskcache,$(BACKGROUND_JOBS)),,yes))
JOB_WORKERS ?= 2
CELERY_WORKER = $(BIN)/celery -A dashboard.celery_app worker --loglevel INFO --concurrency $(JOB_WORKERS)
TEST_DATABASE_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
export TEST_DATABASE_URL

.PHONY: run worker test lint format install browser clean translations messages

# Translation catalogues: dashboard/translations/<lang>/LC_MESSAGES/messages.po (kept in git);
# the compiled .mo files are built here, never committed.
TRANSLATIONS := dashboard/translations
EXTRACT_FROM := dashboard components pages data_access app.py
EXTRACT_KEYWORDS := -k _l -k N_ -k ngettext:1,2

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

translations: $(STAMP)
	$(BIN)/pybabel compile -d $(TRANSLATIONS) --statistics

# After changing user-facing strings: re-extract the template and merge it into every catalogue
messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg $(EXTRACT_KEYWORDS) --no-location --sort-output -w 100 \
		--project "LGBT+ Liaison & Accountability Dashboard" \
		-o $(TRANSLATIONS)/messages.pot $(EXTRACT_FROM)
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --no-fuzzy-matching --ignore-obsolete -w 100

run: $(STAMP) translations
	$(BIN)/python -m dashboard seed-demo --if-empty
ifeq ($(CELERY_JOBS),yes)
	$(CELERY_WORKER) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM HUP; \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) --threads 4 --access-logfile - app:server
else
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers $(WORKERS) --threads 4 --access-logfile - app:server
endif

worker: $(STAMP)
	@test -n "$(REDIS_URL)" || { echo "make worker needs REDIS_URL (Celery's broker)"; exit 2; }
	$(CELERY_WORKER)

browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		echo "installing Debian chromium and chromium-driver"; \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver \
		|| (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver); \
	fi

test: $(STAMP) browser translations
	$(BIN)/python -m pytest -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) instance/dashboard.db test-output
