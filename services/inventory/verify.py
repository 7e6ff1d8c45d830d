"""`batchtrack verify-inventory`: an independent audit of the inventory invariant.

The ledger (services/inventory/ledger.py) checks each item as it writes; this module
re-derives everything from the stored rows, so it also catches what no write path could
have caused (a hand-edited row, a restored backup, a bug in a migration):

    item.on_hand     = sum(lot.remaining)       = sum(ledger.quantity)
    item.stock_value = sum(lot.remaining_value) = sum(ledger.value)
    every lot: 0 <= remaining <= quantity_received, value >= 0, empty lots hold no value,
               and its remainder and value are the sums of its own ledger rows
    every ledger row: on_hand_after / value_after = the running sums up to that row
    item.reserved    = what its ACTIVE reservations hold (quantity - fulfilled - short)
                       <= item.on_hand; no total is negative

Work is done by the database with GROUP BY and a window function, a page of items at a
time, so memory is bounded by the page and the number of broken items, never by history.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, Subquery, and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.inventory.ledger import ZERO, shown
from services.inventory.models import (
    InventoryItem,
    InventoryLot,
    LedgerEntry,
    Reservation,
    ReservationStatus,
)

# Items per round of aggregate queries: large enough that a big organization needs few
# rounds, small enough that the IN lists and the per-page results stay modest.
PAGE_SIZE = 500

# The aggregate queries and their rows, of any number of columns: the columns are read by
# label (row.quantity, row.first_lot), so their positions and types are not spelled out.
AnySelect = Select[*tuple[Any, ...]]
AnyRow = Row[*tuple[Any, ...]]


@dataclass(frozen=True)
class ItemProblems:
    """What is wrong with one item; each problem says which totals differ and by what."""

    organization_id: int
    item_id: int
    item_name: str
    problems: tuple[str, ...]


@asynccontextmanager
async def consistent_snapshot(
    sessions: async_sessionmaker[AsyncSession],
) -> AsyncIterator[AsyncSession]:
    """A read-only transaction in which every query sees the same snapshot, so a check
    running beside live writers compares totals of one moment. PostgreSQL needs
    REPEATABLE READ for that (READ COMMITTED takes a snapshot per statement); a SQLite
    read transaction in WAL mode already keeps the snapshot of its first read."""
    async with sessions() as session:
        if session.get_bind().dialect.name == "postgresql":
            await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        try:
            yield session
        finally:
            await session.rollback()


async def count_items(session: AsyncSession, *, organization_id: int | None) -> int:
    statement = select(func.count()).select_from(InventoryItem)
    if organization_id is not None:
        statement = statement.where(InventoryItem.organization_id == organization_id)
    return int(await session.scalar(statement) or 0)


async def verify_inventory(
    session: AsyncSession, *, organization_id: int | None
) -> list[ItemProblems]:
    """Every item of the organization (or of all organizations) that breaks the
    invariant, in id order; an empty list when all is well."""
    broken: list[ItemProblems] = []
    after = 0
    while True:
        statement = select(
            InventoryItem.id,
            InventoryItem.organization_id,
            InventoryItem.name,
            InventoryItem.on_hand,
            InventoryItem.stock_value,
            InventoryItem.reserved,
        ).where(InventoryItem.id > after)
        if organization_id is not None:
            statement = statement.where(InventoryItem.organization_id == organization_id)
        items = (await session.execute(statement.order_by(InventoryItem.id).limit(PAGE_SIZE))).all()
        if not items:
            return broken
        broken.extend(await _check_page(session, items))
        after = items[-1].id


async def _check_page(session: AsyncSession, items: Sequence[AnyRow]) -> list[ItemProblems]:
    ids = [item.id for item in items]
    lots = await _by_item(session, _lot_sums(ids))
    entries = await _by_item(session, _ledger_sums(ids))
    chains = await _by_item(session, _chain_breaks(ids))
    lot_ledgers = await _by_item(session, _lots_unlike_their_ledger(ids))
    reserved = await _by_item(session, _active_reservations(ids))
    out = []
    for item in items:
        found = _totals_problems(item, lots.get(item.id), entries.get(item.id))
        if item.reserved != _sum(reserved.get(item.id), "quantity"):
            found.append(
                f"reserved {shown(item.reserved)} differs from its active reservations "
                f"{shown(_sum(reserved.get(item.id), 'quantity'))}"
            )
        if item.reserved > item.on_hand:
            found.append(
                f"reserved {shown(item.reserved)} is more than on hand {shown(item.on_hand)}"
            )
        found.extend(_lot_problems(lots.get(item.id)))
        found.extend(_entry_problems(entries.get(item.id)))
        if item.id in lot_ledgers:
            found.append(await _lot_ledger_detail(session, lot_ledgers[item.id]))
        if item.id in chains:
            found.append(await _chain_detail(session, item.id, chains[item.id]))
        if found:
            out.append(ItemProblems(item.organization_id, item.id, item.name, tuple(found)))
    return out


async def _by_item(session: AsyncSession, statement: AnySelect) -> dict[int, AnyRow]:
    return {row.item_id: row for row in await session.execute(statement)}


def _sum(row: AnyRow | None, name: str) -> Decimal:
    """A sum from an aggregate row; an item with no rows sums to zero."""
    return ZERO if row is None else Decimal(getattr(row, name))


def _count(row: AnyRow | None, name: str) -> int:
    return 0 if row is None else int(getattr(row, name) or 0)


def _lot_sums(ids: list[int]) -> AnySelect:
    lot = InventoryLot
    out_of_bounds = or_(
        lot.remaining < 0,
        lot.remaining > lot.quantity_received,
        lot.remaining_value < 0,
        and_(lot.remaining == 0, lot.remaining_value != 0),
    )
    return (
        select(
            lot.item_id,
            func.sum(lot.remaining).label("quantity"),
            func.sum(lot.remaining_value).label("value"),
            func.sum(case((out_of_bounds, 1), else_=0)).label("bad_lots"),
            func.min(case((out_of_bounds, lot.id))).label("first_bad_lot"),
            func.sum(
                case((lot.organization_id != InventoryItem.organization_id, 1), else_=0)
            ).label("foreign_lots"),
        )
        .join(InventoryItem, InventoryItem.id == lot.item_id)
        .where(lot.item_id.in_(ids))
        .group_by(lot.item_id)
    )


def _ledger_sums(ids: list[int]) -> AnySelect:
    entry = LedgerEntry
    return (
        select(
            entry.item_id,
            func.sum(entry.quantity).label("quantity"),
            func.sum(entry.value).label("value"),
            func.sum(
                case((entry.organization_id != InventoryItem.organization_id, 1), else_=0)
            ).label("foreign_entries"),
            # Every movement names the lot it moved; a row that moved stock without
            # one, or naming another item's lot, cannot be reconciled with the lots. (A
            # count that found the books right moved nothing and names no lot.)
            func.sum(
                case(
                    (
                        or_(
                            and_(
                                entry.lot_id.is_(None),
                                or_(entry.quantity != 0, entry.value != 0),
                            ),
                            InventoryLot.item_id != entry.item_id,
                        ),
                        1,
                    ),
                    else_=0,
                )
            ).label("stray_entries"),
        )
        .join(InventoryItem, InventoryItem.id == entry.item_id)
        .outerjoin(InventoryLot, InventoryLot.id == entry.lot_id)
        .where(entry.item_id.in_(ids))
        .group_by(entry.item_id)
    )


def _running_totals(ids: list[int]) -> Subquery:
    """Each ledger row beside the running sums of its item's rows up to and including it."""
    entry = LedgerEntry
    return (
        select(
            entry.item_id,
            entry.id,
            entry.on_hand_after,
            entry.value_after,
            func.sum(entry.quantity)
            .over(partition_by=entry.item_id, order_by=entry.id, rows=(None, 0))
            .label("running_quantity"),
            func.sum(entry.value)
            .over(partition_by=entry.item_id, order_by=entry.id, rows=(None, 0))
            .label("running_value"),
        )
        .where(entry.item_id.in_(ids))
        .subquery()
    )


