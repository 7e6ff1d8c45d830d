"""Givens for the inventory service tests.

Every step runs in its own committed transaction (`unit_of_work`), the way one API request
does. Amounts and costs are written as strings and turned into Decimals here, so a test
reads like the numbers a maker would type.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import unit_of_work, utcnow
from services.events import Event
from services.inventory import items, reservations, stock
from services.inventory.items import ItemFields
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry, Reservation
from services.inventory.payloads import item_id as public_item_id
from services.inventory.quantities import QuantityInput
from services.inventory.stock import StockChange
from services.permissions import Principal
from tests.services.accounts.givens import Sessions


def item_fields(**values: Any) -> ItemFields:
    """Fields for create or update; on update exactly these names count as provided."""
    return ItemFields(**values, provided=frozenset(values))


def creating(
    principal: Principal,
    name: str = "Olive oil",
    *,
    base_unit: str = "g",
    type: str = "INGREDIENT",
    **values: Any,
) -> Callable[[AsyncSession], Awaitable[InventoryItem]]:
    """The step that creates an item, for `refused` and for steps run side by side."""
    fields = item_fields(name=name, type=type, base_unit=base_unit, **values)
    return lambda session: items.create_item(session, principal, values=fields)


def updating(
    principal: Principal, item_id: int, **values: Any
) -> Callable[[AsyncSession], Awaitable[InventoryItem]]:
    """The step that updates exactly the given fields of an item."""
    fields = item_fields(**values)
    return lambda session: items.update_item(session, principal, item_id=item_id, values=fields)


async def create_item(
    sessions: Sessions,
    principal: Principal,
    name: str = "Olive oil",
    *,
    base_unit: str = "g",
    type: str = "INGREDIENT",
    **values: Any,
) -> InventoryItem:
    async with unit_of_work(sessions) as session:
        return await creating(principal, name, base_unit=base_unit, type=type, **values)(session)


async def update_item(
    sessions: Sessions, principal: Principal, item_id: int, **values: Any
) -> InventoryItem:
    async with unit_of_work(sessions) as session:
        return await updating(principal, item_id, **values)(session)


def _money(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


async def receive(
    sessions: Sessions,
    principal: Principal,
    item_id: int,
    amount: str,
    unit: str = "g",
    *,
    unit_cost: str | None = None,
    total_cost: str | None = None,
    received_at: datetime | None = None,
    expires_at: datetime | None = None,
    lot_code: str | None = None,
    vendor: str | None = None,
) -> StockChange:
    async with unit_of_work(sessions) as session:
        return await stock.receive_inventory(
            session,
            principal,
            item_id=item_id,
            quantity=QuantityInput(Decimal(amount), unit),
            unit_cost=_money(unit_cost),
            total_cost=_money(total_cost),
            received_at=received_at,
            expires_at=expires_at,
            lot_code=lot_code,
            vendor=vendor,
        )


async def adjust(
    sessions: Sessions,
    principal: Principal,
    item_id: int,
    change_type: str,
    amount: str | None = None,
    unit: str = "g",
    *,
    unit_cost: str | None = None,
    cost_unit: str | None = None,
    lot_id: int | None = None,
    note: str | None = None,
) -> StockChange:
    async with unit_of_work(sessions) as session:
        return await stock.adjust_inventory(
            session,
            principal,
            item_id=item_id,
            change_type=change_type,
            quantity=None if amount is None else QuantityInput(Decimal(amount), unit),
            unit_cost=_money(unit_cost),
            cost_unit=cost_unit,
            lot_id=lot_id,
            note=note,
        )


async def reserve(
    sessions: Sessions,
    principal: Principal,
    item_id: int,
    amount: str,
    unit: str = "g",
    *,
    order: str = "#1001",
    expires_at: datetime | None = None,
) -> Reservation:
    async with unit_of_work(sessions) as session:
        held = await reservations.reserve_inventory(
            session,
            principal,
            item_id=item_id,
            quantity=QuantityInput(Decimal(amount), unit),
            order_reference=order,
            expires_at=expires_at,
        )
    return held.reservation


async def release(sessions: Sessions, principal: Principal, reservation_id: int) -> Reservation:
    async with unit_of_work(sessions) as session:
        released = await reservations.release_reservation(
            session, principal, reservation_id=reservation_id
        )
    return released.reservation


async def fulfil(
    sessions: Sessions,
    principal: Principal,
    reservation_id: int,
    amount: str | None = None,
    unit: str = "g",
) -> tuple[Reservation, StockChange]:
    """All the reservation holds, or `amount` of it."""
    async with unit_of_work(sessions) as session:
        return await reservations.fulfil_reservation(
            session,
            principal,
            reservation_id=reservation_id,
            quantity=None if amount is None else QuantityInput(Decimal(amount), unit),
        )


async def expire_due(sessions: Sessions, *, at: datetime) -> int:
    """The expiry job, as if run at `at`."""
    async with unit_of_work(sessions) as session:
        return await reservations.expire_reservations(session, now=at)


# --- reading state back ----------------------------------------------------------------


async def stocked_item(sessions: Sessions, principal: Principal) -> InventoryItem:
    """100 g worth 10.00 received 20 days ago, then 100 g worth 30.00 received 10 days ago."""
    item = await create_item(sessions, principal)
    for received, cost in [(days_ago(20), "10"), (days_ago(10), "30")]:
        await receive(sessions, principal, item.id, "100", total_cost=cost, received_at=received)
    return item


async def behind_the_ledger(sessions: Sessions, statement: Any) -> None:
    """What no service does: change stored rows without a ledger row."""
    async with unit_of_work(sessions) as session:
        await session.execute(statement)


async def item_now(sessions: Sessions, item_id: int) -> InventoryItem:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(InventoryItem, item_id)


async def lots_of(sessions: Sessions, item_id: int) -> list[InventoryLot]:
    """Every lot of the item, open or not, in the order they were created."""
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(InventoryLot).where(InventoryLot.item_id == item_id).order_by(InventoryLot.id)
        )
        return list(rows)


async def ledger_of(sessions: Sessions, item_id: int) -> list[LedgerEntry]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(LedgerEntry).where(LedgerEntry.item_id == item_id).order_by(LedgerEntry.id)
        )
        return list(rows)


async def events_of(
    sessions: Sessions, organization_id: int, type: str | None = None
) -> list[Event]:
    async with unit_of_work(sessions, write=False) as session:
        statement = select(Event).where(Event.organization_id == organization_id)
        if type is not None:
            statement = statement.where(Event.type == type)
        return list(await session.scalars(statement.order_by(Event.position)))


async def event_count(sessions: Sessions) -> int:
    async with unit_of_work(sessions, write=False) as session:
        return await session.scalar(select(func.count(Event.position))) or 0


def remainders(lots: list[InventoryLot]) -> list[tuple[Decimal, Decimal]]:
    """(remaining, remaining value) of each lot."""
    return [(lot.remaining, lot.remaining_value) for lot in lots]


def draws(change: StockChange) -> list[tuple[int | None, Decimal, Decimal]]:
    """(lot, signed quantity, signed value) of each ledger row a change wrote."""
    return [(entry.lot_id, entry.quantity, entry.value) for entry in change.posting.entries]


@dataclass(frozen=True)
class Snapshot:
    """Everything a refused change must leave exactly as it was."""

    on_hand: Decimal
    reserved: Decimal
    stock_value: Decimal
    lots: list[tuple[int, Decimal, Decimal]]
    ledger_rows: int
    events: int


async def snapshot(sessions: Sessions, item_id: int) -> Snapshot:
    item = await item_now(sessions, item_id)
    return Snapshot(
        item.on_hand,
        item.reserved,
        item.stock_value,
        [(lot.id, lot.remaining, lot.remaining_value) for lot in await lots_of(sessions, item_id)],
        len(await ledger_of(sessions, item_id)),
        await event_count(sessions),
    )


def days_ago(days: float) -> datetime:
    return utcnow() - timedelta(days=days)


def global_item_id(item: InventoryItem) -> str:
    return public_item_id(item.id)
