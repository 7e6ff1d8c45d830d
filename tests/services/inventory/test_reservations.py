"""Reservations: holding stock for an order, releasing, fulfilling as a FIFO sale, and
expiry."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from services.db import unit_of_work, utcnow
from services.errors import PermissionDenied
from services.ids import to_global_id
from services.inventory import reservations, stock
from services.inventory.models import Reservation, ReservationStatus
from services.inventory.quantities import QuantityInput
from tests.services.accounts.givens import Actor, Sessions, add_member, refused, sign_up
from tests.services.inventory.givens import (
    adjust,
    days_ago,
    draws,
    events_of,
    fulfil,
    global_item_id,
    item_now,
    ledger_of,
    receive,
    release,
    reserve,
    snapshot,
    stocked_item,
)

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


def _reserve(principal, item_id: int, amount: str, **options):
    return lambda session: reservations.reserve_inventory(
        session,
        principal,
        item_id=item_id,
        quantity=QuantityInput(Decimal(amount), "g"),
        **({"order_reference": "#1001"} | options),
    )


def _adjust(principal, item_id: int, change_type: str, amount: str):
    return lambda session: stock.adjust_inventory(
        session,
        principal,
        item_id=item_id,
        change_type=change_type,
        quantity=QuantityInput(Decimal(amount), "g"),
    )


def _release(principal, reservation_id: int):
    return lambda session: reservations.release_reservation(
        session, principal, reservation_id=reservation_id
    )


def _fulfil(principal, reservation_id: int):
    return lambda session: reservations.fulfil_reservation(
        session, principal, reservation_id=reservation_id
    )


async def _stored(sessions: Sessions, reservation_id: int) -> Reservation:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(Reservation, reservation_id)


async def test_a_reservation_lowers_available_stock_not_on_hand(sessions, owner):
    # given 200 g
    item = await stocked_item(sessions, owner.principal)
    # when 0.15 kg are held for an order
    held = await reserve(sessions, owner.principal, item.id, "0.15", "kg", order=" #1001 ")
    # then
    assert (held.quantity, held.order_reference, held.status) == (Decimal(150), "#1001", "ACTIVE")
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.reserved, stored.stock_value) == (
        Decimal(200),
        Decimal(150),
        Decimal(40),
    )
    assert len(await ledger_of(sessions, item.id)) == 2  # the receipts only
    [event] = await events_of(sessions, owner.organization_id, "inventory.reservation.created")
    assert (event.entity_type, event.entity_id) == ("InventoryItem", global_item_id(item))
    assert event.payload["reservation"]["id"] == to_global_id("InventoryReservation", held.id)
    assert event.payload["item"]["available"] == {"amount": "50", "unit": "g"}


async def test_no_more_than_the_usable_unreserved_stock_can_be_reserved(sessions, owner):
    # given 200 g, of which 100 g expired, and 30 g already held
    item = await stocked_item(sessions, owner.principal)
    await receive(
        sessions,
        owner.principal,
        item.id,
        "100",
        total_cost="1",
        received_at=days_ago(30),
        expires_at=days_ago(1),
    )
    await reserve(sessions, owner.principal, item.id, "30")
    before = await snapshot(sessions, item.id)
    # when
    problem = await refused(sessions, _reserve(owner.principal, item.id, "171"))
    # then
    assert (problem.code, problem.field) == ("INSUFFICIENT_STOCK", ("quantity", "amount"))
    assert problem.message == "Only 170 g available to reserve; 171 g requested."
    assert await snapshot(sessions, item.id) == before


async def test_reserved_stock_is_not_consumable_but_may_be_disposed_of(sessions, owner):
    # given 200 g of which 150 g are held for an order
    item = await stocked_item(sessions, owner.principal)
    await reserve(sessions, owner.principal, item.id, "150")
    # when the kitchen wants 60 g
    for change_type in ["USE", "SALE"]:
        problem = await refused(sessions, _adjust(owner.principal, item.id, change_type, "60"))
        # then only the unheld 50 g are offered
        assert problem.code == "INSUFFICIENT_STOCK"
        assert problem.message.startswith("Only 50 g available")
        assert "150 g reserved; 60 g requested." in problem.message
    # while a spill takes what is physically there
    spilled = await adjust(sessions, owner.principal, item.id, "SPOIL", "60")
    assert sum(quantity for _, quantity, _ in draws(spilled)) == -60


async def test_releasing_restores_available_stock(sessions, owner):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    released = await release(sessions, owner.principal, held.id)
    assert released.status == ReservationStatus.RELEASED.value
    assert released.closed_at is not None
    assert (await item_now(sessions, item.id)).reserved == 0
    used = await adjust(sessions, owner.principal, item.id, "USE", "200")
    assert used.posting.value == Decimal(-40)


async def test_fulfilling_sells_the_held_quantity_fifo(sessions, owner):
    # given 150 g held for order #1001
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    # when the order ships
    fulfilled, change = await fulfil(sessions, owner.principal, held.id)
    # then it is a SALE drawn oldest first, and the hold is gone
    assert fulfilled.status == ReservationStatus.FULFILLED.value
    assert [(quantity, value) for _, quantity, value in draws(change)] == [
        (Decimal(-100), Decimal(-10)),
        (Decimal(-50), Decimal(-15)),
    ]
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.reserved, stored.stock_value) == (
        Decimal(50),
        Decimal(0),
        Decimal(15),
    )
    rows = (await ledger_of(sessions, item.id))[2:]
    assert {(row.change_type, row.reference) for row in rows} == {("SALE", "#1001")}
    [event] = await events_of(sessions, owner.organization_id, "inventory.adjusted")
    assert (event.payload["changeType"], Decimal(event.payload["cost"])) == ("SALE", Decimal(25))


async def test_a_fulfilment_uses_its_own_hold_and_leaves_other_orders_holds(sessions, owner):
    # given all 200 g held by two orders
    item = await stocked_item(sessions, owner.principal)
    first = await reserve(sessions, owner.principal, item.id, "120", order="#1")
    second = await reserve(sessions, owner.principal, item.id, "80", order="#2")
    # when the first ships, it may take the stock it held
    await fulfil(sessions, owner.principal, first.id)
    # then the second order's 80 g stay held: nothing is left for anyone else
    problem = await refused(sessions, _adjust(owner.principal, item.id, "USE", "1"))
    assert problem.code == "INSUFFICIENT_STOCK"
    _, change = await fulfil(sessions, owner.principal, second.id)
    assert change.posting.value == Decimal(-24)  # 80 g of the 0.30 lot
    assert (await item_now(sessions, item.id)).on_hand == 0


async def test_a_fulfilment_whose_stock_was_disposed_of_is_refused_and_stays_open(sessions, owner):
    # given 150 g held, then 100 g spoiled (disposals may take held stock)
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "100")
    before = await snapshot(sessions, item.id)
    # when the order ships
    problem = await refused(sessions, _fulfil(owner.principal, held.id))
    # then it cannot, and the hold remains for the caller to release or re-stock
    assert (problem.code, problem.field) == ("INSUFFICIENT_STOCK", ("id",))
    assert problem.message.startswith("Only 100 g available")
    assert (await _stored(sessions, held.id)).status == "ACTIVE"
    assert await snapshot(sessions, item.id) == before


@pytest.mark.parametrize(
    ("first", "second", "closed_as"),
    [
        (_release, _release, "released"),
        (_release, _fulfil, "released"),
        (_fulfil, _release, "fulfilled"),
        (_fulfil, _fulfil, "fulfilled"),
    ],
)
async def test_a_closed_reservation_cannot_be_closed_again(
    sessions, owner, first, second, closed_as
):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "50")
    async with unit_of_work(sessions) as session:
        await first(owner.principal, held.id)(session)
    before = await snapshot(sessions, item.id)
    problem = await refused(sessions, second(owner.principal, held.id))
    assert (problem.code, problem.field) == ("RESERVATION_CLOSED", ("id",))
    assert problem.message == f"This reservation is already {closed_as}."
    assert await snapshot(sessions, item.id) == before


async def test_expired_reservations_are_released_by_the_job(sessions, owner):
    # given one hold that expires in an hour and one that does not expire
    item = await stocked_item(sessions, owner.principal)
    soon = await reserve(
        sessions,
        owner.principal,
        item.id,
        "50",
        order="#1",
        expires_at=utcnow() + timedelta(hours=1),
    )
    await reserve(sessions, owner.principal, item.id, "20", order="#2")
    # when the job runs before and after the expiry
    async with unit_of_work(sessions) as session:
        assert await reservations.expire_reservations(session) == 0
    async with unit_of_work(sessions) as session:
        released = await reservations.expire_reservations(
            session, now=utcnow() + timedelta(hours=2)
        )
    # then only the expired hold is released
    assert released == 1
    stored = await _stored(sessions, soon.id)
    assert (stored.status, stored.closed_at is not None) == ("EXPIRED", True)
    assert (await item_now(sessions, item.id)).reserved == 20
    problem = await refused(sessions, _fulfil(owner.principal, soon.id))
    assert problem.message == "This reservation is already expired."


@pytest.mark.parametrize(
    ("amount", "options", "code", "field"),
    [
        ("0", {}, "NOT_POSITIVE", ("quantity", "amount")),
        ("-1", {}, "NOT_POSITIVE", ("quantity", "amount")),
        ("0.0001", {}, "QUANTITY_TOO_PRECISE", ("quantity", "amount")),
        ("1", {"order_reference": "  "}, "BLANK", ("order_reference",)),
        ("1", {"expires_at": days_ago(1)}, "IN_THE_PAST", ("expires_at",)),
    ],
)
async def test_invalid_reservations_are_refused(sessions, owner, amount, options, code, field):
    item = await stocked_item(sessions, owner.principal)
    problem = await refused(sessions, _reserve(owner.principal, item.id, amount, **options))
    assert (problem.code, problem.field) == (code, field)
    assert (await item_now(sessions, item.id)).reserved == 0


async def test_a_viewer_cannot_reserve_release_or_fulfil(sessions, owner):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "50")
    viewer = await add_member(sessions, owner.principal, role="viewer")
    steps = [
        _reserve(viewer.principal, item.id, "1"),
        _release(viewer.principal, held.id),
        _fulfil(viewer.principal, held.id),
    ]
    for step in steps:
        with pytest.raises(PermissionDenied) as raised:
            async with unit_of_work(sessions) as session:
                await step(session)
        assert raised.value.permission == "inventory.adjust"


async def test_another_organizations_items_and_reservations_do_not_exist(sessions, owner):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "50")
    stranger = await sign_up(sessions)
    reserving = await refused(sessions, _reserve(stranger.principal, item.id, "1"))
    releasing = await refused(sessions, _release(stranger.principal, held.id))
    fulfilling = await refused(sessions, _fulfil(stranger.principal, held.id))
    assert (reserving.code, reserving.field) == ("NOT_FOUND", ("item_id",))
    assert (releasing.code, releasing.field) == ("NOT_FOUND", ("id",))
    assert (fulfilling.code, fulfilling.field) == ("NOT_FOUND", ("id",))
    assert (await _stored(sessions, held.id)).status == "ACTIVE"
