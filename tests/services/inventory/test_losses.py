"""Losses of held stock: a disposal or a recount that finds less is recorded whatever
orders hold, and the reservations it leaves without stock are shortened, newest first,
in the same transaction, each with an `inventory.reservation.shortened` event, so that
`available` is never negative and every reservation still ACTIVE can be fulfilled."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from services.db import unit_of_work, utcnow
from services.inventory import queries, reservations, stock
from services.inventory.ledger import shown
from services.inventory.models import InventoryLot, Reservation
from services.inventory.quantities import QuantityInput
from services.pagination import PageRequest
from tests.services.accounts.givens import Actor, Sessions, refused, sign_up
from tests.services.inventory.givens import (
    adjust,
    behind_the_ledger,
    create_item,
    days_ago,
    events_of,
    expire_due,
    fulfil,
    global_item_id,
    item_now,
    receive,
    release,
    reserve,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def _stored(sessions: Sessions, reservation_id: int) -> Reservation:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(Reservation, reservation_id)


def _held(reservation: Reservation) -> tuple[str, str, str, str]:
    """Its status, and what was reserved, lost and is still held, in grams."""
    return (
        reservation.status,
        shown(reservation.quantity),
        shown(reservation.short_quantity),
        shown(reservation.remaining),
    )


async def _grams(sessions: Sessions, owner: Actor, amount: str = "100", **options):
    """An item with `amount` g on hand, in one lot."""
    item = await create_item(sessions, owner.principal, **options)
    await receive(sessions, owner.principal, item.id, amount, total_cost="10")
    return item


async def test_a_spill_of_held_stock_shortens_the_reservation_and_says_so(sessions, owner):
    # given 100 g on hand, 80 g of it held for order #1001
    item = await _grams(sessions, owner)
    held = await reserve(sessions, owner.principal, item.id, "80")
    # when 50 g are spilled
    spilled = await adjust(sessions, owner.principal, item.id, "SPOIL", "50")
    # then the spill is recorded whole, and the order keeps the 50 g that are left
    assert spilled.posting.quantity == -50
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.reserved, stored.on_hand - stored.reserved) == (
        Decimal(50),
        Decimal(50),
        Decimal(0),
    )
    assert _held(await _stored(sessions, held.id)) == ("ACTIVE", "80", "30", "50")
    [shortened] = spilled.posting.shortened
    assert (shortened.reservation.id, shortened.quantity) == (held.id, Decimal(30))
    # and, right after the spill on the item's stream, an event says what the order lost
    events = [e for e in await events_of(sessions, owner.organization_id)]
    adjusted, announced = events[-2:]
    assert (adjusted.type, announced.type) == (
        "inventory.adjusted",
        "inventory.reservation.shortened",
    )
    assert announced.entity_id == global_item_id(item)
    assert announced.sequence == adjusted.sequence + 1
    assert announced.payload["quantity"] == {"amount": "30", "unit": "g"}
    assert announced.payload["changeType"] == "SPOIL"
    assert announced.payload["operationId"] == adjusted.payload["operationId"]
    reservation = announced.payload["reservation"]
    assert (
        reservation["status"],
        reservation["shortQuantity"]["amount"],
        reservation["remaining"]["amount"],
    ) == ("ACTIVE", "30", "50")
    assert {k: announced.payload["item"][k]["amount"] for k in ("onHand", "available")} == {
        "onHand": "50",
        "available": "0",
    }


async def test_the_newest_reservations_give_up_their_stock_first(sessions, owner):
    # given 100 g held by three orders, oldest first: 40 g, 30 g and 20 g
    item = await _grams(sessions, owner)
    first = await reserve(sessions, owner.principal, item.id, "40", order="#1")
    second = await reserve(sessions, owner.principal, item.id, "30", order="#2")
    third = await reserve(sessions, owner.principal, item.id, "20", order="#3")
    # when 45 g are damaged (55 g left for 90 g held)
    damaged = await adjust(sessions, owner.principal, item.id, "DAMAGED", "45")
    # then the newest order loses all it held, the one before it the rest of the 35 g
    assert _held(await _stored(sessions, third.id)) == ("SHORT", "20", "20", "0")
    assert _held(await _stored(sessions, second.id)) == ("ACTIVE", "30", "15", "15")
    assert _held(await _stored(sessions, first.id)) == ("ACTIVE", "40", "0", "40")
    assert [(s.reservation.id, shown(s.quantity)) for s in damaged.posting.shortened] == [
        (third.id, "20"),
        (second.id, "15"),
    ]
    shortened = await events_of(sessions, owner.organization_id, "inventory.reservation.shortened")
    assert [
        (e.payload["reservation"]["status"], e.payload["quantity"]["amount"]) for e in shortened
    ] == [
        ("SHORT", "20"),
        ("ACTIVE", "15"),
    ]
    assert (await item_now(sessions, item.id)).reserved == 55


async def test_a_loss_that_leaves_enough_for_every_order_shortens_nothing(sessions, owner):
    item = await _grams(sessions, owner)
    held = await reserve(sessions, owner.principal, item.id, "60")
    trashed = await adjust(sessions, owner.principal, item.id, "TRASH", "40")
    assert trashed.posting.shortened == []
    assert _held(await _stored(sessions, held.id)) == ("ACTIVE", "60", "0", "60")
    assert await events_of(sessions, owner.organization_id, "inventory.reservation.shortened") == []


@pytest.mark.parametrize(
    ("change_type", "amount"),
    [
        ("SPOIL", "70"),
        ("TRASH", "70"),
        ("EXPIRED", "70"),
        ("DAMAGED", "70"),
        ("QUALITY_FAIL", "70"),
        ("RECOUNT", "30"),  # counted 30 g where the books said 100 g
    ],
)
async def test_every_kind_of_loss_shortens_the_orders_it_leaves_short(
    sessions, owner, change_type, amount
):
    item = await _grams(sessions, owner)
    held = await reserve(sessions, owner.principal, item.id, "50")
    change = await adjust(sessions, owner.principal, item.id, change_type, amount)
    assert [s.quantity for s in change.posting.shortened] == [20]
    assert _held(await _stored(sessions, held.id)) == ("ACTIVE", "50", "20", "30")


async def test_writing_off_lots_that_expired_under_a_reservation_shortens_it(sessions, owner):
    # given 100 g that expire in a day, 70 g of them held for an order
    item = await create_item(sessions, owner.principal)
    await receive(
        sessions, owner.principal, item.id, "100", total_cost="10", expires_at=days_ago(-1)
    )
    held = await reserve(sessions, owner.principal, item.id, "70")
    # when the day has passed (the lot's expiry moved back: time is not ours to move)
    await behind_the_ledger(
        sessions,
        update(InventoryLot).where(InventoryLot.item_id == item.id).values(expires_at=days_ago(1)),
    )
    # and the expired lot is written off, then the order is left with nothing
    async with unit_of_work(sessions) as session:
        [change] = await stock.write_off_expired_lots(session, owner.principal, item_id=item.id)
    assert [s.quantity for s in change.posting.shortened] == [70]
    assert _held(await _stored(sessions, held.id)) == ("SHORT", "70", "70", "0")
    stored = await item_now(sessions, item.id)
    assert (shown(stored.on_hand), shown(stored.reserved)) == ("0", "0")


async def test_a_loss_of_fresh_stock_leaves_no_order_holding_expired_stock(sessions, owner):
    # given 100 g fresh and 50 g expired (not written off yet), 80 g of the fresh held
    item = await create_item(sessions, owner.principal)
    fresh = await receive(sessions, owner.principal, item.id, "100", total_cost="10")
    await receive(
        sessions,
        owner.principal,
        item.id,
        "50",
        total_cost="5",
        received_at=days_ago(20),
        expires_at=days_ago(2),
    )
    held = await reserve(sessions, owner.principal, item.id, "80")
    # when 40 g of the fresh lot are damaged: 110 g remain, but only 60 g can be sold
    assert fresh.lot is not None
    damaged = await adjust(sessions, owner.principal, item.id, "DAMAGED", "40", lot_id=fresh.lot.id)
    # then the order is cut to what can be fulfilled, and ships it
    assert [s.quantity for s in damaged.posting.shortened] == [20]
    _, shipped = await fulfil(sessions, owner.principal, held.id)
    assert shipped.posting.quantity == -60


def _fulfil(principal, reservation_id: int):
    return lambda session: reservations.fulfil_reservation(
        session, principal, reservation_id=reservation_id
    )


def _reserve(principal, item_id: int, amount: str, order: str):
    return lambda session: reservations.reserve_inventory(
        session,
        principal,
        item_id=item_id,
        quantity=QuantityInput(Decimal(amount), "g"),
        order_reference=order,
    )


async def test_a_short_reservation_cannot_be_fulfilled_but_can_be_released(sessions, owner):
    # given an order whose 30 g were all lost
    item = await _grams(sessions, owner)
    held = await reserve(sessions, owner.principal, item.id, "30", order="#7")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "100")
    # then it cannot ship
    problem = await refused(sessions, _fulfil(owner.principal, held.id))
    assert (problem.code, problem.field) == ("RESERVATION_SHORT", ("id",))
    assert problem.message == (
        "This reservation holds nothing: the 30 g it held was lost. Release it, and reserve "
        "again once there is stock."
    )
    # nor can the order hold the item through another reservation while it is open
    problem = await refused(sessions, _reserve(owner.principal, item.id, "5", "#7"))
    assert problem.code == "RESERVATION_EXISTS"
    # and it is listed as SHORT
    async with unit_of_work(sessions, write=False) as session:
        page = await queries.list_reservations(
            session, owner.principal, item_id=item.id, status="short", page=PageRequest()
        )
    assert [r.id for r in page.items] == [held.id]
    # once released, the order may reserve again
    released = await release(sessions, owner.principal, held.id)
    assert released.status == "RELEASED"
    assert (await item_now(sessions, item.id)).reserved == 0
    await receive(sessions, owner.principal, item.id, "10", total_cost="1")
    again = await reserve(sessions, owner.principal, item.id, "5", order="#7")
    assert again.status == "ACTIVE"


async def test_a_short_reservation_expires_like_an_active_one(sessions, owner):
    item = await _grams(sessions, owner)
    expires = utcnow() + timedelta(hours=1)
    async with unit_of_work(sessions) as session:
        held = await reservations.reserve_inventory(
            session,
            owner.principal,
            item_id=item.id,
            quantity=QuantityInput(Decimal(30), "g"),
            order_reference="#8",
            expires_at=expires,
        )
    await adjust(sessions, owner.principal, item.id, "SPOIL", "100")
    assert await expire_due(sessions, at=expires + timedelta(minutes=1)) == 1
    assert (await _stored(sessions, held.reservation.id)).status == "EXPIRED"
