"""Converting quantities: exact factors, one half-even rounding, density, and failures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.errors import UserInputError
from services.units import service
from services.units.catalog import BUILTIN_UNITS, CONVERSION_SCALE, Dimension
from tests.services.accounts.givens import Actor, refused, sign_up
from tests.services.units.givens import convert

pytestmark = pytest.mark.inventory


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def test_every_built_in_factor_round_trips_exactly(sessions, owner):
    for unit in BUILTIN_UNITS.values():
        # given one of the unit, when converted to its base unit and back
        to_base = await convert(sessions, owner.principal, "1", unit.name, unit.base_unit)
        back = await convert(
            sessions, owner.principal, str(to_base.amount), unit.base_unit, unit.name
        )
        # then both steps are exact and the factor is the documented one
        assert to_base.exact, unit.name
        assert to_base.amount == unit.factor
        assert (back.amount, back.unit, back.exact) == (Decimal(1), unit.name, True)


async def test_exact_ratios_between_customary_units(sessions, owner):
    cases = [
        ("1", "lb", "oz", "16"),
        ("1", "tbsp", "tsp", "3"),
        ("3", "tsp", "tbsp", "1"),
        ("1", "cup", "fl_oz", "8"),
        ("1", "gal", "qt", "4"),
        ("2", "pt", "qt", "1"),
        ("1", "in", "cm", "2.54"),
        ("1", "dozen", "each", "12"),
        ("1500", "g", "kg", "1.5"),
    ]
    for amount, source, target, expected in cases:
        result = await convert(sessions, owner.principal, amount, source, target)
        assert (result.amount, result.exact) == (Decimal(expected), True), (source, target)


async def test_ounces_to_grams_is_exact(sessions, owner):
    result = await convert(sessions, owner.principal, "2", "oz", "g")
    assert (str(result.amount), result.unit, result.exact) == ("56.69904625", "g", True)


async def test_grams_to_ounces_is_rounded_half_even_to_nine_digits(sessions, owner):
    result = await convert(sessions, owner.principal, "100", "g", "oz")
    # 100 / 28.349523125 = 3.52739619495804...
    assert (str(result.amount), result.exact) == ("3.527396195", False)
    assert -result.amount.as_tuple().exponent == CONVERSION_SCALE  # type: ignore[operator]


async def test_a_non_terminating_result_keeps_nine_digits_and_rounds_half_even(sessions, owner):
    third = await convert(sessions, owner.principal, "1", "each", "dozen")
    assert (str(third.amount), third.exact) == ("0.083333333", False)
    # 2/3 rounds up; ties cannot occur in a non-terminating result, so half-even only
    # decides the last digit the way exact rounding does.
    two_thirds = await convert(sessions, owner.principal, "8", "each", "dozen")
    assert str(two_thirds.amount) == "0.666666667"


async def test_a_terminating_result_is_never_rounded_even_beyond_nine_digits(sessions, owner):
    result = await convert(sessions, owner.principal, "0.001", "oz", "g")
    assert (str(result.amount), result.exact) == ("0.028349523125", True)


async def test_unit_names_ignore_case_and_results_use_the_canonical_name(sessions, owner):
    result = await convert(sessions, owner.principal, "1", " KG ", "G")
    assert (result.amount, result.unit) == (Decimal(1000), "g")


async def test_density_converts_volume_to_weight_and_back(sessions, owner):
    # given olive oil at 0.91 g/ml
    to_weight = await convert(
        sessions, owner.principal, "100", "ml", "g", density="0.91", item_name="Olive oil"
    )
    assert (to_weight.amount, to_weight.exact) == (Decimal("91"), True)
    to_volume = await convert(sessions, owner.principal, "91", "g", "ml", density="0.91")
    assert (to_volume.amount, to_volume.exact) == (Decimal("100"), True)
    cups = await convert(sessions, owner.principal, "1", "cup", "kg", density="0.91")
    assert (str(cups.amount), cups.exact) == ("0.215295295215", True)
    inexact = await convert(sessions, owner.principal, "1", "g", "ml", density="0.91")
    assert (str(inexact.amount), inexact.exact) == ("1.098901099", False)


async def test_weight_to_volume_without_density_names_the_item_and_the_remedy(sessions, owner):
    problem = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session,
            owner.principal,
            amount=Decimal(1),
            from_unit="ml",
            to_unit="g",
            item_name="Olive oil",
        ),
    )
    assert problem.code == "UNIT_CONVERSION_FAILED"
    assert problem.field == ("to_unit",)
    assert problem.message == (
        'Cannot convert ml (volume) to g (weight): set a density on "Olive oil" to convert ml to g.'
    )


async def test_weight_to_volume_without_an_item_asks_for_one(sessions, owner):
    problem = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session, owner.principal, amount=Decimal(1), from_unit="lb", to_unit="cup"
        ),
    )
    assert problem.code == "UNIT_CONVERSION_FAILED"
    assert problem.message.startswith("Cannot convert lb (weight) to cup (volume): ")
    assert "pass itemId of an item with a density" in problem.message


@pytest.mark.parametrize(("source", "target"), [("each", "g"), ("mm", "ml"), ("dozen", "cm")])
async def test_count_and_length_never_convert_to_other_dimensions(sessions, owner, source, target):
    problem = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session,
            owner.principal,
            amount=Decimal(1),
            from_unit=source,
            to_unit=target,
            density=Decimal(1),
        ),
    )
    assert problem.code == "UNIT_CONVERSION_FAILED"
    assert "cannot be converted into each other" in problem.message


async def test_an_unknown_unit_names_its_field(sessions, owner):
    source = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session, owner.principal, amount=Decimal(1), from_unit="furlong", to_unit="m"
        ),
    )
    assert (source.code, source.field) == ("UNKNOWN_UNIT", ("quantity", "unit"))
    assert '"furlong"' in source.message
    target = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session, owner.principal, amount=Decimal(1), from_unit="m", to_unit="furlong"
        ),
    )
    assert (target.code, target.field) == ("UNKNOWN_UNIT", ("to_unit",))


@pytest.mark.parametrize(
    ("amount", "code"),
    [("1E+999999999", "OUT_OF_RANGE"), ("1E-999999999", "TOO_PRECISE"), ("1E+18", "OUT_OF_RANGE")],
)
async def test_unbounded_amounts_are_refused_before_any_arithmetic(sessions, owner, amount, code):
    problem = await refused(
        sessions,
        lambda session: service.convert_quantity(
            session, owner.principal, amount=Decimal(amount), from_unit="g", to_unit="oz"
        ),
    )
    assert (problem.code, problem.field) == (code, ("quantity", "amount"))


async def test_negative_and_zero_amounts_convert_linearly(sessions, owner):
    assert (await convert(sessions, owner.principal, "-2", "kg", "g")).amount == -2000
    assert (await convert(sessions, owner.principal, "0", "gal", "ml")).amount == 0


async def test_units_lists_built_ins_by_dimension(sessions, owner):
    async with unit_of_work(sessions, write=False) as session:
        weights = await service.list_units(session, owner.principal, dimension=Dimension.WEIGHT)
        everything = await service.list_units(session, owner.principal)
    assert [u.name for u in weights] == ["mg", "g", "kg", "oz", "lb"]
    assert len(everything) == len(BUILTIN_UNITS)


def test_densities_are_validated_for_storage():
    assert service.clean_density(Decimal("0.91")) == Decimal("0.91")
    for bad, code in [
        ("0", "NOT_POSITIVE"),
        ("-1", "NOT_POSITIVE"),
        ("1000", "OUT_OF_RANGE"),
        ("0.0000000001", "TOO_PRECISE"),
    ]:
        with pytest.raises(UserInputError) as raised:
            service.clean_density(Decimal(bad))
        assert raised.value.code == code
