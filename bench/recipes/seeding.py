"""The recipes benchmark's dataset, built through the services in a fresh organization.

`random.Random(seed)` drives every amount, so a seed always gives the same items, lots,
costs and recipes (ids and timestamps aside):

- ingredients (INGREDIENT): four in five in g, the rest in ml with a density (so a line
  in g converts), each with LOTS_PER_ITEM open lots of 200 to 600 base units received an
  hour apart, unit costs of 4 decimals between 0.004 and 0.05 (every lot a different
  price, so a FIFO draw priced across lots sums several prices);
- two consumables (a wrapper, PACKAGING, and a label, CONSUMABLE; each) and a mould
  (CONTAINER, 6 kg capacity), each with 20 open lots;
- one product (PRODUCT, g) per recipe;
- recipes: LINES_PER_RECIPE ingredient lines of distinct items (50 to 1,500 g each, in
  g, kg, lb or oz for a g item and ml, l or g for an ml one, every unit at the item's
  precision of 3 places), the two consumables, the mould, portioning (bars of 110 g),
  a yield of 5 kg and 3 steps; every other one published. At factor 3 a line draws 150
  g to 4.5 kg: from one lot to a dozen.

Lots are received through `receive_inventory`, one transaction per item (its
LOTS_PER_ITEM receipts together); the ledger is the services' own, which `verify` in
bench/inventory/database.py checks at the end of the run.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from database import Sessions, new_organization
from sqlalchemy import func, select

from services.accounts import service as accounts
from services.db import unit_of_work, utcnow
from services.ids import to_global_id
from services.inventory import items, stock
from services.inventory.items import ItemFields
from services.inventory.models import InventoryItem, InventoryLot, LedgerEntry
from services.inventory.quantities import QuantityInput
from services.permissions import Principal
from services.recipes import recipes
from services.recipes.content import (
    ContainerInput,
    LineInput,
    PortioningInput,
    RecipeChanges,
    StepInput,
)
from services.recipes.models import Recipe, RecipeLine

LOTS_PER_ITEM = 50
LINES_PER_RECIPE = 20
SUPPLY_LOTS = 20  # per consumable and container
READ_SCOPES = ["inventory.read", "recipes.read"]
G_UNITS = ("g", "kg", "lb", "oz")
ML_UNITS = ("ml", "l", "g")
# Roughly: a line's amount is drawn in base units, then written in its unit.
BASE_PER_UNIT = {
    "g": Decimal(1),
    "ml": Decimal(1),
    "kg": Decimal(1000),
    "l": Decimal(1000),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
}
MOULD_CAPACITY_G = Decimal(6000)
DENSITY = Decimal("0.92")  # g per ml: the ml ingredients' lines may be in g
RECIPE_FIELDS = frozenset(
    {
        "name",
        "category",
        "output_item_id",
        "predicted_yield",
        "ingredients",
        "consumables",
        "containers",
        "portioning",
        "label_prefix",
        "steps",
    }
)


@dataclass(frozen=True)
class Size:
    ingredients: int
    recipes: int


FULL = Size(ingredients=200, recipes=100)
# As many lines and lots per recipe and item; fewer of each. Still more than one page.
QUICK = Size(ingredients=60, recipes=60)


@dataclass
class Dataset:
    owner: Principal
    api_key: str
    recipe_global_ids: list[str]
    counts: dict[str, int]
    seconds: float

    def describe(self) -> str:
        return ", ".join(f"{value:,} {name}" for name, value in self.counts.items())


def _piece(name: str, kind: str, capacity: Decimal | None = None) -> ItemFields:
    return ItemFields(
        name=name,
        type=kind,
        base_unit="each",
        quantity_precision=0,
        container_capacity=capacity,
        container_capacity_unit="g" if capacity is not None else None,
    )


async def _item(sessions: Sessions, owner: Principal, values: ItemFields) -> InventoryItem:
    async with unit_of_work(sessions) as session:
        return await items.create_item(session, owner, values=values)


async def _stock(
    sessions: Sessions,
    owner: Principal,
    item: InventoryItem,
    lots: list[tuple[Decimal, Decimal]],
) -> None:
    """Receive `lots` (quantity, unit cost per base unit) oldest first, an hour apart."""
    first = utcnow() - timedelta(hours=len(lots) + 1)
    async with unit_of_work(sessions) as session:
        for number, (quantity, unit_cost) in enumerate(lots):
            await stock.receive_inventory(
                session,
                owner,
                item_id=item.id,
                quantity=QuantityInput(quantity, item.base_unit),
                unit_cost=unit_cost,
                received_at=first + timedelta(hours=number),
            )


def _lots(rng: random.Random, count: int, low: int, high: int) -> list[tuple[Decimal, Decimal]]:
    return [
        (Decimal(rng.randint(low, high)), Decimal(rng.randint(40, 500)) / 10_000)
        for _ in range(count)
    ]


def _line(rng: random.Random, item: InventoryItem) -> LineInput:
    base = Decimal(rng.randint(50, 1500))
    unit = rng.choice(ML_UNITS if item.base_unit == "ml" else G_UNITS)
    # At most 3 places in any unit, the items' precision.
    amount = (base / BASE_PER_UNIT[unit]).quantize(Decimal("0.001"))
    return LineInput(item.id, QuantityInput(amount, unit))


async def seed(sessions: Sessions, size: Size, seed: int = 13) -> Dataset:
    began = time.perf_counter()
    rng = random.Random(seed)  # noqa: S311 - a repeatable dataset, not a secret
    owner = await new_organization(sessions)
    ingredients = []
    for number in range(size.ingredients):
        in_ml = number % 5 == 4
        values = (
            ItemFields(name=f"Oil {number:03d}", type="INGREDIENT", base_unit="ml", density=DENSITY)
            if in_ml
            else ItemFields(name=f"Ingredient {number:03d}", type="INGREDIENT", base_unit="g")
        )
        item = await _item(sessions, owner, values)
        await _stock(sessions, owner, item, _lots(rng, LOTS_PER_ITEM, 200, 600))
        ingredients.append(item)
    wrapper = await _item(sessions, owner, _piece("Wrapper", "PACKAGING"))
    label = await _item(sessions, owner, _piece("Label", "CONSUMABLE"))
    mould = await _item(
        sessions,
        owner,
        _piece("Loaf mould", "CONTAINER", capacity=MOULD_CAPACITY_G),
    )
    for supply in (wrapper, label, mould):
        await _stock(sessions, owner, supply, _lots(rng, SUPPLY_LOTS, 50, 200))
    recipe_ids = []
    for number in range(size.recipes):
        product = await _item(
            sessions,
            owner,
            ItemFields(name=f"Soap {number:03d}", type="PRODUCT", base_unit="g"),
        )
        chosen = rng.sample(ingredients, LINES_PER_RECIPE)
        changes = RecipeChanges(
            name=f"Recipe {number:03d}",
            category=rng.choice(("Soap", "Balm", "Candle")),
            output_item_id=product.id,
            predicted_yield=QuantityInput(Decimal(5), "kg"),
            ingredients=[_line(rng, item) for item in chosen],
            consumables=[
                LineInput(wrapper.id, QuantityInput(Decimal(45), "each")),
                LineInput(label.id, QuantityInput(Decimal(45), "each")),
            ],
            containers=[ContainerInput(mould.id)],
            portioning=PortioningInput("bar", 45, QuantityInput(Decimal(110), "g")),
            label_prefix="SOAP",
            steps=[
                StepInput("Weigh the ingredients", duration_minutes=10),
                StepInput("Mix", duration_minutes=20),
                StepInput("Pour into the mould"),
            ],
            provided=RECIPE_FIELDS,
        )
        async with unit_of_work(sessions) as session:
            recipe = await recipes.create_recipe(session, owner, changes=changes)
            if number % 2 == 0:
                await recipes.publish_recipe(session, owner, recipe_id=recipe.id)
        recipe_ids.append(recipe.id)
    async with unit_of_work(sessions) as session:
        key = await accounts.create_api_key(session, owner, name="recipes read", scopes=READ_SCOPES)
    return Dataset(
        owner=owner,
        api_key=key.token,
        recipe_global_ids=[to_global_id("Recipe", number) for number in recipe_ids],
        counts=await _counts(sessions, owner.organization_id),
        seconds=time.perf_counter() - began,
    )


async def _counts(sessions: Sessions, organization_id: int) -> dict[str, int]:
    found = {}
    async with sessions() as session:
        for name, model in (
            ("items", InventoryItem),
            ("lots", InventoryLot),
            ("ledger rows", LedgerEntry),
            ("recipe versions", Recipe),
            ("recipe lines", RecipeLine),
        ):
            found[name] = (
                await session.scalar(
                    select(func.count()).where(model.organization_id == organization_id)
                )
                or 0
            )
    return found
