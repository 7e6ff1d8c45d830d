"""Per-request DataLoaders of the recipe domain: each batches the lookups a query makes
for many recipes (their lines, steps, sources, current versions) into one service call.
A line's item goes through the inventory domain's item loader."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from resolvers.common import request_loader
from resolvers.context import Context, Info
from services.pagination import Page, PageRequest
from services.recipes import queries
from services.recipes.models import Recipe, RecipeKind, RecipeLine
from services.recipes.steps import ResolvedStep


async def _recipes(context: Context, keys: Sequence[int]) -> list[Recipe | None]:
    async with context.reading() as session:
        found = await queries.recipes_by_id(session, context.principal, keys)
    return [found.get(key) for key in keys]


async def _current(context: Context, keys: Sequence[int]) -> list[Recipe | None]:
    async with context.reading() as session:
        found = await queries.current_by_lineage(session, context.principal, keys)
    return [found.get(key) for key in keys]


async def _lines(context: Context, keys: Sequence[int]) -> list[list[RecipeLine]]:
    async with context.reading() as session:
        found = await queries.lines_of(session, context.principal, keys)
    return [found[key] for key in keys]


async def _steps(context: Context, keys: Sequence[int]) -> list[list[ResolvedStep]]:
    async with context.reading() as session:
        found = await queries.steps_of(session, context.principal, keys)
    return [found[key] for key in keys]


def recipe_by_id(info: Info) -> DataLoader[int, Recipe | None]:
    return request_loader(info, "RecipeByIdLoader", _recipes)


def current_by_lineage(info: Info) -> DataLoader[int, Recipe | None]:
    return request_loader(info, "CurrentRecipeByLineageLoader", _current)


def lines_by_recipe(info: Info) -> DataLoader[int, list[RecipeLine]]:
    return request_loader(info, "RecipeLinesByRecipeLoader", _lines)


def steps_by_recipe(info: Info) -> DataLoader[int, list[ResolvedStep]]:
    return request_loader(info, "RecipeStepsByRecipeLoader", _steps)


async def versions(info: Info, lineage_id: int, page: PageRequest) -> Page[Recipe]:
    """One page of a recipe's versions (one recipe's nested list, so not batched)."""
    async with info.context.reading() as session:
        return await queries.list_versions(
            session, info.context.principal, lineage_id=lineage_id, page=page
        )


async def descendants(
    info: Info, lineage_id: int, kind: RecipeKind, page: PageRequest
) -> Page[Recipe]:
    async with info.context.reading() as session:
        return await queries.list_descendants(
            session, info.context.principal, lineage_id=lineage_id, kind=kind, page=page
        )
