"""Reading inventory: lots, the ledger and reservations, always within the caller's
organization. Items are read through services.inventory.items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from services.accounts.models import Organization
from services.billing.reach import within_history
from services.currencies import DEFAULT_CURRENCY
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.inventory.ledger import LOT_IS_OPEN
from services.inventory.models import (
    ChangeType,
    InventoryItem,
    InventoryLot,
    LedgerEntry,
    Reservation,
    ReservationStatus,
)
from services.inventory.reservations import clean_order_reference
from services.pagination import Columns, Page, PageRequest, paginate, selected, selecting
from services.permissions import Principal, require_permission


def currency_code_of(organization_id: int) -> ScalarSelect[str]:
    """The ISO 4217 code every amount of money in the organization is in, as a scalar
    subquery (planned reads embed it in their one statement)."""
    code = select(Organization.currency_code).where(Organization.id == organization_id)
    return select(
        func.coalesce(func.nullif(code.scalar_subquery(), ""), DEFAULT_CURRENCY)
    ).scalar_subquery()


async def currency_code(session: AsyncSession, organization_id: int) -> str:
    return str(await session.scalar(select(currency_code_of(organization_id))))


async def has_stock_history(session: AsyncSession, organization_id: int) -> bool:
    """Whether the organization has ever received stock: any lot, even one long used up.
    Its costs, ledger values and reports are then amounts in its currency."""
    found = await session.scalar(
        select(InventoryLot.id).where(InventoryLot.organization_id == organization_id).limit(1)
    )
    return found is not None


def readable(principal: Principal | None, model: type[Any], columns: Columns = None) -> Select[Any]:
    """The caller's organization's rows of an inventory `model` (or the named `columns`):
    where every inventory read starts."""
    acting = require_permission(principal, "inventory.read")
    return selecting(model, columns).where(model.organization_id == acting.organization_id)


# An item's id, or (in a planned read's one statement) the SQL of the parent row's item
# id, which makes the rows a correlated subquery of their parent.
ItemKey = int | ColumnElement[int]


def row_by_key(
    principal: Principal | None, model: type[Any], key: Any, columns: Columns = None
) -> Select[Any]:
    """The caller's row of `model` with id `key` (an id or the SQL of one), if any."""
    return readable(principal, model, columns).where(model.id == key)


async def _by_id(
    session: AsyncSession,
    principal: Principal | None,
    model: type[InventoryItem] | type[InventoryLot],
    ids: Sequence[int],
    columns: Columns,
) -> dict[int, Any]:
    statement = readable(principal, model, columns).where(model.id.in_(set(ids)))
    if not ids:
        return {}
    return {row.id: row for row in await selected(session, statement, columns)}


async def items_by_id(
    session: AsyncSession,
    principal: Principal | None,
    item_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, Any]:
    """Several items (or rows of the named `columns`, which must include id) at once, for
    batching lookups; unknown or foreign IDs are left out."""
    return await _by_id(session, principal, InventoryItem, item_ids, columns)


async def lots_by_id(
    session: AsyncSession,
    principal: Principal | None,
    lot_ids: Sequence[int],
    columns: Columns = None,
) -> dict[int, Any]:
    return await _by_id(session, principal, InventoryLot, lot_ids, columns)


@dataclass(frozen=True)
class LotFilter:
    item_id: ItemKey | None = None
    include_empty: bool = False
    expires_before: datetime | None = None


def lot_rows(
    principal: Principal | None, filters: LotFilter, columns: Columns = None
) -> Select[Any]:
    """The caller's lots that pass `filters`, in no particular order."""
    statement = readable(principal, InventoryLot, columns)
    if filters.item_id is not None:
        statement = statement.where(InventoryLot.item_id == filters.item_id)
    if not filters.include_empty:
        statement = statement.where(LOT_IS_OPEN)
    if filters.expires_before is not None:
        statement = statement.where(InventoryLot.expires_at < filters.expires_before)
    return statement


