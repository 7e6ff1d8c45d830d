"""Costs and insight, read from the ledger and the lots; nothing here writes.

Definitions (where the issue leaves a choice, the choice is written down here):

- Periods are half-open, `[start, end)`, in UTC, and place a ledger row by its
  `created_at` (when the movement was recorded). A purchase entered with an earlier
  `receivedAt` counts when it was entered; purchase history and vendor prices, which
  list lots, use the lot's `received_at`.
- Acquired ("purchased") stock is what was bought or made: PURCHASE, RESTOCK and
  FINISHED_BATCH rows (quantity > 0). Stock that comes back (RETURNED, REFUNDED) was
  paid for once already, and a RECOUNT that finds more corrects a count; neither is
  spending, so neither counts.
- Waste is SPOIL, TRASH and EXPIRED (`models.WASTE`). DAMAGED and QUALITY_FAIL are
  disposals, but not waste in these figures.
- Usage (for reorder suggestions) is what was drawn by consumption (USE, SALE, SAMPLE,
  TESTER, GIFT) and by batches (BATCH); spoilage and other disposals are not usage.
- Reorder suggestions go by usable stock (quantities.usable_of: unexpired on hand minus
  reserved, at least 0) at the report's `now`, as the low-stock checks do: expired stock
  cannot be sold, so it does not put off a reorder.
- Per-unit costs are per the item's base unit, computed exactly and rounded half-even
  to MONEY_SCALE places, as lot and ledger unit costs are. Sums are exact: SQL SUM over
  the exact columns (on SQLite these are scaled integers, so the sum stays exact).

All aggregation is done in SQL with GROUP BY, so a report reads one row per group, not
the history. Calendar months are bucketed in SQL too, with the dialect's own function
(strftime on SQLite, to_char on PostgreSQL, both over UTC); the expression is chosen
from the session's dialect, which keeps the rest of each query portable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from fractions import Fraction
from typing import Any

from sqlalchemy import ColumnElement, func, literal, literal_column, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.reach import (
    require_advanced_reports,
    require_history_reaches,
    within_history,
)
from services.db import UTCDateTime, utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.inventory.ledger import ZERO
from services.inventory.models import (
    CONSUMPTION,
    QUANTITY_SCALE,
    WASTE,
    ChangeType,
    InventoryItem,
    InventoryLot,
    LedgerEntry,
    unexpired_on_hand_at,
)
from services.inventory.quantities import average_cost_per_unit, money_per_unit, usable_of
from services.inventory.queries import currency_code
from services.pagination import Page, PageRequest, paginate
from services.permissions import Principal, require_permission

ACQUISITION = frozenset({ChangeType.PURCHASE, ChangeType.RESTOCK, ChangeType.FINISHED_BATCH})
USAGE = CONSUMPTION | {ChangeType.BATCH}
DEFAULT_LEAD_TIME_DAYS = 7
DEFAULT_LOOKBACK_DAYS = 30
MAX_LOOKBACK_DAYS = 365
# A spoilage report lists one row per item and month; three years keeps it bounded.
MAX_SPOILAGE_PERIOD = timedelta(days=3 * 366)
# Shares are fractions (0.2 = 20 %) to four places, i.e. to a hundredth of a percent.
SHARE_SCALE = 4
# Days of cover are rounded down: a report should never promise more time than there is.
DAYS_SCALE = 1


@dataclass(frozen=True)
class ItemRef:
    key: int
    name: str
    base_unit: str


@dataclass(frozen=True)
class EffectiveCost:
    item: ItemRef
    currency_code: str
    period_start: datetime
    period_end: datetime
    spent: Decimal
    purchased: Decimal
    wasted: Decimal
    waste_cost: Decimal
    used: Decimal
    effective_cost_per_unit: Decimal | None
    purchase_cost_per_unit: Decimal | None
    average_cost_per_unit: Decimal | None


@dataclass(frozen=True)
class SpoilageMonth:
    item: ItemRef
    month: str  # ISO 8601 year-month, UTC: "2026-11"
    spoiled: Decimal
    trashed: Decimal
    expired: Decimal
    purchased: Decimal
    cost: Decimal

    @property
    def wasted(self) -> Decimal:
        return self.spoiled + self.trashed + self.expired

    @property
    def share_of_purchased(self) -> Decimal | None:
        if self.purchased == 0:
            return None
        return _round(Fraction(self.wasted) / Fraction(self.purchased), SHARE_SCALE)


@dataclass(frozen=True)
class SpoilageReport:
    currency_code: str
    period_start: datetime
    period_end: datetime
    months: list[SpoilageMonth]

    @property
    def total_cost(self) -> Decimal:
        return sum((row.cost for row in self.months), ZERO)


@dataclass(frozen=True)
class PurchaseHistory:
    item: ItemRef
    currency_code: str
    page: Page[InventoryLot]


@dataclass(frozen=True)
class VendorPrices:
    vendor: str | None
    purchase_count: int
    first_purchased_at: datetime
    last_purchased_at: datetime
    first_unit_cost: Decimal
    last_unit_cost: Decimal
    min_unit_cost: Decimal
    max_unit_cost: Decimal


@dataclass(frozen=True)
class VendorPriceHistory:
    item: ItemRef
    currency_code: str
    vendors: list[VendorPrices]


@dataclass(frozen=True)
class ReorderSuggestion:
    item: ItemRef
    available: Decimal
    usable: Decimal
    low_stock_threshold: Decimal
    usage: Decimal
    lookback_days: int
    average_daily_usage: Decimal
    lead_time_days: int
    days_of_cover: Decimal | None
    suggested_quantity: Decimal


# --- helpers ----------------------------------------------------------------------------


def _round(value: Fraction, places: int, rounding: str = ROUND_HALF_EVEN) -> Decimal:
    """An exact ratio as a Decimal with `places` fractional digits."""
    with localcontext() as context:
        context.prec = 60
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=rounding)


def _ref(item: InventoryItem) -> ItemRef:
    return ItemRef(item.id, item.name, item.base_unit)


async def _item(session: AsyncSession, principal: Principal, item_id: int) -> InventoryItem | None:
    return await session.scalar(
        select(InventoryItem).where(
            InventoryItem.id == item_id, InventoryItem.organization_id == principal.organization_id
        )
    )


def _check_period(
    acting: Principal, start: datetime, end: datetime, limit: timedelta | None = None
) -> None:
    if start >= end:
        raise UserInputError(ErrorCode.INVALID_PERIOD, "from must be earlier than to.", ("from",))
    require_history_reaches(acting, start, ("from",))
    if limit is not None and end - start > limit:
        raise UserInputError(
            ErrorCode.PERIOD_TOO_LONG,
            f"The period may span at most {limit.days} days; ask for several shorter ones.",
            ("to",),
        )


def _in_period(start: datetime, end: datetime) -> ColumnElement[bool]:
    return (LedgerEntry.created_at >= start) & (LedgerEntry.created_at < end)


def _types(change_types: Iterable[ChangeType]) -> list[str]:
    return sorted(t.value for t in change_types)


# Literals, not bound parameters: PostgreSQL matches a GROUP BY expression to the selected
# one textually, and two bound parameters ($1, $4) would not match.
_YEAR_MONTH_PG: ColumnElement[str] = literal_column("'YYYY-MM'")
_YEAR_MONTH_SQLITE: ColumnElement[str] = literal_column("'%Y-%m'")


def _month(session: AsyncSession, column: Any) -> ColumnElement[str]:
    """'YYYY-MM' of a UTC timestamp column, in the session's SQL dialect."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone(literal_column("'UTC'"), column), _YEAR_MONTH_PG)
    # SQLite keeps UTCDateTime values as UTC text ("2026-11-24 10:00:00.000000").
    return func.strftime(_YEAR_MONTH_SQLITE, column)


