"""Built-in units and the pure, exact conversion between units.

Nothing here touches the database: `convert` takes resolved units (built-in or custom)
and, for weight <-> volume, an item's density. Inventory and recipes call it directly
once they have resolved their units; the units service calls it for `convertQuantity`.

Exactness: every factor is an exact decimal, and the arithmetic is done on exact
rationals (`fractions.Fraction` built from those decimals, never floats). Only at the end
do we know whether the result is a terminating decimal; if it is, it is returned exactly
(however many digits it has); if not, it is rounded once, half-even, to CONVERSION_SCALE
fractional digits and reported as inexact. Decimal division at a finite precision would
round before we know whether the quotient terminates, and rounding twice can be wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from services.error_codes import ErrorCode
from services.errors import UserInputError

# Fractional digits of a conversion result that is not a terminating decimal.
CONVERSION_SCALE = 9
# Bounds on an amount to convert: they keep the exact arithmetic small and fast (an
# amount such as 1E-999999999 would otherwise build a gigantic rational).
MAX_AMOUNT_INTEGER_DIGITS = 18
MAX_AMOUNT_FRACTION_DIGITS = 18


class Dimension(StrEnum):
    """What a unit measures. Units convert within a dimension; weight and volume also
    convert into each other through an item's density (g/ml)."""

    WEIGHT = "weight"
    VOLUME = "volume"
    COUNT = "count"
    LENGTH = "length"


BASE_UNITS: dict[Dimension, str] = {
    Dimension.WEIGHT: "g",
    Dimension.VOLUME: "ml",
    Dimension.COUNT: "each",
    Dimension.LENGTH: "mm",
}


@dataclass(frozen=True)
class Unit:
    """A unit resolved for conversion: `factor` base units make one of this unit."""

    name: str
    dimension: Dimension
    factor: Decimal

    @property
    def base_unit(self) -> str:
        return BASE_UNITS[self.dimension]


def _units(dimension: Dimension, *pairs: tuple[str, str]) -> list[Unit]:
    return [Unit(name, dimension, Decimal(factor)) for name, factor in pairs]


# Factors are exact by definition (the international pound and yard of 1959; US
# customary liquid measures from the US gallon of 231 cubic inches).
BUILTIN_UNITS: dict[str, Unit] = {
    unit.name: unit
    for unit in [
        *_units(
            Dimension.WEIGHT,
            ("mg", "0.001"),
            ("g", "1"),
            ("kg", "1000"),
            ("oz", "28.349523125"),
            ("lb", "453.59237"),
        ),
        *_units(
            Dimension.VOLUME,
            ("ml", "1"),
            ("l", "1000"),
            ("tsp", "4.92892159375"),
            ("tbsp", "14.78676478125"),
            ("fl_oz", "29.5735295625"),
            ("cup", "236.5882365"),
            ("pt", "473.176473"),
            ("qt", "946.352946"),
            ("gal", "3785.411784"),
        ),
        *_units(Dimension.COUNT, ("each", "1"), ("dozen", "12")),
        *_units(Dimension.LENGTH, ("mm", "1"), ("cm", "10"), ("m", "1000"), ("in", "25.4")),
    ]
}


def unit_key(name: str) -> str:
    """How unit names are compared: surrounding space and letter case do not count."""
    return name.strip().casefold()


@dataclass(frozen=True)
class Conversion:
    amount: Decimal
    unit: str
    # False when the true result does not terminate and `amount` is rounded half-even
    # to CONVERSION_SCALE fractional digits.
    exact: bool


def fraction_digits(value: Decimal) -> int:
    """Fractional digits that carry information: 1.500 has 1, 30 has 0 (exact, unlike
    Decimal.normalize, which rounds to the context precision)."""
    if value.is_zero():
        return 0
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int), "finite decimals only"
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -(exponent + trailing_zeros))


def strip_zeros(value: Decimal) -> Decimal:
    """30.00000 -> 30 and 0.0500 -> 0.05, exactly; for display of stored values."""
    if value.is_zero():
        return Decimal(0)
    return value.quantize(Decimal(1).scaleb(-fraction_digits(value)))


