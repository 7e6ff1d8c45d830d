# Two commands for a newcomer: `make run` and `make test`. Everything installs from the
# lock file into .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run worker migrate test test-sqlite lint schema lock clean bench sdk sdk-check sdk-lock

$(STAMP): requirements.lock pyproject.toml sdk/python/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	# The Python SDK, for its tests against a live server (its dependencies are the server's).
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e sdk/python
	@touch $(STAMP)

install: $(STAMP)

run: install  ## serve the API (embedded SQLite under ./var unless DATABASE_URL is set)
	$(BIN)/batchtrack serve

worker: install
	$(BIN)/batchtrack worker

migrate: install
	$(BIN)/batchtrack migrate

# The whole suite on SQLite, and again on PostgreSQL + Redis when DATABASE_URL/REDIS_URL
# are set or REQUIRE_SERVICES=1 (then unreachable services fail the run). Two processes
# (pytest-xdist, a file each at a time): much of the suite waits on servers, workers and
# databases. TEST_WORKERS=0 runs it in this one process.
TEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy server schema resolvers services webhooks migrations tests
	$(BIN)/mypy sdk/python/src sdk/python/codegen sdk/python/examples
	# Each benchmark is a folder of scripts (run.py beside its helpers): one mypy run each;
	# a benchmark may import bench/load's and bench/inventory's helpers.
	for dir in bench/*/; do MYPYPATH=bench/load:bench/inventory $(BIN)/mypy $$dir || exit 1; done

schema: install  ## re-export schema/schema.graphql, the checked-in contract
	$(BIN)/batchtrack export-schema

# The SDKs, generated from schema/schema.graphql and sdk/operations.graphql. ariadne-codegen
# runs in its own environment, sdk/python/.venv from sdk/python/codegen.lock: it needs
# graphql-core < 3.3, the server 3.3 (installed together, pip would pick an old strawberry).
SDK_PY := sdk/python
SDK_STAMP := $(SDK_PY)/.venv/.installed-stamp
SDK_GENERATED := $(SDK_PY)/src/batchtrack_sdk/generated

$(SDK_STAMP): $(SDK_PY)/codegen.lock
	$(PYTHON) -m venv $(SDK_PY)/.venv
	$(SDK_PY)/.venv/bin/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(SDK_PY)/codegen.lock
	@touch $(SDK_STAMP)

SDK_TS := sdk/typescript
SDK_TS_STAMP := $(SDK_TS)/node_modules/.package-lock.json

$(SDK_TS_STAMP): $(SDK_TS)/package-lock.json
	cd $(SDK_TS) && npm ci --no-audit --no-fund --loglevel=error

sdk: $(SDK_STAMP) $(SDK_TS_STAMP)  ## regenerate both SDKs (deterministic: CI fails when stale)
	rm -rf $(SDK_GENERATED) $(SDK_TS)/src/generated
	cd $(SDK_PY) && .venv/bin/ariadne-codegen --config codegen/async.toml >/dev/null
	cd $(SDK_PY) && .venv/bin/ariadne-codegen --config codegen/sync.toml >/dev/null
	cd $(SDK_TS) && npm run --silent generate >/dev/null

# What CI adds for the SDKs: regenerate and fail on any difference from what is committed,
# install the Python SDK with pip into a clean venv, then build the TypeScript SDK with
# tsc --strict and run its tests against a live server (the Python SDK's tests are in
# tests/sdk/, part of `make test`).
SDK_CLEAN_VENV := $(shell mktemp -u /tmp/batchtrack-sdk-venv.XXXXXX)

sdk-check: install sdk
	@git diff --exit-code --stat -- sdk || \
		{ echo "The generated SDKs are stale: run \`make sdk\` and commit the result." >&2; exit 1; }
	@test -z "$$(git status --porcelain --untracked-files=all -- sdk)" || \
		{ git status --short -- sdk; echo "make sdk wrote files that are not committed." >&2; exit 1; }
	$(PYTHON) -m venv $(SDK_CLEAN_VENV)
	$(SDK_CLEAN_VENV)/bin/pip install --quiet --disable-pip-version-check ./$(SDK_PY)
	$(SDK_CLEAN_VENV)/bin/python -c 'import batchtrack_sdk; print("batchtrack-sdk installs:", batchtrack_sdk.AsyncClient.__name__, batchtrack_sdk.Client.__name__)'
	rm -rf $(SDK_CLEAN_VENV)
	cd $(SDK_TS) && npm test

sdk-lock:  ## re-resolve sdk/python/codegen.lock (needs uv)
	echo 'ariadne-codegen==0.19.0' | uv pip compile - --generate-hashes --python-version 3.11 \
		--output-file $(SDK_PY)/codegen.lock --no-header --quiet

lock:  ## re-resolve requirements.lock from pyproject.toml (needs uv)
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--output-file requirements.lock --no-header --quiet

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache

# The benchmarks on the local PostgreSQL, each writing its marked section of
# bench/RESULTS.md: side by side with PostGraphile (bench/load: a cached
# `batchtrack_load_*` dataset, needs wrk), inventory (a fresh `batchtrack_bench`),
# webhooks (a fresh `batchtrack_bench_webhooks`, Redis DB 11), recipes (a fresh
# `batchtrack_bench_recipes`, needs wrk), batches (a fresh `batchtrack_bench_batches`),
# billing (a fresh `batchtrack_bench_billing`, local Stripe in-process) and security
# (SQLite in a temporary directory). BENCH_ARGS=--quick: short.
bench: install
	$(BIN)/python bench/load/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py inventory -- $(BIN)/python bench/inventory/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py webhooks -- $(BIN)/python bench/webhooks/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py recipes -- $(BIN)/python bench/recipes/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py batches -- $(BIN)/python bench/batches/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py billing -- $(BIN)/python bench/billing/run.py $(BENCH_ARGS)
	$(BIN)/python bench/load/section.py security -- $(BIN)/python bench/security/run.py $(BENCH_ARGS)