def _chain_breaks(ids: list[int]) -> AnySelect:
    running = _running_totals(ids)
    return (
        select(
            running.c.item_id,
            func.count().label("rows"),
            func.min(running.c.id).label("first_id"),
        )
        .where(
            or_(
                running.c.running_quantity != running.c.on_hand_after,
                running.c.running_value != running.c.value_after,
            )
        )
        .group_by(running.c.item_id)
    )


def _per_lot_ledger(ids: list[int]) -> Subquery:
    entry = LedgerEntry
    return (
        select(
            entry.lot_id,
            func.sum(entry.quantity).label("quantity"),
            func.sum(entry.value).label("value"),
        )
        .where(entry.item_id.in_(ids), entry.lot_id.is_not(None))
        .group_by(entry.lot_id)
        .subquery()
    )


def _lot_mismatch(per_lot: Subquery) -> ColumnElement[bool]:
    return or_(
        per_lot.c.lot_id.is_(None),
        per_lot.c.quantity != InventoryLot.remaining,
        per_lot.c.value != InventoryLot.remaining_value,
    )


def _lots_unlike_their_ledger(ids: list[int]) -> AnySelect:
    per_lot = _per_lot_ledger(ids)
    return (
        select(
            InventoryLot.item_id,
            func.count().label("lots"),
            func.min(InventoryLot.id).label("first_lot"),
        )
        .outerjoin(per_lot, per_lot.c.lot_id == InventoryLot.id)
        .where(InventoryLot.item_id.in_(ids), _lot_mismatch(per_lot))
        .group_by(InventoryLot.item_id)
    )


