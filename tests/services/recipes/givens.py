"""Givens for the recipe service tests.

Every step runs in its own committed transaction, as one API request does. Quantities
are written as ("amount", "unit") strings, the way a maker types them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import unit_of_work
from services.events import Event
from services.inventory.models import InventoryItem
from services.inventory.quantities import QuantityInput
from services.permissions import Principal
from services.recipes import descent, queries, recipes
from services.recipes.content import (
    ContainerInput,
    LineInput,
    PortioningInput,
    RecipeChanges,
    StepInput,
    TemperatureInput,
)
from services.recipes.models import Recipe, RecipeLine
from services.recipes.steps import ResolvedStep
from tests.services.accounts.givens import Sessions
from tests.services.inventory.givens import create_item

Step = Callable[[AsyncSession], Awaitable[Any]]


def qty(amount: str, unit: str = "g") -> QuantityInput:
    return QuantityInput(Decimal(amount), unit)


def line(
    item: InventoryItem | int, amount: str, unit: str = "g", note: str | None = None
) -> LineInput:
    return LineInput(_key(item), qty(amount, unit), note)


def container(item: InventoryItem | int, capacity: tuple[str, str] | None = None) -> ContainerInput:
    return ContainerInput(_key(item), qty(*capacity) if capacity else None)


def portions(name: str, count: int, amount: str, unit: str = "g") -> PortioningInput:
    return PortioningInput(name, count, qty(amount, unit))


def step(
    text: str,
    *,
    key: str | None = None,
    minutes: int | None = None,
    temperature: tuple[str, str] | None = None,
    after: str | None = None,
) -> StepInput:
    heat = TemperatureInput(Decimal(temperature[0]), temperature[1]) if temperature else None
    return StepInput(text, key, minutes, heat, after)


def _key(item: InventoryItem | int) -> int:
    return item if isinstance(item, int) else item.id


def changes(**values: Any) -> RecipeChanges:
    """Exactly these fields, as given (an item may stand for its id)."""
    if "output_item_id" in values and isinstance(values["output_item_id"], InventoryItem):
        values["output_item_id"] = values["output_item_id"].id
    return RecipeChanges(**values, provided=frozenset(values))


@dataclass(frozen=True)
class Kitchen:
    """A soap maker's items: oils, lye, a fragrance, the soap they make, its bars'
    wrappers and a mould."""

    soap: InventoryItem  # PRODUCT, g
    olive_oil: InventoryItem  # INGREDIENT, g, with a density
    lye: InventoryItem  # INGREDIENT, g, no density
    lavender: InventoryItem  # INGREDIENT, ml
    wrapper: InventoryItem  # PACKAGING, each
    mould: InventoryItem  # CONTAINER, capacity 1200 g


async def kitchen(sessions: Sessions, principal: Principal) -> Kitchen:
    return Kitchen(
        soap=await create_item(sessions, principal, "Castile soap", type="PRODUCT"),
        olive_oil=await create_item(sessions, principal, "Olive oil", density=Decimal("0.91")),
        lye=await create_item(sessions, principal, "Sodium hydroxide"),
        lavender=await create_item(sessions, principal, "Lavender oil", base_unit="ml"),
        wrapper=await create_item(
            sessions, principal, "Wrapper", type="PACKAGING", base_unit="each", quantity_precision=0
        ),
        mould=await create_item(
            sessions,
            principal,
            "Loaf mould",
            type="CONTAINER",
            base_unit="each",
            quantity_precision=0,
            container_capacity=Decimal(1200),
            container_capacity_unit="g",
        ),
    )


def soap_recipe(k: Kitchen, **values: Any) -> dict[str, Any]:
    """A whole castile soap recipe's fields, `values` replacing some."""
    fields: dict[str, Any] = {
        "name": "Castile bar",
        "category": "Soap",
        "notes": "Cure six weeks.",
        "output_item_id": k.soap.id,
        "predicted_yield": qty("1", "kg"),
        "ingredients": [line(k.olive_oil, "700"), line(k.lye, "90")],
        "consumables": [line(k.wrapper, "8", "each")],
        "containers": [container(k.mould)],
        "portioning": portions("bar", 8, "125"),
        "label_prefix": "soap",
        "steps": [step("Melt the oils", minutes=10, temperature=("45", "C")), step("Add the lye")],
    }
    fields.update(values)
    return fields


def creating(principal: Principal, **values: Any) -> Step:
    given = changes(**values)
    return lambda session: recipes.create_recipe(session, principal, changes=given)


def updating(principal: Principal, recipe_id: int, **values: Any) -> Step:
    given = changes(**values)
    return lambda session: recipes.update_recipe(
        session, principal, recipe_id=recipe_id, changes=given
    )


