"""Inventory types: items, lots, ledger entries and reservations, with their inputs and
payloads.

Each node type builds itself from its row (`from_row`) and resolves its relations through
the per-request loaders, so a list of items with their lots costs one query per level,
not one per item.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry

from resolvers import inventory_loaders as loaders
from resolvers.common import connection, page_request
from resolvers.context import Info
from resolvers.ids import to_global_id
from schema.errors import InventoryUserError
from schema.money import CurrencyCode, Money
from schema.relay import Connection, Node
from schema.row_fields import (
    Env,
    SqlObject,
    ValueField,
    column,
    enum_column,
    global_id,
    optional_global_id,
)
from schema.units import Quantity, QuantityInput
from services.db import utcnow
from services.inventory import models, queries
from services.inventory.quantities import (
    available,
    average_cost_per_unit,
    is_expired,
    is_low_stock,
    low_stock_condition,
    usable,
    usable_sql,
)


@strawberry.enum(description="What an inventory item is to the maker.")
class InventoryItemType(Enum):
    INGREDIENT = "INGREDIENT"
    CONTAINER = "CONTAINER"
    PACKAGING = "PACKAGING"
    CONSUMABLE = "CONSUMABLE"
    PRODUCT = "PRODUCT"
    INTERMEDIATE = "INTERMEDIATE"


@strawberry.enum(description="Which lots a consumption draws first.")
class CostingMethod(Enum):
    FIFO = strawberry.enum_value("FIFO", description="Oldest received first.")
    FEFO = strawberry.enum_value("FEFO", description="Earliest expiry first, then oldest received.")


@strawberry.enum(
    description=(
        "Why stock changed. Consumption (USE, SALE, SAMPLE, TESTER, GIFT) draws usable "
        "stock oldest first; disposal (SPOIL, TRASH, EXPIRED, DAMAGED, QUALITY_FAIL) may "
        "also take expired lots; RESTOCK and RETURNED add stock; RECOUNT sets the counted "
        "total; COST_OVERRIDE revalues remaining lots. PURCHASE, BATCH, FINISHED_BATCH, "
        "REFUNDED and RESERVED are written by the system."
    )
)
class InventoryChangeType(Enum):
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
    PURCHASE = "PURCHASE"
    BATCH = "BATCH"
    FINISHED_BATCH = "FINISHED_BATCH"
    REFUNDED = "REFUNDED"
    RESERVED = "RESERVED"


@strawberry.enum(description="Where a reservation stands. ACTIVE and SHORT ones are open.")
class ReservationStatus(Enum):
    ACTIVE = strawberry.enum_value("ACTIVE", description="Holds its remaining stock.")
    SHORT = strawberry.enum_value(
        "SHORT",
        description=(
            "Holds nothing: the stock it held was lost (disposed of, counted missing; see "
            "shortQuantity). It cannot be fulfilled; release it (or let it expire)."
        ),
    )
    RELEASED = strawberry.enum_value("RELEASED", description="Released: it holds nothing.")
    FULFILLED = strawberry.enum_value(
        "FULFILLED", description="All it held was sold (fulfilReservation)."
    )
    EXPIRED = strawberry.enum_value(
        "EXPIRED", description="Closed by its expiresAt: it holds nothing."
    )


def _money(amount: Decimal, currency: str) -> Money:
    return Money(amount=amount, currency_code=CurrencyCode(currency))


def _optional_money(amount: Decimal | None, currency: str) -> Money | None:
    return None if amount is None else _money(amount, currency)


def _quantity(amount: Decimal | None, unit: str) -> Quantity | None:
    return None if amount is None else Quantity(amount=amount, unit=unit)


@strawberry.type(
    description=(
        "Something the maker stocks. Quantities are in its base unit, exact to its "
        "quantityPrecision; money in the organization's currency, exact to 6 places."
    )
)
class InventoryItem(Node):
    name: str
    type: InventoryItemType
    base_unit: str
    quantity_precision: int = strawberry.field(
        description="Decimal places a quantity of this item may have (0 to 6)."
    )
    density: Decimal | None = strawberry.field(
        description="g/ml; lets weight and volume convert for this item."
    )
    low_stock_threshold: Quantity | None
    shelf_life_days: int | None
    perishable: bool
    default_vendor: str | None
    sku: str | None = strawberry.field(description="Unique in the organization when set.")
    barcode: str | None = strawberry.field(description="Unique in the organization when set.")
    container_capacity: Quantity | None
    costing_method: CostingMethod
    lead_time_days: int | None
    tracked: bool = strawberry.field(
        description="False for an item kept without lots (tap water): batches use it without "
        "moving stock, at its setUnitCost."
    )
    set_unit_cost: Money | None = strawberry.field(
        description="Per base unit: what an untracked item costs a batch."
    )
    sale_price: Money | None = strawberry.field(
        description="Per base unit: what it sells for; batches show their margin with it."
    )
    archived: bool
    archived_at: datetime | None
    created_at: datetime
    updated_at: datetime
    on_hand: Quantity = strawberry.field(description="What is physically there.")
    reserved: Quantity = strawberry.field(description="Held for orders (active reservations).")
    available: Quantity = strawberry.field(
        description=(
            "On hand minus reserved; never negative. Counts expired stock, which only "
            "disposal can take: see usable."
        )
    )
    stock_value: Money = strawberry.field(description="The value of the remaining lots.")
    average_cost_per_unit: Money | None = strawberry.field(
        description=(
            "stockValue / onHand per base unit (remaining lots at their own cost); null "
            "when nothing is on hand."
        )
    )
    low_stock_since: datetime | None = strawberry.field(
        description=(
            "When usable stock last crossed under the threshold (inventory.low_stock was "
            "sent then); null while it is at or above it. Set by the change that crossed "
            "it, or, when lots expiring crossed it, by the minutely job."
        )
    )
    key: strawberry.Private[int]

    @classmethod
    def from_row(cls, item: models.InventoryItem, currency: str) -> InventoryItem:
        env = Env(currency)
        return cls(key=item.id, **{name: f.value(item, env) for name, f in ITEM_FIELDS.items()})

    @strawberry.field(
        description=(
            "What can be sold or used now: unexpired on hand minus reserved, at least 0. "
            "Time alone lowers it, as lots expire."
        )
    )
    async def usable(self, info: Info) -> Quantity:
        value: Quantity = await _stock_field(info, self.key, "usable")
        return value

    @strawberry.field(description="Usable stock is under the threshold.")
    async def is_low_stock(self, info: Info) -> bool:
        value: bool = await _stock_field(info, self.key, "is_low_stock")
        return value

    @strawberry.field(
        description="The item's lots in the order received; open ones unless includeEmpty."
    )
    async def lots(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        include_empty: bool = False,
    ) -> InventoryLotConnection:
        request = page_request(first, after, last, before)
        currency = await loaders.currency_code(info)
        if after is None and last is None and before is None:
            key = (self.key, request.size(), include_empty)
            page = await loaders.first_lots_by_item(info).load(key)
        else:
            filters = queries.LotFilter(item_id=self.key, include_empty=include_empty)
            page = await loaders.lots(info, filters, request)
        return connection(page, lambda lot: InventoryLot.from_row(lot, self.base_unit, currency))

    @strawberry.field(description="The item's ledger, oldest first; `last: n` gives the latest.")
    async def history(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
        change_types: list[InventoryChangeType] | None = None,
    ) -> InventoryLedgerEntryConnection:
        filters = queries.HistoryFilter(
            item_id=self.key, change_types=[kind.value for kind in change_types or []]
        )
        page = await loaders.history(info, filters, page_request(first, after, last, before))
        currency = await loaders.currency_code(info)
        return connection(
            page, lambda entry: InventoryLedgerEntry.from_row(entry, self.base_unit, currency)
        )


async def _stock_field(info: Info, key: int, name: str) -> Any:
    """A field of ITEM_STOCK_FIELDS, read (batched) with the item's stock as it is when
    asked: an item row loaded whole does not carry its unexpired stock."""
    row = await loaders.item_columns_by_id(info, _STOCK_COLUMNS).load(key)
    assert row is not None, "an item node is one of the caller's items"
    return ITEM_STOCK_FIELDS[name].value(row, Env(await loaders.currency_code(info)))


async def item_node(info: Info, key: int) -> InventoryItem:
    """The node of an item a row of the caller's names, made once per request however many
    rows name it (a recipe list names the same items on many lines). The rows resolve side
    by side, so what is kept is the making itself, which they all await."""
    making: dict[int, asyncio.Future[InventoryItem]] = info.context.loaders.setdefault(
        "InventoryItemNodes", {}
    )
    if key not in making:
        making[key] = asyncio.ensure_future(_make_item_node(info, key))
    return await making[key]


async def _make_item_node(info: Info, key: int) -> InventoryItem:
    found = await loaders.item_by_id(info).load(key)
    assert found is not None, "a row's item is in the same organization"
    return InventoryItem.from_row(found, await loaders.currency_code(info))


@strawberry.type(
    description="An item a change needed more of than was available (INSUFFICIENT_STOCK)."
)
class Shortage:
    item_key: strawberry.Private[int]
    requested: Quantity
    available: Quantity

    @strawberry.field
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(description="What remains of one receipt of an item, at its own cost.")
class InventoryLot(Node):
    lot_code: str
    source: InventoryChangeType = strawberry.field(
        description="How the lot came in: PURCHASE, RESTOCK, RETURNED, RECOUNT..."
    )
    vendor: str | None
    received_at: datetime
    expires_at: datetime | None
    is_expired: bool
    quantity_received: Quantity
    remaining: Quantity
    unit_cost: Money = strawberry.field(description="Per base unit.")
    total_cost: Money
    remaining_value: Money
    item_key: strawberry.Private[int]

    @classmethod
    def from_row(cls, lot: models.InventoryLot, unit: str, currency: str) -> InventoryLot:
        env = Env(currency, unit)
        return cls(
            item_key=lot.item_id, **{name: f.value(lot, env) for name, f in LOT_FIELDS.items()}
        )

    @strawberry.field
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(
    description=(
        "One immutable ledger row: a signed movement of one lot (or a revaluation) and "
        "what the item held after it. One change writes one row per lot it touched; they "
        "share an operationId."
    )
)
class InventoryLedgerEntry(Node):
    operation_id: str
    change_type: InventoryChangeType
    quantity: Quantity = strawberry.field(description="Signed: negative when stock left.")
    unit_cost: Money = strawberry.field(description="Per base unit, of the lot touched.")
    value: Money = strawberry.field(description="Signed value of the movement.")
    on_hand_after: Quantity
    value_after: Money
    note: str | None
    reference: str | None = strawberry.field(description="An order or batch reference.")
    actor_user_id: strawberry.ID | None
    actor_api_key_id: strawberry.ID | None
    created_at: datetime
    item_key: strawberry.Private[int]
    lot_key: strawberry.Private[int | None]
    unit: strawberry.Private[str]
    currency: strawberry.Private[str]

    @classmethod
    def from_row(cls, entry: models.LedgerEntry, unit: str, currency: str) -> InventoryLedgerEntry:
        env = Env(currency, unit)
        values = {name: f.value(entry, env) for name, f in ENTRY_FIELDS.items()}
        return cls(
            item_key=entry.item_id, lot_key=entry.lot_id, unit=unit, currency=currency, **values
        )

    @strawberry.field
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)

    @strawberry.field(description="Null for a row that touched no lot.")
    async def lot(self, info: Info) -> InventoryLot | None:
        if self.lot_key is None:
            return None
        found = await loaders.lot_by_id(info).load(self.lot_key)
        return None if found is None else InventoryLot.from_row(found, self.unit, self.currency)


# How each plain field is computed from its row: see schema/row_fields.py. Keys are the
# Python attribute names.
def _amount_of_item(name: str) -> ValueField:
    return ValueField(
        (name, "base_unit"),
        lambda row, env: Quantity(amount=getattr(row, name), unit=row.base_unit),
        lambda row, env: SqlObject({"amount": getattr(row, name), "unit": row.base_unit}),
    )


def amount_field(name: str) -> ValueField:
    return ValueField(
        (name,),
        lambda row, env: Quantity(amount=getattr(row, name), unit=env.unit),
        lambda row, env: SqlObject({"amount": getattr(row, name), "unit": env.unit}),
    )


def optional_amount_field(name: str) -> ValueField:
    """A quantity in the row's unit (`env.unit`), or null."""
    return ValueField(
        (name,),
        lambda row, env: _quantity(getattr(row, name), env.unit),
        lambda row, env: SqlObject(
            {"amount": getattr(row, name), "unit": env.unit},
            present=getattr(row, name).is_not(None),
        ),
    )


