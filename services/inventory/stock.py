"""Stock changes: receiving purchases, adjustments of every change type, writing off
expired lots. Each locks its item, plans movements, and posts them through the ledger."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import bindparam, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import UTCDateTime, utcnow
from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.events import NewEvent, append_events
from services.inventory import ledger, payloads
from services.inventory.ledger import ZERO, Movement, Posting, shown
from services.inventory.models import (
    CONSUMPTION,
    DISPOSAL,
    USER_CHANGE_TYPES,
    ChangeType,
    InventoryItem,
    InventoryLot,
    unexpired_on_hand_at,
)
from services.inventory.payloads import lot_payload, posting_payload, reservation_payload
from services.inventory.quantities import (
    QuantityInput,
    average_cost,
    check_money,
    cost_per_base_unit,
    to_base,
    unexpired_at,
    usable_of,
    usable_sql,
    value_of,
)
from services.inventory.stream import item_event
from services.permissions import Principal, require_permission
from services.validation import clean_text


@dataclass(frozen=True)
class StockChange:
    item: InventoryItem
    posting: Posting
    lot: InventoryLot | None = None
    # The quantity the caller gave, as recorded in the item's base unit (see to_base).
    recorded: Decimal | None = None


async def low_stock_events(
    session: AsyncSession, item: InventoryItem, at: datetime, unexpired: Decimal | None = None
) -> list[NewEvent]:
    """inventory.low_stock once when usable stock (quantities.usable) crosses below the
    threshold at `at`; re-armed when it is back at or above it. Every write of an item
    appends these with its other events; time alone lowers usable stock too (a lot
    expires), which the periodic job catches (announce_expiry_low_stock). `unexpired`:
    the item's unexpired stock at `at`, when the caller has read it."""
    threshold = item.low_stock_threshold
    if threshold is None:
        item.low_stock_since = None  # no threshold, nothing to be under: re-armed for a new one
        return []
    if unexpired is None:
        unexpired = await unexpired_at(session, item, at)
    usable = usable_of(unexpired, item.reserved)
    if usable < threshold and item.low_stock_since is None:
        item.low_stock_since = at
        # The threshold crossed is the item's lowStockThreshold, in the event's item.
        return [await item_event(session, item, "inventory.low_stock", at=at, unexpired=unexpired)]
    if usable >= threshold and item.low_stock_since is not None:
        item.low_stock_since = None
    return []


async def announce_expiry_low_stock(session: AsyncSession, *, now: datetime) -> int:
    """The periodic job's part: items with an expired lot still on hand whose usable
    stock is under their threshold at `now`, with no inventory.low_stock sent for it (the
    lot expired since their last change), get it now, each under its lock, in the
    caller's transaction. Returns how many."""
    at = literal(now, UTCDateTime())
    has_expired_stock = (
        select(InventoryLot.id)
        .where(
            InventoryLot.item_id == InventoryItem.id,
            InventoryLot.remaining > 0,
            InventoryLot.expires_at <= at,
        )
        .exists()
    )
    due = (
        await session.execute(
            select(InventoryItem.id, InventoryItem.organization_id)
            .where(
                InventoryItem.low_stock_threshold.is_not(None),
                InventoryItem.low_stock_since.is_(None),
                has_expired_stock,
                usable_sql(InventoryItem, unexpired_on_hand_at(InventoryItem.id, at))
                < InventoryItem.low_stock_threshold,
            )
            .order_by(InventoryItem.id)
        )
    ).all()
    # Each organization's events appended together.
    events: dict[int, list[NewEvent]] = {}
    for key, organization_id in due:
        item = (await ledger.lock_items(session, organization_id, [key]))[key]
        events.setdefault(organization_id, []).extend(await low_stock_events(session, item, now))
    for organization_id, found in events.items():
        await append_events(session, organization_id=organization_id, events=found)
    return sum(len(found) for found in events.values())


async def posting_events(
    session: AsyncSession,
    item: InventoryItem,
    change_type: ChangeType,
    posting: Posting,
    at: datetime,
) -> list[NewEvent]:
    """`inventory.adjusted` for what the posting moved, then one
    `inventory.reservation.shortened` for each reservation it cut short (the loss, then
    what it cost the orders), sharing its operation id."""
    unexpired = posting.unexpired_on_hand
    events = []
    if posting.entries:
        events.append(
            await item_event(
                session,
                item,
                "inventory.adjusted",
                at=at,
                unexpired=unexpired,
                **posting_payload(change_type.value, posting, item.base_unit),
            )
        )
    for shortened in posting.shortened:
        events.append(
            await item_event(
                session,
                item,
                "inventory.reservation.shortened",
                at=at,
                unexpired=unexpired,
                reservation=reservation_payload(shortened.reservation, item.base_unit),
                quantity=payloads.quantity(shortened.quantity, item.base_unit),
                changeType=change_type.value,
                operationId=posting.operation_id,
            )
        )
    return events


