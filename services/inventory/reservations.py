"""Reservations hold stock for an order: they lower available stock, not on-hand.
Fulfilling one, whole or in part, is a SALE drawn FIFO; expired ones are released by a
job. An order holds an item through at most one open reservation.

A reservation is ACTIVE while it holds stock. A loss of stock it held (a disposal, a
recount that finds less) shortens it (ledger.shorten_reservations); one left holding
nothing is SHORT: it cannot be fulfilled, but is still open until released or expired.

Every change of a reservation changes the item's available stock, so each is an event on
the item's stream (services/inventory/stream.py), with the reservation in its data:
`inventory.reservation.created`, `.released`, `.expired`, `.fulfilled` (after the SALE's
`inventory.adjusted`, which shares its operation id) and `.shortened` (after the loss's
`inventory.adjusted`, stock.posting_events)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import InsufficientStock, NotFound, Shortage, UserInputError
from services.events import NewEvent, append_events
from services.inventory import ledger, payloads
from services.inventory.ledger import ZERO, shown
from services.inventory.models import (
    OPEN_STATUSES,
    ChangeType,
    InventoryItem,
    Reservation,
    ReservationStatus,
)
from services.inventory.payloads import reservation_payload
from services.inventory.quantities import QuantityInput, to_base, unexpired_at, usable_of
from services.inventory.stock import StockChange, low_stock_events, posting_events
from services.inventory.stream import item_event
from services.permissions import Principal, require_permission
from services.validation import clean_text


def clean_order_reference(value: str) -> str:
    """An order reference as stored, and as the listing filter compares it."""
    return clean_text(value, ("order_reference",), max_length=200)


@dataclass(frozen=True)
class Held:
    """A reservation and its item as the change left them."""

    reservation: Reservation
    item: InventoryItem


async def _events(
    session: AsyncSession,
    item: InventoryItem,
    reservation: Reservation,
    type: str,
    at: datetime,
    unexpired: Decimal | None = None,
    *,
    announced: Sequence[NewEvent] = (),
    **data: Any,
) -> list[NewEvent]:
    """The reservation's event, after what the change posted (`announced`) and before the
    item's low-stock one, if any."""
    event = await item_event(
        session,
        item,
        type,
        at=at,
        unexpired=unexpired,
        reservation=reservation_payload(reservation, item.base_unit),
        **data,
    )
    return [*announced, event, *await low_stock_events(session, item, at, unexpired)]


async def _announce(
    session: AsyncSession,
    item: InventoryItem,
    reservation: Reservation,
    type: str,
    at: datetime,
    unexpired: Decimal | None = None,
    *,
    announced: Sequence[NewEvent] = (),
    **data: Any,
) -> None:
    """`_events`, appended in one statement."""
    events = await _events(
        session, item, reservation, type, at, unexpired, announced=announced, **data
    )
    await append_events(session, organization_id=item.organization_id, events=events)


async def _hold(session: AsyncSession, item: InventoryItem, reservation: Reservation) -> None:
    """Insert the reservation. The database refuses a second active reservation of the
    item for the same order (a partial unique index), whichever request comes second,
    and the savepoint keeps the caller's transaction usable for the refusal."""
    try:
        async with session.begin_nested():
            session.add(reservation)
    except IntegrityError:
        raise UserInputError(
            ErrorCode.RESERVATION_EXISTS,
            f'Order {reservation.order_reference} already holds "{item.name}" through an '
            "open (ACTIVE or SHORT) reservation: fulfil or release that one (find it with "
            "inventoryReservations(orderReference:)) before reserving again.",
            ("order_reference",),
        ) from None


async def reserve_inventory(
    session: AsyncSession,
    principal: Principal | None,
    *,
    item_id: int,
    quantity: QuantityInput,
    order_reference: str,
    expires_at: datetime | None = None,
) -> Held:
    acting = require_permission(principal, "inventory.adjust")
    reference = clean_order_reference(order_reference)
    item = await ledger.lock_item(session, acting, item_id)
    amount = await to_base(session, item, quantity)
    now = utcnow()
    if expires_at is not None and expires_at <= now:
        raise UserInputError(
            ErrorCode.IN_THE_PAST, "expiresAt must be in the future.", ("expires_at",)
        )
    reservation = Reservation(
        organization_id=item.organization_id,
        item_id=item.id,
        quantity=amount,
        fulfilled=ZERO,
        order_reference=reference,
        expires_at=expires_at,
    )
    # Before the stock check: a retry of a reservation that was made is told so, not that
    # the stock it holds itself is missing.
    await _hold(session, item, reservation)
    unexpired = await unexpired_at(session, item, now)
    available = usable_of(unexpired, item.reserved)
    if amount > available:
        raise InsufficientStock(
            f"Only {shown(available)} {item.base_unit} available to reserve; "
            f"{shown(amount)} {item.base_unit} requested.",
            ("quantity", "amount"),
            shortages=[Shortage(item.id, amount, available, item.base_unit)],
        )
    item.reserved += amount
    await session.flush()
    await _announce(session, item, reservation, "inventory.reservation.created", now, unexpired)
    return Held(reservation, item)


