"""The only writer of lots and ledger rows.

Every stock change is: lock the items (in id order), plan movements against the open lots
(pure functions below), then `post` them. `post` moves lot remainders and item totals,
appends one immutable ledger row per lot touched, and checks the invariant before the
transaction may commit:

    item.on_hand     = sum(open lots' remaining)     = last ledger row's on_hand_after
    item.stock_value = sum(open lots' remaining_value) = last ledger row's value_after

and each ledger row's running totals extend the previous row's, so the ledger sums to the
item's totals by induction. The work is bounded by the open lots, never by the history.

Stock held for orders is part of on-hand, so `post` also keeps

    0 <= item.reserved <= item.on_hand

A loss (models.LOSS: a disposal, an EXPIRED write-off, a RECOUNT that finds less) takes
physical stock whatever orders hold, and may leave less than the active reservations
hold, or take the unexpired stock they draw on. `post` then shortens those reservations,
newest first, so the earliest orders keep their stock, until what they hold fits the
stock that can fulfil them: on hand and unexpired (`shorten_reservations`). The caller
announces them with the change (stock.posting_events).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, case, func, literal, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from services.db import UTCDateTime
from services.error_codes import ErrorCode
from services.errors import InsufficientStock, NotFound, Shortage, UserInputError
from services.inventory.models import (
    LOSS,
    MAX_STORED,
    MAX_STORED_INTEGER_DIGITS,
    MONEY_SCALE,
    ChangeType,
    CostingMethod,
    InventoryItem,
    InventoryLot,
    LedgerEntry,
    Quantity,
    Reservation,
    ReservationStatus,
    is_unexpired,
)
from services.permissions import Principal

MONEY_QUANTUM = Decimal(1).scaleb(-MONEY_SCALE)
ZERO = Decimal(0)


# Open lots, written with a literal 0 rather than a bound parameter: the planner can then
# prove the partial index's predicate (`remaining > 0`, ix_inventory_lots_open) in every
# plan, including PostgreSQL's cached generic plans and SQLite's, so reading an item's
# open lots never scans its exhausted ones (with a parameter, a generic plan read all
# 100,000 lots of an item with that history: see bench/RESULTS.md).
LOT_IS_OPEN: ColumnElement[bool] = InventoryLot.remaining > literal_column("0")


class InventoryInvariantViolated(RuntimeError):
    """A fault, never a user error: the transaction is rolled back and Sentry is told."""


@dataclass(frozen=True)
class Movement:
    """A signed change to one lot: quantity in the item's base unit and its value. A
    revaluation gives the lot's new `unit_cost`; a count that found the books right moves
    nothing and names no lot (`lot` None), so the count is still on the ledger."""

    lot: InventoryLot | None
    quantity: Decimal
    value: Decimal
    unit_cost: Decimal | None = None


def count_confirmed() -> Movement:
    return Movement(None, ZERO, ZERO)


@dataclass(frozen=True)
class Shortened:
    """A reservation that a posting cut short, and by how much (in the base unit)."""

    reservation: Reservation
    quantity: Decimal


@dataclass(frozen=True)
class Posting:
    operation_id: str
    entries: list[LedgerEntry]
    # The item's stock not expired at the posting's time, as the posting left it.
    unexpired_on_hand: Decimal
    # Reservations the change left without the stock they held (see shorten_reservations).
    shortened: list[Shortened] = field(default_factory=list)

    @property
    def quantity(self) -> Decimal:
        return sum((e.quantity for e in self.entries), ZERO)

    @property
    def value(self) -> Decimal:
        return sum((e.value for e in self.entries), ZERO)


def new_operation_id() -> str:
    return "op_" + uuid.uuid4().hex


def shown(value: Decimal) -> str:
    """A quantity as a person writes it: 1410, not 1410.000000 nor 1.41E+3."""
    return format(value.normalize(), "f")


def money(value: Decimal) -> Decimal:
    return value.quantize(MONEY_QUANTUM, rounding=ROUND_HALF_EVEN)


# The write path's statements are built once, at import, with bound parameters: building
# a select and its cache key took about 70 µs of CPU each time, and a stock change ran
# five or six of them; a statement built once keeps its cache key.
_LOCK_ITEMS = (
    select(InventoryItem)
    .where(
        InventoryItem.organization_id == bindparam("organization_id"),
        InventoryItem.id.in_(bindparam("item_ids", expanding=True)),
    )
    .order_by(InventoryItem.id)
    .with_for_update()
    .execution_options(populate_existing=True)
)


# The order in which each costing method draws; FIFO for any other.
_DRAW_ORDER: dict[str, tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...]] = {
    CostingMethod.FIFO.value: (InventoryLot.received_at,),
    CostingMethod.FEFO.value: (
        InventoryLot.expires_at.is_(None),
        InventoryLot.expires_at,
        InventoryLot.received_at,
    ),
}


def _draw_order(method: str) -> tuple[ColumnElement[Any] | InstrumentedAttribute[Any], ...]:
    return _DRAW_ORDER.get(method, _DRAW_ORDER[CostingMethod.FIFO.value])


def _open_lots_in(method: str) -> Select[InventoryLot]:
    return (
        select(InventoryLot)
        .where(InventoryLot.item_id == bindparam("item_id"), LOT_IS_OPEN)
        .order_by(*_draw_order(method), InventoryLot.id)
        .execution_options(populate_existing=True)
    )


def _open_lots_of_items_in(method: str) -> Select[InventoryLot]:
    return (
        select(InventoryLot)
        .where(InventoryLot.item_id.in_(bindparam("item_ids", expanding=True)), LOT_IS_OPEN)
        .order_by(InventoryLot.item_id, *_draw_order(method), InventoryLot.id)
    )


_OPEN_LOTS = {method: _open_lots_in(method) for method in _DRAW_ORDER}
_OPEN_LOTS_OF_ITEMS = {method: _open_lots_of_items_in(method) for method in _DRAW_ORDER}


async def lock_items(
    session: AsyncSession, organization_id: int, item_ids: Iterable[int]
) -> dict[int, InventoryItem]:
    """Row-lock the items in id order (a fixed order, so multi-item changes cannot
    deadlock) and reload them. SQLite serialises writers with BEGIN IMMEDIATE instead."""
    rows = await session.scalars(
        _LOCK_ITEMS, {"organization_id": organization_id, "item_ids": sorted(set(item_ids))}
    )
    return {item.id: item for item in rows}


async def lock_item(
    session: AsyncSession, principal: Principal, item_id: int, field: Sequence[str] = ("item_id",)
) -> InventoryItem:
    """One item of the caller's organization, row-locked and reloaded. Every writer of an
    item takes this lock, so the item's changes, and the sequence numbers of the events
    on its stream, follow one order."""
    items = await lock_items(session, principal.organization_id, [item_id])
    if item_id not in items:
        raise NotFound("inventory item", field)
    return items[item_id]


async def open_lots(session: AsyncSession, item: InventoryItem) -> list[InventoryLot]:
    """The item's lots with stock left, in the order the item's costing method draws."""
    statement = _OPEN_LOTS.get(item.costing_method, _OPEN_LOTS[CostingMethod.FIFO.value])
    rows = await session.scalars(statement, {"item_id": item.id})
    return list(rows)


async def open_lots_of_items(
    session: AsyncSession, items: Iterable[InventoryItem], *, reload: bool = False
) -> dict[int, list[InventoryLot]]:
    """`open_lots` of many items in one query per costing method: a change drawing on many
    locked items at once (a batch) reads their lots here, with `reload`, so no lot read
    earlier in the transaction keeps a stale remainder. Plans and quotes read only the
    lots a draw would reach (`drawable_prefixes`)."""
    lots: dict[int, list[InventoryLot]] = {}
    by_method: dict[str, list[int]] = {}
    for item in items:
        lots[item.id] = []
        method = item.costing_method
        if method not in _DRAW_ORDER:
            method = CostingMethod.FIFO.value
        by_method.setdefault(method, []).append(item.id)
    for method, item_ids in by_method.items():
        rows = await session.scalars(
            _OPEN_LOTS_OF_ITEMS[method],
            {"item_ids": item_ids},
            execution_options={"populate_existing": reload},
        )
        for lot in rows:
            lots[lot.item_id].append(lot)
    return lots


@dataclass(frozen=True)
class DrawableLots:
    """Of one item at a moment: its unexpired stock (reserved included), and the first of
    its unexpired lots in draw order, as many as a draw of a given quantity could take."""

    unexpired: Decimal
    lots: list[InventoryLot]


async def drawable_prefixes(
    session: AsyncSession, wanted: Mapping[InventoryItem, Decimal], *, now: datetime
) -> dict[int, DrawableLots]:
    """For reading (plans and quotes): per item, what a draw of at most `wanted[item]`
    now would look at, one query per costing method. Only the lots such a draw reaches
    are loaded (the first lot always, so an item with stock shows it), not every open lot:
    a running sum in draw order tells where the draw would stop."""
    found = {item.id: DrawableLots(ZERO, []) for item in wanted}
    by_method: dict[str, list[InventoryItem]] = {}
    for item in wanted:
        method = item.costing_method if item.costing_method in _DRAW_ORDER else "FIFO"
        by_method.setdefault(method, []).append(item)
    for method, items in by_method.items():
        rows = await session.execute(
            _drawable_prefixes(method, {item.id: wanted[item] for item in items}, now)
        )
        for lot, unexpired in rows:
            found[lot.item_id] = DrawableLots(unexpired, [*found[lot.item_id].lots, lot])
    return found


def _drawable_prefixes(method: str, wanted: dict[int, Decimal], now: datetime) -> Select[Any]:
    order = (*_draw_order(method), InventoryLot.id)
    item = InventoryLot.item_id
    ranked = (
        select(
            InventoryLot.id,
            InventoryLot.item_id,
            func.sum(InventoryLot.remaining)
            .over(partition_by=item, order_by=order)
            .label("through"),
            func.sum(InventoryLot.remaining).over(partition_by=item).label("unexpired"),
            func.row_number().over(partition_by=item, order_by=order).label("place"),
            InventoryLot.remaining,
        )
        .where(
            InventoryLot.item_id.in_(wanted), LOT_IS_OPEN, is_unexpired(literal(now, UTCDateTime()))
        )
        .subquery()
    )
    limit = case(
        *(
            (ranked.c.item_id == item_id, literal(amount, Quantity))
            for item_id, amount in wanted.items()
        )
    )
    before = ranked.c.through - ranked.c.remaining
    return (
        select(InventoryLot, ranked.c.unexpired)
        .join(ranked, ranked.c.id == InventoryLot.id)
        .where((before < limit) | (ranked.c.place == 1))
        .order_by(InventoryLot.item_id, ranked.c.place)
    )


def is_expired(lot: InventoryLot, now: datetime) -> bool:
    return lot.expires_at is not None and lot.expires_at <= now


def draw_value(lot: InventoryLot, quantity: Decimal) -> Decimal:
    """The value leaving a lot with `quantity`: proportional, and the last draw takes
    exactly what is left, so the draws of a lot always sum to its cost."""
    if quantity == lot.remaining:
        return lot.remaining_value
    # Wide enough that the product of a stored value (38 digits) and a quantity (24) is
    # exact, so only the final quantize rounds; at the default 28 digits the product was
    # itself rounded and could tip a half-even tie the wrong way.
    with localcontext() as context:
        context.prec = 64
        return money(lot.remaining_value * quantity / lot.remaining)


def drawable(
    lots: Sequence[InventoryLot], *, now: datetime, include_expired: bool, reserved: Decimal
) -> tuple[list[InventoryLot], Decimal]:
    """The lots a draw may take from, in order, and how much of them it may take."""
    usable = [lot for lot in lots if include_expired or not is_expired(lot, now)]
    return usable, max(sum((lot.remaining for lot in usable), ZERO) - reserved, ZERO)


def plan_draw(
    lots: Sequence[InventoryLot],
    quantity: Decimal,
    *,
    now: datetime,
    include_expired: bool,
    reserved: Decimal = ZERO,
    item: InventoryItem,
    field: Sequence[str] = ("quantity", "amount"),
) -> list[Movement]:
    """Take `quantity` of `item` from its lots in order, all or nothing. `reserved` stock
    is held for orders and cannot be taken by other changes."""
    usable, available = drawable(lots, now=now, include_expired=include_expired, reserved=reserved)
    if quantity > available:
        unit = item.base_unit
        expired_note = "" if include_expired else " (expired lots excluded)"
        reserved_note = f", {shown(reserved)} {unit} reserved" if reserved else ""
        raise InsufficientStock(
            f"Only {shown(available)} {unit} available{expired_note}"
            f"{reserved_note}; {shown(quantity)} {unit} requested.",
            field,
            shortages=[Shortage(item.id, quantity, available, unit)],
        )
    movements: list[Movement] = []
    left = quantity
    for lot in usable:
        if left == 0:
            break
        take = min(left, lot.remaining)
        movements.append(Movement(lot, -take, -draw_value(lot, take)))
        left -= take
    return movements


def new_lot(
    item: InventoryItem,
    *,
    lot_code: str,
    source: ChangeType,
    received_at: datetime,
    expires_at: datetime | None,
    vendor: str | None,
    quantity: Decimal,
    total_cost: Decimal,
    batch_id: int | None = None,
) -> Movement:
    """A movement that creates a lot; `post` gives it its stock."""
    lot = InventoryLot(
        organization_id=item.organization_id,
        item_id=item.id,
        lot_code=lot_code,
        source=source.value,
        vendor=vendor,
        received_at=received_at,
        expires_at=expires_at,
        quantity_received=quantity,
        remaining=ZERO,
        total_cost=total_cost,
        remaining_value=ZERO,
        unit_cost=money(total_cost / quantity) if quantity else ZERO,
        batch_id=batch_id,
    )
    return Movement(lot, quantity, total_cost)


async def _insert_new_lots(session: AsyncSession, movements: Sequence[Movement]) -> None:
    """Insert the lots the movements create, already holding their stock: one INSERT each
    rather than an INSERT and then an UPDATE, and before the ledger rows that name them."""
    new_lots = [m.lot for m in movements if m.lot is not None and m.lot.id is None]
    if new_lots:
        session.add_all(new_lots)
        await session.flush()


async def post(
    session: AsyncSession,
    principal: Principal,
    item: InventoryItem,
    change_type: ChangeType,
    movements: Sequence[Movement],
    *,
    operation_id: str,
    note: str | None = None,
    reference: str | None = None,
    batch_id: int | None = None,
    at: datetime,
) -> Posting:
    """Apply movements to a locked item and append their ledger rows; check the invariant.
    Lots move first, so that new lots are inserted holding their stock."""
    [posting] = await post_each(
        session,
        principal,
        [(item, movements)],
        change_type,
        operation_id=operation_id,
        note=note,
        reference=reference,
        batch_id=batch_id,
        at=at,
    )
    return posting


async def post_each(
    session: AsyncSession,
    principal: Principal,
    changes: Sequence[tuple[InventoryItem, Sequence[Movement]]],
    change_type: ChangeType,
    *,
    operation_id: str,
    note: str | None = None,
    reference: str | None = None,
    batch_id: int | None = None,
    at: datetime,
) -> list[Posting]:
    """`post` of one change to each of many locked items (distinct), written together: one
    flush of every lot and ledger row and one invariant check for them all, where a change
    drawing on twenty items (a batch) would otherwise pay twenty of each."""
    if len({item.id for item, _ in changes}) != len(changes):
        raise ValueError("post_each takes each item once")
    befores = []
    for item, movements in changes:
        _check_storable(item, movements)
        befores.append((item.on_hand, item.stock_value))
        for movement in movements:
            if movement.lot is not None:
                movement.lot.remaining += movement.quantity
                movement.lot.remaining_value += movement.value
                if movement.unit_cost is not None:
                    movement.lot.unit_cost = movement.unit_cost
    await _insert_new_lots(session, [m for _, movements in changes for m in movements])
    actor = (principal.user_id, principal.api_key_id)
    entries = [
        _entries(item, movements, change_type, operation_id, note, reference, batch_id, actor, at)
        for item, movements in changes
    ]
    for found in entries:
        session.add_all(found)
    await session.flush()
    unexpired = await check_items(
        session,
        [
            (item, before, found)
            for (item, _), before, found in zip(changes, befores, entries, strict=True)
        ],
        at=at,
    )
    postings = []
    for (item, movements), found in zip(changes, entries, strict=True):
        shortened: list[Shortened] = []
        lost = change_type in LOSS and sum((m.quantity for m in movements), ZERO) < 0
        if lost and item.reserved > unexpired[item.id]:
            shortened = await shorten_reservations(session, item, fits=unexpired[item.id])
        if not 0 <= item.reserved <= item.on_hand:
            raise InventoryInvariantViolated(
                f"item {item.id}: reserved {item.reserved} outside 0..on_hand {item.on_hand}"
            )
        postings.append(Posting(operation_id, found, unexpired[item.id], shortened))
    return postings


def _entries(
    item: InventoryItem,
    movements: Sequence[Movement],
    change_type: ChangeType,
    operation_id: str,
    note: str | None,
    reference: str | None,
    batch_id: int | None,
    actor: tuple[int | None, int | None],
    at: datetime,
) -> list[LedgerEntry]:
    """The item's ledger rows for its moved lots, each with the running totals after it."""
    entries: list[LedgerEntry] = []
    for movement in movements:
        lot = movement.lot
        if lot is not None:
            _check_lot_bounds(lot)
        elif movement.quantity or movement.value:
            raise InventoryInvariantViolated(f"item {item.id}: a movement of no lot moved stock")
        item.on_hand += movement.quantity
        item.stock_value += movement.value
        unit_cost = movement.unit_cost
        if unit_cost is None:
            unit_cost = (
                money(abs(movement.value / movement.quantity)) if movement.quantity else ZERO
            )
        entries.append(
            LedgerEntry(
                organization_id=item.organization_id,
                item_id=item.id,
                lot_id=None if lot is None else lot.id,
                operation_id=operation_id,
                change_type=change_type.value,
                quantity=movement.quantity,
                unit_cost=unit_cost,
                value=movement.value,
                on_hand_after=item.on_hand,
                value_after=item.stock_value,
                actor_user_id=actor[0],
                actor_api_key_id=actor[1],
                note=note,
                reference=reference,
                batch_id=batch_id,
                created_at=at,
            )
        )
    item.updated_at = at
    return entries


