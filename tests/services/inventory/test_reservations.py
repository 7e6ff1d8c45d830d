"""Reservations: holding stock for an order, releasing, fulfilling as a FIFO sale, and
expiry."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.event import listen, remove
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import unit_of_work, utcnow
from services.errors import PermissionDenied
from services.ids import to_global_id
from services.inventory import jobs, queries, reservations, stock
from services.inventory.ledger import ZERO
from services.inventory.models import Reservation, ReservationStatus
from services.inventory.quantities import QuantityInput
from services.pagination import PageRequest
from services.permissions import Principal
from tests.services.accounts.givens import Actor, Sessions, add_member, refused, sign_up
from tests.services.inventory.givens import (
    adjust,
    create_item,
    days_ago,
    draws,
    events_of,
    expire_due,
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


def _fulfil(principal, reservation_id: int, amount: str | None = None):
    return lambda session: reservations.fulfil_reservation(
        session,
        principal,
        reservation_id=reservation_id,
        quantity=None if amount is None else QuantityInput(Decimal(amount), "g"),
    )


def _listed(principal: Principal, **filters: Any) -> Callable[[AsyncSession], Awaitable[list[int]]]:
    async def listing(session: AsyncSession) -> list[int]:
        page = await queries.list_reservations(
            session,
            principal,
            item_id=filters.pop("item_id", None),
            status=filters.pop("status", None),
            page=PageRequest(),
            **filters,
        )
        return [found.id for found in page.items]

    return listing


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
    await reserve(sessions, owner.principal, item.id, "30", order="#1000")
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


async def test_a_fulfilment_after_a_loss_of_held_stock_ships_what_is_left(sessions, owner):
    # given 150 g held, then 100 g spoiled (disposals may take held stock)
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    await adjust(sessions, owner.principal, item.id, "SPOIL", "100")
    # when the order ships, then it ships the 100 g the loss left it, and is fulfilled
    fulfilled, change = await fulfil(sessions, owner.principal, held.id)
    assert change.posting.quantity == -100
    assert (fulfilled.status, fulfilled.fulfilled, fulfilled.short_quantity) == (
        "FULFILLED",
        Decimal(100),
        Decimal(50),
    )
    assert (await item_now(sessions, item.id)).on_hand == 0


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


# --- events: every change to a reservation is on its item's stream ------------------------


def _item_events(events, item) -> list[tuple[str, int]]:
    return [(e.type, e.sequence) for e in events if e.entity_id == global_item_id(item)]


async def test_releasing_announces_the_stock_given_back(sessions, owner):
    # given 150 g held for order #1001
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    # when it is released
    await release(sessions, owner.principal, held.id)
    # then an event on the item's stream, right after the reservation's, says so
    events = await events_of(sessions, owner.organization_id)
    assert _item_events(events, item)[-2:] == [
        ("inventory.reservation.created", 4),
        ("inventory.reservation.released", 5),
    ]
    released = events[-1]
    assert (released.entity_type, released.entity_id) == ("InventoryItem", global_item_id(item))
    assert released.payload["reservation"] | {"expiresAt": None} == {
        "id": to_global_id("InventoryReservation", held.id),
        "itemId": global_item_id(item),
        "quantity": {"amount": "150", "unit": "g"},
        "fulfilled": {"amount": "0", "unit": "g"},
        "shortQuantity": {"amount": "0", "unit": "g"},
        "remaining": {"amount": "150", "unit": "g"},
        "orderReference": "#1001",
        "status": "RELEASED",
        "expiresAt": None,
    }
    assert (
        released.payload["item"]["onHand"],
        released.payload["item"]["reserved"],
        released.payload["item"]["available"],
    ) == (
        {"amount": "200", "unit": "g"},
        {"amount": "0", "unit": "g"},
        {"amount": "200", "unit": "g"},
    )


async def test_fulfilling_announces_the_sale_then_the_fulfilment(sessions, owner):
    # given 150 g held for order #1001
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    # when it ships whole
    _, change = await fulfil(sessions, owner.principal, held.id)
    # then the SALE (lots and cost) and the fulfilment follow each other on the item's stream
    events = await events_of(sessions, owner.organization_id)
    assert _item_events(events, item)[-2:] == [
        ("inventory.adjusted", 5),
        ("inventory.reservation.fulfilled", 6),
    ]
    sale, fulfilled = events[-2:]
    assert (sale.payload["changeType"], sale.payload["cost"]) == ("SALE", "25")
    assert fulfilled.payload["operationId"] == sale.payload["operationId"]
    assert fulfilled.payload["operationId"] == change.posting.operation_id
    assert fulfilled.payload["quantity"] == {"amount": "150", "unit": "g"}
    assert (
        fulfilled.payload["reservation"]["status"],
        fulfilled.payload["reservation"]["fulfilled"]["amount"],
        fulfilled.payload["reservation"]["remaining"]["amount"],
    ) == ("FULFILLED", "150", "0")
    assert fulfilled.payload["item"]["onHand"] == {"amount": "50", "unit": "g"}
    assert fulfilled.payload["item"]["available"] == {"amount": "50", "unit": "g"}


async def test_the_expiry_job_announces_each_reservation_it_releases(sessions, owner, engine):
    # given two holds on two items that expire within the hour, and one that does not
    oil = await stocked_item(sessions, owner.principal)
    wax = await create_item(sessions, owner.principal, "Soy wax")
    await receive(sessions, owner.principal, wax.id, "500", total_cost="5")
    soon = utcnow() + timedelta(hours=1)
    first = await reserve(sessions, owner.principal, oil.id, "50", order="#1", expires_at=soon)
    second = await reserve(sessions, owner.principal, wax.id, "80", order="#1", expires_at=soon)
    await reserve(sessions, owner.principal, oil.id, "20", order="#2")
    # when the job runs past the expiry, once rolled back and once for real
    inserts: list[str] = []

    def counted(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO EVENTS"):
            inserts.append(statement)

    listen(engine.sync_engine, "before_cursor_execute", counted)
    try:
        async with sessions() as session:
            assert await reservations.expire_reservations(session, now=soon) == 2
            await session.rollback()
    finally:
        remove(engine.sync_engine, "before_cursor_execute", counted)
    # (the organization's two events appended in one INSERT)
    assert len(inserts) == 1
    assert await events_of(sessions, owner.organization_id, "inventory.reservation.expired") == []
    assert await jobs.run_due_jobs(sessions, now=soon) == 2
    # then one event per reservation, each on its item's stream, in the job's transaction
    expired = await events_of(sessions, owner.organization_id, "inventory.reservation.expired")
    assert [(e.entity_id, e.payload["reservation"]["id"]) for e in expired] == [
        (global_item_id(oil), to_global_id("InventoryReservation", first.id)),
        (global_item_id(wax), to_global_id("InventoryReservation", second.id)),
    ]
    assert [e.payload["reservation"]["status"] for e in expired] == ["EXPIRED", "EXPIRED"]
    assert [e.payload["item"]["available"]["amount"] for e in expired] == ["180", "500"]
    events = await events_of(sessions, owner.organization_id)
    assert _item_events(events, oil)[-1] == ("inventory.reservation.expired", 6)
    assert _item_events(events, wax)[-1] == ("inventory.reservation.expired", 4)
    # and a second run finds nothing left
    assert await expire_due(sessions, at=soon) == 0


# --- fulfilling part of a reservation -------------------------------------------------


async def test_fulfilling_part_sells_it_fifo_and_keeps_the_rest_held(sessions, owner):
    # given 150 g held for order #1001 (lots: 100 g at 0.10, then 100 g at 0.30)
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    # when 0.12 kg of it ship
    partly, change = await fulfil(sessions, owner.principal, held.id, "0.12", "kg")
    # then a SALE of 120 g drawn oldest first: 100 g at 0.10 and 20 g at 0.30
    assert [(quantity, value) for _, quantity, value in draws(change)] == [
        (Decimal(-100), Decimal(-10)),
        (Decimal(-20), Decimal(-6)),
    ]
    # and the other 30 g stay held for the order
    assert (partly.status, partly.quantity, partly.fulfilled, partly.remaining) == (
        "ACTIVE",
        Decimal(150),
        Decimal(120),
        Decimal(30),
    )
    assert partly.closed_at is None
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.reserved, stored.on_hand - stored.reserved) == (
        Decimal(80),
        Decimal(30),
        Decimal(50),
    )
    [event] = await events_of(sessions, owner.organization_id, "inventory.reservation.fulfilled")
    assert event.payload["quantity"] == {"amount": "120", "unit": "g"}
    assert event.payload["reservation"]["status"] == "ACTIVE"
    assert (
        event.payload["reservation"]["fulfilled"],
        event.payload["reservation"]["remaining"],
    ) == (
        {"amount": "120", "unit": "g"},
        {"amount": "30", "unit": "g"},
    )
    assert event.payload["item"]["available"] == {"amount": "50", "unit": "g"}
    # when the rest ships
    done, rest = await fulfil(sessions, owner.principal, held.id)
    # then it is drawn from the next lot, and the reservation is fulfilled
    assert [(quantity, value) for _, quantity, value in draws(rest)] == [
        (Decimal(-30), Decimal(-9))
    ]
    assert (done.status, done.fulfilled, done.remaining) == ("FULFILLED", Decimal(150), ZERO)
    assert done.closed_at is not None
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.reserved, stored.stock_value) == (
        Decimal(50),
        Decimal(0),
        Decimal(15),
    )


async def test_fulfilling_exactly_what_is_held_closes_the_reservation(sessions, owner):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    done, _ = await fulfil(sessions, owner.principal, held.id, "150")
    assert (done.status, done.remaining) == ("FULFILLED", ZERO)
    assert (await item_now(sessions, item.id)).reserved == 0


async def test_releasing_after_a_partial_fulfilment_gives_back_only_the_rest(sessions, owner):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    await fulfil(sessions, owner.principal, held.id, "100")
    released = await release(sessions, owner.principal, held.id)
    assert (released.status, released.fulfilled, released.remaining) == (
        "RELEASED",
        Decimal(100),
        Decimal(50),
    )
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.reserved) == (Decimal(100), Decimal(0))
    [event] = await events_of(sessions, owner.organization_id, "inventory.reservation.released")
    assert event.payload["reservation"]["remaining"] == {"amount": "50", "unit": "g"}
    assert event.payload["item"]["available"] == {"amount": "100", "unit": "g"}


async def test_fulfilling_more_than_is_held_is_refused(sessions, owner):
    # given 150 g held: no more than that can ship
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    over = await refused(sessions, _fulfil(owner.principal, held.id, "150.001"))
    assert (over.code, over.field) == ("EXCEEDS_RESERVATION", ("quantity", "amount"))
    assert over.message == "This reservation holds 150 g; 150.001 g cannot be fulfilled from it."
    # given then 100 g of it shipped
    await fulfil(sessions, owner.principal, held.id, "100")
    before = await snapshot(sessions, item.id)
    # when more than the 50 g left are asked for
    problem = await refused(sessions, _fulfil(owner.principal, held.id, "60"))
    # then nothing changes
    assert (problem.code, problem.field) == ("EXCEEDS_RESERVATION", ("quantity", "amount"))
    assert problem.message == "This reservation holds 50 g; 60 g cannot be fulfilled from it."
    assert await snapshot(sessions, item.id) == before
    assert (await _stored(sessions, held.id)).fulfilled == 100


@pytest.mark.parametrize(
    ("amount", "code"),
    [("0", "NOT_POSITIVE"), ("-5", "NOT_POSITIVE"), ("0.0001", "QUANTITY_TOO_PRECISE")],
)
async def test_a_partial_quantity_must_be_a_positive_quantity_of_the_item(
    sessions, owner, amount, code
):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "150")
    before = await snapshot(sessions, item.id)
    problem = await refused(sessions, _fulfil(owner.principal, held.id, amount))
    assert (problem.code, problem.field) == (code, ("quantity", "amount"))
    assert await snapshot(sessions, item.id) == before


async def test_a_partial_fulfilment_leaves_other_orders_holds_alone(sessions, owner):
    # given all 200 g held: 120 g by #1 and 80 g by #2
    item = await stocked_item(sessions, owner.principal)
    first = await reserve(sessions, owner.principal, item.id, "120", order="#1")
    second = await reserve(sessions, owner.principal, item.id, "80", order="#2")
    # when #1 ships part of its hold
    await fulfil(sessions, owner.principal, first.id, "70")
    # then what is left is all held: nothing for anyone else, and #2 ships all of its own
    problem = await refused(sessions, _adjust(owner.principal, item.id, "USE", "1"))
    assert problem.message == (
        "Only 0 g available (expired lots excluded), 130 g reserved; 1 g requested."
    )
    _, change = await fulfil(sessions, owner.principal, second.id)
    assert change.posting.quantity == -80
    assert (await item_now(sessions, item.id)).reserved == 50


# --- one active reservation per order and item ------------------------------------------


async def test_an_order_cannot_hold_an_item_twice(sessions, owner):
    # given order #1001 holds all 200 g (so a retry would also find no stock left)
    item = await stocked_item(sessions, owner.principal)
    await reserve(sessions, owner.principal, item.id, "200")
    before = await snapshot(sessions, item.id)
    # when the same order reserves the item again
    problem = await refused(
        sessions, _reserve(owner.principal, item.id, "10", order_reference="#1001 ")
    )
    # then it is told the reservation exists, and nothing changes
    assert (problem.code, problem.field) == ("RESERVATION_EXISTS", ("order_reference",))
    assert problem.message.startswith('Order #1001 already holds "Olive oil" through an open')
    assert await snapshot(sessions, item.id) == before


async def test_an_order_may_hold_other_items_and_hold_again_once_closed(sessions, owner):
    oil = await stocked_item(sessions, owner.principal)
    wax = await create_item(sessions, owner.principal, "Soy wax")
    await receive(sessions, owner.principal, wax.id, "100", total_cost="1")
    first = await reserve(sessions, owner.principal, oil.id, "10")
    await reserve(sessions, owner.principal, wax.id, "10")  # the same order, another item
    await release(sessions, owner.principal, first.id)
    again = await reserve(sessions, owner.principal, oil.id, "10")
    await fulfil(sessions, owner.principal, again.id)
    third = await reserve(sessions, owner.principal, oil.id, "10")
    assert (await item_now(sessions, oil.id)).reserved == 10
    stranger = await sign_up(sessions)
    theirs = await stocked_item(sessions, stranger.principal)
    await reserve(sessions, stranger.principal, theirs.id, "10")  # another organization
    assert third.status == "ACTIVE"


async def test_a_partly_fulfilled_reservation_still_holds_its_order(sessions, owner):
    item = await stocked_item(sessions, owner.principal)
    held = await reserve(sessions, owner.principal, item.id, "100")
    await fulfil(sessions, owner.principal, held.id, "40")
    problem = await refused(sessions, _reserve(owner.principal, item.id, "10"))
    assert problem.code == "RESERVATION_EXISTS"


# --- listing by order -------------------------------------------------------------------


async def test_reservations_are_listed_by_order_reference(sessions, owner):
    # given order #1 holding two items (one hold released), and order #2
    oil = await stocked_item(sessions, owner.principal)
    wax = await create_item(sessions, owner.principal, "Soy wax")
    await receive(sessions, owner.principal, wax.id, "100", total_cost="1")
    oil_1 = await reserve(sessions, owner.principal, oil.id, "10", order="#1")
    await reserve(sessions, owner.principal, oil.id, "10", order="#2")
    wax_1 = await reserve(sessions, owner.principal, wax.id, "10", order="#1")
    await release(sessions, owner.principal, oil_1.id)
    oil_1_again = await reserve(sessions, owner.principal, oil.id, "5", order="#1")
    stranger = await sign_up(sessions)
    theirs = await stocked_item(sessions, stranger.principal)
    await reserve(sessions, stranger.principal, theirs.id, "10", order="#1")

    async def listed(**filters) -> list[int]:
        async with unit_of_work(sessions, write=False) as session:
            return await _listed(owner.principal, **filters)(session)

    # then the order's reservations, closed ones too, in creation order; only ours
    assert await listed(order_reference="#1") == [oil_1.id, wax_1.id, oil_1_again.id]
    assert await listed(order_reference=" #1 ") == [oil_1.id, wax_1.id, oil_1_again.id]
    assert await listed(order_reference="#1", status="ACTIVE") == [wax_1.id, oil_1_again.id]
    assert await listed(order_reference="#1", item_id=oil.id) == [oil_1.id, oil_1_again.id]
    assert await listed(order_reference="#3") == []
    problem = await refused(sessions, _listed(owner.principal, order_reference="  "))
    assert (problem.code, problem.field) == ("BLANK", ("order_reference",))
