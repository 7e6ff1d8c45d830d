"""verify_inventory: a clean history passes; rows corrupted behind the ledger's back are
reported with the item and what differs. Corruption is test-only SQL, since no service
path can produce it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import update

from services.inventory import verify
from services.inventory.ledger import shown
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry
from services.inventory.verify import ItemProblems, consistent_snapshot, verify_inventory
from tests.services.accounts.givens import Actor, Sessions, sign_up
from tests.services.inventory.givens import (
    adjust,
    behind_the_ledger,
    create_item,
    fulfil,
    item_now,
    ledger_of,
    lots_of,
    receive,
    reserve,
)

pytestmark = pytest.mark.inventory


async def check(sessions: Sessions, organization_id: int | None) -> list[ItemProblems]:
    async with consistent_snapshot(sessions) as session:
        return await verify_inventory(session, organization_id=organization_id)


async def a_busy_item(sessions: Sessions, owner: Actor, name: str = "Olive oil") -> InventoryItem:
    """An item with every kind of movement: lots received, used, spoiled, recounted,
    revalued, returned and reserved."""
    item = await create_item(sessions, owner.principal, name)
    await receive(sessions, owner.principal, item.id, "1000", total_cost="12.50")
    await receive(sessions, owner.principal, item.id, "500", total_cost="7.00")
    await adjust(sessions, owner.principal, item.id, "USE", "1200")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "50")
    await adjust(sessions, owner.principal, item.id, "RESTOCK", "30")
    await adjust(sessions, owner.principal, item.id, "COST_OVERRIDE", unit_cost="0.02")
    await adjust(sessions, owner.principal, item.id, "RECOUNT", "250")
    await adjust(sessions, owner.principal, item.id, "RETURNED", "5")
    await reserve(sessions, owner.principal, item.id, "100")
    return item


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


async def test_a_clean_history_passes(sessions, owner):
    await a_busy_item(sessions, owner)
    await a_busy_item(sessions, owner, "Shea butter")
    await create_item(sessions, owner.principal, "Lye")  # no history at all

    assert await check(sessions, owner.organization_id) == []
    assert await check(sessions, None) == []


async def test_a_changed_item_total_is_reported_against_lots_and_ledger(sessions, owner):
    item = await a_busy_item(sessions, owner)
    await behind_the_ledger(
        sessions,
        update(InventoryItem)
        .where(InventoryItem.id == item.id)
        .values(on_hand=InventoryItem.on_hand + Decimal("0.5")),
    )

    [report] = await check(sessions, owner.organization_id)

    assert (report.item_id, report.item_name) == (item.id, "Olive oil")
    assert report.problems == (
        "on_hand 255.5 differs from the sum over its lots 255",
        "on_hand 255.5 differs from the sum of its ledger rows 255",
    )


async def test_a_lot_changed_beyond_what_it_received_is_reported(sessions, owner):
    item = await a_busy_item(sessions, owner)
    first = (await lots_of(sessions, item.id))[0]
    await behind_the_ledger(
        sessions,
        update(InventoryLot).where(InventoryLot.id == first.id).values(remaining=Decimal(1001)),
    )

    [report] = await check(sessions, owner.organization_id)

    assert report.problems[0] == "on_hand 255 differs from the sum over its lots 1256"
    assert report.problems[1] == (
        f"1 lot(s) outside 0 <= remaining <= quantity received with a value >= 0 "
        f"that is 0 when empty (first: lot {first.id})"
    )
    assert report.problems[2] == (
        f"1 lot(s) differ from their ledger rows (first: lot {first.id} {first.lot_code}: "
        f"remaining 1001, value 0; its ledger rows sum to 0, 0)"
    )


async def test_a_changed_ledger_quantity_breaks_the_sum_and_the_running_totals(sessions, owner):
    item = await a_busy_item(sessions, owner)
    rows = await ledger_of(sessions, item.id)
    use = next(row for row in rows if row.change_type == "USE")
    await behind_the_ledger(
        sessions,
        update(LedgerEntry).where(LedgerEntry.id == use.id).values(quantity=use.quantity + 1),
    )

    [report] = await check(sessions, owner.organization_id)

    later = sum(1 for row in rows if row.id >= use.id)
    assert "on_hand 255 differs from the sum of its ledger rows 256" in report.problems
    assert any(p.startswith("1 lot(s) differ from their ledger rows") for p in report.problems)
    assert report.problems[-1] == (
        f"{later} ledger row(s) whose running totals differ from the sums before them "
        f"(first: row {use.id}: on_hand_after {shown(use.on_hand_after)}, "
        f"value_after {shown(use.value_after)}; the sums up to it are "
        f"{shown(use.on_hand_after + 1)}, {shown(use.value_after)})"
    )


async def test_a_changed_running_total_is_pinned_to_its_row(sessions, owner):
    item = await a_busy_item(sessions, owner)
    middle = (await ledger_of(sessions, item.id))[3]
    await behind_the_ledger(
        sessions,
        update(LedgerEntry)
        .where(LedgerEntry.id == middle.id)
        .values(value_after=middle.value_after - Decimal("0.01")),
    )

    [report] = await check(sessions, owner.organization_id)

    assert report.problems == (
        f"1 ledger row(s) whose running totals differ from the sums before them "
        f"(first: row {middle.id}: on_hand_after {shown(middle.on_hand_after)}, value_after "
        f"{shown(middle.value_after - Decimal('0.01'))}; the sums up to it are "
        f"{shown(middle.on_hand_after)}, {shown(middle.value_after)})",
    )


async def test_reserved_must_match_the_active_reservations(sessions, owner):
    item = await a_busy_item(sessions, owner)
    await behind_the_ledger(
        sessions,
        update(InventoryItem).where(InventoryItem.id == item.id).values(reserved=Decimal(-5)),
    )

    [report] = await check(sessions, owner.organization_id)

    assert report.problems == (
        "reserved is negative: -5",
        "reserved -5 differs from its active reservations 100",
    )


async def test_reserved_is_what_active_reservations_still_hold(sessions, owner):
    # given 300 g: one order shipped 60 g of its 100 g, another lost 40 g of its 150 g
    item = await create_item(sessions, owner.principal)
    await receive(sessions, owner.principal, item.id, "300", total_cost="3")
    shipping = await reserve(sessions, owner.principal, item.id, "100", order="#1")
    await reserve(sessions, owner.principal, item.id, "150", order="#2")
    await fulfil(sessions, owner.principal, shipping.id, "60")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "90")
    # then the 40 g and 110 g they still hold are what the item has reserved
    assert (await item_now(sessions, item.id)).reserved == 150
    assert await check(sessions, owner.organization_id) == []


async def test_more_reserved_than_on_hand_is_reported(sessions, owner):
    item = await a_busy_item(sessions, owner)
    await behind_the_ledger(
        sessions,
        update(InventoryItem).where(InventoryItem.id == item.id).values(on_hand=Decimal(99)),
    )

    [report] = await check(sessions, owner.organization_id)

    assert "reserved 100 is more than on hand 99" in report.problems


async def test_only_the_named_organization_is_checked(sessions, owner):
    other = await sign_up(sessions, organization_name="Wick & Wax")
    theirs = await a_busy_item(sessions, other, "Soy wax")
    await a_busy_item(sessions, owner)
    await behind_the_ledger(
        sessions,
        update(InventoryItem).where(InventoryItem.id == theirs.id).values(stock_value=Decimal(0)),
    )

    assert await check(sessions, owner.organization_id) == []
    [report] = await check(sessions, None)
    assert (report.organization_id, report.item_id) == (other.organization_id, theirs.id)


async def test_items_are_checked_page_by_page(sessions, owner, monkeypatch):
    monkeypatch.setattr(verify, "PAGE_SIZE", 2)
    made = [await create_item(sessions, owner.principal, f"Item {n}") for n in range(5)]
    for item in made:
        await receive(sessions, owner.principal, item.id, "10", total_cost="1")
    await behind_the_ledger(
        sessions,
        update(InventoryItem).where(InventoryItem.id == made[4].id).values(on_hand=Decimal(9)),
    )

    reports = await check(sessions, owner.organization_id)

    assert [report.item_id for report in reports] == [made[4].id]