def cost_field(name: str) -> ValueField:
    return ValueField(
        (name,),
        lambda row, env: _money(getattr(row, name), env.currency),
        lambda row, env: SqlObject({"amount": getattr(row, name), "currency_code": env.currency}),
    )


def optional_cost_field(name: str) -> ValueField:
    return ValueField(
        (name,),
        lambda row, env: _optional_money(getattr(row, name), env.currency),
        lambda row, env: SqlObject(
            {"amount": getattr(row, name), "currency_code": env.currency},
            present=getattr(row, name).is_not(None),
        ),
    )


ITEM_FIELDS: dict[str, ValueField] = {
    "id": global_id("InventoryItem"),
    "name": column("name"),
    "type": enum_column("type", InventoryItemType),
    "base_unit": column("base_unit"),
    "quantity_precision": column("quantity_precision"),
    "density": column("density"),
    "low_stock_threshold": ValueField(
        ("low_stock_threshold", "base_unit"),
        lambda row, env: _quantity(row.low_stock_threshold, row.base_unit),
        lambda row, env: SqlObject(
            {"amount": row.low_stock_threshold, "unit": row.base_unit},
            present=row.low_stock_threshold.is_not(None),
        ),
    ),
    "shelf_life_days": column("shelf_life_days"),
    "perishable": column("perishable"),
    "default_vendor": column("default_vendor"),
    "sku": column("sku"),
    "barcode": column("barcode"),
    "container_capacity": ValueField(
        ("container_capacity", "container_capacity_unit", "base_unit"),
        lambda row, env: _quantity(
            row.container_capacity, row.container_capacity_unit or row.base_unit
        ),
    ),
    "costing_method": enum_column("costing_method", CostingMethod),
    "lead_time_days": column("lead_time_days"),
    "tracked": column("tracked"),
    "set_unit_cost": optional_cost_field("set_unit_cost"),
    "sale_price": optional_cost_field("sale_price"),
    "archived": ValueField(
        ("archived_at",),
        lambda row, env: row.archived_at is not None,
        lambda row, env: row.archived_at.is_not(None),
    ),
    "archived_at": column("archived_at"),
    "created_at": column("created_at"),
    "updated_at": column("updated_at"),
    "on_hand": _amount_of_item("on_hand"),
    "reserved": _amount_of_item("reserved"),
    "available": ValueField(
        ("on_hand", "reserved", "base_unit"),
        lambda row, env: Quantity(amount=available(row), unit=row.base_unit),
        lambda row, env: SqlObject({"amount": available(row), "unit": row.base_unit}),
    ),
    "stock_value": cost_field("stock_value"),
    # Computed in Python only (rounding, the clock): a selection with these is answered
    # by the row plan.
    "average_cost_per_unit": ValueField(
        ("stock_value", "on_hand"),
        lambda row, env: _optional_money(average_cost_per_unit(row), env.currency),
    ),
    "low_stock_since": column("low_stock_since"),
}

