from __future__ import annotations

import contextlib
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import asyncpg
import pytest
from sqlalchemy import Column, MetaData, Table, func, insert, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from services import db
from services.db import DriverPool, ExactDecimal, UTCDateTime
from services.errors import Busy

_scratch = MetaData()
samples = Table(
    "scratch_exact",
    _scratch,
    Column("quantity", ExactDecimal(6)),
    Column("at", UTCDateTime()),
)


@pytest.fixture
async def scratch(engine):
    async with engine.begin() as connection:
        await connection.run_sync(_scratch.create_all)
    yield engine
    async with engine.begin() as connection:
        await connection.run_sync(_scratch.drop_all)


async def test_exact_decimals_round_trip_and_sum_without_float_error(scratch):
    values = [Decimal("0.1"), Decimal("0.2"), Decimal("123456789.123456"), Decimal("-0.000001")]
    async with scratch.begin() as connection:
        await connection.execute(insert(samples), [{"quantity": v} for v in values])
    async with scratch.connect() as connection:
        stored = (await connection.scalars(select(samples.c.quantity))).all()
        total = await connection.scalar(select(func.sum(samples.c.quantity)))
    assert sorted(stored) == sorted(values)
    assert total == sum(values)  # 123456789.423455 exactly, on SQLite too


async def test_a_value_finer_than_the_scale_is_refused_not_rounded(scratch):
    async with scratch.begin() as connection:
        with pytest.raises(StatementError, match="more than 6 fractional digits"):
            await connection.execute(insert(samples), [{"quantity": Decimal("0.0000001")}])


async def test_datetimes_come_back_timezone_aware_in_utc(scratch):
    paris = timezone(timedelta(hours=1))
    moment = datetime(2026, 11, 24, 13, 0, tzinfo=paris)
    async with scratch.begin() as connection:
        await connection.execute(insert(samples), [{"quantity": 1, "at": moment}])
    async with scratch.connect() as connection:
        stored = await connection.scalar(select(samples.c.at))
    assert stored == moment
    assert stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)
    assert stored.astimezone(UTC).hour == 12


async def test_naive_datetimes_are_refused(scratch):
    async with scratch.begin() as connection:
        with pytest.raises(StatementError, match="naive datetime"):
            await connection.execute(insert(samples), [{"at": datetime(2026, 1, 1)}])


async def _backend_pid(engine: AsyncEngine) -> int:
    async with engine.connect() as connection:
        return int(await connection.scalar(text("SELECT pg_backend_pid()")))


