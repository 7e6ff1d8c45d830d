"""Concurrent edits of one recipe on PostgreSQL: the lineage lock orders them, so a
published recipe gets exactly one next version whatever the number of editors, and its
events are numbered without a gap or a clash."""

from __future__ import annotations

import asyncio

import pytest

from services.db import unit_of_work
from tests.services.accounts.givens import sign_up
from tests.services.inventory.givens import events_of
from tests.services.recipes.givens import (
    create_recipe,
    kitchen,
    publish,
    publishing,
    soap_recipe,
    updating,
    versions_of,
)

pytestmark = pytest.mark.recipes

EDITORS = 8


async def test_editors_of_a_published_recipe_share_one_next_version(sessions, pooled):
    owner = await sign_up(sessions)
    k = await kitchen(sessions, owner.principal)
    recipe = await create_recipe(sessions, owner.principal, **soap_recipe(k))
    await publish(sessions, owner.principal, recipe.id)

    async def edit(number: int) -> None:
        step = updating(owner.principal, recipe.id, notes=f"Note {number}")
        async with unit_of_work(pooled) as session:
            await step(session)

    # when editors change it at once, and one publishes
    async def publish_now() -> None:
        async with unit_of_work(pooled) as session:
            await publishing(owner.principal, recipe.id)(session)

    await asyncio.gather(*(edit(n) for n in range(EDITORS)), publish_now())

    # then every edit landed on one draft or the next after a publication: the versions
    # count up without a gap, one current, at most one draft, the latest
    versions = await versions_of(sessions, recipe.id)
    assert [v.version for v in versions] == list(range(1, len(versions) + 1))
    assert sum(v.is_current for v in versions) == 1
    assert [v.status for v in versions[:-1]] == ["PUBLISHED"] * (len(versions) - 1)
    assert len(versions) <= 3
    events = await events_of(sessions, owner.organization_id)
    sequences = [e.sequence for e in events if e.entity_type == "Recipe"]
    assert sequences == list(range(1, len(sequences) + 1))
    assert sum(e.type == "recipe.updated" for e in events) == EDITORS
