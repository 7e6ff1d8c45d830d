"""Versions of a recipe: which one an edit goes to, making the next one, and which one is
current.

Every writer of a recipe locks its lineage (the row of its version 1) first, so the
versions of a recipe, which of them is current, and the sequence of its events follow one
order. An edit of any version of a recipe edits the recipe: its latest version if that is
a draft (drafts are edited in place), else a new draft after it (published versions never
change). The current version, the one batches use, is the latest published one, or the
draft of a recipe never published.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.error_codes import ErrorCode
from services.errors import NotFound, UserInputError
from services.recipes.content import CHANGEABLE, Content, store_content
from services.recipes.models import Recipe, RecipeStatus

Field = tuple[str, ...]


async def find(session: AsyncSession, organization_id: int, recipe_id: int, field: Field) -> Recipe:
    """A version of the organization's, or NOT_FOUND on `field`."""
    found = await session.scalar(
        select(Recipe).where(Recipe.id == recipe_id, Recipe.organization_id == organization_id)
    )
    if found is None:
        raise NotFound("recipe", field)
    return found


async def lock_lineages(session: AsyncSession, lineage_ids: Iterable[int]) -> None:
    """Row-lock the lineages in id order (so writers of two cannot deadlock). SQLite
    serialises writers with BEGIN IMMEDIATE instead."""
    await session.execute(
        select(Recipe.id)
        .where(Recipe.id.in_(sorted(set(lineage_ids))))
        .order_by(Recipe.id)
        .with_for_update()
    )


async def latest(session: AsyncSession, lineage_id: int) -> Recipe:
    """The lineage's latest version, as stored now (read under its lock)."""
    found = await session.scalar(
        select(Recipe)
        .where(Recipe.lineage_id == lineage_id)
        .order_by(Recipe.version.desc())
        .limit(1)
        .execution_options(populate_existing=True)
    )
    assert found is not None, "a lineage has its version 1"
    return found


async def locked_latest(
    session: AsyncSession, organization_id: int, recipe_id: int, field: Field
) -> Recipe:
    """The latest version of the recipe `recipe_id` is a version of, its lineage locked;
    refused if that recipe is archived."""
    named = await find(session, organization_id, recipe_id, field)
    await lock_lineages(session, [named.lineage_id])
    found = await latest(session, named.lineage_id)
    refuse_archived(found, field)
    return found


def refuse_archived(recipe: Recipe, field: Field, what: str = "The recipe") -> None:
    if recipe.status == RecipeStatus.ARCHIVED:
        raise UserInputError(
            ErrorCode.RECIPE_ARCHIVED,
            f'{what} "{recipe.name}" is archived: it no longer changes. Make a new recipe '
            "(or a variation of another one) instead.",
            field,
        )


async def write(
    session: AsyncSession,
    latest_version: Recipe,
    content: Content,
    changed: Sequence[str],
    *,
    now: datetime,
) -> tuple[Recipe, bool]:
    """Put `content` (which differs from the latest version's in `changed`) on the
    recipe: the latest version if a draft, else a new draft version. Returns the version
    written and whether it is new."""
    if latest_version.status == RecipeStatus.DRAFT:
        await store_content(session, latest_version, content, changed, now=now)
        return latest_version, False
    following = Recipe(
        organization_id=latest_version.organization_id,
        lineage_id=latest_version.lineage_id,
        version=latest_version.version + 1,
        kind=latest_version.kind,
        source_recipe_id=latest_version.source_recipe_id,
        source_lineage_id=latest_version.source_lineage_id,
        root_lineage_id=latest_version.root_lineage_id,
        is_current=False,
        status=RecipeStatus.DRAFT.value,
        created_at=now,
        **_identity(content),
    )
    session.add(following)
    await session.flush()
    await store_content(session, following, content, CHANGEABLE, now=now)
    return following, True


def _identity(content: Content) -> dict[str, object]:
    """The columns a version cannot be inserted without (store_content sets them all)."""
    return {
        "name": content.name,
        "name_key": content.name.casefold(),
        "output_item_id": content.output_item_id,
        "yield_amount": content.predicted_yield.amount,
        "yield_unit": content.predicted_yield.unit,
    }


def new_lineage(
    organization_id: int, content: Content, *, now: datetime, **descent: object
) -> Recipe:
    """Version 1 of a new recipe, a draft and current (the caller flushes it, then sets
    its lineage to itself)."""
    return Recipe(
        organization_id=organization_id,
        version=1,
        is_current=True,
        status=RecipeStatus.DRAFT.value,
        created_at=now,
        **_identity(content),
        **descent,
    )


async def current_of(session: AsyncSession, lineage_id: int) -> Recipe:
    found = await session.scalar(
        select(Recipe).where(Recipe.lineage_id == lineage_id, Recipe.is_current.is_(True))
    )
    assert found is not None, "a lineage has a current version"
    return found


async def make_current(session: AsyncSession, recipe: Recipe) -> Recipe | None:
    """Make `recipe` its lineage's current version; returns the one it replaces."""
    previous = await current_of(session, recipe.lineage_id)
    if previous.id == recipe.id:
        return None
    # One current version per lineage is a unique index: unset, flush, then set.
    previous.is_current = False
    await session.flush()
    recipe.is_current = True
    await session.flush()
    return previous