# --- effective cost ---------------------------------------------------------------------


async def effective_cost_per_unit(
    session: AsyncSession,
    principal: Principal | None,
    *,
    item_id: int,
    period_start: datetime,
    period_end: datetime,
) -> EffectiveCost | None:
    """The true cost of what was used: what was spent on the item in the period divided by
    the quantity acquired minus the quantity wasted (spoiled, trashed, expired). Waste
    makes it higher than the price paid. None when the item is not the caller's."""
    acting = require_permission(principal, "inventory.read")
    _check_period(acting, period_start, period_end)
    item = await _item(session, acting, item_id)
    if item is None:
        return None
    rows = await session.execute(
        select(
            LedgerEntry.change_type,
            func.sum(LedgerEntry.quantity),
            func.sum(LedgerEntry.value),
        )
        .where(
            LedgerEntry.item_id == item.id,
            LedgerEntry.organization_id == acting.organization_id,
            LedgerEntry.change_type.in_(_types(ACQUISITION | WASTE)),
            _in_period(period_start, period_end),
        )
        .group_by(LedgerEntry.change_type)
    )
    spent = purchased = wasted = waste_cost = ZERO
    for change_type, quantity, value in rows:
        if change_type in ACQUISITION:
            spent += value
            purchased += quantity
        else:
            wasted -= quantity
            waste_cost -= value
    used = purchased - wasted
    return EffectiveCost(
        item=_ref(item),
        currency_code=await currency_code(session, acting.organization_id),
        period_start=period_start,
        period_end=period_end,
        spent=spent,
        purchased=purchased,
        wasted=wasted,
        waste_cost=waste_cost,
        used=used,
        effective_cost_per_unit=money_per_unit(spent, used),
        purchase_cost_per_unit=money_per_unit(spent, purchased),
        average_cost_per_unit=average_cost_per_unit(item),
    )


