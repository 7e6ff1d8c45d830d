"""Inventory tables. Items carry their running totals; lots carry what remains of each
purchase; the ledger is append-only and records every movement, one row per lot touched.
Only services/inventory/ledger.py writes lots and ledger rows."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    ScalarSelect,
    String,
    Text,
    UniqueConstraint,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute, Mapped, column_property, mapped_column

from services.db import (
    Base,
    DatabaseNow,
    ExactDecimal,
    IdMixin,
    IdType,
    TimestampMixin,
    UTCDateTime,
    utcnow,
)
from services.units.service import DENSITY_SCALE

# Quantities are kept to 6 decimal places of the item's base unit; each item further
# chooses how fine its own quantities may be (quantity_precision, at most 6).
QUANTITY_SCALE = 6
# Money is kept to 6 decimal places of the currency unit (a millionth of a dollar), so
# per-gram costs of cheap ingredients stay meaningful.
MONEY_SCALE = 6

# Every stored quantity (of the base unit) and amount of money is less than 10^12 in
# absolute value, an item's totals included: SQLite keeps these columns as 64-bit counts
# of millionths (at most 9.2 * 10^18), so this is the range both databases hold, with
# room for the sums the reports and checks take over them.
MAX_STORED_INTEGER_DIGITS = 12
MAX_STORED = Decimal(10) ** MAX_STORED_INTEGER_DIGITS

Quantity = ExactDecimal(QUANTITY_SCALE)
Money = ExactDecimal(MONEY_SCALE)


class ItemType(StrEnum):
    INGREDIENT = "INGREDIENT"
    CONTAINER = "CONTAINER"
    PACKAGING = "PACKAGING"
    CONSUMABLE = "CONSUMABLE"
    PRODUCT = "PRODUCT"
    INTERMEDIATE = "INTERMEDIATE"


class CostingMethod(StrEnum):
    FIFO = "FIFO"  # oldest received first
    FEFO = "FEFO"  # earliest expiry first (then oldest received)


class ChangeType(StrEnum):
    RESTOCK = "RESTOCK"
    USE = "USE"
    SALE = "SALE"
    SAMPLE = "SAMPLE"
    TESTER = "TESTER"
    GIFT = "GIFT"
    SPOIL = "SPOIL"
    TRASH = "TRASH"
    EXPIRED = "EXPIRED"
    DAMAGED = "DAMAGED"
    QUALITY_FAIL = "QUALITY_FAIL"
    RETURNED = "RETURNED"
    RECOUNT = "RECOUNT"
    COST_OVERRIDE = "COST_OVERRIDE"
    # Written by the system only:
    PURCHASE = "PURCHASE"
    BATCH = "BATCH"
    FINISHED_BATCH = "FINISHED_BATCH"
    REFUNDED = "REFUNDED"
    RESERVED = "RESERVED"


CONSUMPTION = frozenset(
    {ChangeType.USE, ChangeType.SALE, ChangeType.SAMPLE, ChangeType.TESTER, ChangeType.GIFT}
)
DISPOSAL = frozenset(
    {
        ChangeType.SPOIL,
        ChangeType.TRASH,
        ChangeType.EXPIRED,
        ChangeType.DAMAGED,
        ChangeType.QUALITY_FAIL,
    }
)
# Changes that take physical stock whatever orders hold: when one lowers stock (a
# disposal, a recount that finds less) it is a loss, which shortens the reservations it
# leaves without stock (ledger.shorten_reservations). Consumption takes only stock no order
# holds, and a SALE of a reservation its own hold, so neither can.
LOSS = DISPOSAL | {ChangeType.RECOUNT}
# Waste that makes the true cost of what was used higher (see reports).
WASTE = frozenset({ChangeType.SPOIL, ChangeType.TRASH, ChangeType.EXPIRED})
USER_CHANGE_TYPES = (
    CONSUMPTION
    | DISPOSAL
    | {ChangeType.RESTOCK, ChangeType.RETURNED, ChangeType.RECOUNT, ChangeType.COST_OVERRIDE}
)


class InventoryItem(IdMixin, TimestampMixin, Base):
    __tablename__ = "inventory_items"
    __table_args__ = (
        UniqueConstraint("organization_id", "name_key"),
        Index("ix_inventory_items_org_id", "organization_id", "id"),
        # A SKU and a barcode each name at most one item of an organization (connectors
        # map shop products by them); items without one are not constrained. These
        # indexes also serve the lookups by SKU and barcode.
        Index(
            "uq_inventory_items_org_sku",
            "organization_id",
            "sku",
            unique=True,
            postgresql_where=text("sku IS NOT NULL"),
            sqlite_where=text("sku IS NOT NULL"),
        ),
        Index(
            "uq_inventory_items_org_barcode",
            "organization_id",
            "barcode",
            unique=True,
            postgresql_where=text("barcode IS NOT NULL"),
            sqlite_where=text("barcode IS NOT NULL"),
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(200))
    # Lower-cased name: names are unique per organization regardless of case.
    name_key: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))
    base_unit: Mapped[str] = mapped_column(String(40))
    quantity_precision: Mapped[int] = mapped_column(Integer, default=3)
    density: Mapped[Decimal | None] = mapped_column(ExactDecimal(DENSITY_SCALE), default=None)
    low_stock_threshold: Mapped[Decimal | None] = mapped_column(Quantity, default=None)
    shelf_life_days: Mapped[int | None] = mapped_column(Integer, default=None)
    perishable: Mapped[bool] = mapped_column(Boolean, default=False)
    default_vendor: Mapped[str | None] = mapped_column(String(200), default=None)
    # Stored trimmed and compared exactly (case matters, as on the shop platforms); an
    # empty value is stored as null.
    sku: Mapped[str | None] = mapped_column(String(100), default=None)
    barcode: Mapped[str | None] = mapped_column(String(100), default=None)
    container_capacity: Mapped[Decimal | None] = mapped_column(Quantity, default=None)
    container_capacity_unit: Mapped[str | None] = mapped_column(String(40), default=None)
    costing_method: Mapped[str] = mapped_column(String(10), default=CostingMethod.FIFO.value)
    lead_time_days: Mapped[int | None] = mapped_column(Integer, default=None)
    # An untracked item (tap water) has no lots: batches use it without moving stock and
    # cost it at `set_unit_cost` (per base unit).
    tracked: Mapped[bool] = mapped_column(Boolean, default=True)
    set_unit_cost: Mapped[Decimal | None] = mapped_column(Money, default=None)
    # What a base unit sells for (products): batches show their margin with it.
    sale_price: Mapped[Decimal | None] = mapped_column(Money, default=None)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Running totals, kept by the ledger in the same transaction as each movement.
    on_hand: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    reserved: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    stock_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    # Set when usable stock crossed below the threshold (the event is sent once per
    # crossing).
    low_stock_since: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    if TYPE_CHECKING:
        # Mapped below, once the lots are: see unexpired_on_hand_at.
        unexpired_on_hand: Mapped[Decimal]


class InventoryLot(IdMixin, TimestampMixin, Base):
    __tablename__ = "inventory_lots"
    __table_args__ = (
        UniqueConstraint("organization_id", "lot_code"),
        # Open lots only: consumption reads this, so its cost does not grow with history.
        Index(
            "ix_inventory_lots_open",
            "item_id",
            "received_at",
            "id",
            postgresql_where=text("remaining > 0"),
            sqlite_where=text("remaining > 0"),
        ),
        Index("ix_inventory_lots_item", "item_id", "id"),
        # The lots a batch made: the forward recall trace (services/batches/genealogy.py).
        Index("ix_inventory_lots_batch", "batch_id"),
        Index(
            "ix_inventory_lots_expiring",
            "organization_id",
            "expires_at",
            postgresql_where=text("remaining > 0"),
            sqlite_where=text("remaining > 0"),
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    lot_code: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(20))  # the change type that created it
    vendor: Mapped[str | None] = mapped_column(String(200), default=None)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    quantity_received: Mapped[Decimal] = mapped_column(Quantity)
    remaining: Mapped[Decimal] = mapped_column(Quantity)
    # The lot's whole cost, and what of it remains; draws take value proportionally and
    # the last draw takes exactly what is left, so a lot's draws always sum to its cost.
    total_cost: Mapped[Decimal] = mapped_column(Money)
    remaining_value: Mapped[Decimal] = mapped_column(Money)
    unit_cost: Mapped[Decimal] = mapped_column(Money)
    batch_id: Mapped[int | None] = mapped_column(IdType, default=None)


class LedgerEntry(IdMixin, Base):
    """Immutable: never updated, never deleted. Corrections are new rows."""

    __tablename__ = "inventory_ledger"
    __table_args__ = (
        Index("ix_inventory_ledger_item", "item_id", "id"),
        Index("ix_inventory_ledger_org", "organization_id", "id"),
        Index("ix_inventory_ledger_lot", "lot_id", "id"),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    lot_id: Mapped[int | None] = mapped_column(IdType, ForeignKey("inventory_lots.id"))
    # One change (one API call) may write several rows; they share the operation id.
    operation_id: Mapped[str] = mapped_column(String(40), index=True)
    change_type: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[Decimal] = mapped_column(Quantity)  # signed, base unit
    unit_cost: Mapped[Decimal] = mapped_column(Money)
    value: Mapped[Decimal] = mapped_column(Money)  # signed
    on_hand_after: Mapped[Decimal] = mapped_column(Quantity)
    value_after: Mapped[Decimal] = mapped_column(Money)
    actor_user_id: Mapped[int | None] = mapped_column(IdType, default=None)
    actor_api_key_id: Mapped[int | None] = mapped_column(IdType, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    reference: Mapped[str | None] = mapped_column(String(200), default=None)
    batch_id: Mapped[int | None] = mapped_column(IdType, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def is_unexpired(now: ColumnElement[datetime]) -> ColumnElement[bool]:
    """A lot has not expired at `now` (no expiry, or a later one), as SQL; the same rule as
    ledger.is_expired in Python."""
    return or_(InventoryLot.expires_at.is_(None), InventoryLot.expires_at > now)


def unexpired_on_hand_at(
    item_id: ColumnElement[int] | InstrumentedAttribute[int] | int, now: ColumnElement[datetime]
) -> ScalarSelect[Decimal]:
    """What of an item's stock has not expired at `now`: the sum over its open lots that
    have no expiry or expire after `now`, as SQL. Time alone changes it (a lot expires
    without any write), so it is never stored: `usable` is computed from it on read."""
    return (
        select(func.coalesce(func.sum(InventoryLot.remaining), 0))
        .where(
            InventoryLot.item_id == item_id,
            # A literal, as in ledger.LOT_IS_OPEN, so the open-lots index serves it.
            InventoryLot.remaining > literal_column("0"),
            is_unexpired(now),
        )
        .correlate_except(InventoryLot)
        .scalar_subquery()
    )


# Read only when named (a planned read's columns, a loader, a filter), at the database's
# clock; never loaded with the item, so a locked item carries no stale copy of it (and
# touching it on one raises rather than querying behind the caller's back).
InventoryItem.unexpired_on_hand = column_property(
    unexpired_on_hand_at(InventoryItem.id, DatabaseNow()).label("unexpired_on_hand"),
    deferred=True,
    raiseload=True,
)


class ReservationStatus(StrEnum):
    ACTIVE = "ACTIVE"
    # Stock it held was lost (disposed of, counted missing) and nothing of it is left
    # held: it cannot be fulfilled, only released (or expire).
    SHORT = "SHORT"
    RELEASED = "RELEASED"
    FULFILLED = "FULFILLED"
    EXPIRED = "EXPIRED"


# Open reservations are still the order's business: an ACTIVE one holds stock, a SHORT
# one holds nothing but waits to be released. The others are closed.
OPEN_STATUSES = (ReservationStatus.ACTIVE.value, ReservationStatus.SHORT.value)

# An order holds an item through at most one open reservation: the database refuses a
# second (services/inventory/reservations.py turns that into RESERVATION_EXISTS).
OPEN_ORDER_INDEX = "uq_inventory_reservations_open_order"
_IS_OPEN = text("status IN ('ACTIVE', 'SHORT')")


class Reservation(IdMixin, TimestampMixin, Base):
    """`quantity` is what was reserved, `fulfilled` what has been sold from it so far,
    `short_quantity` what stock lost under it took away (ledger.post); the rest
    (`remaining`) is held while the reservation is ACTIVE."""

    __tablename__ = "inventory_reservations"
    __table_args__ = (
        Index("ix_inventory_reservations_item", "item_id", "status"),
        Index("ix_inventory_reservations_org", "organization_id", "id"),
        Index(
            "ix_inventory_reservations_org_reference", "organization_id", "order_reference", "id"
        ),
        Index(
            OPEN_ORDER_INDEX,
            "organization_id",
            "item_id",
            "order_reference",
            unique=True,
            postgresql_where=_IS_OPEN,
            sqlite_where=_IS_OPEN,
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    fulfilled: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    short_quantity: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    order_reference: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default=ReservationStatus.ACTIVE.value)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @property
    def remaining(self) -> Decimal:
        """Reserved, neither fulfilled nor lost: held while ACTIVE, given back once
        released or expired, zero once fulfilled or SHORT."""
        return self.quantity - self.fulfilled - self.short_quantity
