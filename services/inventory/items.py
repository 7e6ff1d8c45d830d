"""Inventory items: create, update, archive, find and list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.bound import lift
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import FieldProblem, UserInputError
from services.events import append_events
from services.inventory import ledger
from services.inventory.models import (
    MAX_STORED,
    MAX_STORED_INTEGER_DIGITS,
    QUANTITY_SCALE,
    CostingMethod,
    InventoryItem,
    InventoryLot,
    ItemType,
)
from services.inventory.quantities import check_money, low_stock_condition
from services.inventory.queries import readable, row_by_key
from services.inventory.stock import low_stock_events
from services.inventory.stream import append_item_event, item_event
from services.naming import camel_case
from services.pagination import Columns, Page, PageRequest, paginate, selected_one
from services.permissions import Principal, require_permission
from services.units.catalog import BUILTIN_UNITS, fraction_digits, unit_key
from services.units.service import clean_density
from services.validation import clean_text, contains_pattern


@dataclass(frozen=True)
class ItemFields:
    """The settable fields of an item. On update, only the names in `provided` change."""

    name: str | None = None
    type: str | None = None
    base_unit: str | None = None
    quantity_precision: int | None = None
    density: Decimal | None = None
    low_stock_threshold: Decimal | None = None
    shelf_life_days: int | None = None
    perishable: bool | None = None
    default_vendor: str | None = None
    sku: str | None = None
    barcode: str | None = None
    container_capacity: Decimal | None = None
    container_capacity_unit: str | None = None
    costing_method: str | None = None
    lead_time_days: int | None = None
    tracked: bool | None = None
    set_unit_cost: Decimal | None = None
    sale_price: Decimal | None = None
    provided: frozenset[str] = field(default_factory=frozenset)


def _optional_text(value: str | None, name: str, max_length: int) -> str | None:
    if value is None:
        return None
    return clean_text(value, (name,), max_length=max_length, min_length=0) or None


def _non_negative_int(value: int | None, name: str, maximum: int) -> int | None:
    if value is not None and not 0 <= value <= maximum:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE, f"{name} must be between 0 and {maximum}.", (name,)
        )
    return value


def _quantity_setting(value: Decimal | None, name: str, precision: int) -> Decimal | None:
    if value is None:
        return None
    if value < 0:
        raise UserInputError(ErrorCode.NEGATIVE, f"{name} cannot be negative.", (name,))
    if value >= MAX_STORED:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"{name} must be less than 10^{MAX_STORED_INTEGER_DIGITS}.",
            (name,),
        )
    if fraction_digits(value) > precision:
        raise UserInputError(
            ErrorCode.QUANTITY_TOO_PRECISE,
            f"{name} may have at most {precision} decimal places for this item.",
            (name,),
        )
    return value


def _clean(values: ItemFields, current: InventoryItem | None) -> dict[str, Any]:
    """Validate the provided fields and return the column values to set."""
    given = values.provided if current is not None else {f.name for f in fields(values)}
    out: dict[str, Any] = {}
    if "name" in given:
        out["name"] = clean_text(values.name or "", ("name",), max_length=200)
        out["name_key"] = out["name"].casefold()
    if "type" in given:
        try:
            out["type"] = ItemType((values.type or "").upper()).value
        except ValueError:
            names = ", ".join(t.value for t in ItemType)
            raise UserInputError(
                ErrorCode.INVALID_TYPE, f"type must be one of {names}.", ("type",)
            ) from None
    if "base_unit" in given:
        unit = BUILTIN_UNITS.get(unit_key(values.base_unit or ""))
        if unit is None:
            raise UserInputError(
                ErrorCode.UNKNOWN_UNIT,
                "baseUnit must be a built-in unit such as g, ml, each or mm "
                "(custom units convert to these).",
                ("base_unit",),
            )
        out["base_unit"] = unit.name
    if "quantity_precision" in given and values.quantity_precision is not None:
        if not 0 <= values.quantity_precision <= QUANTITY_SCALE:
            raise UserInputError(
                ErrorCode.OUT_OF_RANGE,
                f"quantityPrecision must be between 0 and {QUANTITY_SCALE}.",
                ("quantity_precision",),
            )
        out["quantity_precision"] = values.quantity_precision
    precision = out.get("quantity_precision", current.quantity_precision if current else 3)
    if "density" in given:
        out["density"] = None if values.density is None else clean_density(values.density)
    for name in ("low_stock_threshold", "container_capacity"):
        if name in given:
            out[name] = _quantity_setting(getattr(values, name), name, precision)
    if "container_capacity_unit" in given:
        out["container_capacity_unit"] = _optional_text(
            values.container_capacity_unit, "container_capacity_unit", 40
        )
    for name, maximum in (("shelf_life_days", 36_500), ("lead_time_days", 3_650)):
        if name in given:
            out[name] = _non_negative_int(getattr(values, name), name, maximum)
    for flag in ("perishable", "tracked"):
        if flag in given and getattr(values, flag) is not None:
            out[flag] = getattr(values, flag)
    for name in ("set_unit_cost", "sale_price"):
        if name in given:
            value = getattr(values, name)
            out[name] = None if value is None else check_money(value, (name,))
    for name, length in (("default_vendor", 200), ("sku", 100), ("barcode", 100)):
        if name in given:
            out[name] = _optional_text(getattr(values, name), name, length)
    if "costing_method" in given and values.costing_method is not None:
        try:
            out["costing_method"] = CostingMethod(values.costing_method.upper()).value
        except ValueError:
            raise UserInputError(
                ErrorCode.INVALID_COSTING_METHOD,
                "costingMethod must be FIFO or FEFO.",
                ("costing_method",),
            ) from None
    return out


# What names at most one item of an organization: the column, and the refusal when
# another item holds the value ({item} is that item's name). A name is compared ignoring
# case (its column is the folded name); a SKU or barcode exactly, once trimmed (shop
# platforms treat SKUs as case-sensitive strings). Items without a SKU or barcode are
# not constrained. The unique indexes on the table hold the same rules under concurrency.
_UNIQUE_KEYS: dict[str, FieldProblem] = {
    "name_key": FieldProblem(
        ErrorCode.NAME_TAKEN, "The item '{item}' has this name (names ignore case).", ("name",)
    ),
    "sku": FieldProblem(
        ErrorCode.SKU_TAKEN, "The item '{item}' has this SKU; each item has its own.", ("sku",)
    ),
    "barcode": FieldProblem(
        ErrorCode.BARCODE_TAKEN,
        "The item '{item}' has this barcode; each item has its own.",
        ("barcode",),
    ),
}


async def _check_keys_free(
    session: AsyncSession, organization_id: int, columns: dict[str, Any], except_id: int | None
) -> None:
    """Refuse the unique keys among `columns` that another item of the organization holds,
    one problem per key taken."""
    wanted = {column: columns[column] for column in _UNIQUE_KEYS if columns.get(column) is not None}
    if not wanted:
        return
    statement = select(InventoryItem.name, *(getattr(InventoryItem, c) for c in wanted)).where(
        InventoryItem.organization_id == organization_id,
        or_(*(getattr(InventoryItem, column) == value for column, value in wanted.items())),
    )
    if except_id is not None:
        statement = statement.where(InventoryItem.id != except_id)
    holders = (await session.execute(statement)).all()
    problems: list[FieldProblem] = []
    for column, taken in _UNIQUE_KEYS.items():
        holder = next((row for row in holders if _holds(row, column, wanted)), None)
        if holder is not None:
            problems.append(replace(taken, message=taken.message.format(item=holder.name)))
    if problems:
        raise UserInputError.of(problems)


def _holds(row: Any, column: str, wanted: dict[str, Any]) -> bool:
    return column in wanted and getattr(row, column) == wanted[column]


async def _save(
    session: AsyncSession,
    organization_id: int,
    item: InventoryItem,
    columns: dict[str, Any],
    except_id: int | None,
) -> None:
    """Set `columns` on the item (new or not) and flush. Two writers may both pass the
    check for a key; the unique index lets one through, and the other, checked again now
    that the first has committed, gets the refusal it would have had coming second."""
    try:
        async with session.begin_nested():
            for name, value in columns.items():
                setattr(item, name, value)
            session.add(item)
    except IntegrityError:
        await _check_keys_free(session, organization_id, columns, except_id)
        raise


async def create_item(
    session: AsyncSession, principal: Principal | None, *, values: ItemFields
) -> InventoryItem:
    acting = require_permission(principal, "inventory.manage")
    if values.name is None or values.type is None or values.base_unit is None:
        missing = next(n for n in ("name", "type", "base_unit") if getattr(values, n) is None)
        raise UserInputError(ErrorCode.BLANK, f"{missing} is required.", (missing,))
    columns = _clean(values, None)
    await _check_keys_free(session, acting.organization_id, columns, None)
    item = InventoryItem(organization_id=acting.organization_id)
    await _save(session, acting.organization_id, item, columns, None)
    await append_item_event(session, item, "inventory.item.created")
    return item


async def get_item(
    session: AsyncSession, principal: Principal | None, *, item_id: int, columns: Columns = None
) -> Any:
    """The item (or a row of the named `columns`), or None if the organization has none."""
    return await selected_one(
        session, row_by_key(principal, InventoryItem, item_id, columns), columns
    )


async def update_item(
    session: AsyncSession, principal: Principal | None, *, item_id: int, values: ItemFields
) -> InventoryItem:
    acting = require_permission(principal, "inventory.manage")
    return await _update(session, acting, item_id, values, ("id",))


async def set_item_density(
    session: AsyncSession, principal: Principal | None, *, item_id: int, density: Decimal | None
) -> InventoryItem:
    """`setItemDensity`: a units concern (it makes weight and volume convertible for the
    item), so it needs units.manage rather than inventory.manage; null clears it."""
    acting = require_permission(principal, "units.manage")
    values = ItemFields(density=density, provided=frozenset({"density"}))
    return await _update(session, acting, item_id, values, ("item_id",))


async def _update(
    session: AsyncSession,
    acting: Principal,
    item_id: int,
    values: ItemFields,
    id_field: Sequence[str],
) -> InventoryItem:
    # Locked like any stock change: an update's event joins the item's stream, whose
    # sequence numbers are taken under this lock.
    item = await ledger.lock_item(session, acting, item_id, id_field)
    columns = _clean(values, item)
    if "base_unit" in columns and columns["base_unit"] != item.base_unit:
        has_lots = await session.scalar(
            select(InventoryLot.id).where(InventoryLot.item_id == item.id).limit(1)
        )
        if has_lots is not None:
            raise UserInputError(
                ErrorCode.BASE_UNIT_LOCKED,
                "The base unit cannot change once the item has stock history; create a new item.",
                ("base_unit",),
            )
    changed = {name: value for name, value in columns.items() if getattr(item, name) != value}
    if changed:
        await _check_keys_free(session, acting.organization_id, changed, item.id)
        now = utcnow()
        await _save(session, acting.organization_id, item, {**changed, "updated_at": now}, item.id)
        updated = await item_event(
            session,
            item,
            "inventory.item.updated",
            changedFields=sorted(camel_case(name) for name in changed if name != "name_key"),
        )
        events = [updated]
        if "low_stock_threshold" in changed:
            # A threshold moved over the stock crosses it as surely as a draw does.
            events += await low_stock_events(session, item, now)
        await append_events(session, organization_id=item.organization_id, events=events)
    return item


async def archive_item(
    session: AsyncSession, principal: Principal | None, *, item_id: int
) -> InventoryItem:
    """Archived items keep their stock and history but take no new receipts."""
    acting = require_permission(principal, "inventory.manage")
    item = await ledger.lock_item(session, acting, item_id, ("id",))
    if item.archived_at is None:
        item.archived_at = utcnow()
        item.updated_at = item.archived_at
        await session.flush()
        await append_item_event(session, item, "inventory.item.updated", changedFields=["archived"])
    return item


# Most SKUs one list may ask for at once: a page's worth (the largest page is 250).
MAX_SKUS = 250


@dataclass(frozen=True)
class ItemFilter:
    """Which items to list; all given conditions must hold. A SKU or barcode is matched
    as items store them: trimmed, exactly (case matters), so an empty one matches nothing."""

    type: str | None = None
    search: str | None = None
    low_stock: bool | None = None
    sku: str | None = None
    skus: Sequence[str] | None = None
    barcode: str | None = None
    include_archived: bool = False


def _any_of(skus: Sequence[str]) -> list[str]:
    if len(skus) > MAX_SKUS:
        raise UserInputError(
            ErrorCode.TOO_MANY, f"skus may list at most {MAX_SKUS} SKUs.", ("filter", "skus")
        )
    return [lift(sku, _stripped) for sku in skus]


def _stripped(text: str) -> str:
    return text.strip()


def _filtered(statement: Select[Any], filters: ItemFilter) -> Select[Any]:
    if filters.type is not None:
        statement = statement.where(InventoryItem.type == filters.type.upper())
    if filters.search:
        pattern = lift(filters.search, contains_pattern)
        statement = statement.where(InventoryItem.name_key.like(pattern, escape="\\"))
    if filters.sku is not None:
        statement = statement.where(InventoryItem.sku == lift(filters.sku, _stripped))
    if filters.skus is not None:
        statement = statement.where(InventoryItem.sku.in_(_any_of(filters.skus)))
    if filters.barcode is not None:
        statement = statement.where(InventoryItem.barcode == lift(filters.barcode, _stripped))
    if filters.low_stock is not None:
        low = low_stock_condition(InventoryItem)
        statement = statement.where(low if filters.low_stock else ~low)
    if not filters.include_archived:
        statement = statement.where(InventoryItem.archived_at.is_(None))
    return statement


async def list_items(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: ItemFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """Items (or rows of the named `columns`) in id order."""
    return await paginate(session, item_rows(principal, filters, columns), InventoryItem.id, page)


def item_rows(
    principal: Principal | None, filters: ItemFilter, columns: Columns = None
) -> Select[Any]:
    """The caller's items that pass `filters`, in no particular order."""
    return _filtered(readable(principal, InventoryItem, columns), filters)


def item_by_sku(principal: Principal | None, sku: str, columns: Columns = None) -> Select[Any]:
    """The caller's item with this SKU, archived or not (at most one: SKUs are unique in
    an organization)."""
    return item_rows(principal, ItemFilter(sku=sku, include_archived=True), columns)


async def get_item_by_sku(
    session: AsyncSession, principal: Principal | None, *, sku: str, columns: Columns = None
) -> Any:
    """The item (or a row of the named `columns`) with this SKU, or None if the
    organization has none: another organization's SKUs are not seen."""
    return await selected_one(session, item_by_sku(principal, sku, columns), columns)
