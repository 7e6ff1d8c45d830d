"""The ledger's own guarantees: a posting refuses to commit when the item's totals have
drifted from its ledger or from its open lots, new lots are written holding their stock,
and a stock change costs a fixed number of SQL statements, whatever the item's history."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlalchemy.ext.asyncio import AsyncEngine

from services.db import unit_of_work
from services.inventory import stock
from services.inventory.ledger import InventoryInvariantViolated
from services.inventory.models import InventoryItem, InventoryLot
from services.inventory.quantities import QuantityInput
from tests.services.accounts.givens import Actor, sign_up
from tests.services.inventory.givens import (
    adjust,
    behind_the_ledger,
    create_item,
    ledger_of,
    lots_of,
    receive,
    snapshot,
    stocked_item,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def test_a_posting_refuses_an_item_whose_totals_left_its_ledger(sessions, owner):
    # given an item whose on-hand total was changed without a ledger row
    item = await stocked_item(sessions, owner.principal)
    await behind_the_ledger(
        sessions,
        update(InventoryItem)
        .where(InventoryItem.id == item.id)
        .values(on_hand=InventoryItem.on_hand + 1),
    )
    before = await snapshot(sessions, item.id)
    # when stock is next changed, then the change fails as a fault and nothing of it stays
    with pytest.raises(InventoryInvariantViolated, match="differ from the ledger's 200"):
        await adjust(sessions, owner.principal, item.id, "USE", "1")
    assert await snapshot(sessions, item.id) == before


async def test_a_posting_refuses_an_item_whose_totals_left_its_open_lots(sessions, owner):
    # given an item one of whose lots lost stock without a ledger row
    item = await stocked_item(sessions, owner.principal)
    older = (await lots_of(sessions, item.id))[0]
    await behind_the_ledger(
        sessions,
        update(InventoryLot)
        .where(InventoryLot.id == older.id)
        .values(remaining=InventoryLot.remaining - 1),
    )
    before = await snapshot(sessions, item.id)
    # when stock is next received, then the change fails as a fault and nothing of it stays
    with pytest.raises(InventoryInvariantViolated, match=r"open lots 299\.000000 / "):
        await receive(sessions, owner.principal, item.id, "100", total_cost="5")
    assert await snapshot(sessions, item.id) == before


async def test_the_first_posting_of_an_item_chains_from_nothing(sessions, owner):
    # given a new item, with no ledger yet
    item = await create_item(sessions, owner.principal)
    # when it receives a lot, then the lot holds its stock and the ledger starts at it
    received = await receive(sessions, owner.principal, item.id, "12.5", total_cost="3.75")
    assert received.lot is not None
    [lot] = await lots_of(sessions, item.id)
    assert (lot.remaining, lot.remaining_value) == (lot.quantity_received, lot.total_cost)
    [entry] = await ledger_of(sessions, item.id)
    assert (entry.lot_id, entry.on_hand_after, entry.value_after) == (
        lot.id,
        Decimal("12.5"),
        Decimal("3.75"),
    )


@contextmanager
def _statements(engine: AsyncEngine) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", count)


async def test_a_stock_change_costs_a_fixed_number_of_statements(sessions, engine, owner):
    # given an item with two lots (and an organization without webhook endpoints)
    item = await stocked_item(sessions, owner.principal)
    async with unit_of_work(sessions) as session:
        # when a receipt names its lot code, and a consumption draws across both old lots
        with _statements(engine) as receipt:
            await stock.receive_inventory(
                session,
                owner.principal,
                item_id=item.id,
                quantity=QuantityInput(Decimal(5), "g"),
                unit_cost=Decimal("0.5"),
                lot_code="L-3",
            )
        with _statements(engine) as draw:
            await stock.adjust_inventory(
                session,
                owner.principal,
                item_id=item.id,
                change_type="USE",
                quantity=QuantityInput(Decimal(150), "g"),
            )
    # then: lock the item, check the lot code, insert the lot, update the item, insert the
    # ledger row, check the totals, append the event
    assert len(receipt) == 7, receipt
    # and: lock the item, read its open lots, update the item, update the lots, insert the
    # ledger rows (SQLite: one INSERT ... RETURNING per row), check the totals, append
    # the event
    assert len(draw) == (8 if engine.dialect.name == "sqlite" else 7), draw