# The fields that depend on the time as well as the row (lots expire): read with the
# unexpired stock at the database's clock (models.InventoryItem.unexpired_on_hand), which
# an item row loaded whole does not carry, so InventoryItem resolves them by loader.
ITEM_STOCK_FIELDS: dict[str, ValueField] = {
    "usable": ValueField(
        ("unexpired_on_hand", "reserved", "base_unit"),
        lambda row, env: Quantity(amount=usable(row), unit=row.base_unit),
        lambda row, env: SqlObject({"amount": usable_sql(row), "unit": row.base_unit}),
    ),
    "is_low_stock": ValueField(
        ("unexpired_on_hand", "reserved", "low_stock_threshold"),
        lambda row, env: is_low_stock(row),
        lambda row, env: low_stock_condition(row),
    ),
}
_STOCK_COLUMNS = tuple(
    sorted({"id", *(name for field in ITEM_STOCK_FIELDS.values() for name in field.columns)})
)

LOT_FIELDS: dict[str, ValueField] = {
    "id": global_id("InventoryLot"),
    "lot_code": column("lot_code"),
    "source": enum_column("source", InventoryChangeType),
    "vendor": column("vendor"),
    "received_at": column("received_at"),
    "expires_at": column("expires_at"),
    "is_expired": ValueField(("expires_at",), lambda row, env: is_expired(row, utcnow())),
    "quantity_received": amount_field("quantity_received"),
    "remaining": amount_field("remaining"),
    "unit_cost": cost_field("unit_cost"),
    "total_cost": cost_field("total_cost"),
    "remaining_value": cost_field("remaining_value"),
}