async def list_lots(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: LotFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """Lots (or rows of the named `columns`) in the order they were received (their IDs);
    open ones unless asked."""
    return await paginate(session, lot_rows(principal, filters, columns), InventoryLot.id, page)


async def first_lots_of_items(
    session: AsyncSession,
    principal: Principal | None,
    item_ids: Sequence[int],
    *,
    first: int,
    include_empty: bool,
    columns: Columns = None,
) -> dict[int, Page[Any]]:
    """The first `first` lots (or rows of the named `columns`, which must include id and
    item_id) of each item in one query: a list of items showing a few lots each must not
    cost a query per item."""
    numbered = (
        lot_rows(principal, LotFilter(include_empty=include_empty), columns)
        .where(InventoryLot.item_id.in_(set(item_ids)))
        .add_columns(
            func.row_number()
            .over(partition_by=InventoryLot.item_id, order_by=InventoryLot.id)
            .label("position")
        )
        .subquery()
    )
    wanted = numbered.c.position <= first + 1
    rows: Sequence[Any]
    if columns is None:
        lot = aliased(InventoryLot, numbered)
        rows = (
            await session.scalars(select(lot).where(wanted).order_by(lot.item_id, lot.id))
        ).all()
    else:
        picked = [numbered.c[name] for name in columns]
        ordered = select(*picked).where(wanted).order_by(numbered.c.item_id, numbered.c.id)
        rows = (await session.execute(ordered)).all()
    by_item: dict[int, list[Any]] = {key: [] for key in item_ids}
    for row in rows:
        by_item[row.item_id].append(row)
    return {
        key: Page(
            items=lots[:first],
            keys=[found.id for found in lots[:first]],
            has_next_page=len(lots) > first,
            has_previous_page=False,
        )
        for key, lots in by_item.items()
    }


async def get_lot(
    session: AsyncSession, principal: Principal | None, *, lot_id: int
) -> InventoryLot | None:
    return (await lots_by_id(session, principal, [lot_id])).get(lot_id)


@dataclass(frozen=True)
class HistoryFilter:
    item_id: ItemKey | None = None
    lot_id: int | None = None
    change_types: Sequence[str] = ()
    reference: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def _change_types(names: Sequence[str]) -> list[str]:
    known = {change_type.value for change_type in ChangeType}
    wanted = [name.upper() for name in names]
    unknown = [name for name in wanted if name not in known]
    if unknown:
        raise UserInputError(
            ErrorCode.INVALID_CHANGE_TYPE,
            f"Unknown change type {unknown[0]}; use one of {', '.join(sorted(known))}.",
            ("change_types",),
        )
    return wanted


def history_rows(
    principal: Principal | None, filters: HistoryFilter, columns: Columns = None
) -> Select[Any]:
    """The caller's ledger rows that pass `filters`, in no particular order."""
    acting = require_permission(principal, "inventory.read")
    statement = readable(acting, LedgerEntry, columns).where(
        within_history(acting, LedgerEntry.created_at)
    )
    if filters.item_id is not None:
        statement = statement.where(LedgerEntry.item_id == filters.item_id)
    if filters.lot_id is not None:
        statement = statement.where(LedgerEntry.lot_id == filters.lot_id)
    if filters.change_types:
        statement = statement.where(
            LedgerEntry.change_type.in_(_change_types(filters.change_types))
        )
    if filters.reference is not None:
        statement = statement.where(LedgerEntry.reference == filters.reference.strip())
    if filters.since is not None:
        statement = statement.where(LedgerEntry.created_at >= filters.since)
    if filters.until is not None:
        statement = statement.where(LedgerEntry.created_at < filters.until)
    return statement


async def list_history(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: HistoryFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """Ledger rows (or rows of the named `columns`) oldest first (`last: n` gives the n
    most recent)."""
    statement = history_rows(principal, filters, columns)
    return await paginate(session, statement, LedgerEntry.id, page)


async def get_ledger_entry(
    session: AsyncSession, principal: Principal | None, *, entry_id: int
) -> LedgerEntry | None:
    acting = require_permission(principal, "inventory.read")
    return await session.scalar(
        select(LedgerEntry).where(
            LedgerEntry.id == entry_id,
            LedgerEntry.organization_id == acting.organization_id,
            within_history(acting, LedgerEntry.created_at),
        )
    )


async def list_reservations(
    session: AsyncSession,
    principal: Principal | None,
    *,
    item_id: int | None,
    status: str | None,
    order_reference: str | None = None,
    page: PageRequest,
) -> Page[Reservation]:
    acting = require_permission(principal, "inventory.read")
    statement = select(Reservation).where(Reservation.organization_id == acting.organization_id)
    if item_id is not None:
        statement = statement.where(Reservation.item_id == item_id)
    if status is not None:
        if status.upper() not in {s.value for s in ReservationStatus}:
            raise UserInputError(
                ErrorCode.INVALID_STATUS,
                f"status must be one of {', '.join(s.value for s in ReservationStatus)}.",
                ("status",),
            )
        statement = statement.where(Reservation.status == status.upper())
    if order_reference is not None:
        reference = clean_order_reference(order_reference)
        statement = statement.where(Reservation.order_reference == reference)
    return await paginate(session, statement, Reservation.id, page)


async def get_reservation(
    session: AsyncSession, principal: Principal | None, *, reservation_id: int
) -> Reservation | None:
    acting = require_permission(principal, "inventory.read")
    return await session.scalar(
        select(Reservation).where(
            Reservation.id == reservation_id,
            Reservation.organization_id == acting.organization_id,
        )
    )
