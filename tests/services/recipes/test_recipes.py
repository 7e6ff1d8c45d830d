"""Recipes: what a recipe holds, editing drafts, publishing, archiving, listing,
categories, the lines resolved for use, events and permissions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from services.db import unit_of_work
from services.errors import PermissionDenied
from services.pagination import PageRequest
from services.recipes import lines, queries
from services.recipes.models import LineKind, RecipeKind, RecipeStatus
from services.recipes.queries import RecipeFilter
from services.recipes.stream import recipe_id as public_recipe_id
from tests.services.accounts.givens import Actor, add_member, refused, sign_up
from tests.services.inventory.givens import create_item, events_of, global_item_id, update_item
from tests.services.recipes.givens import (
    archiving,
    container,
    counts,
    create_recipe,
    kitchen,
    line,
    lines_now,
    publish,
    publishing,
    qty,
    run,
    soap_recipe,
    step,
    steps_now,
    update_recipe,
    updating,
)

pytestmark = pytest.mark.recipes


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def test_a_recipe_keeps_what_the_maker_entered_and_is_announced(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    # when
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(
            k,
            name=" Castile bar ",
            category=" Soap ",
            ingredients=[line(k.olive_oil, "3.5", "CUP"), line(k.lye, "90", note="in 230 g water")],
        ),
    )
    # then it is version 1 of its own lineage, a current draft
    assert (recipe.version, recipe.lineage_id, recipe.is_current) == (1, recipe.id, True)
    assert (recipe.kind, recipe.status) == (RecipeKind.ORIGINAL, RecipeStatus.DRAFT)
    assert (recipe.name, recipe.category, recipe.label_prefix) == ("Castile bar", "Soap", "SOAP")
    assert (recipe.yield_amount, recipe.yield_unit) == (Decimal(1), "kg")
    assert (recipe.portion_name, recipe.portion_count, recipe.portion_size_amount) == (
        "bar",
        8,
        Decimal(125),
    )
    # quantities as entered (the unit by its catalog name), the mould's capacity its own
    assert await lines_now(sessions, owner.principal, recipe.id) == [
        (LineKind.CONSUMABLE, k.wrapper.id, Decimal(8), "each"),
        (LineKind.CONTAINER, k.mould.id, Decimal(1200), "g"),
        (LineKind.INGREDIENT, k.olive_oil.id, Decimal("3.5"), "cup"),
        (LineKind.INGREDIENT, k.lye.id, Decimal(90), "g"),
    ]
    [melt, lye] = await steps_now(sessions, owner.principal, recipe.id)
    assert (melt.content.text, melt.content.duration_minutes) == ("Melt the oils", 10)
    assert (melt.content.temperature, melt.content.temperature_unit) == (Decimal(45), "C")
    assert (lye.content.text, lye.content.duration_minutes, lye.content.temperature) == (
        "Add the lye",
        None,
        None,
    )
    assert melt.key != lye.key
    [event] = await events_of(sessions, owner.organization_id, "recipe.created")
    assert (event.entity_type, event.entity_id, event.sequence) == (
        "Recipe",
        public_recipe_id(recipe.id),
        1,
    )
    payload = event.payload["recipe"]
    assert (payload["version"], payload["status"], payload["outputItemId"]) == (
        1,
        "DRAFT",
        global_item_id(k.soap),
    )
    assert payload["ingredients"][0]["quantity"] == {"amount": "3.5", "unit": "cup"}


async def test_a_draft_is_edited_in_place_and_only_the_given_fields_change(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    # when
    edited = await update_recipe(
        sessions,
        owner.principal,
        recipe.id,
        name="Castile bar, slow trace",
        ingredients=[line(k.olive_oil, "720"), line(k.lye, "92")],
        portioning=None,
    )
    # then the same version changed, nothing else
    assert (edited.id, edited.version, edited.name) == (recipe.id, 1, "Castile bar, slow trace")
    assert edited.portion_name is None
    assert (edited.category, edited.yield_amount) == ("Soap", Decimal(1))
    assert [row[1:3] for row in await lines_now(sessions, owner.principal, recipe.id)] == [
        (k.wrapper.id, Decimal(8)),
        (k.mould.id, Decimal(1200)),
        (k.olive_oil.id, Decimal(720)),
        (k.lye.id, Decimal(92)),
    ]
    [event] = await events_of(sessions, owner.organization_id, "recipe.updated")
    assert event.payload["changedFields"] == ["ingredients", "name", "portioning"]
    assert (event.payload["newVersion"], event.sequence) == (False, 2)


async def test_an_edit_that_changes_nothing_writes_nothing(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    before = await counts(sessions)
    edited = await run(sessions, updating(owner.principal, recipe.id, name="Castile bar"))
    assert (edited.recipe.id, list(edited.changed)) == (recipe.id, [])
    assert await counts(sessions) == before


async def test_own_steps_keep_their_keys_when_edited(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    melt, lye = await steps_now(sessions, owner.principal, recipe.id)
    # when the lye step is reworded and moved first, the melt step dropped, one added
    await update_recipe(
        sessions,
        owner.principal,
        recipe.id,
        steps=[step("Add the lye slowly", key=lye.key), step("Pour")],
    )
    # then
    [first, second] = await steps_now(sessions, owner.principal, recipe.id)
    assert (first.key, first.content.text) == (lye.key, "Add the lye slowly")
    assert second.content.text == "Pour"
    assert second.key not in {melt.key, lye.key}


async def test_publishing_needs_an_ingredient(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k, ingredients=[]))
    problem = await refused(sessions, publishing(owner.principal, recipe.id))
    assert (problem.code, problem.field) == ("INGREDIENTS_REQUIRED", ("id",))


async def test_publishing_makes_the_draft_immutable_and_current(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    published = await publish(sessions, owner.principal, recipe.id)
    assert (published.id, published.status, published.is_current) == (
        recipe.id,
        RecipeStatus.PUBLISHED,
        True,
    )
    assert published.published_at is not None
    # publishing again changes nothing
    assert (await publish(sessions, owner.principal, recipe.id)).id == recipe.id
    [event] = await events_of(sessions, owner.organization_id, "recipe.published")
    assert (event.payload["supersededRecipeId"], event.payload["recipe"]["status"]) == (
        None,
        "PUBLISHED",
    )


async def test_archiving_archives_every_version_and_stops_edits(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, recipe.id)
    draft = await update_recipe(sessions, owner.principal, recipe.id, notes="Cure eight weeks.")
    # when
    archived = await run(sessions, archiving(owner.principal, recipe.id))
    # then both versions are archived, and the recipe changes no more
    assert archived.id == draft.id
    async with unit_of_work(sessions, write=False) as session:
        found = await queries.list_versions(
            session, owner.principal, lineage_id=recipe.id, page=PageRequest()
        )
    assert [(v.version, v.status) for v in found.items] == [(1, "ARCHIVED"), (2, "ARCHIVED")]
    assert [v.published_at is not None for v in found.items] == [True, False]
    before = await counts(sessions)
    for attempt in (
        updating(owner.principal, recipe.id, name="Again"),
        publishing(owner.principal, draft.id),
    ):
        problem = await refused(sessions, attempt)
        assert (problem.code, problem.field) == ("RECIPE_ARCHIVED", ("id",))
    assert await counts(sessions) == before
    # archiving again is a no-op
    await run(sessions, archiving(owner.principal, draft.id))
    assert len(await events_of(sessions, owner.organization_id, "recipe.archived")) == 1


async def test_every_change_of_a_recipe_is_on_its_lineages_stream(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, recipe.id)
    second = await update_recipe(sessions, owner.principal, recipe.id, notes="v2")
    await publish(sessions, owner.principal, second.id)
    await run(sessions, archiving(owner.principal, second.id))
    events = await events_of(sessions, owner.organization_id)
    recipe_events = [e for e in events if e.entity_type == "Recipe"]
    assert [(e.type, e.entity_id, e.sequence) for e in recipe_events] == [
        ("recipe.created", public_recipe_id(recipe.id), 1),
        ("recipe.published", public_recipe_id(recipe.id), 2),
        ("recipe.updated", public_recipe_id(recipe.id), 3),
        ("recipe.published", public_recipe_id(recipe.id), 4),
        ("recipe.archived", public_recipe_id(recipe.id), 5),
    ]
    assert [e.payload["recipe"]["id"] for e in recipe_events] == [
        public_recipe_id(recipe.id),
        public_recipe_id(recipe.id),
        public_recipe_id(second.id),
        public_recipe_id(second.id),
        public_recipe_id(second.id),
    ]
    assert recipe_events[2].payload["newVersion"] is True
    assert recipe_events[2].payload["recipe"]["version"] == 2
    assert recipe_events[3].payload["supersededRecipeId"] == public_recipe_id(recipe.id)


async def test_recipes_lists_each_recipe_by_its_current_version_filtered(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    balm = await create_item(sessions, owner.principal, "Lip balm", type="PRODUCT")
    castile = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, castile.id)
    await update_recipe(sessions, owner.principal, castile.id, notes="a draft v2")
    lip = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, name="Honey lip balm", category="BALMS", output_item_id=balm.id),
    )
    old = await create_recipe(sessions, owner.principal, **soap_recipe(k, name="Old soap"))
    await run(sessions, archiving(owner.principal, old.id))

    async def listed(**conditions: Any) -> list[int]:
        async with unit_of_work(sessions, write=False) as session:
            page = await queries.list_recipes(
                session, owner.principal, filters=RecipeFilter(**conditions), page=PageRequest()
            )
        return [recipe.id for recipe in page.items]

    assert await listed() == [castile.id, lip.id]  # v1 is current; archived left out
    assert await listed(status="PUBLISHED") == [castile.id]
    assert await listed(status="DRAFT") == [lip.id]
    assert await listed(status="ARCHIVED") == [old.id]
    assert await listed(category="balms") == [lip.id]
    assert await listed(output_item_id=balm.id) == [lip.id]
    assert await listed(search="HONEY") == [lip.id]
    assert await listed(search="%") == []
    async with unit_of_work(sessions, write=False) as session:
        assert await queries.categories(session, owner.principal) == ["BALMS", "Soap"]


async def test_the_lines_resolved_for_use_convert_with_todays_items(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(
            k,
            ingredients=[line(k.olive_oil, "1", "cup"), line(k.lye, "0.2", "lb")],
            containers=[container(k.mould, ("1.5", "kg"))],
        ),
    )
    async with unit_of_work(sessions, write=False) as session:
        resolved = await lines.resolved_recipe(session, owner.principal, recipe_id=recipe.id)
    assert resolved is not None
    oil, lye = resolved.ingredients
    # 1 cup = 236.5882365 ml x 0.91 g/ml = 215.295295215 g, to the item's 3 places
    assert (oil.item.id, oil.quantity.base_amount, oil.quantity.base_unit) == (
        k.olive_oil.id,
        Decimal("215.295"),
        "g",
    )
    # 0.2 lb = 0.2 x 453.59237 g = 90.718474 g -> 90.718
    assert lye.quantity.base_amount == Decimal("90.718")
    assert (resolved.predicted_yield.base_amount, resolved.portion_size) is not None
    assert resolved.predicted_yield.base_amount == Decimal(1000)
    [mould] = resolved.containers
    assert (mould.item.id, mould.quantity.base_amount) == (k.mould.id, Decimal(1500))
    [wrapper] = resolved.consumables
    assert wrapper.quantity.base_amount == Decimal(8)
    # when the oil loses its density, its line no longer converts, and says why
    await update_item(sessions, owner.principal, k.olive_oil.id, density=None)
    async with unit_of_work(sessions, write=False) as session:
        resolved = await lines.resolved_recipe(session, owner.principal, recipe_id=recipe.id)
    assert resolved is not None
    oil = resolved.ingredients[0]
    assert oil.quantity.base_amount is None
    assert oil.quantity.problem is not None
    assert "density" in oil.quantity.problem


async def test_recipes_need_their_permissions(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    maker = await add_member(sessions, owner.principal, role="maker")
    with pytest.raises(PermissionDenied):
        await create_recipe(sessions, maker.principal, **soap_recipe(k))
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    async with unit_of_work(sessions, write=False) as session:
        found = await queries.get_recipe(session, maker.principal, recipe_id=recipe.id)
    assert found is not None
    assert found.id == recipe.id


async def test_another_organizations_recipe_is_not_seen(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    other = await sign_up(sessions)
    async with unit_of_work(sessions, write=False) as session:
        assert await queries.get_recipe(session, other.principal, recipe_id=recipe.id) is None
        assert await lines.resolved_recipe(session, other.principal, recipe_id=recipe.id) is None
    problem = await refused(sessions, updating(other.principal, recipe.id, name="Mine"))
    assert (problem.code, problem.field) == ("NOT_FOUND", ("id",))


async def test_a_yield_in_pounds_is_kept_in_pounds(sessions, owner):
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(
        sessions, owner.principal, **soap_recipe(k, predicted_yield=qty("2.5", "LB"))
    )
    assert (recipe.yield_amount, recipe.yield_unit) == (Decimal("2.5"), "lb")