ENTRY_FIELDS: dict[str, ValueField] = {
    "id": global_id("InventoryLedgerEntry"),
    "operation_id": column("operation_id"),
    "change_type": enum_column("change_type", InventoryChangeType),
    "quantity": amount_field("quantity"),
    "unit_cost": cost_field("unit_cost"),
    "value": cost_field("value"),
    "on_hand_after": amount_field("on_hand_after"),
    "value_after": cost_field("value_after"),
    "note": column("note"),
    "reference": column("reference"),
    "actor_user_id": optional_global_id("User", "actor_user_id"),
    "actor_api_key_id": optional_global_id("ApiKey", "actor_api_key_id"),
    "created_at": column("created_at"),
}


@strawberry.type(description="Stock held for an order: lowers available, not on hand.")
class InventoryReservation(Node):
    quantity: Quantity = strawberry.field(description="What was reserved (requested).")
    fulfilled: Quantity = strawberry.field(
        description="Sold from it so far by fulfilReservation (whole or in part)."
    )
    short_quantity: Quantity = strawberry.field(
        description=(
            "Taken from it by losses of stock (disposals, recounts that found less) that "
            "left it more than the item's unexpired stock on hand: the newest reservations "
            "give up their stock first (inventory.reservation.shortened)."
        )
    )
    remaining: Quantity = strawberry.field(
        description="quantity - fulfilled - shortQuantity: held while ACTIVE, given back "
        "once RELEASED or EXPIRED, 0 once FULFILLED or SHORT."
    )
    order_reference: str = strawberry.field(
        description="The order it is held for; an order holds an item through at most one "
        "open (ACTIVE or SHORT) reservation."
    )
    status: ReservationStatus
    expires_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    item_key: strawberry.Private[int]

    @classmethod
    def from_row(cls, reservation: models.Reservation, unit: str) -> InventoryReservation:
        return cls(
            id=strawberry.ID(to_global_id("InventoryReservation", reservation.id)),
            item_key=reservation.item_id,
            quantity=Quantity(amount=reservation.quantity, unit=unit),
            fulfilled=Quantity(amount=reservation.fulfilled, unit=unit),
            short_quantity=Quantity(amount=reservation.short_quantity, unit=unit),
            remaining=Quantity(amount=reservation.remaining, unit=unit),
            order_reference=reservation.order_reference,
            status=ReservationStatus(reservation.status),
            expires_at=reservation.expires_at,
            closed_at=reservation.closed_at,
            created_at=reservation.created_at,
        )

    @strawberry.field
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


