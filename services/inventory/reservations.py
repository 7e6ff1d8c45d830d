"""Reservations hold stock for an order: they lower available stock, not on-hand.
Fulfilling one turns it into a SALE drawn FIFO; expired ones are released by a job."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.errors import InsufficientStock, NotFound, Shortage, UserInputError
from services.inventory import ledger
from services.inventory.ledger import ZERO, shown
from services.inventory.models import (
    ChangeType,
    InventoryItem,
    InventoryLot,
    Reservation,
    ReservationStatus,
)
from services.inventory.payloads import posting_payload, reservation_payload
from services.inventory.quantities import QuantityInput, to_base
from services.inventory.stock import StockChange, refresh_low_stock
from services.inventory.stream import append_item_event
from services.permissions import Principal, require_permission
from services.validation import clean_text


async def _usable(
    session: AsyncSession, item: InventoryItem, now: datetime
) -> tuple[list[InventoryLot], Decimal]:
    lots = await ledger.open_lots(session, item)
    usable = sum((lot.remaining for lot in lots if not ledger.is_expired(lot, now)), ZERO)
    return lots, usable


@dataclass(frozen=True)
class Held:
    """A reservation and its item as the change left them."""

    reservation: Reservation
    item: InventoryItem


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
    reference = clean_text(order_reference, ("order_reference",), max_length=200)
    item = await ledger.lock_item(session, acting, item_id)
    amount = await to_base(session, item, quantity)
    now = utcnow()
    if expires_at is not None and expires_at <= now:
        raise UserInputError("IN_THE_PAST", "expiresAt must be in the future.", ("expires_at",))
    _, usable = await _usable(session, item, now)
    available = max(usable - item.reserved, ZERO)
    if amount > available:
        raise InsufficientStock(
            f"Only {shown(available)} {item.base_unit} available to reserve; "
            f"{shown(amount)} {item.base_unit} requested.",
            ("quantity", "amount"),
            shortages=[Shortage(item.id, amount, available, item.base_unit)],
        )
    reservation = Reservation(
        organization_id=item.organization_id,
        item_id=item.id,
        quantity=amount,
        order_reference=reference,
        expires_at=expires_at,
    )
    session.add(reservation)
    item.reserved += amount
    await session.flush()
    await append_item_event(
        session,
        item,
        "inventory.reservation.created",
        reservation=reservation_payload(reservation),
    )
    await refresh_low_stock(session, item, now)
    return Held(reservation, item)


async def _active(
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
    if reservation.status != ReservationStatus.ACTIVE.value:
        raise UserInputError(
            "RESERVATION_CLOSED",
            f"This reservation is already {reservation.status.lower()}.",
            ("id",),
        )
    return reservation, item


async def _close(
    session: AsyncSession, reservation: Reservation, item: InventoryItem, status: ReservationStatus
) -> None:
    reservation.status = status.value
    reservation.closed_at = utcnow()
    item.reserved -= reservation.quantity
    await session.flush()


async def release_reservation(
    session: AsyncSession, principal: Principal | None, *, reservation_id: int
) -> Held:
    acting = require_permission(principal, "inventory.adjust")
    reservation, item = await _active(session, acting, reservation_id)
    await _close(session, reservation, item, ReservationStatus.RELEASED)
    await refresh_low_stock(session, item, utcnow())
    return Held(reservation, item)


async def fulfil_reservation(
    session: AsyncSession, principal: Principal | None, *, reservation_id: int
) -> tuple[Reservation, StockChange]:
    acting = require_permission(principal, "inventory.adjust")
    reservation, item = await _active(session, acting, reservation_id)
    now = utcnow()
    lots, _ = await _usable(session, item, now)
    # This reservation's own hold is what it draws; other orders' holds stay untouched.
    movements = ledger.plan_draw(
        lots,
        reservation.quantity,
        now=now,
        include_expired=False,
        reserved=item.reserved - reservation.quantity,
        item=item,
        field=("id",),
    )
    await _close(session, reservation, item, ReservationStatus.FULFILLED)
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
    await append_item_event(
        session, item, "inventory.adjusted", **posting_payload(ChangeType.SALE.value, posting)
    )
    await refresh_low_stock(session, item, now)
    return reservation, StockChange(item, posting)


async def expire_reservations(session: AsyncSession, *, now: datetime | None = None) -> int:
    """The periodic job: release every active reservation past its expiry (all orgs)."""
    moment = now or utcnow()
    due = (
        await session.execute(
            select(Reservation.id, Reservation.item_id, Reservation.organization_id).where(
                Reservation.status == ReservationStatus.ACTIVE.value,
                Reservation.expires_at <= moment,
            )
        )
    ).all()
    for reservation_id, item_id, organization_id in sorted(due, key=lambda row: row[1]):
        await ledger.lock_items(session, organization_id, [item_id])
        reservation = await session.get_one(Reservation, reservation_id)
        await session.refresh(reservation)
        if reservation.status != ReservationStatus.ACTIVE.value:
            continue
        item = await session.get_one(InventoryItem, item_id)
        await _close(session, reservation, item, ReservationStatus.EXPIRED)
        await refresh_low_stock(session, item, moment)
    return len(due)
