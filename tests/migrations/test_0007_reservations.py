"""Migration 0007 on existing reservations: fulfilled ones count as wholly fulfilled,
and an order holding one item through several active reservations (allowed before)
stops the migration with a list of them rather than a bare index error, leaving the
database as it was."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import AsyncEngine

from server.migrate import alembic_config
from server.migrate import upgrade as upgrade_to
from services.db import UTCDateTime, utcnow
from services.inventory.models import Quantity

pytestmark = pytest.mark.inventory

BEFORE = "0006"

_ORGANIZATIONS = sa.table(
    "organizations",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("currency_code", sa.String),
    sa.column("created_at", UTCDateTime()),
)
_ITEMS = sa.table(
    "inventory_items",
    *(sa.column(name, sa.Integer) for name in ("id", "organization_id", "quantity_precision")),
    *(sa.column(name, sa.String) for name in ("name", "name_key", "type", "base_unit")),
    sa.column("costing_method", sa.String),
    sa.column("perishable", sa.Boolean),
    *(sa.column(name, Quantity) for name in ("on_hand", "reserved", "stock_value")),
    *(sa.column(name, UTCDateTime()) for name in ("created_at", "updated_at")),
)
_RESERVATIONS = sa.table(
    "inventory_reservations",
    *(sa.column(name, sa.Integer) for name in ("id", "organization_id", "item_id")),
    sa.column("quantity", Quantity),
    sa.column("order_reference", sa.String),
    sa.column("status", sa.String),
    sa.column("created_at", UTCDateTime()),
)


def _downgrade(url: str) -> None:
    command.downgrade(alembic_config(url), BEFORE)


@pytest.fixture
async def before_0007(database_url: str, engine: AsyncEngine) -> AsyncIterator[AsyncEngine]:
    """The database at the revision before, with an organization and an item; back at
    head afterwards whatever happened."""
    await asyncio.to_thread(_downgrade, database_url)
    try:
        now = utcnow()
        async with engine.begin() as connection:
            await connection.execute(
                sa.insert(_ORGANIZATIONS).values(
                    id=1, name="Old shop", currency_code="USD", created_at=now
                )
            )
            await connection.execute(
                sa.insert(_ITEMS).values(
                    id=1,
                    organization_id=1,
                    quantity_precision=3,
                    name="Olive oil",
                    name_key="olive oil",
                    type="INGREDIENT",
                    base_unit="g",
                    costing_method="FIFO",
                    perishable=False,
                    on_hand=Decimal(1000),
                    reserved=Decimal(0),
                    stock_value=Decimal(10),
                    created_at=now,
                    updated_at=now,
                )
            )
        yield engine
    finally:
        async with engine.begin() as connection:
            await connection.execute(sa.delete(_RESERVATIONS))
        await asyncio.to_thread(upgrade_to, database_url)


async def _add_reservations(engine: AsyncEngine, *rows: tuple[int, str, str, str]) -> None:
    async with engine.begin() as connection:
        for key, quantity, reference, status in rows:
            await connection.execute(
                sa.insert(_RESERVATIONS).values(
                    id=key,
                    organization_id=1,
                    item_id=1,
                    quantity=Decimal(quantity),
                    order_reference=reference,
                    status=status,
                    created_at=utcnow(),
                )
            )


async def test_fulfilled_reservations_count_as_wholly_fulfilled(database_url, before_0007):
    # given reservations of every status (the same order twice, but only once active)
    await _add_reservations(
        before_0007,
        (1, "150.5", "#1", "FULFILLED"),
        (2, "20", "#1", "ACTIVE"),
        (3, "30", "#2", "RELEASED"),
        (4, "40", "#3", "EXPIRED"),
    )
    # when migrated
    await asyncio.to_thread(upgrade_to, database_url)
    # then only the fulfilled one has fulfilled anything
    fulfilled = sa.table(
        "inventory_reservations", sa.column("id"), sa.column("fulfilled", Quantity)
    )
    async with before_0007.connect() as connection:
        rows = (await connection.execute(sa.select(fulfilled).order_by(fulfilled.c.id))).all()
    assert [(key, amount) for key, amount in rows] == [
        (1, Decimal("150.5")),
        (2, 0),
        (3, 0),
        (4, 0),
    ]


async def test_an_order_holding_an_item_twice_stops_the_migration(database_url, before_0007):
    # given an order that holds the item through two active reservations
    await _add_reservations(before_0007, (1, "10", "#1", "ACTIVE"), (2, "20", "#1", "ACTIVE"))
    # when migrated, it stops and says which
    with pytest.raises(RuntimeError) as stopped:
        await asyncio.to_thread(upgrade_to, database_url)
    assert "organization 1, item 1, order '#1': 2 active" in str(stopped.value)
    assert "releaseReservation" in str(stopped.value)
    # and once one of them is released, it goes through
    released = sa.table("inventory_reservations", sa.column("id"), sa.column("status"))
    async with before_0007.begin() as connection:
        await connection.execute(
            sa.update(released).where(released.c.id == 2).values(status="RELEASED")
        )
    await asyncio.to_thread(upgrade_to, database_url)