async def _open(
    session: AsyncSession, principal: Principal, reservation_id: int
) -> tuple[Reservation, InventoryItem]:
    reservation = await session.scalar(
        select(Reservation).where(
            Reservation.id == reservation_id,
            Reservation.organization_id == principal.organization_id,
        )
    )
    if reservation is None:
        raise NotFound("reservation")
    item = await ledger.lock_item(session, principal, reservation.item_id, ("id",))
    await session.refresh(reservation)
    if reservation.status not in OPEN_STATUSES:
        raise UserInputError(
            ErrorCode.RESERVATION_CLOSED,
            f"This reservation is already {reservation.status.lower()}.",
            ("id",),
        )
    return reservation, item


def _close(
    reservation: Reservation, item: InventoryItem, status: ReservationStatus, at: datetime
) -> None:
    """End an open reservation: what it still holds (nothing, if SHORT) is available
    again."""
    item.reserved -= reservation.remaining
    reservation.status = status.value
    reservation.closed_at = at


async def release_reservation(
    session: AsyncSession, principal: Principal | None, *, reservation_id: int
) -> Held:
    acting = require_permission(principal, "inventory.adjust")
    reservation, item = await _open(session, acting, reservation_id)
    now = utcnow()
    _close(reservation, item, ReservationStatus.RELEASED, now)
    await session.flush()
    await _announce(session, item, reservation, "inventory.reservation.released", now)
    return Held(reservation, item)


async def fulfil_reservation(
    session: AsyncSession,
    principal: Principal | None,
    *,
    reservation_id: int,
    quantity: QuantityInput | None = None,
) -> tuple[Reservation, StockChange]:
    """Sell what the reservation holds, or `quantity` of it: drawn FIFO as a SALE. A part
    leaves the rest held (ACTIVE); the whole closes it (FULFILLED). A SHORT one holds
    nothing to sell."""
    acting = require_permission(principal, "inventory.adjust")
    reservation, item = await _open(session, acting, reservation_id)
    if reservation.status == ReservationStatus.SHORT.value:
        raise UserInputError(
            ErrorCode.RESERVATION_SHORT,
            f"This reservation holds nothing: the {shown(reservation.short_quantity)} "
            f"{item.base_unit} it held was lost. Release it, and reserve again once there "
            "is stock.",
            ("id",),
        )
    held = reservation.remaining
    amount = held if quantity is None else await to_base(session, item, quantity)
    if amount > held:
        raise UserInputError(
            ErrorCode.EXCEEDS_RESERVATION,
            f"This reservation holds {shown(held)} {item.base_unit}; "
            f"{shown(amount)} {item.base_unit} cannot be fulfilled from it.",
            ("quantity", "amount"),
        )
    now = utcnow()
    # This reservation's own hold is what it draws; other orders' holds stay untouched.
    movements = ledger.plan_draw(
        await ledger.open_lots(session, item),
        amount,
        now=now,
        include_expired=False,
        reserved=item.reserved - held,
        item=item,
        field=("id",) if quantity is None else ("quantity", "amount"),
    )
    reservation.fulfilled += amount
    item.reserved -= amount
    if reservation.remaining == 0:
        _close(reservation, item, ReservationStatus.FULFILLED, now)
    posting = await ledger.post(
        session,
        acting,
        item,
        ChangeType.SALE,
        movements,
        operation_id=ledger.new_operation_id(),
        reference=reservation.order_reference,
        at=now,
    )
    await _announce(
        session,
        item,
        reservation,
        "inventory.reservation.fulfilled",
        now,
        posting.unexpired_on_hand,
        announced=await posting_events(session, item, ChangeType.SALE, posting, now),
        quantity=payloads.quantity(amount, item.base_unit),
        operationId=posting.operation_id,
    )
    return reservation, StockChange(item, posting)


async def expire_reservations(session: AsyncSession, *, now: datetime | None = None) -> int:
    """The periodic job: close every open reservation past its expiry (all orgs), each
    with its `inventory.reservation.expired` event, in the caller's transaction."""
    moment = now or utcnow()
    due = (
        await session.execute(
            select(Reservation.id, Reservation.item_id, Reservation.organization_id).where(
                Reservation.status.in_(OPEN_STATUSES),
                Reservation.expires_at <= moment,
            )
        )
    ).all()
    # Each organization's events appended together, after every reservation is closed.
    announced: dict[int, list[NewEvent]] = {}
    for reservation_id, item_id, organization_id in sorted(due, key=lambda row: (row[1], row[0])):
        items = await ledger.lock_items(session, organization_id, [item_id])
        reservation = await session.get_one(Reservation, reservation_id)
        await session.refresh(reservation)
        if reservation.status not in OPEN_STATUSES:
            continue
        item = items[item_id]
        _close(reservation, item, ReservationStatus.EXPIRED, moment)
        await session.flush()
        announced.setdefault(organization_id, []).extend(
            await _events(session, item, reservation, "inventory.reservation.expired", moment)
        )
    for organization_id, events in announced.items():
        await append_events(session, organization_id=organization_id, events=events)
    return len(due)
