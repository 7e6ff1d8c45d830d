"""The SQL forms of scalars render what the scalars' serializers render, edge values
included (a whole second, trailing zeros in a fraction, an offset other than UTC), which
the differential corpora, whose values come from the clock, rarely reach."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from graphql import GraphQLScalarType
from sqlalchemy import DateTime, Numeric, bindparam, select

from resolvers.planned.sql_values import sql_scalar
from schema.root import build_schema
from tests.resolvers.planned.differential import on_postgresql
from tests.services.accounts.givens import Sessions

SCHEMA = build_schema([])._schema
INDIA = timezone(timedelta(hours=5, minutes=30))
MOMENTS = [
    datetime(2026, 1, 1, tzinfo=UTC),
    datetime(2026, 1, 1, 0, 0, 0, 120000, tzinfo=UTC),
    datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2026, 6, 1, 12, 30, 5, 10, tzinfo=UTC),
    datetime(2026, 6, 1, 3, 0, 0, 1, tzinfo=INDIA),
    datetime(2026, 6, 1, 3, 0, 0, tzinfo=INDIA),
    datetime(5, 3, 1, 8, 0, 0, 500, tzinfo=UTC),
]
AMOUNTS = ["1200.000000", "0.000010", "-3.100000", "0", "12.345678", "99999999999.5"]


async def _rendered(sessions: Sessions, scalar: str, column: Any, values: list[Any]) -> list[Any]:
    form = sql_scalar(scalar)
    assert form is not None
    async with sessions() as session:
        return [
            (await session.execute(select(form(bindparam("v", value, column))))).scalar_one()
            for value in values
        ]


def _serialized(scalar: str, values: list[Any]) -> list[Any]:
    serializer = SCHEMA.get_type(scalar)
    assert isinstance(serializer, GraphQLScalarType)
    return [serializer.serialize(value) for value in values]


async def test_datetimes_render_as_the_scalar_serializes_them(sessions: Sessions) -> None:
    if not on_postgresql(sessions):
        pytest.skip("SQL forms run on PostgreSQL only")
    rendered = await _rendered(sessions, "DateTime", DateTime(timezone=True), MOMENTS)
    assert rendered == _serialized("DateTime", MOMENTS)
    assert rendered[:2] == ["2026-01-01T00:00:00Z", "2026-01-01T00:00:00.120000Z"]


async def test_decimals_render_as_the_scalar_serializes_them(sessions: Sessions) -> None:
    if not on_postgresql(sessions):
        pytest.skip("SQL forms run on PostgreSQL only")
    amounts = [Decimal(amount) for amount in AMOUNTS]
    rendered = await _rendered(sessions, "Decimal", Numeric(38, 6), amounts)
    assert rendered == _serialized("Decimal", amounts)
