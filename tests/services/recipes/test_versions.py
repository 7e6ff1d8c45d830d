"""Versions: a published recipe never changes; an edit makes the next version, a draft,
while the published one stays current until the draft is published."""

from __future__ import annotations

from decimal import Decimal

import pytest

from services.db import unit_of_work
from services.pagination import PageRequest
from services.recipes import queries
from services.recipes.models import RecipeStatus
from tests.services.accounts.givens import Actor, sign_up
from tests.services.inventory.givens import events_of
from tests.services.recipes.givens import (
    create_recipe,
    kitchen,
    line,
    lines_now,
    publish,
    qty,
    recipe_now,
    soap_recipe,
    step,
    texts,
    update_recipe,
    versions_of,
)

pytestmark = pytest.mark.recipes


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def test_a_new_version_does_not_change_the_published_one(sessions, owner):
    # given a published recipe: 700 g oil, 90 g lye, 1 kg yield, two steps
    k = await kitchen(sessions, owner.principal)
    v1 = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, v1.id)
    v1_lines = await lines_now(sessions, owner.principal, v1.id)
    v1_steps = await texts(sessions, owner.principal, v1.id)

    # when it is edited
    v2 = await update_recipe(
        sessions,
        owner.principal,
        v1.id,
        ingredients=[line(k.olive_oil, "650"), line(k.lye, "85")],
        steps=[step("Melt the oils at 40 C")],
    )

    # then the edit is version 2, a draft, and version 1 is as it was and still current
    assert (v2.id != v1.id, v2.version, v2.lineage_id) == (True, 2, v1.id)
    assert (v2.status, v2.is_current) == (RecipeStatus.DRAFT, False)
    first = await recipe_now(sessions, v1.id)
    assert (first.status, first.is_current) == (RecipeStatus.PUBLISHED, True)
    assert await lines_now(sessions, owner.principal, v1.id) == v1_lines
    assert await texts(sessions, owner.principal, v1.id) == v1_steps
    assert [row[2] for row in await lines_now(sessions, owner.principal, v2.id)] == [
        Decimal(8),
        Decimal(1200),
        Decimal(650),
        Decimal(85),
    ]
    assert await texts(sessions, owner.principal, v2.id) == ["Melt the oils at 40 C"]
    [updated] = await events_of(sessions, owner.organization_id, "recipe.updated")
    assert (updated.payload["newVersion"], updated.payload["recipe"]["version"]) == (True, 2)


async def test_edits_go_to_the_draft_whichever_version_they_name(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    v1 = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, v1.id)
    v2 = await update_recipe(sessions, owner.principal, v1.id, notes="Cure eight weeks.")
    # when the recipe is edited again through version 1
    again = await update_recipe(sessions, owner.principal, v1.id, category="Bars")
    # then the draft took it: no third version
    assert again.id == v2.id
    assert [(v.version, v.notes, v.category) for v in await versions_of(sessions, v1.id)] == [
        (1, "Cure six weeks.", "Soap"),
        (2, "Cure eight weeks.", "Bars"),
    ]


async def test_publishing_the_draft_makes_it_current_and_the_old_one_stays_readable(
    sessions, owner
):
    k = await kitchen(sessions, owner.principal)
    v1 = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, v1.id)
    v2 = await update_recipe(sessions, owner.principal, v1.id, predicted_yield=qty("1.1", "kg"))
    # when
    published = await publish(sessions, owner.principal, v1.id)  # publishes the draft
    # then
    assert (published.id, published.status, published.is_current) == (
        v2.id,
        RecipeStatus.PUBLISHED,
        True,
    )
    old = await recipe_now(sessions, v1.id)
    assert (old.status, old.is_current, old.yield_amount) == (
        RecipeStatus.PUBLISHED,
        False,
        Decimal(1),
    )
    async with unit_of_work(sessions, write=False) as session:
        found = await queries.get_recipe(session, owner.principal, recipe_id=v1.id)
        listed = await queries.list_versions(
            session, owner.principal, lineage_id=v1.id, page=PageRequest()
        )
    assert found is not None
    assert (found.version, found.yield_amount) == (1, Decimal(1))
    assert [v.id for v in listed.items] == [v1.id, v2.id]
    # and the next edit makes version 3 from version 2
    v3 = await update_recipe(sessions, owner.principal, v2.id, name="Castile bar 3")
    assert (v3.version, v3.yield_amount, v3.name) == (3, Decimal("1.1"), "Castile bar 3")