InventoryItemConnection = Connection[InventoryItem]
InventoryLotConnection = Connection[InventoryLot]
InventoryLedgerEntryConnection = Connection[InventoryLedgerEntry]
InventoryReservationConnection = Connection[InventoryReservation]


@strawberry.input(description="Which items to list; all conditions must hold.")
class InventoryItemFilter:
    type: InventoryItemType | None = None
    search: str | None = strawberry.field(default=None, description="Part of the name.")
    low_stock: bool | None = strawberry.field(
        default=None, description="True: only items under their threshold; false: only not."
    )
    sku: str | None = strawberry.field(
        default=None, description="The item with exactly this SKU (trimmed; case matters)."
    )
    skus: list[str] | None = strawberry.field(
        default=None,
        description="Items with any of these SKUs (at most 250; each trimmed, case matters).",
    )
    barcode: str | None = strawberry.field(
        default=None, description="The item with exactly this barcode (trimmed)."
    )
    include_archived: bool = False


_ITEM_FIELDS = {
    "type": "INGREDIENT, CONTAINER, PACKAGING, CONSUMABLE, PRODUCT or INTERMEDIATE.",
    "base_unit": "A built-in unit (g, ml, each, mm or a multiple); fixed once stock exists.",
    "sku": (
        "Stock keeping unit, as the shop platforms have it: trimmed, case matters, unique "
        "in the organization (SKU_TAKEN); empty or null: none."
    ),
    "barcode": (
        "GTIN, UPC, EAN or any code the maker scans: trimmed, unique in the organization "
        "(BARCODE_TAKEN); empty or null: none."
    ),
}