async def test_a_pooled_connection_lost_while_idle_is_replaced_before_use(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite connections are files, not sessions a server can end")
    monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
    engine = db.create_engine(database_url, pool_size=1)
    try:
        lost = await _backend_pid(engine)
        async with db.create_engine(database_url).connect() as admin:
            await admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": lost})
        # Pinged at checkout, found gone, replaced: the caller never sees the loss.
        assert await _backend_pid(engine) != lost
    finally:
        await engine.dispose()


async def test_only_a_connection_idle_for_a_while_is_pinged(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("the ping is PostgreSQL's")
    engine = db.create_engine(database_url, pool_size=1)
    pings: list[Any] = []
    ping = engine.dialect.do_ping

    def counted(connection: Any) -> bool:
        pings.append(connection)
        return ping(connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    try:
        for _ in range(3):
            await _backend_pid(engine)
        assert pings == []  # new, then just used
        monkeypatch.setattr(db, "PING_AFTER_IDLE_SECONDS", 0.0)
        await _backend_pid(engine)
        assert len(pings) == 1
    finally:
        await engine.dispose()


async def test_a_writer_kept_waiting_past_the_busy_timeout_is_busy_not_a_fault(tmp_path):
    # given one writer holding SQLite's write lock
    url = f"sqlite+aiosqlite:///{tmp_path / 'busy.db'}"
    holder, impatient = db.create_engine(url), db.create_engine(url, sqlite_busy_timeout_ms=50)
    try:
        async with db.unit_of_work(db.create_session_factory(holder)):
            # when another writer waits longer than its busy timeout
            with pytest.raises(Busy) as raised:
                async with db.unit_of_work(db.create_session_factory(impatient)):
                    pass
        # then it is told to retry, a coded error, and the lock, once free, is taken
        assert raised.value.code == "SERVICE_BUSY"
        async with db.unit_of_work(db.create_session_factory(impatient)) as session:
            assert (await session.execute(text("SELECT 1"))).scalar() == 1
    finally:
        await holder.dispose()
        await impatient.dispose()


async def test_commit_listeners_hear_each_commit_with_what_it_noted_and_no_rollback(engine):
    heard: list[dict[str, Any]] = []
    sessions = db.create_session_factory(engine, [lambda info: heard.append(dict(info))])

    async def rolled_back() -> None:
        async with db.unit_of_work(sessions) as session:
            session.info["noted"] = {3}
            raise RuntimeError("rolled back")

    async with db.unit_of_work(sessions) as session:
        session.info["noted"] = {1, 2}
    with pytest.raises(RuntimeError):
        await rolled_back()
    async with db.unit_of_work(sessions) as session:
        pass

    assert [info.get("noted") for info in heard] == [{1, 2}, None]


async def test_a_failing_commit_listener_leaves_the_commit_standing(engine):
    def broken(info: dict[str, Any]) -> None:
        raise ValueError("listener bug")

    sessions = db.create_session_factory(engine, [broken])
    async with db.unit_of_work(sessions) as session:
        await session.execute(text("CREATE TABLE scratch_listened (n INTEGER)"))
    async with db.unit_of_work(sessions) as session:
        assert await session.scalar(text("SELECT count(*) FROM scratch_listened")) == 0
        await session.execute(text("DROP TABLE scratch_listened"))


async def test_a_single_statement_unit_is_its_own_transaction_on_postgresql(engine, backend):
    sessions = db.create_session_factory(engine)
    async with db.unit_of_work(sessions) as session:
        await session.execute(text("CREATE TABLE scratch_single (n INTEGER)"))

    async def fails_after_its_statement() -> None:
        async with db.unit_of_work(sessions, single_statement=True) as session:
            await session.execute(text("INSERT INTO scratch_single VALUES (1)"))
            raise RuntimeError("after the statement")

    with pytest.raises(RuntimeError):
        await fails_after_its_statement()
    async with db.unit_of_work(sessions) as session:
        kept = await session.scalar(text("SELECT count(*) FROM scratch_single"))
        await session.execute(text("DROP TABLE scratch_single"))

    # PostgreSQL ran it outside a transaction (no BEGIN, no COMMIT): nothing to roll back.
    assert kept == (1 if backend == "postgresql" else 0)


async def test_a_driver_pool_replaces_a_broken_connection_and_keeps_a_refused_ones(
    database_url: str,
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("a DriverPool holds asyncpg connections")
    pool = DriverPool(database_url, 1, {"plan_cache_mode": "force_generic_plan"})
    try:
        async with pool.connection() as connection:
            first = await connection.fetchval("SELECT pg_backend_pid()")
            assert await connection.fetchval("SHOW plan_cache_mode") == "force_generic_plan"
        # a statement PostgreSQL refuses leaves the connection as it was
        with pytest.raises(asyncpg.DivisionByZeroError):
            async with pool.connection() as connection:
                await connection.fetchval("SELECT 1 / 0")
        async with pool.connection() as connection:
            assert await connection.fetchval("SELECT pg_backend_pid()") == first
        # a connection lost under the pool fails at most once (when asyncpg has not yet
        # seen it close), then a new one takes its place
        terminator = await asyncpg.connect(database_url.replace("+asyncpg", ""))
        try:
            await terminator.execute("SELECT pg_terminate_backend($1)", first)
        finally:
            await terminator.close()
        with contextlib.suppress(Exception):  # whatever asyncpg makes of the lost socket
            async with pool.connection() as connection:
                await connection.fetchval("SELECT 1")
        async with pool.connection() as connection:
            assert await connection.fetchval("SELECT pg_backend_pid()") != first
    finally:
        await pool.dispose()