# --- spoilage ---------------------------------------------------------------------------


async def spoilage_report(
    session: AsyncSession,
    principal: Principal | None,
    *,
    period_start: datetime,
    period_end: datetime,
    item_id: int | None = None,
) -> SpoilageReport:
    """Per item and calendar month (UTC) with waste in the period: the quantity spoiled,
    trashed and expired, its share of the quantity acquired in that month, and its cost.
    Months cut by the period's ends count only their part inside it. An item ID of
    another organization finds nothing, like one that does not exist."""
    acting = require_permission(principal, "inventory.read")
    require_advanced_reports(acting)
    _check_period(acting, period_start, period_end, MAX_SPOILAGE_PERIOD)
    month = _month(session, LedgerEntry.created_at).label("month")
    statement = (
        select(
            LedgerEntry.item_id,
            month,
            LedgerEntry.change_type,
            func.sum(LedgerEntry.quantity),
            func.sum(LedgerEntry.value),
        )
        .where(
            LedgerEntry.organization_id == acting.organization_id,
            LedgerEntry.change_type.in_(_types(ACQUISITION | WASTE)),
            _in_period(period_start, period_end),
        )
        .group_by(LedgerEntry.item_id, month, LedgerEntry.change_type)
    )
    if item_id is not None:
        statement = statement.where(LedgerEntry.item_id == item_id)
    # (item, month) -> change type -> (quantity, value)
    sums: dict[tuple[int, str], dict[str, tuple[Decimal, Decimal]]] = defaultdict(dict)
    for key, bucket, change_type, quantity, value in await session.execute(statement):
        sums[(key, bucket)][change_type] = (quantity, value)
    wasteful = {group: by_type for group, by_type in sums.items() if WASTE & by_type.keys()}
    refs = await _refs(session, acting, {key for key, _ in wasteful})
    months = [
        _spoilage_month(refs[key], bucket, by_type)
        for (key, bucket), by_type in sorted(
            wasteful.items(), key=lambda entry: (refs[entry[0][0]].name.casefold(), entry[0])
        )
    ]
    return SpoilageReport(
        currency_code=await currency_code(session, acting.organization_id),
        period_start=period_start,
        period_end=period_end,
        months=months,
    )


def _spoilage_month(
    item: ItemRef, month: str, by_type: dict[str, tuple[Decimal, Decimal]]
) -> SpoilageMonth:
    def taken(change_type: ChangeType) -> Decimal:
        return -by_type.get(change_type.value, (ZERO, ZERO))[0]

    return SpoilageMonth(
        item=item,
        month=month,
        spoiled=taken(ChangeType.SPOIL),
        trashed=taken(ChangeType.TRASH),
        expired=taken(ChangeType.EXPIRED),
        purchased=sum(
            (quantity for kind, (quantity, _) in by_type.items() if kind in ACQUISITION), ZERO
        ),
        cost=-sum((value for kind, (_, value) in by_type.items() if kind in WASTE), ZERO),
    )


