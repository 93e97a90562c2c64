# Two commands on a fresh machine: `make run` and `make test`. See README.md.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install assets run demo migrate serve test lint format bench bench-quick clean worker beat fuzz

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall only when the declared or pinned dependencies change.
$(VENV)/.installed: $(PY) pyproject.toml constraints.txt
	$(PIP) install --quiet -c constraints.txt -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# GOV.UK Frontend compiled with the council's own font (GDS Transport is for GOV.UK only).
static/build/.built: node_modules/.installed $(wildcard static/src/*.scss) static/src/app.mjs static/src/js-enabled.js
	mkdir -p static/build/assets
	npx sass --quiet --no-source-map --load-path=node_modules --style=compressed static/src/app.scss static/build/app.css
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/build/govuk-frontend.min.js
	cp static/src/app.mjs static/build/app.mjs
	cp static/src/js-enabled.js static/build/js-enabled.js
	cp -R node_modules/govuk-frontend/dist/govuk/assets/images static/build/assets/
	cp node_modules/govuk-frontend/dist/govuk/assets/manifest.json static/build/assets/
	touch $@

assets: static/build/.built

install: $(VENV)/.installed assets

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

serve:
	$(MANAGE) runserver $(HOST):$(PORT)

run: demo
	$(MANAGE) demo_signins
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: lint
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest

# The importers' fuzz suite at length: 20,000 new hostile files through each importer.
fuzz: install
	HYPOTHESIS_PROFILE=fuzz $(VENV)/bin/pytest tests/fuzz -p no:cacheprovider

# Benchmarks on the database DATABASE_URL names (a fresh `<name>_bench` beside it;
# SQLite when unset): `make bench` is the full run (10x, load run), `make bench-quick`
# the CI-sized one. Figures in benchmarks/results.json.
bench: install
	$(PY) -m benchmarks

bench-quick: install
	$(PY) -m benchmarks --quick

worker: install
	$(VENV)/bin/celery -A governance worker --loglevel=INFO

beat: install
	$(VENV)/bin/celery -A governance beat --loglevel=INFO --scheduler django_celery_beat.schedulers:DatabaseScheduler

clean:
	rm -rf $(VENV) node_modules static/build staticfiles .pytest_cache .ruff_cache
