"""Units: the built-in catalog plus each organization's custom units, and conversion.

Every function takes the session first, then the acting principal, then keyword-only
inputs. Functions flush; the caller commits. Every query filters on the principal's
organization, so another organization's custom unit behaves exactly like a missing one.

Field paths in errors follow the API's inputs: a conversion takes a `quantity`
(`amount`, `unit`) and a `to_unit`; a custom unit is a `name` `defined_as` a quantity.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.permissions import Principal, require_permission
from services.units.catalog import (
    BUILTIN_UNITS,
    Conversion,
    Dimension,
    Unit,
    check_digits,
    convert,
    to_decimal,
    unit_key,
)
from services.units.models import FACTOR_PRECISION, FACTOR_SCALE, NAME_MAX_LENGTH, CustomUnit
from services.validation import clean_text

# `units` lists every unit at once (no pagination), so the number per organization is capped.
MAX_CUSTOM_UNITS = 200
# Densities (g/ml) are stored by inventory with DENSITY_SCALE fractional digits and are
# below 10^DENSITY_INTEGER_DIGITS (osmium, the densest element, is 22.6 g/ml).
DENSITY_SCALE = 9
DENSITY_INTEGER_DIGITS = 3

_DEFINED_AMOUNT = ("defined_as", "amount")
_DEFINED_UNIT = ("defined_as", "unit")


async def _find_custom(session: AsyncSession, organization_id: int, name: str) -> CustomUnit | None:
    if len(name) > NAME_MAX_LENGTH:
        return None
    return await session.scalar(
        select(CustomUnit).where(
            CustomUnit.organization_id == organization_id,
            CustomUnit.name_key == unit_key(name),
        )
    )


async def _resolve(
    session: AsyncSession, organization_id: int, name: str, field: Sequence[str]
) -> Unit:
    """A built-in unit or one of the organization's custom units, by name (any case)."""
    builtin = BUILTIN_UNITS.get(unit_key(name))
    if builtin is not None:
        return builtin
    custom = await _find_custom(session, organization_id, name)
    if custom is None:
        raise UserInputError(
            ErrorCode.UNKNOWN_UNIT,
            f'Unknown unit "{name[:NAME_MAX_LENGTH]}" in {".".join(field)}: use a built-in '
            "unit or one of your custom units (see the units query).",
            field,
        )
    return custom.as_unit()


async def unit_named(
    session: AsyncSession, organization_id: int, name: str, field: Sequence[str]
) -> Unit:
    """The unit a caller named, for another domain that stores the unit as chosen (a
    recipe line keeps "cup", not its conversion): UNKNOWN_UNIT on `field` if none."""
    return await _resolve(session, organization_id, name, field)


async def units_of(session: AsyncSession, organization_id: int) -> dict[str, Unit]:
    """Every unit the organization knows, by unit_key: for converting many stored
    quantities at once without a lookup per unit."""
    customs = await session.scalars(
        select(CustomUnit).where(CustomUnit.organization_id == organization_id)
    )
    return {**BUILTIN_UNITS, **{custom.name_key: custom.as_unit() for custom in customs}}


async def list_units(
    session: AsyncSession, principal: Principal | None, *, dimension: Dimension | None = None
) -> list[Unit | CustomUnit]:
    """Built-in units in catalog order, then the organization's custom units by name."""
    acting = require_permission(principal, "units.read")
    statement = select(CustomUnit).where(CustomUnit.organization_id == acting.organization_id)
    if dimension is not None:
        statement = statement.where(CustomUnit.dimension == dimension.value)
    customs = await session.scalars(statement.order_by(CustomUnit.name_key))
    builtins = [u for u in BUILTIN_UNITS.values() if dimension in (None, u.dimension)]
    return [*builtins, *customs]


async def get_custom_unit(
    session: AsyncSession, principal: Principal | None, *, custom_unit_id: int
) -> CustomUnit | None:
    acting = require_permission(principal, "units.read")
    return await session.scalar(
        select(CustomUnit).where(
            CustomUnit.id == custom_unit_id, CustomUnit.organization_id == acting.organization_id
        )
    )


def _check_amount(amount: Decimal) -> Decimal:
    check_digits(
        amount,
        _DEFINED_AMOUNT,
        integer_digits=FACTOR_PRECISION - FACTOR_SCALE,
        fraction_digits_max=FACTOR_SCALE,
    )
    if amount <= 0:
        raise UserInputError(
            ErrorCode.NOT_POSITIVE, "amount must be greater than 0.", _DEFINED_AMOUNT
        )
    return amount