async def _refs(session: AsyncSession, principal: Principal, keys: set[int]) -> dict[int, ItemRef]:
    if not keys:
        return {}
    rows = await session.execute(
        select(InventoryItem.id, InventoryItem.name, InventoryItem.base_unit).where(
            InventoryItem.organization_id == principal.organization_id,
            InventoryItem.id.in_(sorted(keys)),
        )
    )
    return {key: ItemRef(key, name, unit) for key, name, unit in rows}


# --- purchases and vendor prices --------------------------------------------------------


async def purchase_history(
    session: AsyncSession, principal: Principal | None, *, item_id: int, page: PageRequest
) -> PurchaseHistory | None:
    """The item's purchase lots, in the order they were recorded (use `last` for the
    newest). None when the item is not the caller's."""
    acting = require_permission(principal, "inventory.read")
    item = await _item(session, acting, item_id)
    if item is None:
        return None
    statement = select(InventoryLot).where(
        InventoryLot.organization_id == acting.organization_id,
        InventoryLot.item_id == item.id,
        InventoryLot.source == ChangeType.PURCHASE.value,
        within_history(acting, InventoryLot.received_at),
    )
    return PurchaseHistory(
        item=_ref(item),
        currency_code=await currency_code(session, acting.organization_id),
        page=await paginate(session, statement, InventoryLot.id, page),
    )


async def vendor_price_history(
    session: AsyncSession, principal: Principal | None, *, item_id: int
) -> VendorPriceHistory | None:
    """Per vendor (null: none recorded), the first, last, lowest and highest unit cost
    per base unit of the item's purchases, first and last by received time."""
    acting = require_permission(principal, "inventory.read")
    require_advanced_reports(acting)
    item = await _item(session, acting, item_id)
    if item is None:
        return None
    # Window functions (SQLite >= 3.25 and PostgreSQL) keep this to two rows per vendor,
    # however many purchases there were.
    vendor = InventoryLot.vendor
    earliest = (InventoryLot.received_at, InventoryLot.id)
    latest = (InventoryLot.received_at.desc(), InventoryLot.id.desc())
    ranked = (
        select(
            vendor.label("vendor"),
            InventoryLot.unit_cost.label("unit_cost"),
            InventoryLot.received_at.label("received_at"),
            func.row_number().over(partition_by=vendor, order_by=earliest).label("nth_first"),
            func.row_number().over(partition_by=vendor, order_by=latest).label("nth_last"),
            func.min(InventoryLot.unit_cost).over(partition_by=vendor).label("low"),
            func.max(InventoryLot.unit_cost).over(partition_by=vendor).label("high"),
            func.count().over(partition_by=vendor).label("purchases"),
        )
        .where(
            InventoryLot.organization_id == acting.organization_id,
            InventoryLot.item_id == item.id,
            InventoryLot.source == ChangeType.PURCHASE.value,
            within_history(acting, InventoryLot.received_at),
        )
        .subquery()
    )
    rows = await session.execute(
        select(ranked).where((ranked.c.nth_first == 1) | (ranked.c.nth_last == 1))
    )
    found: dict[str | None, dict[str, Any]] = defaultdict(dict)
    for row in rows:
        entry = found[row.vendor]
        entry.update(low=row.low, high=row.high, purchases=row.purchases)
        if row.nth_first == 1:
            entry["first"] = (row.received_at, row.unit_cost)
        if row.nth_last == 1:
            entry["last"] = (row.received_at, row.unit_cost)
    vendors = [
        VendorPrices(
            vendor=name,
            purchase_count=entry["purchases"],
            first_purchased_at=entry["first"][0],
            last_purchased_at=entry["last"][0],
            first_unit_cost=entry["first"][1],
            last_unit_cost=entry["last"][1],
            min_unit_cost=entry["low"],
            max_unit_cost=entry["high"],
        )
        for name, entry in found.items()
    ]
    # Vendors by name, the purchases without a vendor last.
    vendors.sort(key=lambda v: (v.vendor is None, (v.vendor or "").casefold()))
    return VendorPriceHistory(
        item=_ref(item),
        currency_code=await currency_code(session, acting.organization_id),
        vendors=vendors,
    )