@strawberry.input
class CreateInventoryItemInput:
    name: str = strawberry.field(description="Unique in the organization, ignoring case.")
    type: InventoryItemType
    base_unit: str = strawberry.field(description=_ITEM_FIELDS["base_unit"])
    quantity_precision: int = strawberry.field(
        default=3, description="Decimal places of this item's quantities, 0 to 6."
    )
    density: Decimal | None = None
    low_stock_threshold: Decimal | None = strawberry.field(
        default=None, description="In the base unit."
    )
    shelf_life_days: int | None = strawberry.field(
        default=None, description="Sets a received lot's expiry when none is given."
    )
    perishable: bool = False
    default_vendor: str | None = None
    sku: str | None = strawberry.field(default=None, description=_ITEM_FIELDS["sku"])
    barcode: str | None = strawberry.field(default=None, description=_ITEM_FIELDS["barcode"])
    container_capacity: QuantityInput | None = strawberry.field(
        default=None, description="For containers: what one holds."
    )
    costing_method: CostingMethod = CostingMethod.FIFO
    lead_time_days: int | None = strawberry.field(
        default=None, description="Days from order to receipt, for reorder suggestions."
    )
    tracked: bool = strawberry.field(
        default=True, description="False: kept without lots, costed at setUnitCost."
    )
    set_unit_cost: Decimal | None = strawberry.field(
        default=None, description="Per base unit, for an untracked item."
    )
    sale_price: Decimal | None = strawberry.field(default=None, description="Per base unit.")


@strawberry.input(description="Only the fields given change; null clears an optional one.")
class UpdateInventoryItemInput:
    id: strawberry.ID
    name: str | None = strawberry.UNSET
    type: InventoryItemType | None = strawberry.UNSET
    base_unit: str | None = strawberry.UNSET
    quantity_precision: int | None = strawberry.UNSET
    density: Decimal | None = strawberry.UNSET
    low_stock_threshold: Decimal | None = strawberry.UNSET
    shelf_life_days: int | None = strawberry.UNSET
    perishable: bool | None = strawberry.UNSET
    default_vendor: str | None = strawberry.UNSET
    sku: str | None = strawberry.field(default=strawberry.UNSET, description=_ITEM_FIELDS["sku"])
    barcode: str | None = strawberry.field(
        default=strawberry.UNSET, description=_ITEM_FIELDS["barcode"]
    )
    container_capacity: QuantityInput | None = strawberry.UNSET
    costing_method: CostingMethod | None = strawberry.UNSET
    lead_time_days: int | None = strawberry.UNSET
    tracked: bool | None = strawberry.UNSET
    set_unit_cost: Decimal | None = strawberry.UNSET
    sale_price: Decimal | None = strawberry.UNSET


@strawberry.input
class ArchiveInventoryItemInput:
    id: strawberry.ID


@strawberry.type
class InventoryItemPayload:
    inventory_item: InventoryItem | None = None
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)


@strawberry.type
class SetItemDensityPayload:
    inventory_item: InventoryItem | None = None
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A purchase: it becomes a lot.")
class ReceiveInventoryInput:
    item_id: strawberry.ID
    quantity: QuantityInput = strawberry.field(description="In any unit convertible to the item's.")
    unit_cost: Decimal | None = strawberry.field(
        default=None, description="Per unit of `quantity`. Give this or totalCost."
    )
    total_cost: Decimal | None = strawberry.field(
        default=None, description="For the whole quantity. Give this or unitCost."
    )
    vendor: str | None = strawberry.field(default=None, description="Default: the item's.")
    received_at: datetime | None = strawberry.field(default=None, description="Default: now.")
    lot_code: str | None = strawberry.field(
        default=None, description="Unique in the organization; generated (LOT-...) if absent."
    )
    expires_at: datetime | None = strawberry.field(
        default=None, description="Default: receivedAt + the item's shelf life, if it has one."
    )
    note: str | None = None
    reference: str | None = strawberry.field(default=None, description="A purchase order...")