def _factor(name: str, amount: Decimal, unit: Unit) -> Decimal:
    """The new unit's exact factor to the base unit, refused if it cannot be stored."""
    factor = to_decimal(Fraction(amount) * Fraction(unit.factor))
    assert factor is not None, "a product of decimals terminates"
    try:
        return check_digits(
            factor,
            _DEFINED_AMOUNT,
            integer_digits=FACTOR_PRECISION - FACTOR_SCALE,
            fraction_digits_max=FACTOR_SCALE,
        )
    except UserInputError as error:
        raise UserInputError(
            error.problems[0].code,
            f'"{name}" would be {factor} {unit.base_unit}, which does not fit: a unit is at '
            f"most 10^{FACTOR_PRECISION - FACTOR_SCALE} {unit.base_unit} with at most "
            f"{FACTOR_SCALE} fractional digits. Define it in a unit closer to its size.",
            _DEFINED_AMOUNT,
        ) from None


def _name_taken(name: str) -> UserInputError:
    return UserInputError(
        ErrorCode.NAME_TAKEN, f'A custom unit named "{name}" already exists.', ("name",)
    )


async def _check_name(session: AsyncSession, organization_id: int, name: str) -> str:
    name = clean_text(name, ("name",), max_length=NAME_MAX_LENGTH)
    if unit_key(name) in BUILTIN_UNITS:
        raise UserInputError(
            ErrorCode.SHADOWS_BUILT_IN,
            f'"{name}" is a built-in unit; choose another name for your unit.',
            ("name",),
        )
    if await _find_custom(session, organization_id, name) is not None:
        raise _name_taken(name)
    return name


async def create_custom_unit(
    session: AsyncSession,
    principal: Principal | None,
    *,
    name: str,
    amount: Decimal,
    unit: str,
) -> CustomUnit:
    """Define `name` as `amount` `unit`, e.g. "scoop" = 30 g or "pinch" = 0.5 scoop."""
    acting = require_permission(principal, "units.manage")
    name = await _check_name(session, acting.organization_id, name)
    amount = _check_amount(amount)
    defined_in = await _resolve(session, acting.organization_id, unit, _DEFINED_UNIT)
    factor = _factor(name, amount, defined_in)
    count = await session.scalar(
        select(func.count(CustomUnit.id)).where(
            CustomUnit.organization_id == acting.organization_id
        )
    )
    if (count or 0) >= MAX_CUSTOM_UNITS:
        raise UserInputError(
            ErrorCode.LIMIT_REACHED,
            f"An organization can define {MAX_CUSTOM_UNITS} custom units.",
            ("name",),
        )
    custom = CustomUnit(
        organization_id=acting.organization_id,
        name=name,
        name_key=unit_key(name),
        dimension=defined_in.dimension.value,
        factor=factor,
        defined_as_amount=amount,
        defined_as_unit=defined_in.name,
        created_by_user_id=acting.user_id,
        created_by_api_key_id=acting.api_key_id,
    )
    try:
        # A concurrent request may have taken the name since the check above; the unique
        # constraint decides, and the savepoint keeps the caller's transaction usable.
        async with session.begin_nested():
            session.add(custom)
    except IntegrityError:
        raise _name_taken(name) from None
    return custom


async def convert_quantity(
    session: AsyncSession,
    principal: Principal | None,
    *,
    amount: Decimal,
    from_unit: str,
    to_unit: str,
    density: Decimal | None = None,
    item_name: str | None = None,
) -> Conversion:
    """Convert between any two units the organization knows (see catalog.convert for the
    rounding rule). `density` (g/ml) and `item_name` are those of the item the quantity
    belongs to, when there is one."""
    acting = require_permission(principal, "units.read")
    return await convert_within(
        session,
        acting.organization_id,
        amount=amount,
        from_unit=from_unit,
        to_unit=to_unit,
        density=density,
        item_name=item_name,
    )


async def convert_within(
    session: AsyncSession,
    organization_id: int,
    *,
    amount: Decimal,
    from_unit: str,
    to_unit: str,
    density: Decimal | None = None,
    item_name: str | None = None,
    from_field: Sequence[str] = ("quantity", "unit"),
    to_field: Sequence[str] = ("to_unit",),
    places: int | None = None,
) -> Conversion:
    """The conversion itself, for another domain's operation that takes a quantity in any
    unit: that operation's own permission covers it (receiving stock needs
    inventory.adjust, not units.read as well). `from_field` and `to_field` are the inputs
    that named the units; units that cannot be converted are reported on `to_field`."""
    source = await _resolve(session, organization_id, from_unit, from_field)
    target = await _resolve(session, organization_id, to_unit, to_field)
    return convert(
        amount, source, target, density=density, item_name=item_name, field=to_field, places=places
    )


def clean_density(value: Decimal, field: Sequence[str] = ("density",)) -> Decimal:
    """Validate a density (g/ml) before it is stored on an item (for setItemDensity)."""
    check_digits(
        value,
        field,
        integer_digits=DENSITY_INTEGER_DIGITS,
        fraction_digits_max=DENSITY_SCALE,
    )
    if value <= 0:
        raise UserInputError(ErrorCode.NOT_POSITIVE, "density must be greater than 0.", field)
    return value
