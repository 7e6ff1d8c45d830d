"""Turning what a caller typed (an amount in some unit, a unit cost per some unit) into
the item's base unit, exactly or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

from sqlalchemy import case, literal, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from services.db import UTCDateTime
from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.inventory.ledger import ZERO, money, shown
from services.inventory.models import (
    MAX_STORED,
    MAX_STORED_INTEGER_DIGITS,
    MONEY_SCALE,
    InventoryItem,
    InventoryLot,
    Quantity,
    unexpired_on_hand_at,
)
from services.permissions import Principal, require_permission
from services.units import service as units
from services.units.catalog import Conversion, fraction_digits, unit_key


@dataclass(frozen=True)
class QuantityInput:
    amount: Decimal
    unit: str


async def to_base(
    session: AsyncSession,
    item: InventoryItem,
    quantity: QuantityInput,
    field: Sequence[str] = ("quantity",),
    *,
    allow_zero: bool = False,
) -> Decimal:
    """The quantity as recorded, in the item's base unit. Given in the item's own unit it
    must respect the item's precision (refused otherwise: the caller chose the digits).
    Given in another unit it is converted exactly, then rounded half-even to the item's
    precision (a pound of a gram item to 3 places is 453.592 g): every listed unit is
    usable, and the answer shows what was recorded."""
    if quantity.amount < 0 or (quantity.amount == 0 and not allow_zero):
        raise UserInputError(
            ErrorCode.NOT_POSITIVE,
            f"{field[-1]} must be greater than 0{' or 0' if allow_zero else ''}.",
            (*field, "amount"),
        )
    precision = item.quantity_precision
    own_unit = unit_key(quantity.unit) == unit_key(item.base_unit)
    conversion = await units.convert_within(
        session,
        item.organization_id,
        amount=quantity.amount,
        from_unit=quantity.unit,
        to_unit=item.base_unit,
        density=item.density,
        item_name=item.name,
        from_field=(*field, "unit"),
        to_field=(*field, "unit"),  # the item's unit is given; the caller chose this one
        places=None if own_unit else precision,
    )
    recorded = conversion.amount
    if recorded >= MAX_STORED:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"{shown(recorded)} {item.base_unit} is too much: a quantity must be "
            f"less than 10^{MAX_STORED_INTEGER_DIGITS} {item.base_unit}.",
            (*field, "amount"),
        )
    if own_unit and fraction_digits(recorded) > precision:
        raise UserInputError(
            ErrorCode.QUANTITY_TOO_PRECISE,
            f'{shown(quantity.amount)} {item.base_unit} is finer than "{item.name}" keeps '
            f"({precision} decimal places of {item.base_unit}). Enter a rounder amount.",
            (*field, "amount"),
        )
    if recorded == 0 and quantity.amount != 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE,
            f'{shown(quantity.amount)} {quantity.unit} is less than "{item.name}" records '
            f"({precision} decimal places of {item.base_unit}): it rounds to 0. Enter more.",
            (*field, "amount"),
        )
    return recorded


def check_money(value: Decimal, field: Sequence[str]) -> Decimal:
    if value < 0:
        raise UserInputError(ErrorCode.NEGATIVE, f"{field[-1]} cannot be negative.", field)
    if fraction_digits(value) > MONEY_SCALE:
        raise UserInputError(
            ErrorCode.TOO_PRECISE,
            f"{field[-1]} may have at most {MONEY_SCALE} decimal places.",
            field,
        )
    if value >= MAX_STORED:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"{field[-1]} must be less than 10^{MAX_STORED_INTEGER_DIGITS}.",
            field,
        )
    return value


async def cost_per_base_unit(
    session: AsyncSession,
    item: InventoryItem,
    unit_cost: Decimal,
    cost_unit: str,
    field: Sequence[str] = ("unit_cost",),
    *,
    unit_field: Sequence[str] = ("cost_unit",),
) -> Fraction:
    """A cost per `cost_unit` (named by the input `unit_field`) as an exact cost per base
    unit."""
    check_money(unit_cost, field)
    one = await units.convert_within(
        session,
        item.organization_id,
        amount=Decimal(1),
        from_unit=cost_unit,
        to_unit=item.base_unit,
        density=item.density,
        item_name=item.name,
        from_field=unit_field,
        to_field=unit_field,
    )
    return Fraction(unit_cost) / Fraction(one.amount)


def value_of(quantity: Decimal, per_base_unit: Fraction) -> Decimal:
    """The money value of a quantity at a cost, rounded half-even to MONEY_SCALE."""
    exact = Fraction(quantity) * per_base_unit
    with localcontext() as context:
        context.prec = 60
        return money(Decimal(exact.numerator) / Decimal(exact.denominator))


def average_cost(item: InventoryItem) -> Fraction | None:
    if item.on_hand <= 0:
        return None
    return Fraction(item.stock_value) / Fraction(item.on_hand)


def money_per_unit(amount: Decimal, quantity: Decimal) -> Decimal | None:
    """A cost per unit as money, rounded half-even to MONEY_SCALE; None for no quantity."""
    if quantity <= 0:
        return None
    return value_of(Decimal(1), Fraction(amount) / Fraction(quantity))


def average_cost_per_unit(item: InventoryItem) -> Decimal | None:
    """The value of the remaining lots per base unit on hand."""
    return money_per_unit(item.stock_value, item.on_hand)


def available(item: Any) -> Any:
    """On hand minus what active reservations hold: of an item, or as SQL of the item's
    columns (InventoryItem itself, or a row of a planned read's statement). Never
    negative: a loss that leaves less on hand shortens reservations (ledger.post)."""
    return item.on_hand - item.reserved


# `usable` is what can really be sold or used now: unexpired stock that no order holds.
# `available` counts expired stock, which consumption and reservations cannot take.
# Reservations may hold stock that has expired since (time passes under them), so the
# difference is floored at 0. Low-stock checks and reorder suggestions go by usable.


def usable_of(unexpired_on_hand: Decimal, reserved: Decimal) -> Decimal:
    """The rule: max(0, unexpired on hand - reserved)."""
    return max(unexpired_on_hand - reserved, ZERO)


def usable(item: Any) -> Decimal:
    """`usable_of` a row with `unexpired_on_hand` (a planned read's, a loader's) and
    `reserved`."""
    return usable_of(Decimal(item.unexpired_on_hand), Decimal(item.reserved))


def usable_sql(item: Any, unexpired: Any = None) -> ColumnElement[Decimal]:
    """`usable_of` as SQL of the item's columns (InventoryItem itself, or a row of a
    planned read's statement), its unexpired stock by default at the database's clock."""
    if unexpired is None:
        unexpired = item.unexpired_on_hand
    difference = unexpired - item.reserved
    return case((difference > 0, difference), else_=literal(ZERO, type_=Quantity))


async def unexpired_at(session: AsyncSession, item: InventoryItem, now: datetime) -> Decimal:
    """The unexpired stock of an item being written, at `now` (a posting reads it with
    its totals check instead: ledger.Posting.unexpired_on_hand)."""
    found = await session.scalar(select(unexpired_on_hand_at(item.id, literal(now, UTCDateTime()))))
    return Decimal(found or ZERO)


def is_low_stock(item: Any) -> bool:
    threshold = item.low_stock_threshold
    return threshold is not None and usable(item) < threshold


def low_stock_condition(item: Any) -> ColumnElement[bool]:
    """is_low_stock as SQL of the item's columns (InventoryItem itself, or a row of a
    planned read's statement)."""
    threshold = item.low_stock_threshold
    condition: ColumnElement[bool] = threshold.is_not(None) & (usable_sql(item) < threshold)
    return condition


def is_expired(lot: InventoryLot, now: datetime) -> bool:
    return lot.expires_at is not None and lot.expires_at <= now


async def convert_quantity(
    session: AsyncSession,
    principal: Principal | None,
    *,
    amount: Decimal,
    from_unit: str,
    to_unit: str,
    item_id: int | None = None,
) -> Conversion:
    """`convertQuantity`: between any two units, through the item's density when an item
    of the caller's organization is named."""
    density = item_name = None
    if item_id is not None:
        acting = require_permission(principal, "inventory.read")
        item = await session.scalar(
            select(InventoryItem).where(
                InventoryItem.id == item_id,
                InventoryItem.organization_id == acting.organization_id,
            )
        )
        if item is None:
            raise NotFound("inventory item", ("item_id",))
        density, item_name = item.density, item.name
    return await units.convert_quantity(
        session,
        principal,
        amount=amount,
        from_unit=from_unit,
        to_unit=to_unit,
        density=density,
        item_name=item_name,
    )
