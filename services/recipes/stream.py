"""Recipe events and their payloads (the GraphQL names and IDs).

Every event of a recipe is on its lineage's stream: the entity is the `Recipe` named by
the ID of its version 1, whichever version the change made or touched, so one sequence
orders the recipe's whole history (a new version, then its publication). The version the
change is about is `recipe` in the data, with its own ID and `version`. Writers hold the
lineage's lock (services/recipes/versions.py), under which the sequence is taken.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services.events import Event, append_event
from services.ids import to_global_id
from services.inventory.payloads import decimal_string, item_id
from services.naming import camel_case
from services.recipes.content import Amount, Content, Line
from services.recipes.models import Recipe

ENTITY_TYPE = "Recipe"


def recipe_id(key: int) -> str:
    return to_global_id(ENTITY_TYPE, key)


def _amount(amount: Amount) -> dict[str, Any]:
    return {"amount": decimal_string(amount.amount), "unit": amount.unit}


def _line(line: Line) -> dict[str, Any]:
    return {"itemId": item_id(line.item_id), "quantity": _amount(line.quantity), "note": line.note}


def recipe_payload(recipe: Recipe, content: Content) -> dict[str, Any]:
    portioning = content.portioning
    return {
        "id": recipe_id(recipe.id),
        "firstVersionId": recipe_id(recipe.lineage_id),
        "version": recipe.version,
        "kind": recipe.kind,
        "status": recipe.status,
        "isCurrent": recipe.is_current,
        "name": content.name,
        "category": content.category,
        "labelPrefix": content.label_prefix,
        "outputItemId": item_id(content.output_item_id),
        "predictedYield": _amount(content.predicted_yield),
        "portioning": None
        if portioning is None
        else {"name": portioning.name, "count": portioning.count, "size": _amount(portioning.size)},
        "ingredients": [_line(line) for line in content.ingredients],
        "consumables": [_line(line) for line in content.consumables],
        "containers": [
            {"itemId": item_id(line.item_id), "capacity": _amount(line.quantity)}
            for line in content.containers
        ],
        "sourceRecipeId": None
        if recipe.source_recipe_id is None
        else recipe_id(recipe.source_recipe_id),
    }


def changed_fields(names: list[str]) -> list[str]:
    return sorted(camel_case(name) for name in names)


async def append_recipe_event(
    session: AsyncSession, recipe: Recipe, content: Content, type: str, **data: Any
) -> Event:
    """Append `type` to the stream of `recipe`'s lineage, its data the version and `data`."""
    return await append_event(
        session,
        organization_id=recipe.organization_id,
        type=type,
        entity_type=ENTITY_TYPE,
        entity_id=recipe_id(recipe.lineage_id),
        payload={"recipe": recipe_payload(recipe, content), **data},
    )
