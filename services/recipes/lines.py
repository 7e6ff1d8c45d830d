"""A recipe version's lines resolved for use: each with its item and its quantity in the
item's base unit, converted now (with today's densities and custom units), for costing,
scaling and batches.

A stored line keeps the amount and unit as entered; whether it still converts depends on
the item as it is now (its density may have been cleared). A line that does not convert
is resolved with `base_amount` None and the reason in `problem`, never refused here:
callers decide what a line they cannot use means (a planned cost lists it as unpriced).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.errors import UserInputError
from services.inventory.models import InventoryItem
from services.permissions import Principal, require_permission
from services.recipes import content, queries
from services.recipes.models import LineKind, Recipe, RecipeLine
from services.units import service as units
from services.units.catalog import BUILTIN_UNITS, Unit, convert, unit_key


@dataclass(frozen=True)
class ResolvedQuantity:
    amount: Decimal  # as entered
    unit: str
    # In the item's base unit as inventory would record it (exact in the item's own unit;
    # from another unit converted exactly and rounded half-even to the item's precision);
    # None when it does not convert now, `problem` saying why.
    base_amount: Decimal | None
    base_unit: str
    problem: str | None = None


@dataclass(frozen=True)
class ResolvedLine:
    kind: LineKind
    position: int  # 1, 2, 3 ... within its list
    item: InventoryItem
    # For a container: its capacity, in the output item's base unit.
    quantity: ResolvedQuantity
    note: str | None


@dataclass(frozen=True)
class ResolvedRecipe:
    recipe: Recipe
    output_item: InventoryItem
    predicted_yield: ResolvedQuantity
    portion_size: ResolvedQuantity | None
    ingredients: tuple[ResolvedLine, ...]
    consumables: tuple[ResolvedLine, ...]
    containers: tuple[ResolvedLine, ...]


def resolve_quantity(
    item: InventoryItem, amount: Decimal, unit_name: str, known: dict[str, Unit]
) -> ResolvedQuantity:
    """`amount` `unit_name` of `item` in its base unit, by the units `known` (units_of)."""
    unit = known.get(unit_key(unit_name))
    base = BUILTIN_UNITS[item.base_unit]
    if unit is None:
        problem = f'The unit "{unit_name}" is no longer known.'
        return ResolvedQuantity(amount, unit_name, None, item.base_unit, problem)
    own_unit = unit.name == base.name
    try:
        converted = convert(
            amount,
            unit,
            base,
            density=item.density,
            item_name=item.name,
            places=None if own_unit else item.quantity_precision,
        )
    except UserInputError as error:
        return ResolvedQuantity(amount, unit_name, None, item.base_unit, error.message)
    return ResolvedQuantity(amount, unit_name, converted.amount, item.base_unit)


async def resolved_recipes(
    session: AsyncSession, principal: Principal | None, recipe_ids: Sequence[int]
) -> dict[int, ResolvedRecipe]:
    """The versions (of the caller's organization; others left out) with their lines
    resolved: a fixed number of queries whatever the number of versions and lines."""
    acting = require_permission(principal, "recipes.read")
    recipes = await queries.recipes_by_id(session, principal, recipe_ids)
    lines = await content.lines_by_recipe(session, list(recipes))
    item_ids = {recipe.output_item_id for recipe in recipes.values()}
    item_ids |= {line.item_id for found in lines.values() for line in found}
    items = {
        item.id: item
        for item in await session.scalars(
            select(InventoryItem).where(
                InventoryItem.organization_id == acting.organization_id,
                InventoryItem.id.in_(item_ids),
            )
        )
    }
    known = await units.units_of(session, acting.organization_id)
    resolved: dict[int, ResolvedRecipe] = {}
    for recipe in recipes.values():
        output = items[recipe.output_item_id]

        def line(row: RecipeLine, output: InventoryItem = output) -> ResolvedLine:
            # A container's capacity is an amount of the output it holds.
            measured = output if row.kind == LineKind.CONTAINER else items[row.item_id]
            quantity = resolve_quantity(measured, row.amount, row.unit, known)
            return ResolvedLine(
                LineKind(row.kind), row.position, items[row.item_id], quantity, row.note
            )

        by_kind = {
            kind: tuple(line(row) for row in lines[recipe.id] if row.kind == kind)
            for kind in LineKind
        }
        portion = None
        if recipe.portion_size_amount is not None and recipe.portion_size_unit is not None:
            portion = resolve_quantity(
                output, recipe.portion_size_amount, recipe.portion_size_unit, known
            )
        resolved[recipe.id] = ResolvedRecipe(
            recipe=recipe,
            output_item=output,
            predicted_yield=resolve_quantity(output, recipe.yield_amount, recipe.yield_unit, known),
            portion_size=portion,
            ingredients=by_kind[LineKind.INGREDIENT],
            consumables=by_kind[LineKind.CONSUMABLE],
            containers=by_kind[LineKind.CONTAINER],
        )
    return resolved


async def resolved_recipe(
    session: AsyncSession, principal: Principal | None, *, recipe_id: int
) -> ResolvedRecipe | None:
    """One version with its lines resolved; None if the organization has no such one."""
    return (await resolved_recipes(session, principal, [recipe_id])).get(recipe_id)
