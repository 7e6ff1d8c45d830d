"""Inventory tables. Items carry their running totals; lots carry what remains of each
purchase; the ledger is append-only and records every movement, one row per lot touched.
Only services/inventory/ledger.py writes lots and ledger rows."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, ExactDecimal, IdMixin, IdType, TimestampMixin, UTCDateTime, utcnow
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
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Running totals, kept by the ledger in the same transaction as each movement.
    on_hand: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    reserved: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    stock_value: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    # Set when on-hand crossed below the threshold (the event is sent once per crossing).
    low_stock_since: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)


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


class ReservationStatus(StrEnum):
    ACTIVE = "ACTIVE"
    RELEASED = "RELEASED"
    FULFILLED = "FULFILLED"
    EXPIRED = "EXPIRED"


# An order holds an item through at most one active reservation: the database refuses a
# second (services/inventory/reservations.py turns that into RESERVATION_EXISTS).
ACTIVE_ORDER_INDEX = "uq_inventory_reservations_active_order"
_IS_ACTIVE = text("status = 'ACTIVE'")


class Reservation(IdMixin, TimestampMixin, Base):
    """`quantity` is what was reserved, `fulfilled` what has been sold from it so far;
    the rest (`remaining`) is held while the reservation is ACTIVE."""

    __tablename__ = "inventory_reservations"
    __table_args__ = (
        Index("ix_inventory_reservations_item", "item_id", "status"),
        Index("ix_inventory_reservations_org", "organization_id", "id"),
        Index(
            "ix_inventory_reservations_org_reference", "organization_id", "order_reference", "id"
        ),
        Index(
            ACTIVE_ORDER_INDEX,
            "organization_id",
            "item_id",
            "order_reference",
            unique=True,
            postgresql_where=_IS_ACTIVE,
            sqlite_where=_IS_ACTIVE,
        ),
    )

    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    item_id: Mapped[int] = mapped_column(IdType, ForeignKey("inventory_items.id"))
    quantity: Mapped[Decimal] = mapped_column(Quantity)
    fulfilled: Mapped[Decimal] = mapped_column(Quantity, default=Decimal(0))
    order_reference: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20), default=ReservationStatus.ACTIVE.value)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)

    @property
    def remaining(self) -> Decimal:
        """Reserved and not fulfilled: held while ACTIVE, given back once released or
        expired, zero once fulfilled."""
        return self.quantity - self.fulfilled