def _active_reservations(ids: list[int]) -> AnySelect:
    return (
        select(
            Reservation.item_id,
            func.sum(
                Reservation.quantity - Reservation.fulfilled - Reservation.short_quantity
            ).label("quantity"),
        )
        .where(Reservation.item_id.in_(ids), Reservation.status == ReservationStatus.ACTIVE.value)
        .group_by(Reservation.item_id)
    )


def _totals_problems(item: AnyRow, lots: AnyRow | None, entries: AnyRow | None) -> list[str]:
    found = []
    for total, name, what in (
        (item.on_hand, "quantity", "on_hand"),
        (item.stock_value, "value", "stock_value"),
    ):
        if total < 0:
            found.append(f"{what} is negative: {shown(total)}")
        if total != _sum(lots, name):
            found.append(
                f"{what} {shown(total)} differs from the sum over its lots "
                f"{shown(_sum(lots, name))}"
            )
        if total != _sum(entries, name):
            found.append(
                f"{what} {shown(total)} differs from the sum of its ledger rows "
                f"{shown(_sum(entries, name))}"
            )
    if item.reserved < 0:
        found.append(f"reserved is negative: {shown(item.reserved)}")
    return found


def _lot_problems(lots: AnyRow | None) -> list[str]:
    found = []
    if bad := _count(lots, "bad_lots"):
        assert lots is not None
        found.append(
            f"{bad} lot(s) outside 0 <= remaining <= quantity received with a value >= 0 "
            f"that is 0 when empty (first: lot {lots.first_bad_lot})"
        )
    if foreign := _count(lots, "foreign_lots"):
        found.append(f"{foreign} lot(s) belong to another organization than the item")
    return found


def _entry_problems(entries: AnyRow | None) -> list[str]:
    found = []
    if foreign := _count(entries, "foreign_entries"):
        found.append(f"{foreign} ledger row(s) belong to another organization than the item")
    if stray := _count(entries, "stray_entries"):
        found.append(f"{stray} ledger row(s) name no lot, or a lot of another item")
    return found


async def _lot_ledger_detail(session: AsyncSession, summary: AnyRow) -> str:
    """The first lot whose remainder or value is not the sum of its own ledger rows."""
    lot_id = summary.first_lot
    lot = (
        await session.execute(
            select(
                InventoryLot.lot_code, InventoryLot.remaining, InventoryLot.remaining_value
            ).where(InventoryLot.id == lot_id)
        )
    ).one()
    moved = (
        await session.execute(
            select(
                func.sum(LedgerEntry.quantity).label("quantity"),
                func.sum(LedgerEntry.value).label("value"),
            ).where(LedgerEntry.lot_id == lot_id)
        )
    ).one()
    return (
        f"{summary.lots} lot(s) differ from their ledger rows (first: lot {lot_id} "
        f"{lot.lot_code}: remaining {shown(lot.remaining)}, value {shown(lot.remaining_value)}; "
        f"its ledger rows sum to {shown(moved.quantity or ZERO)}, {shown(moved.value or ZERO)})"
    )


async def _chain_detail(session: AsyncSession, item_id: int, summary: AnyRow) -> str:
    """The first ledger row whose running totals break the chain (later rows follow it)."""
    running = _running_totals([item_id])
    row = (await session.execute(select(running).where(running.c.id == summary.first_id))).one()
    return (
        f"{summary.rows} ledger row(s) whose running totals differ from the sums before "
        f"them (first: row {row.id}: on_hand_after {shown(row.on_hand_after)}, "
        f"value_after {shown(row.value_after)}; the sums up to it are "
        f"{shown(row.running_quantity)}, {shown(row.running_value)})"
    )