@strawberry.type
class ReceiveInventoryPayload:
    lot: InventoryLot | None = None
    inventory_item: InventoryItem | None = None
    ledger_entries: list[InventoryLedgerEntry] = strawberry.field(default_factory=list)
    entered_quantity: Quantity | None = strawberry.field(
        default=None, description="The quantity as given, in the unit given."
    )
    recorded_quantity: Quantity | None = strawberry.field(
        default=None,
        description=(
            "The given quantity as recorded, in the item's base unit: converted exactly "
            "from another unit, then rounded half-even to the item's quantityPrecision."
        ),
    )
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)


@strawberry.input
class AdjustInventoryInput:
    item_id: strawberry.ID
    change_type: InventoryChangeType = strawberry.field(
        description="A user change type; the system's ones are refused."
    )
    quantity: QuantityInput | None = strawberry.field(
        default=None,
        description=(
            "How much moves (always positive), or for RECOUNT the counted total; "
            "not used by COST_OVERRIDE."
        ),
    )
    unit_cost: Decimal | None = strawberry.field(
        default=None,
        description=(
            "COST_OVERRIDE: the new cost; RESTOCK, RETURNED: the cost of the stock added "
            "(default: the average cost). Per costUnit."
        ),
    )
    cost_unit: str | None = strawberry.field(
        default=None, description="The unit unitCost is per; default: the quantity's unit."
    )
    lot_id: strawberry.ID | None = strawberry.field(
        default=None,
        description="Disposal, RETURNED and COST_OVERRIDE may name one lot.",
    )
    note: str | None = None
    reference: str | None = None


@strawberry.type
class InventoryAdjustment:
    """The result of one change to one item."""

    inventory_item: InventoryItem
    change_type: InventoryChangeType
    operation_id: str
    quantity: Quantity = strawberry.field(description="Net signed quantity moved.")
    cost: Money = strawberry.field(
        description="The exact cost of what left (sum over the lots drawn), or the value added."
    )
    ledger_entries: list[InventoryLedgerEntry]
    shortened_reservations: list[InventoryReservation] = strawberry.field(
        description=(
            "Reservations this change shortened, newest first, as it left them: a loss "
            "that leaves the item less unexpired stock than its reservations hold takes "
            "the difference from the newest ones (SHORT when nothing is left held)."
        )
    )


@strawberry.type
class AdjustInventoryPayload:
    adjustment: InventoryAdjustment | None = None
    inventory_item: InventoryItem | None = None
    shortages: list[Shortage] = strawberry.field(
        default_factory=list, description="With INSUFFICIENT_STOCK: what was short, as data."
    )
    entered_quantity: Quantity | None = strawberry.field(
        default=None, description="The quantity as given, in the unit given."
    )
    recorded_quantity: Quantity | None = strawberry.field(
        default=None,
        description=(
            "The given quantity as recorded, in the item's base unit: converted exactly "
            "from another unit, then rounded half-even to the item's quantityPrecision."
        ),
    )
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)


@strawberry.input
class WriteOffExpiredLotsInput:
    item_id: strawberry.ID | None = strawberry.field(
        default=None, description="Only this item; default: every item."
    )


@strawberry.type
class WriteOffExpiredLotsPayload:
    adjustments: list[InventoryAdjustment] = strawberry.field(default_factory=list)
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)


@strawberry.input
class ReserveInventoryInput:
    item_id: strawberry.ID
    quantity: QuantityInput
    order_reference: str
    expires_at: datetime | None = strawberry.field(
        default=None, description="Released automatically after this time."
    )


@strawberry.input
class ReservationInput:
    id: strawberry.ID


@strawberry.input
class FulfilReservationInput:
    id: strawberry.ID
    quantity: QuantityInput | None = strawberry.field(
        default=None,
        description="Fulfil this much of it (at most what it holds), leaving the rest "
        "reserved; default: all it holds.",
    )


@strawberry.type
class ReservationPayload:
    reservation: InventoryReservation | None = None
    inventory_item: InventoryItem | None = None
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)


@strawberry.type
class FulfilReservationPayload:
    reservation: InventoryReservation | None = None
    adjustment: InventoryAdjustment | None = None
    user_errors: list[InventoryUserError] = strawberry.field(default_factory=list)
