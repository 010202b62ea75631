# Gongkai: two commands from a fresh clone — `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_FILES := home/demo/seeds.jsonl $(sort $(wildcard policies/demo/*.jsonl)) $(sort $(wildcard disclosures/demo/*.jsonl)) $(sort $(wildcard specials/demo/*.jsonl)) $(sort $(wildcard enquiries/demo/*.jsonl))
export DJANGO_SETTINGS_MODULE ?= gongkai.settings.dev
# The demo is the real site: DEBUG off (Chinese 404/500 pages), absolute links on HOST:PORT.
# `DEBUG=1 make demo` gives Django's debug pages for development.
export DEBUG ?= 0
export GONGKAI_BASE_URL ?= http://$(HOST):$(PORT)

.PHONY: demo test system-packages install install-dev migrate demo-content serve lint format lock audit check clean cache backup

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.lock
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable

demo-content: migrate
	$(BIN)/python manage.py import_content $(DEMO_FILES)
	$(BIN)/python manage.py home_site_address
	$(BIN)/python manage.py enquiries_annual_report 2026 --organ 亭湖区人民政府 --publish --demo-label 示例数据
	$(BIN)/python manage.py workflows_setup
	$(BIN)/python manage.py home_demo_admin
	$(BIN)/python manage.py disclosures_demo_accounts
	$(BIN)/python manage.py secondfactor_demo
	$(BIN)/python manage.py siteidentity_demo
	$(BIN)/python manage.py portal_setup
	$(BIN)/python manage.py notices_demo
	$(BIN)/python manage.py govinfo_demo
	$(BIN)/python manage.py policies_demo_attachments
	$(BIN)/python manage.py search_load_vocabulary
	$(BIN)/python manage.py search_rebuild

# Scheduled pages go live while the demo serves: publish_scheduled every minute alongside, and
# the link checker a minute after the start and then every hour (linkcheck_run).
demo: demo-content
	@echo "公开 is running on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@(n=0; while sleep 60; do $(BIN)/python manage.py publish_scheduled >/dev/null || true; \
	  [ $$((n % 60)) -eq 0 ] && { $(BIN)/python manage.py linkcheck_run >/dev/null || true; }; \
	  n=$$((n + 1)); done) & \
	  loop=$$!; trap 'kill $$loop 2>/dev/null' EXIT INT TERM; \
	  $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The browser tests' npm packages (axe-core), installed from tests/browser/package-lock.json.
BROWSER_NPM := tests/browser/node_modules/.installed
$(BROWSER_NPM): tests/browser/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "make test: npm is missing; install it first: sudo apt-get install nodejs npm"; exit 1; }
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

# Serial by default; `make test PYTEST_WORKERS=auto` runs one pytest-xdist worker per core (12
# minutes here instead of about 20). --dist loadgroup puts every recipe test on one worker (they
# share one served site); tests/baseline.py puts the migrated rows back after a transactional
# test's flush, so any test may follow one on a worker. Not the default yet: one of three
# two-worker runs had a second recipe site started on the other worker, whose nginx never
# answered (README, "Tests").
PYTEST_WORKERS ?= 0
PYTEST_XDIST = $(if $(filter 0,$(PYTEST_WORKERS)),,-n $(PYTEST_WORKERS) --dist loadgroup)

# The Debian packages the tests need (chromium, npm, nginx, the RUM extension, a Chinese font),
# installed when this user may (root, or sudo without a password); otherwise named.
system-packages:
	@.ci/install-system-packages

test: install-dev system-packages $(BROWSER_NPM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/lint-imports
	$(BIN)/deptry .
	DJANGO_SETTINGS_MODULE=gongkai.settings.test $(BIN)/pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/lint-imports
format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate the lock files from pyproject.toml with every artifact's hash (run by hand when
# dependencies change; `make install` installs with --require-hashes).
lock:
	rm -rf var/lockenv && $(PYTHON) -m venv var/lockenv
	var/lockenv/bin/pip install --quiet --upgrade pip "pip-tools>=7.4"
	var/lockenv/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-header --output-file requirements.lock pyproject.toml
	var/lockenv/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	  --no-header --extra dev --output-file requirements-dev.lock pyproject.toml
	rm -rf var/lockenv

# Known vulnerabilities in the locked packages (PyPI's advisory data); fails on any with a fix.
audit: install-dev
	$(BIN)/pip-audit --strict --require-hashes --disable-pip --progress-spinner off \
	  -r requirements-dev.lock

clean:
	rm -rf $(VENV) var/static

# Production helpers: render every published page into the page cache; back up database + media.
cache: install
	$(BIN)/python manage.py pagecache_rebuild
backup: install
	$(BIN)/python manage.py backup_create
