# Two commands for a newcomer: `make run` and `make test`. Everything installs from the
# lock file into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run worker migrate test test-sqlite lint schema lock clean bench

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

install: $(STAMP)

run: install  ## serve the API (embedded SQLite under ./var unless DATABASE_URL is set)
	$(BIN)/batchtrack serve

worker: install
	$(BIN)/batchtrack worker

migrate: install
	$(BIN)/batchtrack migrate

# The whole suite on SQLite, and again on PostgreSQL + Redis when DATABASE_URL/REDIS_URL
# are set or REQUIRE_SERVICES=1 (then unreachable services fail the run).
test: install
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy server schema resolvers services webhooks migrations tests
	# Each benchmark is a folder of scripts (run.py beside its helpers): one mypy run each;
	# a benchmark may import bench/load's and bench/inventory's helpers.
	for dir in bench/*/; do MYPYPATH=bench/load:bench/inventory $(BIN)/mypy $$dir || exit 1; done

schema: install  ## re-export schema/schema.graphql, the checked-in contract
	$(BIN)/batchtrack export-schema

lock:  ## re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--output-file requirements.lock --no-header --quiet

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# The benchmarks on the local PostgreSQL, each writing its marked section of
# bench/RESULTS.md: side by side with PostGraphile (bench/load: a cached
# `batchtrack_load_*` dataset, needs wrk), inventory (a fresh `batchtrack_bench`),
# webhooks (a fresh `batchtrack_bench_webhooks`, Redis DB 11) and recipes (a fresh
# `batchtrack_bench_recipes`, needs wrk) and security (SQLite in a temporary directory).
# BENCH_ARGS=--quick: short.
bench: install
	$(BIN)/python bench/load/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py inventory -- $(BIN)/python bench/inventory/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py webhooks -- $(BIN)/python bench/webhooks/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py recipes -- $(BIN)/python bench/recipes/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py security -- $(BIN)/python bench/security/run.py $(BENCH_ARGS)
