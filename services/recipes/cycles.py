"""No recipe may need its own output: not as an ingredient, nor as an ingredient of the
recipe that makes one of its ingredients, and so on through intermediates.

The recipes that make an item are the live versions of the organization's recipes: the
current version of each recipe and any draft (the next version being prepared), archived
recipes excepted, and the recipe being changed replaced by its new content. One query per
level of intermediates.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.inventory.models import InventoryItem
from services.recipes.content import Line
from services.recipes.models import LineKind, Recipe, RecipeLine, RecipeStatus

Field = tuple[str, ...]


async def check_no_cycle(
    session: AsyncSession,
    organization_id: int,
    *,
    lineage_id: int | None,
    output_item_id: int,
    ingredients: Sequence[Line],
    blame: Field | None,
    output_field: Field,
) -> None:
    """Refuse RECIPE_CYCLE naming the ingredient line that leads back to the output
    (`blame` + its index, when the ingredients were given) or else the output item."""
    origin: dict[int, int] = {}
    for index, line in enumerate(ingredients):
        origin.setdefault(line.item_id, index)
    # item -> (the item whose recipe uses it, that recipe's name), to tell the path.
    used_by: dict[int, tuple[int, str]] = {}
    frontier = set(origin)
    while frontier and output_item_id not in origin:
        statement = (
            select(Recipe.output_item_id, Recipe.name, RecipeLine.item_id)
            .join(RecipeLine, RecipeLine.recipe_id == Recipe.id)
            .where(
                Recipe.organization_id == organization_id,
                Recipe.output_item_id.in_(frontier),
                Recipe.status != RecipeStatus.ARCHIVED.value,
                Recipe.is_current.is_(True) | (Recipe.status == RecipeStatus.DRAFT.value),
                RecipeLine.kind == LineKind.INGREDIENT.value,
            )
            .order_by(Recipe.id, RecipeLine.position)
        )
        if lineage_id is not None:
            statement = statement.where(Recipe.lineage_id != lineage_id)
        reached: set[int] = set()
        for made, recipe_name, used in (await session.execute(statement)).all():
            if used not in origin:
                origin[used] = origin[made]
                used_by[used] = (made, recipe_name)
                reached.add(used)
        frontier = reached
    if output_item_id in origin:
        await _refuse(session, output_item_id, origin[output_item_id], used_by, blame, output_field)


async def _refuse(
    session: AsyncSession,
    output_item_id: int,
    line_index: int,
    used_by: dict[int, tuple[int, str]],
    blame: Field | None,
    output_field: Field,
) -> None:
    # From the output up to the ingredient line it was reached from.
    path = [(output_item_id, "")]
    while path[-1][0] in used_by:
        path.append(used_by[path[-1][0]])
    rows = await session.execute(
        select(InventoryItem.id, InventoryItem.name).where(
            InventoryItem.id.in_({item for item, _ in path})
        )
    )
    names = {item: name for item, name in rows}
    line = f'Ingredient line {line_index + 1} is "{names[path[-1][0]]}"'
    made_from = [
        f'which the recipe "{path[j][1]}" makes from "{names[path[j - 1][0]]}"'
        for j in range(len(path) - 1, 0, -1)
    ]
    how = ", ".join([line, *made_from]) if made_from else f"{line}, the recipe's own output"
    field = (*blame, str(line_index), "item_id") if blame is not None else output_field
    raise UserInputError(
        ErrorCode.RECIPE_CYCLE,
        f"{how}. A recipe cannot use its own output, directly or through the recipes of its "
        "intermediates: remove the line or choose another output item.",
        field,
    )
