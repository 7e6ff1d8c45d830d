"""Fixtures: every database test runs on SQLite and, when PostgreSQL is configured
(DATABASE_URL, or REQUIRE_SERVICES=1 for the local default), again on PostgreSQL.

The PostgreSQL database named by TEST_DATABASE_URL or DATABASE_URL is wiped: point it at
a database made for tests (.ci/run creates a fresh one). Under `make test` (two xdist
workers) the second worker makes and wipes one more beside it, `<name>_gw1`.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from argon2 import PasswordHasher
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from server import migrate
from server.app import create_app
from server.observability import configure_logging
from server.settings import Settings
from services.accounts import secrets as password_secrets
from services.db import ServiceClock, create_engine, create_session_factory
from services.models import metadata
from tests.api_helpers import open_mailbox
from tests.timing import PATIENCE_SECONDS

DEFAULT_PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/batchtrack_test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/15"
REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"


# `make test` runs the suite in two processes (pytest-xdist). The first keeps the
# configured PostgreSQL database and Redis database; each other worker N gets its own, the
# database named `<name>_gwN` (made here, dropped by .ci/run) and the Redis database below,
# written back to the environment so the servers and workers the tests start use them too.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
WORKER_INDEX = int(WORKER.removeprefix("gw") or 0)


def _for_this_worker(url: str) -> str:
    if WORKER_INDEX == 0:
        return url
    made = make_url(url)
    if made.drivername.startswith("postgresql"):
        made = made.set(database=f"{made.database}_{WORKER}")
    elif made.drivername == "redis":
        made = made.set(database=str(int(made.database or 0) - WORKER_INDEX))
    return made.render_as_string(hide_password=False)


for _name in ("TEST_DATABASE_URL", "DATABASE_URL", "REDIS_URL"):
    if os.environ.get(_name):
        os.environ[_name] = _for_this_worker(os.environ[_name])


def _postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    if url and url.startswith("postgresql"):
        return url
    return _for_this_worker(DEFAULT_PG_URL) if REQUIRE_SERVICES else None


# Every client of the test Redis (the app's, Dramatiq's, the workers') waits as long as
# the tests do: redis-py's default 5 s socket timeouts failed requests on a loaded machine.
PATIENT_REDIS = f"socket_timeout={PATIENCE_SECONDS:g}&socket_connect_timeout={PATIENCE_SECONDS:g}"


def redis_url() -> str | None:
    url = os.environ.get("REDIS_URL") or (
        _for_this_worker(DEFAULT_REDIS_URL) if REQUIRE_SERVICES else None
    )
    if url is None or "socket_timeout=" in url:
        return url
    return f"{url}{'&' if '?' in url else '?'}{PATIENT_REDIS}"


POSTGRES_URL = _postgres_url()
BACKENDS = ["sqlite"] + (["postgresql"] if POSTGRES_URL else [])


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated, empty database per backend, made once per test session."""
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("db") / "batchtrack.db"
        url = f"sqlite+aiosqlite:///{path}"
    else:
        assert POSTGRES_URL is not None
        url = POSTGRES_URL
        _reset_postgres(url)
    migrate.upgrade(url)
    return url


def _reset_postgres(url: str) -> None:
    import asyncio

    async def reset() -> None:
        await _create_database(url)
        engine = create_engine(url)
        try:
            async with engine.begin() as connection:
                await connection.execute(text("DROP SCHEMA public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
        except OSError as error:
            raise pytest.UsageError(
                f"PostgreSQL at {url} is unreachable ({error}); it is required here"
            ) from error
        finally:
            await engine.dispose()

    asyncio.run(reset())


async def _create_database(url: str) -> None:
    """Makes the worker's own database the first time (the configured one exists)."""
    name = make_url(url).database
    admin = create_async_engine(
        make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    try:
        async with admin.connect() as connection:
            exists = await connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
            )
            if not exists:
                await connection.execute(text(f'CREATE DATABASE "{name}"'))
    except OSError:
        pass  # the reset below says the server is unreachable
    finally:
        await admin.dispose()


@pytest.fixture
def backend(database_url: str) -> str:
    return "sqlite" if database_url.startswith("sqlite") else "postgresql"


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await _wipe(engine)
    await engine.dispose()


async def _wipe(engine: AsyncEngine) -> None:
    tables = [table.name for table in reversed(metadata.sorted_tables)]
    async with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))