async def change_events(
    session: AsyncSession,
    item: InventoryItem,
    change_type: ChangeType,
    posting: Posting,
    at: datetime,
) -> list[NewEvent]:
    """What a posting announces: `posting_events`, then `low_stock_events` for the stock it
    left, to append with the change's other events in one statement."""
    events = await posting_events(session, item, change_type, posting, at)
    return events + await low_stock_events(session, item, at, posting.unexpired_on_hand)


async def _announce(
    session: AsyncSession,
    item: InventoryItem,
    change_type: ChangeType,
    posting: Posting,
    at: datetime,
) -> None:
    events = await change_events(session, item, change_type, posting, at)
    await append_events(session, organization_id=item.organization_id, events=events)


def _note(note: str | None) -> str | None:
    return clean_text(note, ("note",), max_length=2000, min_length=0) or None if note else None


def _reference(reference: str | None) -> str | None:
    if not reference:
        return None
    return clean_text(reference, ("reference",), max_length=200, min_length=0) or None


# Lot codes are unique per organization. Built once: every receipt asks.
_LOT_CODE_TAKEN = select(InventoryLot.id).where(
    InventoryLot.organization_id == bindparam("organization_id"),
    InventoryLot.lot_code == bindparam("lot_code"),
)


async def _lot_code_taken(session: AsyncSession, item: InventoryItem, code: str) -> bool:
    taken = await session.scalar(
        _LOT_CODE_TAKEN, {"organization_id": item.organization_id, "lot_code": code}
    )
    return taken is not None


async def _lot_code(
    session: AsyncSession, item: InventoryItem, given: str | None, at: datetime
) -> str:
    if given is not None:
        code = clean_text(given, ("lot_code",), max_length=100)
        if await _lot_code_taken(session, item, code):
            raise UserInputError(
                ErrorCode.LOT_CODE_TAKEN,
                f"Lot code {code} is already used; give another.",
                ("lot_code",),
            )
        return code
    # Six hex digits give 16 million codes a day: an organization receiving thousands of
    # lots a day would soon draw one in use and fail on the unique constraint, so draw again.
    while True:
        code = f"LOT-{at:%Y%m%d}-{secrets.token_hex(3).upper()}"
        if not await _lot_code_taken(session, item, code):
            return code


async def _purchase_cost(
    session: AsyncSession,
    item: InventoryItem,
    quantity: QuantityInput,
    base_quantity: Decimal,
    unit_cost: Decimal | None,
    total_cost: Decimal | None,
) -> Decimal:
    if (unit_cost is None) == (total_cost is None):
        raise UserInputError(
            ErrorCode.COST_REQUIRED,
            "Give either unitCost or totalCost for the purchase.",
            ("unit_cost",),
        )
    if total_cost is not None:
        return check_money(total_cost, ("total_cost",))
    assert unit_cost is not None
    per_base = await cost_per_base_unit(
        session, item, unit_cost, quantity.unit, unit_field=("quantity", "unit")
    )
    return value_of(base_quantity, per_base)


async def receive_inventory(
    session: AsyncSession,
    principal: Principal | None,
    *,
    item_id: int,
    quantity: QuantityInput,
    unit_cost: Decimal | None = None,
    total_cost: Decimal | None = None,
    vendor: str | None = None,
    received_at: datetime | None = None,
    lot_code: str | None = None,
    expires_at: datetime | None = None,
    note: str | None = None,
    reference: str | None = None,
) -> StockChange:
    """A purchase becomes a lot. Unit cost is per the quantity's unit."""
    acting = require_permission(principal, "inventory.adjust")
    item = await ledger.lock_item(session, acting, item_id)
    if item.archived_at is not None:
        raise UserInputError(
            ErrorCode.ITEM_ARCHIVED,
            f'"{item.name}" is archived; it takes no new stock.',
            ("item_id",),
        )
    now = utcnow()
    base_quantity = await to_base(session, item, quantity)
    cost = await _purchase_cost(session, item, quantity, base_quantity, unit_cost, total_cost)
    received = received_at or now
    if received > now + timedelta(minutes=5):
        raise UserInputError(
            ErrorCode.IN_THE_FUTURE, "receivedAt cannot be in the future.", ("received_at",)
        )
    if expires_at is None and item.shelf_life_days is not None:
        expires_at = received + timedelta(days=item.shelf_life_days)
    if expires_at is not None and expires_at <= received:
        raise UserInputError(
            ErrorCode.EXPIRES_BEFORE_RECEIVED,
            "expiresAt must be after receivedAt.",
            ("expires_at",),
        )
    movement = ledger.new_lot(
        item,
        lot_code=await _lot_code(session, item, lot_code, received),
        source=ChangeType.PURCHASE,
        received_at=received,
        expires_at=expires_at,
        vendor=clean_text(vendor, ("vendor",), max_length=200, min_length=0) or None
        if vendor
        else item.default_vendor,
        quantity=base_quantity,
        total_cost=cost,
    )
    lot = movement.lot
    assert lot is not None, "new_lot makes a lot"
    posting = await ledger.post(
        session,
        acting,
        item,
        ChangeType.PURCHASE,
        [movement],
        operation_id=ledger.new_operation_id(),
        note=_note(note),
        reference=_reference(reference),
        at=now,
    )
    unexpired = posting.unexpired_on_hand
    lot_received = await item_event(
        session,
        item,
        "inventory.lot.received",
        at=now,
        unexpired=unexpired,
        lot=lot_payload(lot, item.base_unit),
    )
    events = [lot_received, *await low_stock_events(session, item, now, unexpired)]
    await append_events(session, organization_id=item.organization_id, events=events)
    return StockChange(item, posting, lot, recorded=base_quantity)


