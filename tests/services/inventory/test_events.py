"""Inventory events: low stock once per crossing, and per-entity sequence numbers."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.events import API_VERSION
from services.inventory import stock
from services.inventory.payloads import lot_id as public_lot_id
from tests.services.accounts.givens import Actor, sign_up
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    events_of,
    global_item_id,
    receive,
    release,
    reserve,
    update_item,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def _low_stock_count(sessions, actor: Actor) -> int:
    return len(await events_of(sessions, actor.organization_id, "inventory.low_stock"))


async def test_low_stock_is_announced_once_per_crossing_below_the_threshold(sessions, owner):
    # given 150 g of an item that should not fall below 100 g
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(100))
    await receive(sessions, owner.principal, item.id, "150", total_cost="15")
    await adjust(sessions, owner.principal, item.id, "USE", "50")
    assert await _low_stock_count(sessions, owner) == 0  # exactly at the threshold is fine
    # when it crosses below, and goes on falling
    await adjust(sessions, owner.principal, item.id, "USE", "10")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "10")
    # then one event
    [event] = await events_of(sessions, owner.organization_id, "inventory.low_stock")
    assert (event.entity_id, Decimal(event.payload["threshold"])) == (
        global_item_id(item),
        Decimal(100),
    )
    assert Decimal(event.payload["item"]["available"]["amount"]) == 90
    # when it recovers to the threshold and crosses again
    await adjust(sessions, owner.principal, item.id, "RESTOCK", "20")
    assert await _low_stock_count(sessions, owner) == 1
    await adjust(sessions, owner.principal, item.id, "USE", "0.001")
    # then a second event
    assert await _low_stock_count(sessions, owner) == 2


async def test_holding_stock_for_an_order_can_cross_the_threshold(sessions, owner):
    # given 150 g and a threshold of 100 g on available stock
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(100))
    await receive(sessions, owner.principal, item.id, "150", total_cost="15")
    # when 60 g are held, available falls to 90 g
    held = await reserve(sessions, owner.principal, item.id, "60")
    assert await _low_stock_count(sessions, owner) == 1
    # releasing re-arms it, and holding again announces again
    await release(sessions, owner.principal, held.id)
    await reserve(sessions, owner.principal, item.id, "60")
    assert await _low_stock_count(sessions, owner) == 2


async def test_an_item_without_a_threshold_is_never_low(sessions, owner):
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "1", total_cost="1")
    await adjust(sessions, owner.principal, item.id, "USE", "1")
    assert await _low_stock_count(sessions, owner) == 0


async def test_each_item_numbers_every_event_about_it_1_2_3(sessions, owner):
    # given two items whose changes interleave, and a lot that expires
    oil = await create_item(sessions, owner.principal, "Olive oil")
    butter = await create_item(sessions, owner.principal, "Shea butter")
    lot = await receive(
        sessions,
        owner.principal,
        oil.id,
        "100",
        total_cost="10",
        received_at=days_ago(10),
        expires_at=days_ago(1),
    )
    await update_item(sessions, owner.principal, oil.id, sku="OO-1")
    await update_item(sessions, owner.principal, butter.id, sku="SB-1")
    await receive(sessions, owner.principal, butter.id, "100", total_cost="10")
    await adjust(sessions, owner.principal, butter.id, "USE", "5")
    async with unit_of_work(sessions) as session:
        await stock.write_off_expired_lots(session, owner.principal)
    await reserve(sessions, owner.principal, butter.id, "5")
    # when the log is read back
    events = await events_of(sessions, owner.organization_id)
    sequences: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for event in events:
        sequences[(event.entity_type, event.entity_id)].append((event.type, event.sequence))
    # then each item's stream holds every event about it, lots and reservations included,
    # counted from 1 without gaps in log order; there is no other stream
    assert lot.lot is not None
    assert set(sequences) == {
        ("InventoryItem", global_item_id(oil)),
        ("InventoryItem", global_item_id(butter)),
    }
    assert sequences[("InventoryItem", global_item_id(oil))] == [
        ("inventory.item.created", 1),
        ("inventory.lot.received", 2),
        ("inventory.item.updated", 3),
        ("inventory.lot.expired", 4),
        ("inventory.adjusted", 5),
    ]
    assert sequences[("InventoryItem", global_item_id(butter))] == [
        ("inventory.item.created", 1),
        ("inventory.item.updated", 2),
        ("inventory.lot.received", 3),
        ("inventory.adjusted", 4),
        ("inventory.reservation.created", 5),
    ]
    [expired] = [event for event in events if event.type == "inventory.lot.expired"]
    assert expired.payload["lot"]["id"] == public_lot_id(lot.lot.id)
    assert {(e.organization_id, e.api_version) for e in events} == {
        (owner.organization_id, API_VERSION)
    }
