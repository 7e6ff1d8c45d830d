"""Reading recipes, always within the caller's organization: one version, lists of
recipes, versions and descendants, and (batched, for many versions at once) their lines
and resolved steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.bound import lift
from services.pagination import Columns, Page, PageRequest, paginate, selected_one, selecting
from services.permissions import Principal, require_permission
from services.recipes import content, steps
from services.recipes.models import LineKind, Recipe, RecipeKind, RecipeLine, RecipeStatus
from services.recipes.steps import ResolvedStep
from services.validation import contains_pattern


def readable(principal: Principal | None, columns: Columns = None) -> Select[Any]:
    """The caller's organization's recipe versions (or the named `columns` of them): where
    every recipe read starts."""
    acting = require_permission(principal, "recipes.read")
    return selecting(Recipe, columns).where(Recipe.organization_id == acting.organization_id)


# A version's id, or (in a planned read's one statement) the SQL of the parent row's,
# which makes the rows a correlated subquery of their parent.
RecipeKey = int | ColumnElement[int]


def recipe_by_key(
    principal: Principal | None, key: RecipeKey, columns: Columns = None
) -> Select[Any]:
    return readable(principal, columns).where(Recipe.id == key)


async def get_recipe(
    session: AsyncSession, principal: Principal | None, *, recipe_id: int, columns: Columns = None
) -> Any:
    """The version (or a row of the named `columns`), as it is (an old one unchanged); None
    if the organization has none."""
    return await selected_one(session, recipe_by_key(principal, recipe_id, columns), columns)


async def recipes_by_id(
    session: AsyncSession, principal: Principal | None, recipe_ids: Sequence[int]
) -> dict[int, Recipe]:
    statement = readable(principal).where(Recipe.id.in_(set(recipe_ids)))
    if not recipe_ids:
        return {}
    return {recipe.id: recipe for recipe in await session.scalars(statement)}


async def current_by_lineage(
    session: AsyncSession, principal: Principal | None, lineage_ids: Sequence[int]
) -> dict[int, Recipe]:
    """The current version of each lineage, by lineage id."""
    statement = readable(principal).where(
        Recipe.lineage_id.in_(set(lineage_ids)), Recipe.is_current.is_(True)
    )
    if not lineage_ids:
        return {}
    return {recipe.lineage_id: recipe for recipe in await session.scalars(statement)}


@dataclass(frozen=True)
class RecipeFilter:
    """Which recipes to list (each by its current version); all conditions must hold.
    Without a status, archived recipes are left out."""

    status: str | None = None
    category: str | None = None
    output_item_id: int | None = None
    search: str | None = None
    include_tests: bool = False


def _category_key(category: str) -> str:
    return category.strip().casefold()


def recipe_rows(
    principal: Principal | None, filters: RecipeFilter, columns: Columns = None
) -> Select[Any]:
    """One version per recipe that passes `filters`, its current one, in no particular order."""
    statement = readable(principal, columns).where(Recipe.is_current.is_(True))
    if filters.status is not None:
        statement = statement.where(Recipe.status == filters.status)
    else:
        statement = statement.where(Recipe.status != RecipeStatus.ARCHIVED.value)
    if filters.category is not None:
        statement = statement.where(Recipe.category_key == lift(filters.category, _category_key))
    if filters.output_item_id is not None:
        statement = statement.where(Recipe.output_item_id == filters.output_item_id)
    if filters.search:
        pattern = lift(filters.search, contains_pattern)
        statement = statement.where(Recipe.name_key.like(pattern, escape="\\"))
    if not filters.include_tests:
        statement = statement.where(Recipe.kind != RecipeKind.TEST.value)
    return statement


async def list_recipes(
    session: AsyncSession,
    principal: Principal | None,
    *,
    filters: RecipeFilter,
    page: PageRequest,
    columns: Columns = None,
) -> Page[Any]:
    """One version per recipe, its current one, in id order."""
    return await paginate(session, recipe_rows(principal, filters, columns), Recipe.id, page)


async def list_versions(
    session: AsyncSession, principal: Principal | None, *, lineage_id: int, page: PageRequest
) -> Page[Recipe]:
    """Every version of the recipe, oldest first."""
    statement = readable(principal).where(Recipe.lineage_id == lineage_id)
    return await paginate(session, statement, Recipe.id, page)


async def list_descendants(
    session: AsyncSession,
    principal: Principal | None,
    *,
    lineage_id: int,
    kind: RecipeKind,
    page: PageRequest,
) -> Page[Recipe]:
    """The variations (or tests) made from any version of the recipe, each by its
    current version, archived ones included, oldest first."""
    statement = readable(principal).where(
        Recipe.source_lineage_id == lineage_id,
        Recipe.kind == kind.value,
        Recipe.is_current.is_(True),
    )
    return await paginate(session, statement, Recipe.id, page)


async def lines_of(
    session: AsyncSession, principal: Principal | None, recipe_ids: Sequence[int]
) -> dict[int, list[RecipeLine]]:
    """The lines of each version (ingredients, consumables, containers, each in order)."""
    mine = await recipes_by_id(session, principal, recipe_ids)
    found = await content.lines_by_recipe(session, list(mine))
    return {key: found.get(key, []) for key in recipe_ids}


def _lines(principal: Principal | None, kind: LineKind, columns: Columns) -> Select[Any]:
    acting = require_permission(principal, "recipes.read")
    return selecting(RecipeLine, columns).where(
        RecipeLine.organization_id == acting.organization_id, RecipeLine.kind == kind.value
    )


def line_rows(
    principal: Principal | None, recipe_key: RecipeKey, kind: LineKind, columns: Columns = None
) -> Select[Any]:
    """One list of a version's lines (ingredients, consumables or containers), in order."""
    statement = _lines(principal, kind, columns).where(RecipeLine.recipe_id == recipe_key)
    return statement.order_by(RecipeLine.position)