async def _lot_of_item(session: AsyncSession, item: InventoryItem, lot_id: int) -> InventoryLot:
    lot = await session.scalar(
        select(InventoryLot)
        .where(InventoryLot.id == lot_id, InventoryLot.item_id == item.id)
        .execution_options(populate_existing=True)
    )
    if lot is None:
        raise NotFound("lot of this item", ("lot_id",))
    return lot


async def _new_lot_cost(
    session: AsyncSession,
    item: InventoryItem,
    quantity: Decimal,
    unit_cost: Decimal | None,
    cost_unit: str,
    cost_unit_field: tuple[str, ...],
) -> Decimal:
    """Stock that appears without a purchase is valued at the given cost, else at the
    item's current average cost, else at its last purchase cost, else at zero."""
    if unit_cost is not None:
        per_base = await cost_per_base_unit(
            session, item, unit_cost, cost_unit, unit_field=cost_unit_field
        )
        return value_of(quantity, per_base)
    per_base_average = average_cost(item)
    if per_base_average is not None:
        return value_of(quantity, per_base_average)
    last = await session.scalar(
        select(InventoryLot)
        .where(InventoryLot.item_id == item.id, InventoryLot.quantity_received > 0)
        .order_by(InventoryLot.id.desc())
        .limit(1)
    )
    if last is not None:
        return value_of(quantity, Fraction(last.total_cost) / Fraction(last.quantity_received))
    return ZERO


async def _plan(
    session: AsyncSession,
    item: InventoryItem,
    change_type: ChangeType,
    quantity: QuantityInput | None,
    recorded: Decimal | None,
    unit_cost: Decimal | None,
    cost_unit: str | None,
    lot_id: int | None,
    now: datetime,
) -> list[Movement]:
    if change_type is ChangeType.COST_OVERRIDE:
        if unit_cost is None:
            raise UserInputError(
                ErrorCode.COST_REQUIRED, "COST_OVERRIDE needs the new unitCost.", ("unit_cost",)
            )
        per_base = await cost_per_base_unit(session, item, unit_cost, cost_unit or item.base_unit)
        lots = (
            [await _lot_of_item(session, item, lot_id)]
            if lot_id
            else await ledger.open_lots(session, item)
        )
        # Each lot's remainder is revalued, and its unit cost (and the ledger row's) is
        # the new cost, so the lot, its value and its row agree.
        new_unit_cost = value_of(Decimal(1), per_base)
        return [
            Movement(
                lot,
                ZERO,
                value_of(lot.remaining, per_base) - lot.remaining_value,
                unit_cost=new_unit_cost,
            )
            for lot in lots
            if lot.remaining > 0
        ]
    if quantity is None:
        raise UserInputError(
            ErrorCode.BLANK, f"{change_type.value} needs a quantity.", ("quantity",)
        )
    assert recorded is not None, "every quantity is recorded before planning"
    amount = recorded
    # unitCost is per costUnit, else per the quantity's unit: errors name the one used.
    cost_unit_field = ("cost_unit",) if cost_unit else ("quantity", "unit")
    cost_unit = cost_unit or quantity.unit
    if change_type in CONSUMPTION or change_type in DISPOSAL:
        disposal = change_type in DISPOSAL
        if lot_id is not None:
            if not disposal:
                raise UserInputError(
                    ErrorCode.LOT_NOT_ALLOWED,
                    "Consumption draws FIFO; a lot can be named only for disposals.",
                    ("lot_id",),
                )
            lots = [await _lot_of_item(session, item, lot_id)]
        else:
            lots = await ledger.open_lots(session, item)
        # Disposal takes what is physically there, expired or reserved; consumption
        # takes only usable stock that no order holds.
        return ledger.plan_draw(
            lots,
            amount,
            now=now,
            include_expired=disposal,
            reserved=ZERO if disposal else item.reserved,
            item=item,
        )
    if change_type is ChangeType.RECOUNT:
        difference = amount - item.on_hand
        if difference < 0:
            lots = await ledger.open_lots(session, item)
            return ledger.plan_draw(lots, -difference, now=now, include_expired=True, item=item)
        if difference == 0:  # the books were right: the count is recorded all the same
            return [ledger.count_confirmed()]
        amount = difference
    if change_type is ChangeType.RETURNED and lot_id is not None:
        lot = await _lot_of_item(session, item, lot_id)
        room = lot.quantity_received - lot.remaining
        if amount > room:
            raise UserInputError(
                ErrorCode.RETURN_EXCEEDS_LOT,
                f"Lot {lot.lot_code} can take back at most {shown(room)} {item.base_unit}.",
                ("quantity", "amount"),
            )
        value = value_of(amount, Fraction(lot.total_cost) / Fraction(lot.quantity_received))
        return [Movement(lot, amount, value)]
    # RESTOCK, RETURNED without a lot, and a RECOUNT that found more: a new lot.
    cost = await _new_lot_cost(session, item, amount, unit_cost, cost_unit, cost_unit_field)
    return [
        ledger.new_lot(
            item,
            lot_code=await _lot_code(session, item, None, now),
            source=change_type,
            received_at=now,
            expires_at=now + timedelta(days=item.shelf_life_days) if item.shelf_life_days else None,
            vendor=None,
            quantity=amount,
            total_cost=cost,
        )
    ]