def varying(
    principal: Principal, source_id: int, name: str = "Lavender bar", **values: Any
) -> Step:
    given = changes(**values)
    return lambda session: descent.create_variation(
        session, principal, source_recipe_id=source_id, name=name, changes=given
    )


def trying(principal: Principal, source_id: int, name: str | None = None, **values: Any) -> Step:
    given = changes(**values)
    return lambda session: descent.create_test(
        session, principal, source_recipe_id=source_id, name=name, changes=given
    )


def promoting(principal: Principal, test_id: int) -> Step:
    return lambda session: descent.promote_test(session, principal, test_id=test_id)


def publishing(principal: Principal, recipe_id: int) -> Step:
    return lambda session: recipes.publish_recipe(session, principal, recipe_id=recipe_id)


def archiving(principal: Principal, recipe_id: int) -> Step:
    return lambda session: recipes.archive_recipe(session, principal, recipe_id=recipe_id)


def overriding(
    principal: Principal, recipe_id: int, key: str, text: str | None = None, **values: Any
) -> Step:
    given = {"text": text, **values} if text is not None else values
    override = descent.StepOverride(**given, provided=frozenset(given))
    return lambda session: descent.override_step(
        session, principal, recipe_id=recipe_id, step_key=key, override=override
    )


def reverting(principal: Principal, recipe_id: int, key: str) -> Step:
    return lambda session: descent.revert_step(
        session, principal, recipe_id=recipe_id, step_key=key
    )


async def run(sessions: Sessions, step: Step) -> Any:
    async with unit_of_work(sessions) as session:
        return await step(session)


async def create_recipe(sessions: Sessions, principal: Principal, **values: Any) -> Recipe:
    created: Recipe = await run(sessions, creating(principal, **values))
    return created


async def update_recipe(
    sessions: Sessions, principal: Principal, recipe_id: int, **values: Any
) -> Recipe:
    """The version that holds the change."""
    edited: recipes.Edited = await run(sessions, updating(principal, recipe_id, **values))
    return edited.recipe


async def publish(sessions: Sessions, principal: Principal, recipe_id: int) -> Recipe:
    published: Recipe = await run(sessions, publishing(principal, recipe_id))
    return published


async def variation(
    sessions: Sessions,
    principal: Principal,
    source_id: int,
    name: str = "Lavender bar",
    **values: Any,
) -> Recipe:
    made: Recipe = await run(sessions, varying(principal, source_id, name, **values))
    return made


async def override(
    sessions: Sessions,
    principal: Principal,
    recipe_id: int,
    key: str,
    text: str | None = None,
    **values: Any,
) -> Recipe:
    edited: recipes.Edited = await run(
        sessions, overriding(principal, recipe_id, key, text, **values)
    )
    return edited.recipe


# --- reading state back ----------------------------------------------------------------


async def recipe_now(sessions: Sessions, recipe_id: int) -> Recipe:
    async with unit_of_work(sessions, write=False) as session:
        return await session.get_one(Recipe, recipe_id)


async def steps_now(sessions: Sessions, principal: Principal, recipe_id: int) -> list[ResolvedStep]:
    async with unit_of_work(sessions, write=False) as session:
        return (await queries.steps_of(session, principal, [recipe_id]))[recipe_id]


async def texts(sessions: Sessions, principal: Principal, recipe_id: int) -> list[str]:
    return [s.content.text for s in await steps_now(sessions, principal, recipe_id)]


async def lines_now(
    sessions: Sessions, principal: Principal, recipe_id: int
) -> list[tuple[str, int, Decimal, str]]:
    """(kind, item id, amount, unit) of each line of a version, in order."""
    async with unit_of_work(sessions, write=False) as session:
        rows: list[RecipeLine] = (await queries.lines_of(session, principal, [recipe_id]))[
            recipe_id
        ]
    return [(row.kind, row.item_id, row.amount, row.unit) for row in rows]


async def versions_of(sessions: Sessions, lineage_id: int) -> list[Recipe]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(Recipe).where(Recipe.lineage_id == lineage_id).order_by(Recipe.version)
        )
        return list(rows)


@dataclass(frozen=True)
class Counts:
    """Everything a refused change must leave as it was."""

    recipes: int
    lines: int
    events: int
    updated: list[tuple[int, Any]]


async def counts(sessions: Sessions) -> Counts:
    async with unit_of_work(sessions, write=False) as session:
        return Counts(
            await session.scalar(select(func.count(Recipe.id))) or 0,
            await session.scalar(select(func.count(RecipeLine.id))) or 0,
            await session.scalar(select(func.count(Event.position))) or 0,
            [
                (row[0], row[1])
                for row in await session.execute(select(Recipe.id, Recipe.updated_at))
            ],
        )