async def lines_of_kind(
    session: AsyncSession,
    principal: Principal | None,
    recipe_ids: Sequence[int],
    kind: LineKind,
    columns: Sequence[str],
) -> dict[int, list[Any]]:
    """One list of the lines of each version (rows of the named `columns`), in order."""
    found: dict[int, list[Any]] = {key: [] for key in recipe_ids}
    if not recipe_ids:
        return found
    statement = (
        _lines(principal, kind, tuple(dict.fromkeys(("recipe_id", *columns))))
        .where(RecipeLine.recipe_id.in_(set(recipe_ids)))
        .order_by(RecipeLine.recipe_id, RecipeLine.position)
    )
    for row in await session.execute(statement):
        found[row.recipe_id].append(row)
    return found


async def steps_of(
    session: AsyncSession, principal: Principal | None, recipe_ids: Sequence[int]
) -> dict[int, list[ResolvedStep]]:
    """The steps of each version, resolved through its sources now."""
    acting = require_permission(principal, "recipes.read")
    mine = await recipes_by_id(session, principal, recipe_ids)
    found = await steps.resolved_steps(session, acting.organization_id, list(mine.values()))
    return {key: found.get(key, []) for key in recipe_ids}


async def categories(session: AsyncSession, principal: Principal | None) -> list[str]:
    """The categories the organization's recipes (current versions, not archived) are
    in, each once whatever its letter case, in alphabetical order."""
    acting = require_permission(principal, "recipes.read")
    rows = await session.execute(
        select(Recipe.category_key, func.min(Recipe.category))
        .where(
            Recipe.organization_id == acting.organization_id,
            Recipe.is_current.is_(True),
            Recipe.status != RecipeStatus.ARCHIVED.value,
            Recipe.category_key.is_not(None),
        )
        .group_by(Recipe.category_key)
        .order_by(Recipe.category_key)
    )
    return [str(name) for _, name in rows]
