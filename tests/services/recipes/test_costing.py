"""Scaling a recipe exactly and pricing it at what the next draws would cost, with the
arithmetic written out."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.errors import UserInputError
from services.inventory.quantities import QuantityInput
from services.recipes import costing
from services.recipes.costing import PlannedCost, Scaled, Unpriced
from tests.services.accounts.givens import Actor, Sessions, sign_up
from tests.services.inventory.givens import (
    days_ago,
    receive,
    snapshot,
    update_item,
)
from tests.services.recipes.givens import Kitchen, create_recipe, kitchen, line, soap_recipe

pytestmark = pytest.mark.recipes


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


@pytest.fixture
async def k(sessions: Sessions, owner: Actor) -> Kitchen:
    return await kitchen(sessions, owner.principal)


async def _scaled(
    sessions: Sessions,
    owner: Actor,
    recipe_id: int,
    *,
    factor: str | None = None,
    target: tuple[str, str] | None = None,
) -> Scaled:
    async with unit_of_work(sessions, write=False) as session:
        request = costing.ScaleRequest(
            recipe_id,
            factor=Decimal(factor) if factor else None,
            target_yield=QuantityInput(Decimal(target[0]), target[1]) if target else None,
        )
        scaled = await costing.scaled_version(session, owner.principal, request)
    assert scaled is not None
    return scaled


async def _planned(sessions: Sessions, owner: Actor, scaled: Scaled) -> PlannedCost:
    async with unit_of_work(sessions, write=False) as session:
        return await costing.planned_cost(session, owner.principal, scaled)


async def test_scaling_1_kg_to_2_5_kg_scales_each_line_exactly_and_draws_at_item_precision(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, ingredients=[line(k.olive_oil, "3", "cup"), line(k.lye, "0.2", "lb")]),
    )

    scaled = await _scaled(sessions, owner, recipe.id, target=("2.5", "kg"))

    assert (scaled.factor, scaled.factor_exact) == (Decimal("2.5"), True)
    assert (scaled.predicted_yield.amount, scaled.predicted_yield.base_amount) == (
        Decimal("2.5"),
        Decimal("2500"),
    )
    oil, lye = scaled.ingredients
    # 3 cup x 2.5 = 7.5 cup = 7.5 x 236.5882365 ml = 1774.41177375 ml; olive oil is
    # 0.91 g/ml: 1614.7147141125 g, drawn at 3 places (half-even): 1614.715 g.
    assert (oil.quantity.amount, oil.quantity.unit) == (Decimal("7.5"), "cup")
    assert oil.quantity.base_amount == Decimal("1614.715")
    # 0.2 lb x 2.5 = 0.5 lb = 226.796185 g -> 226.796 g.
    assert (lye.quantity.amount, lye.quantity.base_amount) == (Decimal("0.5"), Decimal("226.796"))
    # 8 wrappers x 2.5 = 20; 8 bars x 2.5 = 20 bars.
    assert scaled.consumables[0].quantity.base_amount == Decimal("20")
    assert scaled.portion_count == Decimal("20")


async def test_a_factor_that_does_not_terminate_rounds_the_amounts_it_gives(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, predicted_yield=QuantityInput(Decimal(3), "kg")),
    )

    scaled = await _scaled(sessions, owner, recipe.id, target=("1", "kg"))

    # 1/3: 700 g / 3 = 233.333... g, shown to 9 places and drawn to 3.
    oil = scaled.ingredients[0].quantity
    assert (scaled.factor, scaled.factor_exact) == (Decimal("0.333333333"), False)
    assert (oil.amount, oil.exact, oil.base_amount) == (
        Decimal("233.333333333"),
        False,
        Decimal("233.333"),
    )


async def test_planned_cost_prices_a_line_spanning_two_lots_at_each_lots_price(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    # Olive oil: 500 g at 0.004/g (older), then 1000 g at 0.006/g. Lye: 1 kg for 3.00.
    await receive(
        sessions, owner.principal, k.olive_oil.id, "500", total_cost="2", received_at=days_ago(9)
    )
    await receive(
        sessions, owner.principal, k.olive_oil.id, "1000", total_cost="6", received_at=days_ago(2)
    )
    await receive(sessions, owner.principal, k.lye.id, "1", "kg", total_cost="3")
    await receive(sessions, owner.principal, k.wrapper.id, "100", "each", total_cost="5")
    await receive(sessions, owner.principal, k.mould.id, "3", "each", total_cost="30")
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    before = await snapshot(sessions, k.olive_oil.id)

    planned = await _planned(sessions, owner, await _scaled(sessions, owner, recipe.id, factor="1"))

    oil, lye, wrappers = planned.lines
    # 700 g of oil: the older 500 g (2.00) and 200 g of the newer at 0.006 (1.20).
    assert oil.quote is not None
    assert [(d.quantity, d.cost) for d in oil.quote.draws] == [
        (Decimal("500"), Decimal("2")),
        (Decimal("200"), Decimal("1.2")),
    ]
    assert oil.cost == Decimal("3.2")
    # 90 g of lye at 0.003/g: 0.27; 8 wrappers at 0.05: 0.40.
    assert (lye.cost, wrappers.cost) == (Decimal("0.27"), Decimal("0.4"))
    assert (planned.total, planned.complete, planned.sufficient) == (
        Decimal("3.87"),
        True,
        True,
    )
    # Per gram of the 1000 g yield, and per each of 8 bars.
    assert planned.per_output_unit == Decimal("0.00387")
    assert planned.per_portion == Decimal("0.48375")
    # One mould holds 1200 g: one is needed, at 10.00.
    [mould] = planned.containers
    assert (mould.count, mould.quote.cost if mould.quote else None) == (1, Decimal("10"))
    assert await snapshot(sessions, k.olive_oil.id) == before


async def test_lines_that_cannot_be_priced_in_full_say_why(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await receive(sessions, owner.principal, k.olive_oil.id, "400", total_cost="2")
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, ingredients=[line(k.olive_oil, "700"), line(k.lye, "90")], consumables=[]),
    )

    planned = await _planned(sessions, owner, await _scaled(sessions, owner, recipe.id))

    oil, lye = planned.lines
    # 400 g of the 700 g can be drawn and are priced (2.00); 300 g are short.
    assert (oil.unpriced, oil.cost, oil.quote.short if oil.quote else None) == (
        Unpriced.INSUFFICIENT_STOCK,
        Decimal("2"),
        Decimal("300"),
    )
    assert (lye.unpriced, lye.cost) == (Unpriced.NO_STOCK, Decimal(0))
    assert (planned.total, planned.complete, planned.sufficient) == (Decimal("2"), False, False)


async def test_a_line_whose_unit_no_longer_converts_is_listed_unpriced(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(
        sessions, owner.principal, **soap_recipe(k, ingredients=[line(k.olive_oil, "2", "cup")])
    )
    await update_item(sessions, owner.principal, k.olive_oil.id, density=None)

    planned = await _planned(sessions, owner, await _scaled(sessions, owner, recipe.id))

    [oil] = planned.lines[:1]
    assert oil.unpriced is Unpriced.NO_CONVERSION
    assert "density" in str(oil.reason)


async def test_a_target_yield_that_cannot_convert_names_the_unit_and_the_fix(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))

    with pytest.raises(UserInputError) as refused:
        await _scaled(sessions, owner, recipe.id, target=("2", "l"))

    problem = refused.value.problems[0]
    assert (problem.code, problem.field) == ("UNIT_CONVERSION_FAILED", ("target_yield", "unit"))
    assert "density" in problem.message


@pytest.mark.parametrize(
    ("factor", "code"), [("0", "NOT_POSITIVE"), ("-1", "NOT_POSITIVE"), ("10001", "OUT_OF_RANGE")]
)
async def test_a_factor_must_be_positive_and_bounded(
    sessions: Sessions, owner: Actor, k: Kitchen, factor: str, code: str
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))

    with pytest.raises(UserInputError) as refused:
        await _scaled(sessions, owner, recipe.id, factor=factor)

    assert (refused.value.problems[0].code, refused.value.problems[0].field) == (code, ("factor",))


async def test_another_organizations_recipe_scales_to_nothing(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    stranger = await sign_up(sessions)

    async with unit_of_work(sessions, write=False) as session:
        request = costing.ScaleRequest(recipe.id)
        found = await costing.scaled_version(session, stranger.principal, request)

    assert found is None


async def test_many_versions_are_scaled_and_priced_each_on_its_own(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    await receive(sessions, owner.principal, k.olive_oil.id, "1000", total_cost="5")
    first = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    second = await create_recipe(sessions, owner.principal, **soap_recipe(k, name="Second"))

    async with unit_of_work(sessions, write=False) as session:
        answers = await costing.scaled_versions(
            session,
            owner.principal,
            [
                costing.ScaleRequest(first.id),
                costing.ScaleRequest(second.id, factor=Decimal(0)),
                costing.ScaleRequest(second.id),
            ],
        )
        as_is, refused, second_as_is = answers
        assert isinstance(as_is, Scaled)
        assert isinstance(second_as_is, Scaled)
        assert isinstance(refused, UserInputError)
        planned = await costing.planned_costs(session, owner.principal, [as_is, second_as_is])

    # Each plan may have the 700 g of oil the stock holds: quotes do not share it.
    assert [p.lines[0].cost for p in planned] == [Decimal("3.5"), Decimal("3.5")]