@pytest.fixture
def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return create_session_factory(engine)


@pytest.fixture
async def session(sessions: async_sessionmaker[AsyncSession]) -> AsyncIterator[AsyncSession]:
    """A session for service tests; the test commits or not as the case needs."""
    async with sessions() as session:
        yield session


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "auto_migrate": False,
        "secret_key": "test-secret",
        "log_level": "WARNING",
        "redis_url": redis_url(),
        # Every test client shares one address: the per-address buckets of the public
        # operations are widened here, and tests of those buckets set 1.
        "public_throttle_scale": 100.0,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture
def settings(database_url: str, engine: AsyncEngine) -> Settings:
    return make_settings(database_url)


async def flush_test_redis() -> None:
    """Throttle buckets are keyed by organization and user ids, which restart per test."""
    url = redis_url()
    if url:
        from redis.asyncio import Redis

        client = Redis.from_url(url)
        await client.flushdb()
        await client.aclose()


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    await flush_test_redis()
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    # The app's own startup and shutdown run, so its engine and Redis client are closed.
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as client,
    ):
        client.app = app  # type: ignore[attr-defined]
        open_mailbox(client, app)
        yield client


# argon2 at its production cost takes tens of milliseconds of CPU per hash by design, and the suite
# hashes and verifies thousands of passwords (every sign-up, every login): the tests run
# with the cheapest argon2id parameters. A test of the cost itself (the refusals' timing,
# the rehash of older parameters) asks for `production_password_cost`. The servers the
# tests start as processes keep the production cost.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def _use_hasher(patch: pytest.MonkeyPatch, hasher: PasswordHasher) -> None:
    patch.setattr(password_secrets, "_hasher", hasher)
    patch.setattr(password_secrets, "_DUMMY_HASH", hasher.hash("not a real password"))


@pytest.fixture(scope="session", autouse=True)
def _cheap_password_hashes() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        _use_hasher(patch, CHEAP_HASHER)
        yield


@pytest.fixture
def production_password_cost() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        _use_hasher(patch, PasswordHasher())
        yield


@pytest.fixture
def clock() -> Iterator[type[ServiceClock]]:
    """The services' clock, for tests that move time forward; put back after the test."""
    ServiceClock.reset()
    try:
        yield ServiceClock
    finally:
        ServiceClock.reset()


@pytest.fixture(autouse=True)
def _no_sentry() -> Iterator[None]:
    yield
    import sentry_sdk

    if sentry_sdk.get_client().is_active():
        sentry_sdk.get_client().close()
        # An inactive client without integrations: later tests see no Sentry at all.
        sentry_sdk.init(dsn=None, default_integrations=False, auto_enabling_integrations=False)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _user_errors_name_real_inputs() -> Iterator[None]:
    """Every userError any test provokes is checked against the operation's input type and
    its domain's code enum (resolvers/common.py logs one that names a missing input or an
    unlisted code): each API test walks the userErrors it meets."""
    logger = logging.getLogger("batchtrack.user_errors")
    collect = _Collect()
    logger.addHandler(collect)
    try:
        yield
    finally:
        logger.removeHandler(collect)
    faults = [getattr(r, "fields", {}) for r in collect.records]
    assert not faults, f"userErrors with a missing input path or an unlisted code: {faults}"


@pytest.fixture
def json_logs() -> Iterator[io.StringIO]:
    """The server's own logging (configure_logging, as `serve` and `worker` set it up) at
    INFO, written to a buffer the test reads. Ask for it after `client`: building the app
    configures logging again."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    buffer = io.StringIO()
    configure_logging("INFO", stream=buffer)
    try:
        yield buffer
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
