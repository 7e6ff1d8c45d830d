"""Concurrent writers on PostgreSQL never oversell or desync.

16 writers x 200 mixed operations (receive, USE, SPOIL) on 3 items, each operation its
own transaction through the real services, all started at once. Refusals for
insufficient stock are expected (demand outruns supply on purpose, so stock hovers near
zero where an oversell would show). Afterwards the invariant holds for every item, no
ledger row ever recorded negative stock, and each item's final on-hand is exactly what
the writers' own tally of successful operations says.

Also: many writers changing one item number its events in one sequence, and racing
reservations of one order hold the item once (the partial unique index decides).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work
from services.errors import UserInputError
from services.inventory import items, reservations, stock
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry, Reservation
from services.inventory.quantities import QuantityInput
from services.inventory.verify import consistent_snapshot, verify_inventory
from services.permissions import Principal
from tests.services.accounts.givens import Sessions, sign_up
from tests.services.inventory.givens import create_item, events_of, global_item_id, item_fields

pytestmark = pytest.mark.inventory

WRITERS = 16
OPERATIONS = 200
ITEMS = 3
# Receipts supply on average less than USE and SPOIL ask for, so refusals happen.
OPERATION_WEIGHTS = {"RECEIVE": 35, "USE": 45, "SPOIL": 20}
LARGEST = {"RECEIVE": 50, "USE": 40, "SPOIL": 20}


@dataclass
class Tally:
    """What the writers saw succeed, per item: the reference the database must match."""

    moved: defaultdict[tuple[int, str], Decimal] = field(
        default_factory=lambda: defaultdict(Decimal)
    )
    refused: Counter[str] = field(default_factory=Counter)
    overdrawn: list[str] = field(default_factory=list)


async def one_operation(
    sessions: async_sessionmaker[AsyncSession],
    principal: Principal,
    item_id: int,
    kind: str,
    amount: Decimal,
    tally: Tally,
) -> None:
    quantity = QuantityInput(amount, "g")
    try:
        async with unit_of_work(sessions) as session:
            if kind == "RECEIVE":
                change = await stock.receive_inventory(
                    session,
                    principal,
                    item_id=item_id,
                    quantity=quantity,
                    unit_cost=Decimal("0.013"),
                )
            else:
                change = await stock.adjust_inventory(
                    session, principal, item_id=item_id, change_type=kind, quantity=quantity
                )
    except UserInputError as refusal:
        if refusal.code != "INSUFFICIENT_STOCK":
            raise  # only running out of stock is an expected refusal
        tally.refused[kind] += 1
        return
    # Counted only once committed: the tally is what the writers know happened.
    tally.moved[item_id, kind] += amount
    if abs(change.posting.quantity) != amount or change.item.on_hand < 0:
        tally.overdrawn.append(f"{kind} {amount} on item {item_id}: {change.posting.quantity}")


async def writer(
    sessions: async_sessionmaker[AsyncSession],
    principal: Principal,
    item_ids: list[int],
    seed: int,
    tally: Tally,
) -> None:
    chance = random.Random(seed)  # a reproducible mix, not a secret
    kinds = list(OPERATION_WEIGHTS)
    for _ in range(OPERATIONS):
        kind = chance.choices(kinds, weights=list(OPERATION_WEIGHTS.values()))[0]
        amount = Decimal(chance.randint(1, LARGEST[kind]))
        await one_operation(sessions, principal, chance.choice(item_ids), kind, amount, tally)


async def ledger_totals(sessions: Sessions) -> dict[tuple[int, str], Decimal]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.execute(
            select(
                LedgerEntry.item_id, LedgerEntry.change_type, func.sum(LedgerEntry.quantity)
            ).group_by(LedgerEntry.item_id, LedgerEntry.change_type)
        )
        return {(item_id, kind): Decimal(total) for item_id, kind, total in rows}


async def test_concurrent_writers_never_oversell_or_desync(pooled, sessions):
    owner = await sign_up(sessions)
    items = [await create_item(sessions, owner.principal, f"Soy wax {n}") for n in range(ITEMS)]
    item_ids = [item.id for item in items]
    tally = Tally()

    started = time.monotonic()
    await asyncio.gather(
        *(writer(pooled, owner.principal, item_ids, seed, tally) for seed in range(WRITERS))
    )
    elapsed = time.monotonic() - started

    async with consistent_snapshot(sessions) as session:
        assert await verify_inventory(session, organization_id=owner.organization_id) == []
        lowest_on_hand = await session.scalar(select(func.min(LedgerEntry.on_hand_after)))
        lowest_lot = await session.scalar(select(func.min(InventoryLot.remaining)))
        final = {
            item.id: item.on_hand
            for item in await session.scalars(
                select(InventoryItem).where(InventoryItem.id.in_(item_ids))
            )
        }
    assert tally.overdrawn == []
    assert lowest_on_hand is not None
    assert lowest_on_hand >= 0
    assert lowest_lot is not None
    assert lowest_lot >= 0
    ledger = await ledger_totals(sessions)
    for item_id in item_ids:
        received = tally.moved[item_id, "RECEIVE"]
        used, spoiled = tally.moved[item_id, "USE"], tally.moved[item_id, "SPOIL"]
        assert used + spoiled <= received
        assert final[item_id] == received - used - spoiled
        assert (
            ledger.get((item_id, "PURCHASE"), Decimal(0)),
            ledger.get((item_id, "USE"), Decimal(0)),
            ledger.get((item_id, "SPOIL"), Decimal(0)),
        ) == (received, -used, -spoiled)
    succeeded = WRITERS * OPERATIONS - sum(tally.refused.values())
    # The contention must be real: both outcomes happened, many times.
    assert succeeded > WRITERS * OPERATIONS // 2
    assert tally.refused["USE"] + tally.refused["SPOIL"] > 0
    print(
        f"\n{WRITERS} writers x {OPERATIONS} operations on {ITEMS} items: "
        f"{succeeded} committed, {dict(tally.refused)} refused for insufficient stock, "
        f"{elapsed:.1f} s ({WRITERS * OPERATIONS / elapsed:.0f} operations/s)"
    )


async def test_concurrent_changes_to_one_item_number_its_events_in_one_sequence(pooled, sessions):
    # given one item whose settings and stock are changed by many writers at once
    owner = await sign_up(sessions)
    item = await create_item(sessions, owner.principal, "Beeswax")
    changes = WRITERS * 4

    async def change(n: int) -> None:
        async with unit_of_work(pooled) as session:
            if n % 2:
                await items.update_item(
                    session, owner.principal, item_id=item.id, values=item_fields(sku=f"BW-{n}")
                )
            else:
                await stock.adjust_inventory(
                    session,
                    owner.principal,
                    item_id=item.id,
                    change_type="RESTOCK",
                    quantity=QuantityInput(Decimal(1), "g"),
                )

    # when they all commit
    await asyncio.gather(*(change(n) for n in range(changes)))

    # then the item's stream numbers every change once, 1, 2, 3... in log order, and each
    # event shows the item as its change left it: on hand only grows along the stream (an
    # update that read the item before a restock committed would show it shrinking)
    events = await events_of(sessions, owner.organization_id)
    assert [event.sequence for event in events] == list(range(1, changes + 2))
    assert {event.entity_id for event in events} == {global_item_id(item)}
    on_hand = [Decimal(event.payload["item"]["onHand"]["amount"]) for event in events]
    assert on_hand == sorted(on_hand)
    assert on_hand[-1] == changes // 2


async def test_concurrent_reservations_for_one_order_hold_the_item_once(pooled, sessions):
    # given an item, and one order's reservation sent by many requests at once (a
    # connector's retries racing each other)
    owner = await sign_up(sessions)
    item = await create_item(sessions, owner.principal, "Candle tin")
    async with unit_of_work(sessions) as session:
        await stock.receive_inventory(
            session,
            owner.principal,
            item_id=item.id,
            quantity=QuantityInput(Decimal(1000), "g"),
            total_cost=Decimal(10),
        )

    async def reserve() -> str:
        try:
            async with unit_of_work(pooled) as session:
                await reservations.reserve_inventory(
                    session,
                    owner.principal,
                    item_id=item.id,
                    quantity=QuantityInput(Decimal(100), "g"),
                    order_reference="#1001",
                )
        except UserInputError as refusal:
            return refusal.code
        return "RESERVED"

    # when they all run
    outcomes = await asyncio.gather(*(reserve() for _ in range(WRITERS)))

    # then exactly one holds the stock; the others are told it is held already
    assert Counter(outcomes) == {"RESERVED": 1, "RESERVATION_EXISTS": WRITERS - 1}
    async with unit_of_work(sessions, write=False) as session:
        held = list(await session.scalars(select(Reservation)))
        stored = await session.get_one(InventoryItem, item.id)
    assert [(r.order_reference, r.status, r.quantity) for r in held] == [
        ("#1001", "ACTIVE", Decimal(100))
    ]
    assert stored.reserved == 100
    created = await events_of(sessions, owner.organization_id, "inventory.reservation.created")
    assert len(created) == 1
