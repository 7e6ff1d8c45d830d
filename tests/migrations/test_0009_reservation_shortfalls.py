"""Migration 0009 back down: without short_quantity, what a shortened reservation lost is
taken off what it reserved, and a SHORT one is released, so each item's reserved total
still matches its active reservations; back up, nothing is short."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import sqlalchemy as sa
from alembic import command
from sqlalchemy.ext.asyncio import AsyncEngine

from server.migrate import alembic_config
from server.migrate import upgrade as upgrade_to
from services.inventory.models import Quantity
from tests.services.accounts.givens import Sessions, sign_up
from tests.services.inventory.givens import adjust, create_item, receive, reserve

pytestmark = pytest.mark.inventory

_RESERVATIONS = sa.table(
    "inventory_reservations",
    sa.column("id", sa.Integer),
    sa.column("quantity", Quantity),
    sa.column("status", sa.String),
    sa.column("closed_at", sa.String),
)


@pytest.fixture
async def at_head_afterwards(database_url: str) -> AsyncIterator[None]:
    try:
        yield
    finally:
        await asyncio.to_thread(upgrade_to, database_url)


async def test_shortened_reservations_survive_a_downgrade(
    database_url: str, engine: AsyncEngine, sessions: Sessions, at_head_afterwards: None
) -> None:
    # given 100 g held 60 g by #1 and 30 g by #2, then 50 g spoiled: #2 is SHORT, #1 holds 50
    owner = await sign_up(sessions)
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "100", total_cost="1")
    first = await reserve(sessions, owner.principal, item.id, "60", order="#1")
    second = await reserve(sessions, owner.principal, item.id, "30", order="#2")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "50")
    await engine.dispose()
    # when the database goes back to 0008
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "0008")
    # then #1 reserved what it holds, and #2 is released
    async with engine.connect() as connection:
        rows = await connection.execute(
            sa.select(
                _RESERVATIONS.c.id,
                _RESERVATIONS.c.quantity,
                _RESERVATIONS.c.status,
                _RESERVATIONS.c.closed_at.is_not(None),
            ).order_by(_RESERVATIONS.c.id)
        )
        assert [tuple(row) for row in rows] == [
            (first.id, 50, "ACTIVE", False),
            (second.id, 0, "RELEASED", True),
        ]
    await engine.dispose()
