"""Inventory events: low stock once per crossing, and per-entity sequence numbers."""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta
from decimal import Decimal

import pytest

from services.db import unit_of_work, utcnow
from services.events import API_VERSION, EventFilter, list_events
from services.ids import to_global_id
from services.inventory import stock
from services.inventory.payloads import lot_id as public_lot_id
from services.pagination import PageRequest
from tests.services.accounts.givens import Actor, sign_up
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    events_of,
    expire_due,
    fulfil,
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
    assert (event.entity_id, event.payload["item"]["lowStockThreshold"]) == (
        global_item_id(item),
        {"amount": "100", "unit": "g"},
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


async def test_a_threshold_raised_over_the_stock_announces_low_stock_and_clearing_re_arms(
    sessions, owner
):
    item = await create_item(sessions, owner.principal, low_stock_threshold=Decimal(100))
    await receive(sessions, owner.principal, item.id, "150", total_cost="15")

    await update_item(sessions, owner.principal, item.id, low_stock_threshold=Decimal(200))
    [event] = await events_of(sessions, owner.organization_id, "inventory.low_stock")
    assert event.payload["item"]["lowStockThreshold"] == {"amount": "200", "unit": "g"}
    await update_item(sessions, owner.principal, item.id, name="Olive oil, extra virgin")
    assert await _low_stock_count(sessions, owner) == 1  # still under: not again

    await update_item(sessions, owner.principal, item.id, low_stock_threshold=None)
    await update_item(sessions, owner.principal, item.id, low_stock_threshold=Decimal(160))
    assert await _low_stock_count(sessions, owner) == 2
    await update_item(sessions, owner.principal, item.id, low_stock_threshold=Decimal(150))
    await adjust(sessions, owner.principal, item.id, "USE", "1")
    assert await _low_stock_count(sessions, owner) == 3  # lowered to the stock: re-armed


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


async def test_a_connector_following_one_item_sees_every_change_to_its_stock_in_order(
    sessions, owner
):
    # given an item that goes through every kind of change to its stock, interleaved with
    # changes to another item
    oil = await create_item(sessions, owner.principal, "Olive oil", low_stock_threshold=Decimal(50))
    wax = await create_item(sessions, owner.principal, "Soy wax")
    soon = utcnow() + timedelta(hours=1)
    await receive(sessions, owner.principal, oil.id, "200", total_cost="20")
    await receive(sessions, owner.principal, wax.id, "100", total_cost="1")
    first = await reserve(sessions, owner.principal, oil.id, "120", order="#1", expires_at=soon)
    await adjust(sessions, owner.principal, oil.id, "USE", "30")
    await reserve(sessions, owner.principal, wax.id, "10", order="#1")
    await fulfil(sessions, owner.principal, first.id, "100")
    await update_item(sessions, owner.principal, oil.id, sku="OO-1")
    second = await reserve(sessions, owner.principal, oil.id, "25", order="#2")
    await release(sessions, owner.principal, second.id)
    await expire_due(sessions, at=soon)

    # when a connector reads the item's stream (as webhooks deliver it, and as the events
    # query serves it to reconcile)
    async with unit_of_work(sessions, write=False) as session:
        page = await list_events(
            session,
            owner.principal,
            filters=EventFilter(entity_type="InventoryItem", entity_id=global_item_id(oil)),
            page=PageRequest(first=100),
        )
    stream = [
        (
            event.type,
            event.sequence,
            event.payload["item"]["onHand"]["amount"],
            event.payload["item"]["available"]["amount"],
        )
        for event in page.items
    ]

    # then every change is there once, numbered in order, each with the stock it left
    assert stream == [
        ("inventory.item.created", 1, "0", "0"),
        ("inventory.lot.received", 2, "200", "200"),
        ("inventory.reservation.created", 3, "200", "80"),
        ("inventory.adjusted", 4, "170", "50"),
        ("inventory.adjusted", 5, "70", "50"),  # the SALE of 100 g of #1
        ("inventory.reservation.fulfilled", 6, "70", "50"),  # 20 g of #1 still held
        ("inventory.item.updated", 7, "70", "50"),
        ("inventory.reservation.created", 8, "70", "25"),
        ("inventory.low_stock", 9, "70", "25"),
        ("inventory.reservation.released", 10, "70", "50"),
        ("inventory.reservation.expired", 11, "70", "70"),
    ]
    assert {event.payload["item"]["onHand"]["unit"] for event in page.items} == {"g"}
    reservation_ids = [
        event.payload["reservation"]["id"]
        for event in page.items
        if event.type.startswith("inventory.reservation.")
    ]
    assert reservation_ids == [
        to_global_id("InventoryReservation", key)
        for key in (first.id, first.id, second.id, second.id, first.id)
    ]
