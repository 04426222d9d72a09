# National digital communication resource library: `make run` serves it, `make test` checks it.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages the library needs at run time, and the extra ones its tests need.
RUN_PACKAGES := ffmpeg gettext libchromaprint1 poppler-utils fonts-dejavu-core nodejs
TEST_PACKAGES := libimage-exiftool-perl libchromaprint-tools redis-server postgresql chromium wrk espeak-ng

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

.PHONY: venv
venv: $(BIN)/.installed ## Create the virtual environment with the pinned dependencies

node_modules/.installed: package.json package-lock.json
	scripts/npm-install.sh
	touch $@

.PHONY: frontend
frontend: node_modules/.installed ## Install the hub's front-end libraries (npm ci, pinned by package-lock.json)

.PHONY: system
system: ## Install the Debian packages the library needs (as root)
	@scripts/system-packages.sh $(RUN_PACKAGES)

.PHONY: system-test
system-test: ## Install the Debian packages the tests need (as root)
	@scripts/system-packages.sh $(RUN_PACKAGES) $(TEST_PACKAGES)

.PHONY: setup
setup: system venv frontend ## Prepare everything `make run` needs: packages, venv, front end, database, demo content
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_demo

.PHONY: run
run: setup ## Serve the library with demo content at http://127.0.0.1:8000 with the local workers
	@echo "Serving at http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@# honcho starts the processes of Procfile.embedded and stops them together (SIGTERM, Ctrl-C)
	@HOST=$(HOST) exec $(BIN)/honcho -f Procfile.embedded start -p $(PORT)

.PHONY: prod
prod: system-test venv services-up ## Start the production profile on loopback (gunicorn, RQ workers, scheduler) at http://127.0.0.1:8000
	@HOST=$(HOST) PORT=$(PORT) exec scripts/prod.sh

.PHONY: prod-check
prod-check: system-test venv services-up ## Bring the production profile up, upload a video, wait for its transcoding, search it, take it down
	$(MANAGE) compilemessages --ignore=.venv -v0
	eval "$$(scripts/services.sh env)" && $(BIN)/pytest -p no:cacheprovider -q tests/operations/test_prod_check.py

.PHONY: services-up
services-up: ## Start PostgreSQL, Redis, Elasticsearch and MinIO on loopback for the tests
	scripts/services.sh up

.PHONY: services-down
services-down: ## Stop the test services
	scripts/services.sh down

.PHONY: test
test: system-test venv frontend services-up ## Run the whole suite on both profiles (embedded, then production services)
	$(MANAGE) compilemessages --ignore=.venv -v0
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/python manage.py makemigrations --check --dry-run -v0 --settings=config.settings.test
	@echo "== embedded profile: SQLite, local folder, database search, database task queue =="
	env -u DATABASE_URL -u REDIS_URL -u ELASTICSEARCH_URL -u AWS_STORAGE_BUCKET_NAME \
		NCRL_TEST_PROFILE=embedded $(BIN)/pytest -p no:cacheprovider -m "not services" -q
	@echo "== production profile: PostgreSQL, MinIO (S3), Elasticsearch, Redis =="
	eval "$$(scripts/services.sh env)" && NCRL_TEST_PROFILE=production $(BIN)/pytest -p no:cacheprovider -m "not embedded" -q

.PHONY: lint
lint: venv ## ruff check and format check, and the import layering contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

.PHONY: bench-transcode
bench-transcode: system venv ## Transcoding: our single-decode ladder against naive and the lower bound
	$(BIN)/python bench/transcode.py

.PHONY: bench-search
bench-search: system-test venv ## Search: 100,000 documents in each backend
	scripts/services.sh up es
	eval "$$(scripts/services.sh env)" && $(BIN)/python bench/search.py

.PHONY: bench-upload
bench-upload: system-test venv ## Upload: 1 GB through our resumable upload (production gunicorn) against boto3
	scripts/services.sh up pg s3
	eval "$$(scripts/services.sh env)" && $(BIN)/python -m bench.upload

.PHONY: bench-ingest
bench-ingest: system venv ## Ingest: 40 mixed resumable uploads, 8 at a time, embedded profile with its worker
	$(BIN)/python -m bench.ingest

.PHONY: bench-api
bench-api: system-test venv ## API: 10,000 images, our API v3 against Wagtail's stock v2 under wrk
	scripts/services.sh up pg redis
	eval "$$(scripts/services.sh env)" && $(BIN)/python -m bench.api

.PHONY: bench-dedup
bench-dedup: system-test venv ## Duplicates: 1,000,000 image fingerprints in each backend
	scripts/services.sh up es
	eval "$$(scripts/services.sh env)" && $(BIN)/python -m bench.dedup

.PHONY: eval-dedup
eval-dedup: system-test venv ## Duplicate detection: precision and recall per media kind (spoken audio included)
	$(BIN)/python -m bench.eval_dedup

.PHONY: bench-hub
bench-hub: system-test venv frontend services-up ## Hub: render time of home, search and asset pages with 10,000 assets (production profile)
	eval "$$(scripts/services.sh env)" && $(BIN)/python -m bench.hub