# The item's active reservations, newest first: the order in which a loss shortens them.
_ACTIVE_NEWEST_FIRST = (
    select(Reservation)
    .where(
        Reservation.item_id == bindparam("item_id"),
        Reservation.status == ReservationStatus.ACTIVE.value,
    )
    .order_by(Reservation.id.desc())
    .execution_options(populate_existing=True)
)


async def shorten_reservations(
    session: AsyncSession, item: InventoryItem, *, fits: Decimal
) -> list[Shortened]:
    """Physical loss is recorded whatever orders hold, and never silently: when the
    locked item holds more for orders than the `fits` (its unexpired stock on hand) that
    can fulfil them, the newest active reservations give up what they hold until what is
    held fits. Each keeps what was reserved and shows what it lost (`short_quantity`); one
    left holding nothing is SHORT (it can be released, not fulfilled). Every reservation
    left ACTIVE can then be fulfilled, whole, from what is there."""
    excess = item.reserved - fits
    shortened: list[Shortened] = []
    for reservation in await session.scalars(_ACTIVE_NEWEST_FIRST, {"item_id": item.id}):
        if excess <= 0:
            break
        cut = min(reservation.remaining, excess)
        reservation.short_quantity += cut
        if reservation.remaining == 0:
            reservation.status = ReservationStatus.SHORT.value
        item.reserved -= cut
        excess -= cut
        shortened.append(Shortened(reservation, cut))
    if excess > 0:
        raise InventoryInvariantViolated(
            f"item {item.id}: reserved {item.reserved} is more than its active reservations hold"
        )
    return shortened