# --- reorder suggestions ----------------------------------------------------------------


async def reorder_suggestions(
    session: AsyncSession,
    principal: Principal | None,
    *,
    lookback_days: int = DEFAULT_LOOKBACK_DAYS,
    now: datetime | None = None,
) -> list[ReorderSuggestion]:
    """Active items with a low-stock threshold whose usable stock (unexpired on hand
    minus reserved) will be under the threshold by the end of their lead time at the usage
    rate of the last `lookback_days` days; items already under it are included. Most
    urgent first (least days of cover), then the items with no recent usage, by name."""
    acting = require_permission(principal, "inventory.read")
    if not 1 <= lookback_days <= MAX_LOOKBACK_DAYS:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"lookbackDays must be between 1 and {MAX_LOOKBACK_DAYS}.",
            ("lookback_days",),
        )
    end = now or utcnow()
    require_history_reaches(acting, end - timedelta(days=lookback_days), ("lookback_days",))
    watched = (
        select(InventoryItem)
        .where(
            InventoryItem.organization_id == acting.organization_id,
            InventoryItem.low_stock_threshold.is_not(None),
            InventoryItem.archived_at.is_(None),
        )
        .order_by(InventoryItem.id)
    )
    unexpired = unexpired_on_hand_at(InventoryItem.id, literal(end, UTCDateTime()))
    items = (await session.execute(watched.add_columns(unexpired))).all()
    if not items:
        return []
    usage_rows = await session.execute(
        select(LedgerEntry.item_id, func.sum(LedgerEntry.quantity))
        .where(
            LedgerEntry.organization_id == acting.organization_id,
            LedgerEntry.item_id.in_(watched.with_only_columns(InventoryItem.id).order_by(None)),
            LedgerEntry.change_type.in_(_types(USAGE)),
            LedgerEntry.quantity < 0,
            _in_period(end - timedelta(days=lookback_days), end),
        )
        .group_by(LedgerEntry.item_id)
    )
    usage = {key: -total for key, total in usage_rows}
    suggestions = [
        suggestion
        for item, unexpired_on_hand in items
        if (
            suggestion := _suggest(
                item, Decimal(unexpired_on_hand), usage.get(item.id, ZERO), lookback_days
            )
        )
        is not None
    ]
    suggestions.sort(
        key=lambda s: (
            s.days_of_cover is None,
            s.days_of_cover or ZERO,
            s.item.name.casefold(),
        )
    )
    return suggestions


def _suggest(
    item: InventoryItem, unexpired: Decimal, usage: Decimal, lookback_days: int
) -> ReorderSuggestion | None:
    threshold = item.low_stock_threshold
    assert threshold is not None
    lead_time = item.lead_time_days if item.lead_time_days is not None else DEFAULT_LEAD_TIME_DAYS
    usable = usable_of(unexpired, item.reserved)
    rate = Fraction(usage) / lookback_days  # per day, exact
    at_arrival = Fraction(usable) - rate * lead_time
    if at_arrival >= Fraction(threshold):
        return None
    # Order what the lead time will use, what brings stock back up to the threshold, and
    # one more look-back period's worth at the same rate, so the order lasts.
    needed = Fraction(threshold) - at_arrival + rate * lookback_days
    return ReorderSuggestion(
        item=_ref(item),
        available=item.on_hand - item.reserved,
        usable=usable,
        low_stock_threshold=threshold,
        usage=usage,
        lookback_days=lookback_days,
        average_daily_usage=_round(rate, QUANTITY_SCALE),
        lead_time_days=lead_time,
        days_of_cover=(_round(Fraction(usable) / rate, DAYS_SCALE, ROUND_FLOOR) if rate else None),
        suggested_quantity=_round(needed, item.quantity_precision, ROUND_CEILING),
    )
