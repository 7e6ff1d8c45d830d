"""Every bad input is refused whole with a code naming the input field at fault and a
message saying how to fix it, and changes nothing: no version, line or event."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from services.inventory.models import InventoryItem
from services.permissions import Principal
from tests.services.accounts.givens import Actor, refused, sign_up
from tests.services.inventory.givens import create_item
from tests.services.recipes.givens import (
    Kitchen,
    archiving,
    container,
    counts,
    create_recipe,
    creating,
    kitchen,
    line,
    portions,
    promoting,
    qty,
    run,
    soap_recipe,
    step,
    updating,
    variation,
    varying,
)

pytestmark = pytest.mark.recipes

Step = Callable[[AsyncSession], Awaitable[object]]


@dataclass(frozen=True)
class World:
    owner: Actor
    k: Kitchen
    recipe_id: int  # a draft castile soap
    theirs: InventoryItem  # another organization's oil
    their_recipe_id: int


@pytest.fixture
async def world(sessions) -> World:
    owner = await sign_up(sessions)
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    other = await sign_up(sessions)
    other_kitchen = await kitchen(sessions, other.principal)
    their_recipe = await create_recipe(sessions, other.principal, **soap_recipe(other_kitchen))
    return World(owner, k, recipe.id, other_kitchen.olive_oil, their_recipe.id)


def _new(w: World, **values: object) -> Step:
    return creating(w.owner.principal, **soap_recipe(w.k, **values))


CASES: dict[str, tuple[Callable[[World], Step], str, tuple[str, ...], str]] = {
    "an output item of the wrong type": (
        lambda w: _new(w, output_item_id=w.k.olive_oil.id),
        "ITEM_TYPE_NOT_ALLOWED",
        ("output_item_id",),
        "PRODUCT or INTERMEDIATE",
    ),
    "an ingredient of another organization": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "700"), line(w.theirs, "90")]),
        "NOT_FOUND",
        ("ingredients", "1", "item_id"),
        "No inventory item",
    ),
    "a zero quantity": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "0")]),
        "NOT_POSITIVE",
        ("ingredients", "0", "quantity", "amount"),
        "greater than 0",
    ),
    "a negative quantity": (
        lambda w: updating(
            w.owner.principal, w.recipe_id, consumables=[line(w.k.wrapper, "-1", "each")]
        ),
        "NOT_POSITIVE",
        ("consumables", "0", "quantity", "amount"),
        "greater than 0",
    ),
    "a quantity finer than the item keeps": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "700.0005")]),
        "QUANTITY_TOO_PRECISE",
        ("ingredients", "0", "quantity", "amount"),
        "3 decimal places",
    ),
    "a quantity with more places than are stored": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "0.7000001", "kg")]),
        "TOO_PRECISE",
        ("ingredients", "0", "quantity", "amount"),
        "6 decimal places",
    ),
    "a unit that cannot convert for the item": (
        lambda w: _new(w, ingredients=[line(w.k.lye, "0.5", "cup")]),
        "UNIT_CONVERSION_FAILED",
        ("ingredients", "0", "quantity", "unit"),
        'set a density on "Sodium hydroxide"',
    ),
    "an unknown unit": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "1", "handful")]),
        "UNKNOWN_UNIT",
        ("ingredients", "0", "quantity", "unit"),
        "handful",
    ),
    "the same item twice": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "600"), line(w.k.olive_oil, "100")]),
        "DUPLICATE_ITEM",
        ("ingredients", "1", "item_id"),
        "already line 1",
    ),
    "a container that is not a CONTAINER": (
        lambda w: _new(w, containers=[container(w.k.wrapper, ("1", "kg"))]),
        "ITEM_TYPE_NOT_ALLOWED",
        ("containers", "0", "item_id"),
        "CONTAINER",
    ),
    "a consumable that is an ingredient": (
        lambda w: _new(w, consumables=[line(w.k.lye, "1")]),
        "ITEM_TYPE_NOT_ALLOWED",
        ("consumables", "0", "item_id"),
        "CONSUMABLE or PACKAGING",
    ),
    "a container capacity that does not convert to the output": (
        lambda w: _new(w, containers=[container(w.k.mould, ("1", "l"))]),
        "UNIT_CONVERSION_FAILED",
        ("containers", "0", "capacity", "unit"),
        "density",
    ),
    "a portion size that does not convert": (
        lambda w: _new(w, portioning=portions("bar", 8, "1", "each")),
        "UNIT_CONVERSION_FAILED",
        ("portioning", "size", "unit"),
        "cannot be converted",
    ),
    "a yield that does not convert": (
        lambda w: updating(w.owner.principal, w.recipe_id, predicted_yield=qty("1", "l")),
        "UNIT_CONVERSION_FAILED",
        ("predicted_yield", "unit"),
        'set a density on "Castile soap"',
    ),
    "no portions": (
        lambda w: _new(w, portioning=portions("bar", 0, "125")),
        "NOT_POSITIVE",
        ("portioning", "count"),
        "at least 1",
    ),
    "a label prefix with punctuation": (
        lambda w: _new(w, label_prefix="SO-AP"),
        "INVALID_LABEL_PREFIX",
        ("label_prefix",),
        "letters A-Z or digits",
    ),
    "a blank name": (lambda w: _new(w, name="  "), "BLANK", ("name",), "name"),
    "a step without a duration": (
        lambda w: _new(w, steps=[step("Melt", minutes=0)]),
        "NOT_POSITIVE",
        ("steps", "0", "duration_minutes"),
        "at least 1",
    ),
    "a temperature with too many places": (
        lambda w: _new(w, steps=[step("Melt"), step("Heat", temperature=("45.125", "C"))]),
        "TOO_PRECISE",
        ("steps", "1", "temperature", "value"),
        "2 fractional digits",
    ),
    "a step key that is not the recipe's": (
        lambda w: updating(w.owner.principal, w.recipe_id, steps=[step("Melt", key="st_nope")]),
        "NOT_FOUND",
        ("steps", "0", "key"),
        "leave key out",
    ),
    "too many ingredients": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "1")] * 101),
        "TOO_MANY",
        ("ingredients",),
        "at most 100",
    ),
    "a variation of another organization's recipe": (
        lambda w: varying(w.owner.principal, w.their_recipe_id),
        "NOT_FOUND",
        ("source_recipe_id",),
        "No recipe",
    ),
    "a variation with a bad change": (
        lambda w: varying(w.owner.principal, w.recipe_id, ingredients=[line(w.k.lye, "1", "cup")]),
        "UNIT_CONVERSION_FAILED",
        ("changes", "ingredients", "0", "quantity", "unit"),
        "density",
    ),
    "editing another organization's recipe": (
        lambda w: updating(w.owner.principal, w.their_recipe_id, name="Mine"),
        "NOT_FOUND",
        ("id",),
        "No recipe",
    ),
    "a recipe that uses its own output": (
        lambda w: _new(w, ingredients=[line(w.k.olive_oil, "700"), line(w.k.soap, "50")]),
        "RECIPE_CYCLE",
        ("ingredients", "1", "item_id"),
        "the recipe's own output",
    ),
    "promoting something that is not a test": (
        lambda w: promoting(w.owner.principal, w.recipe_id),
        "NOT_A_TEST",
        ("test_id",),
        "createRecipeTest",
    ),
}


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
async def test_bad_input_is_refused_naming_the_field_and_changes_nothing(sessions, world, case):
    make, code, field, hint = CASES[case]
    before = await counts(sessions)
    problem = await refused(sessions, make(world))
    assert (problem.code, problem.field) == (code, field), problem.message
    assert hint in problem.message
    assert await counts(sessions) == before


async def test_editing_an_archived_recipe_is_refused(sessions, world):
    await run(sessions, archiving(world.owner.principal, world.recipe_id))
    before = await counts(sessions)
    for attempt, field in (
        (updating(world.owner.principal, world.recipe_id, notes="More"), ("id",)),
        (varying(world.owner.principal, world.recipe_id), ("source_recipe_id",)),
    ):
        problem = await refused(sessions, attempt)
        assert (problem.code, problem.field) == ("RECIPE_ARCHIVED", field)
    assert await counts(sessions) == before


async def _intermediates(sessions, principal: Principal, k: Kitchen):
    """Soap base (an INTERMEDIATE made from oil and lye), castile soap made from soap
    base, and rebatch (an INTERMEDIATE made from castile soap scraps)."""
    base_item = await create_item(sessions, principal, "Soap base", type="INTERMEDIATE")
    rebatch_item = await create_item(sessions, principal, "Rebatch", type="INTERMEDIATE")
    base = await create_recipe(
        sessions,
        principal,
        **soap_recipe(k, name="Base", output_item_id=base_item.id, containers=[], portioning=None),
    )
    soap = await create_recipe(
        sessions,
        principal,
        **soap_recipe(k, name="Castile from base", ingredients=[line(base_item, "900")]),
    )
    rebatch = await create_recipe(
        sessions,
        principal,
        **soap_recipe(
            k,
            name="Rebatch",
            output_item_id=rebatch_item.id,
            ingredients=[line(k.soap, "500")],
            containers=[],
            portioning=None,
        ),
    )
    return base, soap, rebatch, base_item


async def test_a_cycle_through_intermediates_is_refused_naming_the_line(sessions, world):
    principal = world.owner.principal
    base, _, _, _ = await _intermediates(sessions, principal, world.k)
    before = await counts(sessions)
    # when the base would use castile soap, which is made from the base
    problem = await refused(
        sessions,
        updating(
            principal,
            base.id,
            ingredients=[line(world.k.olive_oil, "700"), line(world.k.soap, "10")],
        ),
    )
    assert (problem.code, problem.field) == ("RECIPE_CYCLE", ("ingredients", "1", "item_id"))
    assert problem.message.startswith(
        'Ingredient line 2 is "Castile soap", which the recipe "Castile from base" makes from '
        '"Soap base".'
    )
    assert await counts(sessions) == before


async def test_a_cycle_made_by_changing_the_output_is_refused_naming_the_output(sessions, world):
    principal = world.owner.principal
    _, _, rebatch, base_item = await _intermediates(sessions, principal, world.k)
    before = await counts(sessions)
    # when rebatch (made from castile soap) would make the soap base castile is made from
    problem = await refused(sessions, updating(principal, rebatch.id, output_item_id=base_item))
    assert (problem.code, problem.field) == ("RECIPE_CYCLE", ("output_item_id",))
    assert "Castile from base" in problem.message
    assert await counts(sessions) == before


async def test_archived_recipes_and_superseded_versions_make_no_cycle(sessions, world):
    principal = world.owner.principal
    base, soap, _, _ = await _intermediates(sessions, principal, world.k)
    await run(sessions, archiving(principal, soap.id))
    # castile from base is archived: the base may now use castile soap
    edited = await run(
        sessions,
        updating(
            principal, base.id, ingredients=[line(world.k.olive_oil, "1"), line(world.k.soap, "1")]
        ),
    )
    assert edited.changed == ["ingredients"]


async def test_a_variation_changing_its_output_is_checked_for_cycles(sessions, world):
    principal = world.owner.principal
    _, _, rebatch, base_item = await _intermediates(sessions, principal, world.k)
    problem = await refused(sessions, varying(principal, rebatch.id, output_item_id=base_item))
    assert (problem.code, problem.field) == ("RECIPE_CYCLE", ("changes", "output_item_id"))
    # and with a harmless output it is made
    other = await create_item(sessions, principal, "Rebatch 2", type="INTERMEDIATE")
    made = await variation(sessions, principal, rebatch.id, output_item_id=other)
    assert made.output_item_id == other.id
    assert Decimal(made.yield_amount) == Decimal(1)
