"""The recipe types and root fields that planned reads cover: a version's plain fields, its
output item and its lists of lines with their items, read through the same services with
the same arguments as resolvers/recipes.py. Steps (resolved through a variation's sources
now), costs and scaling are left to the standard executor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from resolvers.planned.inventory import (
    ITEM_OF,
    item_of,
    organization_env,
    organization_sql_env,
    same_env,
)
from resolvers.planned.inventory import page_argument as _page
from resolvers.planned.plan import (
    Caller,
    Catalog,
    RelationField,
    RootField,
    RowType,
    Scope,
    SqlRows,
    by_graphql_name,
    input_argument,
)
from resolvers.recipes import recipe_filter, recipe_key
from schema.recipes import CONTAINER_FIELDS, LINE_FIELDS, RECIPE_FIELDS, RecipeFilter
from schema.row_fields import Row
from services.pagination import Page
from services.recipes import queries
from services.recipes.models import LineKind, Recipe, RecipeLine

Columns = tuple[str, ...]


def _filter(args: dict[str, Any]) -> queries.RecipeFilter:
    return recipe_filter(input_argument(args, "filter", RecipeFilter))


async def _recipes(scope: Scope, args: dict[str, Any], columns: Columns) -> Page[Row]:
    return await queries.list_recipes(
        scope.session, scope.principal, filters=_filter(args), page=_page(args), columns=columns
    )


def _recipes_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = queries.recipe_rows(scope.principal, _filter(args), columns)
    return SqlRows(statement, Recipe.id, _page(args))


async def _recipe(scope: Scope, args: dict[str, Any], columns: Columns) -> Row | None:
    key = recipe_key(args["id"])
    return await queries.get_recipe(scope.session, scope.principal, recipe_id=key, columns=columns)


def _recipe_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    return SqlRows(queries.recipe_by_key(scope.principal, recipe_key(args["id"]), columns))


def _lines(kind: LineKind, target: str) -> RelationField:
    """One of a version's lists of lines (`ingredients`, `consumables`, `containers`)."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[list[Row]]:
        keys = [parent.id for parent in parents]
        found = await queries.lines_of_kind(scope.session, scope.principal, keys, kind, columns)
        return [found[key] for key in keys]

    def rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
        statement = queries.line_rows(scope.principal, parent.id, kind, columns)
        return SqlRows(statement, RecipeLine.position)

    return RelationField(
        (), target, load, same_env, child_columns=("id", "position"), rows=rows, many=True
    )


CATALOG = Catalog(
    roots={
        "recipes": RootField(
            "Recipe", _recipes, organization_env, rows=_recipes_rows, sql_env=organization_sql_env
        ),
        "recipe": RootField(
            "Recipe", _recipe, organization_env, rows=_recipe_rows, sql_env=organization_sql_env
        ),
    },
    types={
        "Recipe": RowType(
            "Recipe",
            {
                **by_graphql_name(RECIPE_FIELDS),
                "outputItem": item_of("output_item_id"),
                "ingredients": _lines(LineKind.INGREDIENT, "RecipeLine"),
                "consumables": _lines(LineKind.CONSUMABLE, "RecipeLine"),
                "containers": _lines(LineKind.CONTAINER, "RecipeContainer"),
            },
        ),
        "RecipeLine": RowType("RecipeLine", {**by_graphql_name(LINE_FIELDS), "item": ITEM_OF}),
        "RecipeContainer": RowType(
            "RecipeContainer", {**by_graphql_name(CONTAINER_FIELDS), "item": ITEM_OF}
        ),
    },
)