def parse_change_type(value: str) -> ChangeType:
    try:
        change_type = ChangeType(value.upper())
    except ValueError:
        change_type = None
    if change_type is None or change_type not in USER_CHANGE_TYPES:
        names = ", ".join(sorted(t.value for t in USER_CHANGE_TYPES))
        raise UserInputError(
            ErrorCode.INVALID_CHANGE_TYPE, f"changeType must be one of {names}.", ("change_type",)
        )
    return change_type


async def adjust_inventory(
    session: AsyncSession,
    principal: Principal | None,
    *,
    item_id: int,
    change_type: str,
    quantity: QuantityInput | None = None,
    unit_cost: Decimal | None = None,
    cost_unit: str | None = None,
    lot_id: int | None = None,
    note: str | None = None,
    reference: str | None = None,
) -> StockChange:
    acting = require_permission(principal, "inventory.adjust")
    kind = parse_change_type(change_type)
    item = await ledger.lock_item(session, acting, item_id)
    now = utcnow()
    recorded = None
    if quantity is not None and kind is not ChangeType.COST_OVERRIDE:
        recorded = await to_base(session, item, quantity, allow_zero=kind is ChangeType.RECOUNT)
    movements = await _plan(
        session, item, kind, quantity, recorded, unit_cost, cost_unit, lot_id, now
    )
    posting = await ledger.post(
        session,
        acting,
        item,
        kind,
        movements,
        operation_id=ledger.new_operation_id(),
        note=_note(note),
        reference=_reference(reference),
        at=now,
    )
    await _announce(session, item, kind, posting, now)
    return StockChange(item, posting, recorded=recorded)


async def write_off_expired_lots(
    session: AsyncSession, principal: Principal | None, *, item_id: int | None = None
) -> list[StockChange]:
    """Dispose of every expired remainder (change type EXPIRED), one posting per item;
    every item's events appended together."""
    acting = require_permission(principal, "inventory.adjust")
    now = utcnow()
    statement = select(InventoryLot.item_id).where(
        InventoryLot.organization_id == acting.organization_id,
        InventoryLot.remaining > 0,
        InventoryLot.expires_at <= now,
    )
    if item_id is not None:
        statement = statement.where(InventoryLot.item_id == item_id)
    item_ids = sorted(set((await session.scalars(statement)).all()))
    items = await ledger.lock_items(session, acting.organization_id, item_ids)
    changes = []
    announced: list[NewEvent] = []
    for key in item_ids:
        item = items[key]
        expired = [
            lot for lot in await ledger.open_lots(session, item) if ledger.is_expired(lot, now)
        ]
        movements = [Movement(lot, -lot.remaining, -lot.remaining_value) for lot in expired]
        posting = await ledger.post(
            session,
            acting,
            item,
            ChangeType.EXPIRED,
            movements,
            operation_id=ledger.new_operation_id(),
            at=now,
        )
        for lot in expired:
            announced.append(
                await item_event(
                    session,
                    item,
                    "inventory.lot.expired",
                    at=now,
                    unexpired=posting.unexpired_on_hand,
                    lot=lot_payload(lot, item.base_unit),
                )
            )
        announced += await change_events(session, item, ChangeType.EXPIRED, posting, now)
        changes.append(StockChange(item, posting))
    await append_events(session, organization_id=acting.organization_id, events=announced)
    return changes