def _check_storable(item: InventoryItem, movements: Sequence[Movement]) -> None:
    """The item's totals after the movements, and the unit cost of each, stay in the
    range both databases hold (models.MAX_STORED); a lot's quantity and value are parts
    of the item's, so they do too."""
    on_hand = item.on_hand + sum((m.quantity for m in movements), ZERO)
    if on_hand >= MAX_STORED:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f'"{item.name}" would hold {shown(on_hand)} {item.base_unit}; an item holds '
            f"less than 10^{MAX_STORED_INTEGER_DIGITS} {item.base_unit}.",
            ("quantity", "amount"),
        )
    value = item.stock_value + sum((m.value for m in movements), ZERO)
    costly = any(abs(m.value) >= MAX_STORED * abs(m.quantity) for m in movements if m.quantity)
    if value >= MAX_STORED or costly:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f'At this cost "{item.name}" would be worth {shown(value)}; stock is worth less '
            f"than 10^{MAX_STORED_INTEGER_DIGITS}, and so is a unit of it.",
            ("unit_cost",),
        )


def _check_lot_bounds(lot: InventoryLot) -> None:
    if not (0 <= lot.remaining <= lot.quantity_received) or lot.remaining_value < 0:
        raise InventoryInvariantViolated(
            f"lot {lot.id}: remaining {lot.remaining} of {lot.quantity_received}, "
            f"value {lot.remaining_value}"
        )
    if lot.remaining == 0 and lot.remaining_value != 0:
        raise InventoryInvariantViolated(f"lot {lot.id}: empty but valued {lot.remaining_value}")


