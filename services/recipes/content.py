"""What a recipe version holds (`Content`), what a caller may change of it
(`RecipeChanges`), and how content is read from and written to a version's rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.inventory.quantities import QuantityInput
from services.recipes import steps
from services.recipes.models import LineKind, Recipe, RecipeLine, RecipeStep
from services.recipes.steps import Layer

# --- what callers give -------------------------------------------------------------------


@dataclass(frozen=True)
class LineInput:
    item_id: int
    quantity: QuantityInput
    note: str | None = None


@dataclass(frozen=True)
class ContainerInput:
    item_id: int
    # None: the item's own containerCapacity.
    capacity: QuantityInput | None = None


@dataclass(frozen=True)
class PortioningInput:
    name: str
    count: int
    size: QuantityInput


@dataclass(frozen=True)
class TemperatureInput:
    value: Decimal
    unit: str


@dataclass(frozen=True)
class StepInput:
    text: str
    # An existing own step's key, to keep it (descendants' overrides refer to it); none
    # for a new step.
    key: str | None = None
    duration_minutes: int | None = None
    temperature: TemperatureInput | None = None
    # A variation's or test's own step: the inherited step it follows (none: the end).
    after: str | None = None


@dataclass(frozen=True)
class RecipeChanges:
    """The settable content of a recipe. On update only the names in `provided` change;
    a list given replaces the whole list."""

    name: str | None = None
    category: str | None = None
    notes: str | None = None
    output_item_id: int | None = None
    predicted_yield: QuantityInput | None = None
    ingredients: Sequence[LineInput] | None = None
    consumables: Sequence[LineInput] | None = None
    containers: Sequence[ContainerInput] | None = None
    portioning: PortioningInput | None = None
    label_prefix: str | None = None
    steps: Sequence[StepInput] | None = None
    provided: frozenset[str] = field(default_factory=frozenset)

    def given(self, name: str) -> bool:
        return name in self.provided


CHANGEABLE = tuple(f.name for f in fields(RecipeChanges) if f.name != "provided")


# --- what a version holds --------------------------------------------------------------


@dataclass(frozen=True)
class Amount:
    """An exact amount of a unit as entered, the unit by its catalog name."""

    amount: Decimal
    unit: str


@dataclass(frozen=True)
class Line:
    item_id: int
    quantity: Amount  # for a container: its capacity
    note: str | None = None


@dataclass(frozen=True)
class Portioning:
    name: str
    count: int
    size: Amount


@dataclass(frozen=True)
class Content:
    """Field names are RecipeChanges' (the changed ones are named in events)."""

    name: str
    category: str | None
    notes: str | None
    output_item_id: int
    predicted_yield: Amount
    ingredients: tuple[Line, ...]
    consumables: tuple[Line, ...]
    containers: tuple[Line, ...]
    portioning: Portioning | None
    label_prefix: str | None
    steps: Layer

    def changed_from(self, other: Content | None) -> list[str]:
        return [
            name
            for name in CHANGEABLE
            if other is None or getattr(self, name) != getattr(other, name)
        ]


LISTS: dict[str, LineKind] = {
    "ingredients": LineKind.INGREDIENT,
    "consumables": LineKind.CONSUMABLE,
    "containers": LineKind.CONTAINER,
}


async def lines_by_recipe(
    session: AsyncSession, recipe_ids: Sequence[int]
) -> dict[int, list[RecipeLine]]:
    """The lines of each version, in list order (no permission check: callers have one)."""
    found: dict[int, list[RecipeLine]] = {key: [] for key in recipe_ids}
    if not recipe_ids:
        return found
    rows = await session.scalars(
        select(RecipeLine)
        .where(RecipeLine.recipe_id.in_(set(recipe_ids)))
        .order_by(RecipeLine.recipe_id, RecipeLine.kind, RecipeLine.position)
    )
    for row in rows:
        found[row.recipe_id].append(row)
    return found


def _line(row: RecipeLine) -> Line:
    return Line(row.item_id, Amount(row.amount, row.unit), row.note)


async def load_content(session: AsyncSession, recipe: Recipe) -> Content:
    rows = (await lines_by_recipe(session, [recipe.id]))[recipe.id]
    layer = (await steps.layers(session, [recipe.id]))[recipe.id]
    listed = {
        name: tuple(_line(row) for row in rows if row.kind == kind) for name, kind in LISTS.items()
    }
    portioning = None
    if recipe.portion_name is not None:
        assert recipe.portion_count is not None
        assert recipe.portion_size_amount is not None
        portioning = Portioning(
            recipe.portion_name,
            recipe.portion_count,
            Amount(recipe.portion_size_amount, recipe.portion_size_unit or ""),
        )
    return Content(
        name=recipe.name,
        category=recipe.category,
        notes=recipe.notes,
        output_item_id=recipe.output_item_id,
        predicted_yield=Amount(recipe.yield_amount, recipe.yield_unit),
        portioning=portioning,
        label_prefix=recipe.label_prefix,
        steps=layer,
        **listed,
    )


def _columns(content: Content) -> dict[str, Any]:
    portioning = content.portioning
    return {
        "name": content.name,
        "name_key": content.name.casefold(),
        "category": content.category,
        "category_key": content.category.casefold() if content.category else None,
        "notes": content.notes,
        "output_item_id": content.output_item_id,
        "yield_amount": content.predicted_yield.amount,
        "yield_unit": content.predicted_yield.unit,
        "portion_name": portioning.name if portioning else None,
        "portion_count": portioning.count if portioning else None,
        "portion_size_amount": portioning.size.amount if portioning else None,
        "portion_size_unit": portioning.size.unit if portioning else None,
        "label_prefix": content.label_prefix,
    }


async def store_content(
    session: AsyncSession,
    recipe: Recipe,
    content: Content,
    changed: Sequence[str],
    *,
    now: datetime,
) -> None:
    """Write the `changed` parts of `content` to the version (all of them for a new one,
    which must be flushed: its rows refer to its id)."""
    for name, value in _columns(content).items():
        setattr(recipe, name, value)
    recipe.updated_at = now
    for name, kind in LISTS.items():
        if name in changed:
            # Deleted first, in its own statement: the new rows may name the same items,
            # and (recipe, item) is unique.
            await session.execute(
                delete(RecipeLine).where(RecipeLine.recipe_id == recipe.id, RecipeLine.kind == kind)
            )
            lines: tuple[Line, ...] = getattr(content, name)
            session.add_all(
                RecipeLine(
                    organization_id=recipe.organization_id,
                    recipe_id=recipe.id,
                    kind=kind.value,
                    position=position,
                    item_id=line.item_id,
                    amount=line.quantity.amount,
                    unit=line.quantity.unit,
                    note=line.note,
                )
                for position, line in enumerate(lines, start=1)
            )
    if "steps" in changed:
        await session.execute(delete(RecipeStep).where(RecipeStep.recipe_id == recipe.id))
        session.add_all(steps.rows_of(content.steps, recipe.organization_id, recipe.id))
    await session.flush()
