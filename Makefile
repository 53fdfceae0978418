# Kokeboka. `make help` lists the targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install install-test run serve demo migrate test test-sqlite test-pg test-fast scaleout check format bench bench-volume messages vendor clean backup restore

help: ## List every target with one line each
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

# pip is upgraded when the virtualenv is made. The test install is one pip run of the project
# with its test extras, not a second run after `install` (which built the editable project and
# checked every installed package again, docs/decisions/0037); it makes `install` done too.
$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(PY) || { $(PYTHON) -m venv $(VENV) && $(PY) -m pip install --quiet --upgrade pip; }
	$(PY) -m pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml constraints.txt
	test -x $(PY) || { $(PYTHON) -m venv $(VENV) && $(PY) -m pip install --quiet --upgrade pip; }
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

install-test: $(VENV)/.installed-test ## Install test needs too: Debian's Chromium, PostgreSQL 15, Redis, nginx
	bash scripts/install-test-deps.sh

migrate: install ## Apply database migrations, then load the shipped rules and thresholds
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_rules

demo: migrate ## Build the demo content in code (idempotent); prints a new editor password once
	$(PY) manage.py load_demo

run: demo ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000 (SQLite)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	HOST=$(HOST) PORT=$(PORT) bash scripts/serve.sh

serve: install ## Serve without reloading the demo (granian + the task worker + the scheduler)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	HOST=$(HOST) PORT=$(PORT) bash scripts/serve.sh

test: install-test ## Lint and import contracts, then every test on SQLite and on a throwaway PostgreSQL 15 cluster
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run --settings=config.settings.test
	$(MAKE) --no-print-directory test-sqlite test-pg

# Two pytest-xdist workers: the machines have 2 cores; each worker has its own test database
# (a copy of the one migrated first, docs/decisions/0024) and its own Chromium for the browser
# tests. --durations prints the slowest tests of the run, where time is won next.
PYTEST_WORKERS ?= 2

test-sqlite: install-test ## All tests on SQLite
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) --durations=15

test-pg: install-test ## All tests on PostgreSQL (own throwaway cluster), then the scale-out check
	$(PY) scripts/pg_cluster.py -- $(PY) -m pytest -q -n $(PYTEST_WORKERS) --durations=15
	$(PY) scripts/scaleout_check.py

scaleout: install-test ## Scale-out check: 2 instances behind nginx, Redis, S3, worker, scheduler; faults
	$(PY) scripts/scaleout_check.py

test-fast: install-test ## Tests without the browser, SQLite only
	$(PY) -m pytest -q -n $(PYTEST_WORKERS) -m "not browser"

check: install-test ## Ruff lint and format check, import contracts, migrations check, content files, deploy check
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check_content
	bash scripts/check-deploy.sh

format: install-test ## Format and fix imports with ruff
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: install ## Requests/s and p95 for key pages against a static file, under granian
	bash scripts/bench.sh

# SCALE=national|<factor> (default national), DURATION=5s per wrk run, REQUESTS=30 one at a time.
bench-volume: install-test ## Every page type at national volume: PostgreSQL + Redis + granian, one table
	$(PY) scripts/bench_volume.py

backup: install ## Back up the database and uploaded files into var/backups/<UTC time>/ (OUTPUT=dir)
	$(PY) scripts/backup.py create $(if $(OUTPUT),--output $(OUTPUT))

restore: install ## Restore BACKUP=dir into a new database (DATABASE_URL) and storage, then verify
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/<time>"; exit 2; }
	$(PY) scripts/backup.py restore $(BACKUP)

messages: install ## Extract and compile translations (nb, en)
	$(PY) manage.py makemessages -l nb -l en --ignore=.venv --ignore=node_modules --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

vendor: ## Re-vendor Designsystemet's built CSS from npm (see scripts/vendor-designsystemet.sh)
	bash scripts/vendor-designsystemet.sh

clean: ## Remove the virtualenv, the SQLite database, collected static files and caches
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles var