def _totals_check() -> Select[Any]:
    """Per item in `item_ids`: the open lots' sums, the running totals of its last ledger
    row before the row with id `first_entry_id` (NULL when there is none), and what of the
    open lots has not expired at `now` (for the events the change sends)."""
    previous = (
        select(LedgerEntry)
        .where(
            LedgerEntry.item_id == InventoryItem.id,
            LedgerEntry.id < bindparam("first_entry_id"),
        )
        .order_by(LedgerEntry.id.desc())
        .limit(1)
    )
    unexpired = case(
        (is_unexpired(bindparam("now", type_=UTCDateTime())), InventoryLot.remaining),
        else_=literal(ZERO, type_=InventoryLot.remaining.type),
    )
    return (
        select(
            InventoryItem.id,
            func.coalesce(func.sum(InventoryLot.remaining), 0),
            func.coalesce(func.sum(InventoryLot.remaining_value), 0),
            previous.with_only_columns(LedgerEntry.on_hand_after).scalar_subquery(),
            previous.with_only_columns(LedgerEntry.value_after).scalar_subquery(),
            func.coalesce(func.sum(unexpired), 0),
        )
        .outerjoin(InventoryLot, (InventoryLot.item_id == InventoryItem.id) & LOT_IS_OPEN)
        .where(InventoryItem.id.in_(bindparam("item_ids", expanding=True)))
        .group_by(InventoryItem.id)
    )