def check_digits(
    value: Decimal, field: Sequence[str], *, integer_digits: int, fraction_digits_max: int
) -> Decimal:
    """Refuse (never round) a number with too many digits on either side of the point."""
    if not value.is_finite():
        raise UserInputError(ErrorCode.INVALID, f"{field[-1]} must be a finite number.", field)
    # copy_abs is exact; abs() would round to the context precision first.
    if value.copy_abs() >= Decimal(10) ** integer_digits:
        raise UserInputError(
            ErrorCode.OUT_OF_RANGE,
            f"{field[-1]} must be less than 10^{integer_digits} in absolute value.",
            field,
        )
    if fraction_digits(value) > fraction_digits_max:
        raise UserInputError(
            ErrorCode.TOO_PRECISE,
            f"{field[-1]} may have at most {fraction_digits_max} fractional digits.",
            field,
        )
    return value


def to_decimal(value: Fraction) -> Decimal | None:
    """The exact decimal equal to `value`, or None if its expansion does not terminate."""
    denominator = value.denominator
    twos = (denominator & -denominator).bit_length() - 1
    rest = denominator >> twos
    fives = 0
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return None
    places = max(twos, fives)
    # The string constructor is exact at any length; arithmetic would round to 28 digits.
    return Decimal(f"{value.numerator * (10**places // denominator)}E-{places}")


def round_half_even(value: Fraction, places: int = CONVERSION_SCALE) -> Decimal:
    rounded = round(value, places)  # Fraction rounds half to even, exactly
    return Decimal(f"{rounded.numerator * (10**places // rounded.denominator)}E-{places}")


def _describe(unit: Unit) -> str:
    return f"{unit.name} ({unit.dimension.value})"


def _density_ratio(
    source: Unit,
    target: Unit,
    density: Decimal | None,
    item_name: str | None,
    field: Sequence[str],
) -> Fraction:
    """Base units of `target` per base unit of `source`, across dimensions."""
    dimensions = {source.dimension, target.dimension}
    prefix = f"Cannot convert {_describe(source)} to {_describe(target)}"
    if dimensions != {Dimension.WEIGHT, Dimension.VOLUME}:
        raise UserInputError(
            ErrorCode.UNIT_CONVERSION_FAILED,
            f"{prefix}: {source.dimension.value} and {target.dimension.value} units "
            "cannot be converted into each other.",
            field,
        )
    if density is None:
        remedy = (
            f'set a density on "{item_name}" to convert {source.name} to {target.name}.'
            if item_name is not None
            else "converting between weight and volume needs a density; "
            "pass itemId of an item with a density."
        )
        raise UserInputError(ErrorCode.UNIT_CONVERSION_FAILED, f"{prefix}: {remedy}", field)
    if density <= 0:
        raise ValueError(f"a density must be positive, not {density}")
    grams_per_ml = Fraction(density)
    # volume -> weight multiplies by g/ml; weight -> volume divides by it.
    return grams_per_ml if source.dimension is Dimension.VOLUME else 1 / grams_per_ml


def convert(
    amount: Decimal,
    source: Unit,
    target: Unit,
    *,
    density: Decimal | None = None,
    item_name: str | None = None,
    field: Sequence[str] = ("to_unit",),
    places: int | None = None,
) -> Conversion:
    """Convert `amount` of `source` into `target` through the base units, exactly, or
    rounded half-even to `places` fractional digits (CONVERSION_SCALE when None) where
    the exact result has more.

    `density` (g/ml) and `item_name` come from the inventory item whose quantity this is;
    they are needed only between weight and volume, and name the item in the message
    when the density is missing. Raises UserInputError UNIT_CONVERSION_FAILED (naming
    `field`, the input that chose the units) when the units cannot be converted, and
    OUT_OF_RANGE / TOO_PRECISE for an unbounded amount.
    """
    check_digits(
        amount,
        ("quantity", "amount"),
        integer_digits=MAX_AMOUNT_INTEGER_DIGITS,
        fraction_digits_max=MAX_AMOUNT_FRACTION_DIGITS,
    )
    ratio = Fraction(1)
    if source.dimension is not target.dimension:
        ratio = _density_ratio(source, target, density, item_name, field)
    result = Fraction(amount) * Fraction(source.factor) * ratio / Fraction(target.factor)
    exact = to_decimal(result)
    if exact is not None and (places is None or fraction_digits(exact) <= places):
        return Conversion(exact, target.name, exact=True)
    rounded = round_half_even(result, CONVERSION_SCALE if places is None else places)
    return Conversion(rounded, target.name, exact=False)
