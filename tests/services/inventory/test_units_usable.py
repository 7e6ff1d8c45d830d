"""Every unit the API lists can be used on an item that keeps any precision: a quantity
in another unit is converted exactly and rounded half-even to the item's precision, so
what is received in a unit can be consumed in that same unit, to the last digit."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.inventory.models import QUANTITY_SCALE
from services.units.catalog import BUILTIN_UNITS, Unit, convert, fraction_digits
from tests.services.accounts.givens import sign_up
from tests.services.inventory.givens import adjust, create_item, item_now, receive

pytestmark = pytest.mark.inventory

PAIRS = [
    (given_unit, item_unit)
    for given_unit, item_unit in product(BUILTIN_UNITS.values(), repeat=2)
    if given_unit.dimension is item_unit.dimension
]
PRECISIONS = range(QUANTITY_SCALE + 1)


def _at_least_one(given_unit: Unit, item_unit: Unit) -> Decimal:
    """The smallest whole amount of `given_unit` worth at least one `item_unit`."""
    return Decimal(math.ceil(item_unit.factor / given_unit.factor))


def test_every_pair_of_units_converts_to_every_precision_rounded_half_even():
    for (given_unit, item_unit), places in product(PAIRS, PRECISIONS):
        amount = _at_least_one(given_unit, item_unit)
        converted = convert(amount, given_unit, item_unit, places=places).amount
        exact = Fraction(amount) * Fraction(given_unit.factor) / Fraction(item_unit.factor)
        assert converted > 0
        assert fraction_digits(converted) <= places
        assert Fraction(converted) == round(exact, places)  # Fraction rounds half-even


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pair=st.sampled_from(PAIRS), places=st.sampled_from(list(PRECISIONS)))
async def test_any_listed_unit_is_received_and_consumed_at_any_precision(sessions, pair, places):
    given_unit, item_unit = pair
    owner = await sign_up(sessions)
    item = await create_item(
        sessions, owner.principal, base_unit=item_unit.name, quantity_precision=places
    )
    amount = str(_at_least_one(given_unit, item_unit))
    received = await receive(
        sessions, owner.principal, item.id, amount, given_unit.name, total_cost="1"
    )
    used = await adjust(sessions, owner.principal, item.id, "USE", amount, given_unit.name)
    assert received.recorded == used.recorded
    assert received.recorded is not None
    assert received.recorded > 0
    stored = await item_now(sessions, item.id)
    assert (stored.on_hand, stored.stock_value) == (Decimal(0), Decimal(0))
