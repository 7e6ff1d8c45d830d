"""Every bad input of the batch operations: a userError with a stable code naming the
field, and nothing changed (no batch, no stock moved, no event)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.services.accounts.givens import Actor, Sessions, all_refusals, sign_up
from tests.services.batches.givens import batch_count, starting
from tests.services.inventory.givens import event_count, receive, snapshot, update_item
from tests.services.recipes.givens import (
    Kitchen,
    archiving,
    create_recipe,
    kitchen,
    line,
    run,
    soap_recipe,
)

pytestmark = pytest.mark.batches


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    return await sign_up(sessions)


@pytest.fixture
async def k(sessions: Sessions, owner: Actor) -> Kitchen:
    kit = await kitchen(sessions, owner.principal)
    await receive(sessions, owner.principal, kit.olive_oil.id, "7000", total_cost="70")
    await receive(sessions, owner.principal, kit.lye.id, "900", total_cost="45")
    await receive(sessions, owner.principal, kit.wrapper.id, "80", "each", total_cost="8")
    return kit


async def _refused_and_unchanged(
    sessions: Sessions, k: Kitchen, step: Any
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    before = [await snapshot(sessions, item.id) for item in (k.olive_oil, k.lye, k.wrapper)]
    events, batches = await event_count(sessions), await batch_count(sessions)
    problems = await all_refusals(sessions, step)
    after = [await snapshot(sessions, item.id) for item in (k.olive_oil, k.lye, k.wrapper)]
    assert after == before
    assert (await event_count(sessions), await batch_count(sessions)) == (events, batches)
    return tuple((str(p.code), p.field) for p in problems)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"factor": "0"}, (("NOT_POSITIVE", ("scale",)),)),
        ({"factor": "-1"}, (("NOT_POSITIVE", ("scale",)),)),
        ({"factor": "10001"}, (("OUT_OF_RANGE", ("scale",)),)),
        ({"target": ("0", "kg")}, (("NOT_POSITIVE", ("target_yield", "amount")),)),
        ({"target": ("-2", "kg")}, (("NOT_POSITIVE", ("target_yield", "amount")),)),
        ({"target": ("1", "parsec")}, (("UNKNOWN_UNIT", ("target_yield", "unit")),)),
        ({"factor": "1", "target": ("1", "kg")}, (("INVALID", ("target_yield",)),)),
    ],
)
async def test_a_scale_or_yield_that_is_not_positive_is_refused(
    sessions: Sessions, owner: Actor, k: Kitchen, options: dict[str, Any], expected: Any
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))

    assert (
        await _refused_and_unchanged(sessions, k, starting(owner.principal, recipe.id, **options))
        == expected
    )


async def test_an_unknown_recipe_is_not_found(sessions: Sessions, owner: Actor, k: Kitchen) -> None:
    assert await _refused_and_unchanged(sessions, k, starting(owner.principal, 987_654)) == (
        ("NOT_FOUND", ("recipe_id",)),
    )


async def test_another_organizations_recipe_is_as_if_it_did_not_exist(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    theirs = await sign_up(sessions)
    their_recipe = await create_recipe(
        sessions, theirs.principal, **soap_recipe(await kitchen(sessions, theirs.principal))
    )

    assert await _refused_and_unchanged(
        sessions, k, starting(owner.principal, their_recipe.id)
    ) == (("NOT_FOUND", ("recipe_id",)),)


async def test_an_archived_recipe_makes_no_batch(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await run(sessions, archiving(owner.principal, recipe.id))

    assert await _refused_and_unchanged(sessions, k, starting(owner.principal, recipe.id)) == (
        ("RECIPE_ARCHIVED", ("recipe_id",)),
    )


async def test_a_line_whose_unit_no_longer_converts_is_refused(
    sessions: Sessions, owner: Actor, k: Kitchen
) -> None:
    recipe = await create_recipe(
        sessions,
        owner.principal,
        **soap_recipe(k, ingredients=[line(k.olive_oil, "3", "cup"), line(k.lye, "90")]),
    )
    await update_item(sessions, owner.principal, k.olive_oil.id, density=None)

    assert await _refused_and_unchanged(sessions, k, starting(owner.principal, recipe.id)) == (
        ("UNIT_CONVERSION_FAILED", ("recipe_id",)),
    )
