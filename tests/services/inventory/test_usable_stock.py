"""Usable stock: what can really be sold or used now, max(0, unexpired on hand - reserved).
`available` (on hand - reserved) counts expired stock that only a disposal can take; the
low-stock checks, the lowStock filter and reorder suggestions go by usable stock, and
the minutely job announces items that lots expiring put under their threshold."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import update

from services.db import unit_of_work, utcnow
from services.inventory import items, jobs, reports
from services.inventory.items import ItemFilter
from services.inventory.models import InventoryLot
from services.inventory.quantities import is_low_stock, usable
from services.pagination import PageRequest
from services.permissions import Principal
from tests.services.accounts.givens import Actor, Sessions, sign_up
from tests.services.inventory.givens import (
    adjust,
    behind_the_ledger,
    create_item,
    days_ago,
    events_of,
    item_now,
    receive,
    reserve,
)

pytestmark = pytest.mark.inventory

STOCK = ("id", "unexpired_on_hand", "reserved", "low_stock_threshold")


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def _stock_row(sessions: Sessions, principal: Principal, item_id: int) -> Any:
    async with unit_of_work(sessions, write=False) as session:
        return await items.get_item(session, principal, item_id=item_id, columns=STOCK)


async def _expired(sessions: Sessions, principal: Principal, item_id: int, amount: str) -> None:
    await receive(
        sessions,
        principal,
        item_id,
        amount,
        total_cost="1",
        received_at=days_ago(20),
        expires_at=days_ago(1),
    )


async def test_usable_stock_leaves_out_expired_and_held_stock(sessions, owner):
    # given 100 g fresh and 50 g expired, 30 g of it held for an order
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "100", total_cost="10")
    await _expired(sessions, owner.principal, item.id, "50")
    await reserve(sessions, owner.principal, item.id, "30")
    # then 120 g are available, but only 70 g usable
    assert usable(await _stock_row(sessions, owner.principal, item.id)) == 70
    [created] = await events_of(sessions, owner.organization_id, "inventory.reservation.created")
    assert {k: created.payload["item"][k]["amount"] for k in ("available", "usable")} == {
        "available": "120",
        "usable": "70",
    }


async def test_low_stock_goes_by_usable_stock(sessions, owner):
    # given an item that is low under 100 g
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(100))
    # with 200 g fresh and 60 g that have expired
    await receive(sessions, owner.principal, item.id, "200", total_cost="20")
    await _expired(sessions, owner.principal, item.id, "60")
    assert await events_of(sessions, owner.organization_id, "inventory.low_stock") == []
    # when 110 g are used: 150 g available
    await adjust(sessions, owner.principal, item.id, "USE", "110")
    # then it is low: 90 g can be sold
    [low] = await events_of(sessions, owner.organization_id, "inventory.low_stock")
    assert (low.payload["item"]["available"]["amount"], low.payload["item"]["usable"]) == (
        "150",
        {"amount": "90", "unit": "g"},
    )
    assert (await item_now(sessions, item.id)).low_stock_since is not None
    assert is_low_stock(await _stock_row(sessions, owner.principal, item.id))
    async with unit_of_work(sessions, write=False) as session:
        low_items = await items.list_items(
            session, owner.principal, filters=ItemFilter(low_stock=True), page=PageRequest()
        )
    assert [found.id for found in low_items.items] == [item.id]


async def test_a_lot_expiring_makes_the_job_announce_low_stock_once(sessions, owner):
    # given an item low under 100 g, with 150 g that expire in an hour and 20 g that keep
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(100))
    await receive(
        sessions,
        owner.principal,
        item.id,
        "150",
        total_cost="15",
        expires_at=utcnow() + timedelta(hours=1),
    )
    await receive(sessions, owner.principal, item.id, "20", total_cost="2")
    # when the job runs before the expiry, nothing is low
    await jobs.run_due_jobs(sessions, now=utcnow())
    assert await events_of(sessions, owner.organization_id, "inventory.low_stock") == []
    # then, run after it, time alone has put the item under its threshold: it says so
    later = utcnow() + timedelta(hours=2)
    await jobs.run_due_jobs(sessions, now=later)
    [low] = await events_of(sessions, owner.organization_id, "inventory.low_stock")
    item_data = low.payload["item"]
    assert (item_data["onHand"]["amount"], item_data["usable"]["amount"]) == ("170", "20")
    assert (await item_now(sessions, item.id)).low_stock_since == later
    # once: the next run finds it announced
    await jobs.run_due_jobs(sessions, now=later + timedelta(minutes=1))
    assert len(await events_of(sessions, owner.organization_id, "inventory.low_stock")) == 1


async def test_usable_stock_is_never_negative(sessions, owner):
    # given 80 g held, then the lot they are held from expires (time moved by hand)
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(1))
    await receive(
        sessions, owner.principal, item.id, "100", total_cost="10", expires_at=days_ago(-1)
    )
    await reserve(sessions, owner.principal, item.id, "80")
    await behind_the_ledger(
        sessions,
        update(InventoryLot).where(InventoryLot.item_id == item.id).values(expires_at=days_ago(1)),
    )
    row = await _stock_row(sessions, owner.principal, item.id)
    assert usable(row) == 0
    assert is_low_stock(row)


async def test_reorder_suggestions_go_by_usable_stock(sessions, owner):
    # given 150 g on hand, 80 g of them expired, and a threshold of 100 g
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(100))
    await receive(sessions, owner.principal, item.id, "70", total_cost="7")
    await _expired(sessions, owner.principal, item.id, "80")
    # then a reorder is suggested: 70 g can be used
    async with unit_of_work(sessions, write=False) as session:
        [suggestion] = await reports.reorder_suggestions(session, owner.principal)
    assert (suggestion.available, suggestion.usable) == (Decimal(150), Decimal(70))
    assert suggestion.suggested_quantity == 30
