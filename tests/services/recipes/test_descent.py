"""Variations and tests: they copy the lines of the exact version they are made from and
keep the links; promoting a test makes its content its source's next version."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.pagination import PageRequest
from services.recipes import queries
from services.recipes.models import RecipeKind, RecipeStatus
from services.recipes.stream import recipe_id as public_recipe_id
from tests.services.accounts.givens import Actor, sign_up
from tests.services.inventory.givens import create_item, events_of
from tests.services.recipes.givens import (
    create_recipe,
    kitchen,
    line,
    lines_now,
    override,
    promoting,
    publish,
    qty,
    recipe_now,
    run,
    soap_recipe,
    step,
    steps_now,
    texts,
    trying,
    update_recipe,
    variation,
)

pytestmark = pytest.mark.recipes


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def test_a_variation_copies_the_lines_of_the_exact_version_and_keeps_the_links(
    sessions, owner
):
    # given castile soap v1 (published) and a v2 draft with less oil
    k = await kitchen(sessions, owner.principal)
    lavender_soap = await create_item(sessions, owner.principal, "Lavender soap", type="PRODUCT")
    v1 = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, v1.id)
    v2 = await update_recipe(
        sessions, owner.principal, v1.id, ingredients=[line(k.olive_oil, "600"), line(k.lye, "80")]
    )
    # when a variation is made of v1, with lavender oil added and its own output
    made = await variation(
        sessions,
        owner.principal,
        v1.id,
        "Lavender bar",
        output_item_id=lavender_soap,
        ingredients=[line(k.olive_oil, "700"), line(k.lye, "90"), line(k.lavender, "15", "ml")],
    )
    # then it is a new draft recipe made from v1 exactly, with v1's other lines
    assert (made.kind, made.version, made.status, made.name) == (
        RecipeKind.VARIATION,
        1,
        RecipeStatus.DRAFT,
        "Lavender bar",
    )
    assert (made.source_recipe_id, made.source_lineage_id, made.root_lineage_id) == (
        v1.id,
        v1.id,
        v1.id,
    )
    assert (made.output_item_id, made.yield_amount, made.category) == (
        lavender_soap.id,
        Decimal(1),
        "Soap",
    )
    assert [row[1:3] for row in await lines_now(sessions, owner.principal, made.id)] == [
        (k.wrapper.id, Decimal(8)),
        (k.mould.id, Decimal(1200)),
        (k.olive_oil.id, Decimal(700)),
        (k.lye.id, Decimal(90)),
        (k.lavender.id, Decimal(15)),
    ]
    # a variation of the variation points at it as source and at castile as root
    deeper = await variation(sessions, owner.principal, made.id, "Lavender & oat")
    assert (deeper.source_recipe_id, deeper.root_lineage_id) == (made.id, v1.id)
    # and publishing v2 later rewrites no link
    await publish(sessions, owner.principal, v2.id)
    assert (await recipe_now(sessions, made.id)).source_recipe_id == v1.id
    async with unit_of_work(sessions, write=False) as session:
        found = await queries.list_descendants(
            session,
            owner.principal,
            lineage_id=v1.id,
            kind=RecipeKind.VARIATION,
            page=PageRequest(),
        )
    assert [r.id for r in found.items] == [made.id]
    [created, _] = [
        e
        for e in await events_of(sessions, owner.organization_id, "recipe.created")
        if e.payload["recipe"]["kind"] == "VARIATION"
    ]
    assert created.payload["recipe"]["sourceRecipeId"] == public_recipe_id(v1.id)


async def test_a_test_is_named_after_its_source_and_listed_apart(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    base = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    made = await run(sessions, trying(owner.principal, base.id, None, notes="More lye"))
    assert (made.kind, made.name, made.notes) == (RecipeKind.TEST, "Castile bar (test)", "More lye")
    async with unit_of_work(sessions, write=False) as session:
        listed = await queries.list_recipes(
            session, owner.principal, filters=queries.RecipeFilter(), page=PageRequest()
        )
        with_tests = await queries.list_recipes(
            session,
            owner.principal,
            filters=queries.RecipeFilter(include_tests=True),
            page=PageRequest(),
        )
        tests = await queries.list_descendants(
            session, owner.principal, lineage_id=base.id, kind=RecipeKind.TEST, page=PageRequest()
        )
    assert [r.id for r in listed.items] == [base.id]
    assert [r.id for r in with_tests.items] == [base.id, made.id]
    assert [r.id for r in tests.items] == [made.id]


async def test_promoting_a_test_makes_its_content_the_sources_next_version(sessions, owner):
    # given a published castile soap (melt, lye, pour), a variation that overrides pour,
    # and a test with less lye, a bigger yield, a reworded lye step and a step of its own
    k = await kitchen(sessions, owner.principal)
    base = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, steps=[step("Melt"), step("Add the lye"), step("Pour")]),
    )
    await publish(sessions, owner.principal, base.id)
    melt, lye, pour = await steps_now(sessions, owner.principal, base.id)
    sibling = await variation(sessions, owner.principal, base.id, "Oat bar")
    await override(sessions, owner.principal, sibling.id, pour.key, "Pour over oats")
    trial = await run(
        sessions,
        trying(
            owner.principal,
            base.id,
            "Less lye",
            ingredients=[line(k.olive_oil, "700"), line(k.lye, "85")],
            predicted_yield=qty("1.05", "kg"),
            steps=[step("Rest ten minutes", after=melt.key)],
        ),
    )
    await override(sessions, owner.principal, trial.id, lye.key, "Add the lye slowly")

    # when it is promoted
    promotion = await run(sessions, promoting(owner.principal, trial.id))

    # then castile's version 2, a draft, holds the test's lines, yield and steps
    v2 = promotion.recipe
    assert (v2.lineage_id, v2.version, v2.status, v2.name) == (
        base.id,
        2,
        RecipeStatus.DRAFT,
        "Castile bar",
    )
    assert v2.yield_amount == Decimal("1.05")
    assert [row[1:3] for row in await lines_now(sessions, owner.principal, v2.id)][-2:] == [
        (k.olive_oil.id, Decimal(700)),
        (k.lye.id, Decimal(85)),
    ]
    promoted = await steps_now(sessions, owner.principal, v2.id)
    assert [(s.content.text, s.defined_in) for s in promoted] == [
        ("Melt", v2.id),
        ("Rest ten minutes", v2.id),
        ("Add the lye slowly", v2.id),
        ("Pour", v2.id),
    ]
    # the keys stay, so once published the sibling's override still applies
    assert [s.key for s in promoted][::2] == [melt.key, lye.key]
    await publish(sessions, owner.principal, v2.id)
    assert await texts(sessions, owner.principal, sibling.id) == [
        "Melt",
        "Rest ten minutes",
        "Add the lye slowly",
        "Pour over oats",
    ]
    # version 1 is untouched, the test remembers where it went, and the change is announced
    assert await texts(sessions, owner.principal, base.id) == ["Melt", "Add the lye", "Pour"]
    assert (await recipe_now(sessions, trial.id)).promoted_to_recipe_id == v2.id
    updated = [
        e
        for e in await events_of(sessions, owner.organization_id, "recipe.updated")
        if e.entity_id == public_recipe_id(base.id)
    ]
    assert updated[-1].payload["promotedFromTestId"] == public_recipe_id(trial.id)
    assert updated[-1].payload["newVersion"] is True


async def test_promoting_a_test_of_a_variation_keeps_what_the_variation_inherits(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    base = await create_recipe(
        sessions, owner.principal, **soap_recipe(k, steps=[step("Melt"), step("Pour")])
    )
    melt, pour = await steps_now(sessions, owner.principal, base.id)
    lavender = await variation(
        sessions, owner.principal, base.id, "Lavender", steps=[step("Add lavender", after=melt.key)]
    )
    trial = await run(sessions, trying(owner.principal, lavender.id, None))
    await override(sessions, owner.principal, trial.id, melt.key, omitted=True)
    # when
    promotion = await run(sessions, promoting(owner.principal, trial.id))
    # then the variation's draft leaves melt out and keeps following the base for pour
    assert promotion.recipe.id == lavender.id  # a draft: edited in place
    assert await texts(sessions, owner.principal, lavender.id) == ["Add lavender", "Pour"]
    v2 = await update_recipe(
        sessions,
        owner.principal,
        base.id,
        steps=[step("Melt", key=melt.key), step("Pour gently", key=pour.key)],
    )
    assert v2.id == base.id  # still a draft, and current
    assert await texts(sessions, owner.principal, lavender.id) == ["Add lavender", "Pour gently"]