_TOTALS = _totals_check()
# Beyond any ledger row's id: the chain of an item with no rows in the posting ends at its
# last row.
_NO_ENTRY = 2**62


async def check_items(
    session: AsyncSession,
    checks: Sequence[tuple[InventoryItem, tuple[Decimal, Decimal], Sequence[LedgerEntry]]],
    *,
    at: datetime,
) -> dict[int, Decimal]:
    """After a posting of each item is flushed (`item`, its totals `before` it, its
    ledger rows): the ledger row before its rows ended at those totals (the chain), and
    the totals now are the sums over the open lots (bounded work). One statement for all
    the items. Raises on any difference; the caller's transaction is then rolled back, so
    nothing of the posting is kept. Returns each item's stock unexpired at `at`, read by
    the same statement.

    The rows of one posting are flushed together, after every earlier row of its items
    (they are locked), so an item's chain ends at its last row before the posting's first."""
    first = min((entry.id for _, _, found in checks for entry in found), default=_NO_ENTRY)
    rows = await session.execute(
        _TOTALS,
        {"item_ids": [item.id for item, _, _ in checks], "first_entry_id": first, "now": at},
    )
    sums = {row[0]: row[1:] for row in rows}
    unexpired_by_item: dict[int, Decimal] = {}
    for item, before, _ in checks:
        quantity, value, chain_on_hand, chain_value, unexpired = sums[item.id]
        chain = (
            ZERO if chain_on_hand is None else chain_on_hand,
            ZERO if chain_value is None else chain_value,
        )
        if chain != before:
            raise InventoryInvariantViolated(
                f"item {item.id}: totals {before[0]}/{before[1]} differ from the "
                f"ledger's {chain[0]}/{chain[1]}"
            )
        if (
            item.on_hand < 0
            or Decimal(quantity) != item.on_hand
            or Decimal(value) != item.stock_value
        ):
            raise InventoryInvariantViolated(
                f"item {item.id}: on_hand {item.on_hand} / value {item.stock_value}, "
                f"open lots {quantity} / {value}"
            )
        unexpired_by_item[item.id] = Decimal(unexpired)
    return unexpired_by_item
