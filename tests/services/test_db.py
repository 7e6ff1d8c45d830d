from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import Column, MetaData, Table, func, insert, select
from sqlalchemy.exc import StatementError

from services.db import ExactDecimal, UTCDateTime

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
