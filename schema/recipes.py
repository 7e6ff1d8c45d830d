"""Recipe types: versions, their lines and steps, with their inputs and payloads.

`Recipe` builds itself from its row (`from_row`) and resolves its lines, steps, items and
related versions through the per-request loaders, so a page of recipes with their lines
and items costs the same few queries whatever its size.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry

from resolvers import inventory_loaders, recipe_costs, recipes_loaders
from resolvers.common import connection, page_request
from resolvers.context import Info
from schema.errors import RecipeUserError
from schema.inventory import InventoryItem, item_node
from schema.recipe_costs import PlannedCost, ScaledRecipe
from schema.relay import Connection, Node
from schema.row_fields import (
    Env,
    SqlObject,
    ValueField,
    column,
    enum_column,
    global_id,
    quantity_as_entered,
)
from schema.units import Quantity, QuantityInput
from services.inventory.quantities import QuantityInput as ServiceQuantity
from services.recipes import models
from services.recipes.steps import ResolvedStep


@strawberry.enum(description="Where a recipe version is in its life.")
class RecipeStatus(Enum):
    DRAFT = strawberry.enum_value("DRAFT", description="Being prepared: edited in place.")
    PUBLISHED = strawberry.enum_value(
        "PUBLISHED", description="Immutable: an edit makes the next version, a draft."
    )
    ARCHIVED = strawberry.enum_value(
        "ARCHIVED", description="The recipe, every version of it, changes no more."
    )


@strawberry.enum(description="What a recipe is to the recipes it comes from.")
class RecipeKind(Enum):
    ORIGINAL = strawberry.enum_value("ORIGINAL", description="Made from nothing else.")
    VARIATION = strawberry.enum_value(
        "VARIATION", description="A variation of another recipe (createRecipeVariation)."
    )
    TEST = strawberry.enum_value(
        "TEST", description="An experiment on another recipe (createRecipeTest)."
    )


@strawberry.enum
class TemperatureUnit(Enum):
    C = strawberry.enum_value("C", description="Degrees Celsius.")
    F = strawberry.enum_value("F", description="Degrees Fahrenheit.")


@strawberry.type(description="A temperature as entered, such as 45 °C.")
class Temperature:
    value: Decimal
    unit: TemperatureUnit


@strawberry.type(description='A batch cut into portions: "8 bars of 125 g".')
class RecipePortioning:
    name: str
    count: int
    size: Quantity = strawberry.field(description="One portion, as entered.")


@strawberry.type(description="An ingredient or a consumable of a recipe version.")
class RecipeLine:
    position: int = strawberry.field(description="1, 2, 3 ... within its list.")
    quantity: Quantity = strawberry.field(
        description="As entered, in any unit that converts for the item."
    )
    note: str | None
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(description="A container the recipe's output may be filled into.")
class RecipeContainer:
    capacity: Quantity = strawberry.field(
        description="How much of the output one holds (the item's containerCapacity unless "
        "the recipe gave its own)."
    )
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(
    description=(
        "An instruction step. A variation's or test's steps are inherited from its source "
        "(as that source's current version has them) unless it overrides them; a step keeps "
        "its key through versions, variations and tests."
    )
)
class RecipeStep:
    key: str = strawberry.field(
        description="Stable: names the step in overrideRecipeStep and in a step's `after`."
    )
    position: int = strawberry.field(description="1, 2, 3 ... in the recipe.")
    text: str
    duration_minutes: int | None
    temperature: Temperature | None
    overridden: bool = strawberry.field(
        description="This recipe overrides the step it inherits (overridesStep)."
    )
    defined_in: strawberry.Private[int]
    recipe_key: strawberry.Private[int]
    replaces: strawberry.Private[ResolvedStep | None]

    @classmethod
    def of(cls, step: ResolvedStep, position: int, recipe_key: int) -> RecipeStep:
        content = step.content
        temperature = None
        if content.temperature is not None and content.temperature_unit is not None:
            temperature = Temperature(
                value=content.temperature, unit=TemperatureUnit(content.temperature_unit)
            )
        return cls(
            key=step.key,
            position=position,
            text=content.text,
            duration_minutes=content.duration_minutes,
            temperature=temperature,
            overridden=step.overridden,
            defined_in=step.defined_in,
            recipe_key=recipe_key,
            replaces=step.replaces,
        )

    @strawberry.field(
        description=(
            "The recipe version whose text is shown, when it is not this recipe's own step "
            "or override: the source (or a source's source) it is inherited from."
        )
    )
    async def inherited_from(self, info: Info) -> Recipe | None:
        if self.defined_in == self.recipe_key:
            return None
        return await _recipe(info, self.defined_in)

    @strawberry.field(
        description="For an override, the inherited step it replaces, as the source has it now."
    )
    def overrides_step(self) -> RecipeStep | None:
        if self.replaces is None:
            return None
        return RecipeStep.of(self.replaces, self.position, self.recipe_key)


async def _recipe(info: Info, key: int | None) -> Recipe | None:
    if key is None:
        return None
    found = await recipes_loaders.recipe_by_id(info).load(key)
    return None if found is None else Recipe.from_row(found)


async def _current(info: Info, lineage_key: int | None) -> Recipe | None:
    if lineage_key is None:
        return None
    found = await recipes_loaders.current_by_lineage(info).load(lineage_key)
    return None if found is None else Recipe.from_row(found)


@strawberry.type(
    description=(
        "One version of a recipe: what goes in, what comes out, how to make it. Each version "
        "has its own ID; a published one never changes. Quantities are as entered."
    )
)
class Recipe(Node):
    version: int = strawberry.field(description="1, 2, 3 ... per recipe.")
    is_current: bool = strawberry.field(
        description="The version batches use: the latest published one, or the draft of a "
        "recipe never published."
    )
    kind: RecipeKind
    status: RecipeStatus
    name: str
    category: str | None = strawberry.field(
        description="Free text; recipeCategories lists the organization's."
    )
    notes: str | None
    label_prefix: str | None = strawberry.field(
        description="Starts the lot codes of its batches, such as SOAP."
    )
    predicted_yield: Quantity = strawberry.field(
        description="How much of the output item one batch makes, as entered."
    )
    portioning: RecipePortioning | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    archived_at: datetime | None
    key: strawberry.Private[int]
    lineage_key: strawberry.Private[int]
    output_item_key: strawberry.Private[int]
    source_key: strawberry.Private[int | None]
    source_lineage_key: strawberry.Private[int | None]
    root_lineage_key: strawberry.Private[int | None]
    promoted_to_key: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, row: models.Recipe) -> Recipe:
        return cls(
            **{name: f.value(row, NO_ENV) for name, f in RECIPE_FIELDS.items()},
            key=row.id,
            lineage_key=row.lineage_id,
            output_item_key=row.output_item_id,
            source_key=row.source_recipe_id,
            source_lineage_key=row.source_lineage_id,
            root_lineage_key=row.root_lineage_id,
            promoted_to_key=row.promoted_to_recipe_id,
        )

    @strawberry.field(description="What the recipe makes. Needs inventory.read.")
    async def output_item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.output_item_key)

    async def _lines(self, info: Info, kind: models.LineKind) -> list[models.RecipeLine]:
        found = await recipes_loaders.lines_by_recipe(info).load(self.key)
        return [row for row in found if row.kind == kind]

    @strawberry.field(description="In order; the same item appears once.")
    async def ingredients(self, info: Info) -> list[RecipeLine]:
        return [_line(row) for row in await self._lines(info, models.LineKind.INGREDIENT)]

    @strawberry.field(description="Consumables and packaging, in order.")
    async def consumables(self, info: Info) -> list[RecipeLine]:
        return [_line(row) for row in await self._lines(info, models.LineKind.CONSUMABLE)]

    @strawberry.field(description="The containers the output may be filled into.")
    async def containers(self, info: Info) -> list[RecipeContainer]:
        return [
            RecipeContainer(
                **{name: f.value(row, NO_ENV) for name, f in CONTAINER_FIELDS.items()},
                item_key=row.item_id,
            )
            for row in await self._lines(info, models.LineKind.CONTAINER)
        ]

    @strawberry.field(
        description="In order, a variation's or test's resolved through its sources now."
    )
    async def steps(self, info: Info) -> list[RecipeStep]:
        found = await recipes_loaders.steps_by_recipe(info).load(self.key)
        return [RecipeStep.of(step, n, self.key) for n, step in enumerate(found, start=1)]

    @strawberry.field(
        description="The version at a factor of its size: `factor` (2 is twice), or "
        "`targetYield` in any unit that converts to the output item's; neither is the "
        "recipe as it is. Every amount is scaled exactly; each line also gives what a batch "
        "would draw, in its item's base unit at its precision."
    )
    async def scaled(
        self,
        info: Info,
        factor: Decimal | None = None,
        target_yield: QuantityInput | None = None,
    ) -> ScaledRecipe:
        target = None
        if target_yield is not None:
            target = ServiceQuantity(amount=target_yield.amount, unit=target_yield.unit)
        return ScaledRecipe.of(await recipe_costs.scaled(info, self.key, factor, target))

    @strawberry.field(
        description="What a batch of this version would cost now (as `scaled.plannedCost` "
        "at factor 1)."
    )
    async def planned_cost(self, info: Info) -> PlannedCost:
        scaled = await recipe_costs.scaled(info, self.key)
        planned = await recipe_costs.planned_cost(info, scaled)
        return PlannedCost.of(planned, await inventory_loaders.currency_code(info))

    @strawberry.field(description="Every version of the recipe, oldest first.")
    async def versions(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> RecipeConnection:
        page = await recipes_loaders.versions(
            info, self.lineage_key, page_request(first, after, last, before)
        )
        return connection(page, Recipe.from_row)

    @strawberry.field(description="The version batches use now.")
    async def current_version(self, info: Info) -> Recipe:
        found = await _current(info, self.lineage_key)
        assert found is not None, "a recipe has a current version"
        return found

    @strawberry.field(
        description="Version 1: its ID names the recipe across versions (the entity of its events)."
    )
    async def first_version(self, info: Info) -> Recipe:
        found = await _recipe(info, self.lineage_key)
        assert found is not None, "a recipe has its version 1"
        return found

    @strawberry.field(
        description="A variation's or test's source: the exact version it was made from."
    )
    async def source_recipe(self, info: Info) -> Recipe | None:
        return await _recipe(info, self.source_key)

    @strawberry.field(
        description="The original at the top of a variation's or test's descent (its current "
        "version); null for an original."
    )
    async def root_recipe(self, info: Info) -> Recipe | None:
        return await _current(info, self.root_lineage_key)

    @strawberry.field(
        description="Variations made from any version of this recipe, each by its current "
        "version, oldest first."
    )
    async def variations(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> RecipeConnection:
        request = page_request(first, after, last, before)
        page = await recipes_loaders.descendants(
            info, self.lineage_key, models.RecipeKind.VARIATION, request
        )
        return connection(page, Recipe.from_row)

    @strawberry.field(
        description="Tests made from any version of this recipe, each by its current version, "
        "oldest first."
    )
    async def tests(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> RecipeConnection:
        request = page_request(first, after, last, before)
        page = await recipes_loaders.descendants(
            info, self.lineage_key, models.RecipeKind.TEST, request
        )
        return connection(page, Recipe.from_row)

    @strawberry.field(
        description="A test: the version of its source its content last became (promoteRecipeTest)."
    )
    async def promoted_to(self, info: Info) -> Recipe | None:
        return await _recipe(info, self.promoted_to_key)


def _line(row: models.RecipeLine) -> RecipeLine:
    return RecipeLine(
        **{name: f.value(row, NO_ENV) for name, f in LINE_FIELDS.items()}, item_key=row.item_id
    )


# The plain fields' rules, shared with the planned reads (schema/row_fields.py); keys are
# the Python attribute names.
def _portioning(row: Any, env: Env) -> RecipePortioning | None:
    if row.portion_name is None:
        return None
    return RecipePortioning(
        name=row.portion_name,
        count=row.portion_count,
        size=Quantity(amount=row.portion_size_amount, unit=row.portion_size_unit or ""),
    )


def _portioning_sql(row: Any, env: Env) -> SqlObject:
    size = SqlObject({"amount": row.portion_size_amount, "unit": row.portion_size_unit})
    return SqlObject(
        {"name": row.portion_name, "count": row.portion_count, "size": size},
        present=row.portion_name.is_not(None),
    )


RECIPE_FIELDS: dict[str, ValueField] = {
    "id": global_id("Recipe"),
    "version": column("version"),
    "is_current": column("is_current"),
    "kind": enum_column("kind", RecipeKind),
    "status": enum_column("status", RecipeStatus),
    "name": column("name"),
    "category": column("category"),
    "notes": column("notes"),
    "label_prefix": column("label_prefix"),
    "predicted_yield": quantity_as_entered("yield_amount", "yield_unit"),
    "portioning": ValueField(
        ("portion_name", "portion_count", "portion_size_amount", "portion_size_unit"),
        _portioning,
        _portioning_sql,
    ),
    "created_at": column("created_at"),
    "updated_at": column("updated_at"),
    "published_at": column("published_at"),
    "archived_at": column("archived_at"),
}
LINE_FIELDS: dict[str, ValueField] = {
    "position": column("position"),
    "quantity": quantity_as_entered("amount", "unit"),
    "note": column("note"),
}
CONTAINER_FIELDS: dict[str, ValueField] = {"capacity": quantity_as_entered("amount", "unit")}
# Recipe values read nothing beyond their row.
NO_ENV = Env(currency="")


RecipeConnection = Connection[Recipe]


# --- inputs ----------------------------------------------------------------------------


@strawberry.input(description="Which recipes to list (each by its current version).")
class RecipeFilter:
    status: RecipeStatus | None = strawberry.field(
        default=None, description="Of the current version. Without it, archived ones are left out."
    )
    category: str | None = strawberry.field(default=None, description="Ignoring letter case.")
    output_item_id: strawberry.ID | None = None
    search: str | None = strawberry.field(default=None, description="Part of the name.")
    include_tests: bool = False


@strawberry.input
class RecipeLineInput:
    item_id: strawberry.ID
    quantity: QuantityInput = strawberry.field(
        description="In any unit that converts for the item: in its own unit at most its "
        "quantityPrecision places, 6 places in any."
    )
    note: str | None = None


@strawberry.input
class RecipeContainerInput:
    item_id: strawberry.ID = strawberry.field(description="An item of type CONTAINER.")
    capacity: QuantityInput | None = strawberry.field(
        default=None,
        description="How much of the output one holds, in a unit that converts for the "
        "output item; default: the item's containerCapacity.",
    )


@strawberry.input
class RecipePortioningInput:
    name: str = strawberry.field(description="One portion's name, such as bar.")
    count: int
    size: QuantityInput = strawberry.field(description="Converts for the output item.")


@strawberry.input
class TemperatureInput:
    value: Decimal = strawberry.field(description="Less than 10000, 2 decimal places at most.")
    unit: TemperatureUnit


@strawberry.input(description="One of the recipe's own steps.")
class RecipeStepInput:
    text: str
    key: str | None = strawberry.field(
        default=None, description="An own step's key, to keep it; none for a new step."
    )
    duration_minutes: int | None = None
    temperature: TemperatureInput | None = None
    after: str | None = strawberry.field(
        default=None,
        description="A variation's or test's own step: the key of the inherited step it "
        "follows; none: at the end.",
    )


_INPUT = {
    "output_item_id": "An item of type PRODUCT or INTERMEDIATE.",
    "predicted_yield": "How much of the output one batch makes; converts for the output item.",
    "ingredients": "Items of type INGREDIENT, INTERMEDIATE or PRODUCT, each once.",
    "consumables": "Items of type CONSUMABLE or PACKAGING, each once.",
    "containers": "Items of type CONTAINER, each once.",
    "label_prefix": "1 to 12 letters A-Z or digits, such as SOAP (upper-cased).",
    "steps": "The recipe's own steps, in order; a list given replaces them.",
}


@strawberry.input
class CreateRecipeInput:
    name: str
    output_item_id: strawberry.ID = strawberry.field(description=_INPUT["output_item_id"])
    predicted_yield: QuantityInput = strawberry.field(description=_INPUT["predicted_yield"])
    category: str | None = None
    notes: str | None = None
    ingredients: list[RecipeLineInput] = strawberry.field(
        default_factory=list, description=_INPUT["ingredients"]
    )
    consumables: list[RecipeLineInput] = strawberry.field(
        default_factory=list, description=_INPUT["consumables"]
    )
    containers: list[RecipeContainerInput] = strawberry.field(
        default_factory=list, description=_INPUT["containers"]
    )
    portioning: RecipePortioningInput | None = None
    label_prefix: str | None = strawberry.field(default=None, description=_INPUT["label_prefix"])
    steps: list[RecipeStepInput] = strawberry.field(
        default_factory=list, description=_INPUT["steps"]
    )


@strawberry.input(
    description="Only the fields given change; a list given replaces the list; null clears "
    "an optional field."
)
class RecipeChangesInput:
    category: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET
    output_item_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["output_item_id"]
    )
    predicted_yield: QuantityInput | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["predicted_yield"]
    )
    ingredients: list[RecipeLineInput] | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["ingredients"]
    )
    consumables: list[RecipeLineInput] | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["consumables"]
    )
    containers: list[RecipeContainerInput] | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["containers"]
    )
    portioning: RecipePortioningInput | None = strawberry.UNSET
    label_prefix: str | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["label_prefix"]
    )
    steps: list[RecipeStepInput] | None = strawberry.field(
        default=strawberry.UNSET, description=_INPUT["steps"]
    )


@strawberry.input(
    description="Changes the recipe the ID is a version of: its draft, or a new draft version "
    "after a published one. Only the fields given change; a list given replaces the list; "
    "null clears an optional field."
)
class UpdateRecipeInput(RecipeChangesInput):
    id: strawberry.ID
    name: str | None = strawberry.UNSET


@strawberry.input
class RecipeInput:
    id: strawberry.ID = strawberry.field(description="Any version of the recipe.")


@strawberry.input
class CreateRecipeVariationInput:
    source_recipe_id: strawberry.ID = strawberry.field(
        description="The version to copy the lines of (steps are inherited, not copied)."
    )
    name: str
    changes: RecipeChangesInput | None = None


@strawberry.input
class CreateRecipeTestInput:
    source_recipe_id: strawberry.ID = strawberry.field(
        description="The version to copy the lines of (steps are inherited, not copied)."
    )
    name: str | None = strawberry.field(
        default=None, description='Default: the source\'s name and " (test)".'
    )
    changes: RecipeChangesInput | None = None


@strawberry.input
class PromoteRecipeTestInput:
    test_id: strawberry.ID


@strawberry.input(
    description="What replaces an inherited step; fields left out keep the inherited step's."
)
class OverrideRecipeStepInput:
    recipe_id: strawberry.ID
    step_key: str
    text: str | None = strawberry.UNSET
    duration_minutes: int | None = strawberry.UNSET
    temperature: TemperatureInput | None = strawberry.UNSET
    omitted: bool = strawberry.field(
        default=False, description="True: leave the step out of this recipe instead."
    )


@strawberry.input
class RevertRecipeStepInput:
    recipe_id: strawberry.ID
    step_key: str


@strawberry.type
class RecipePayload:
    recipe: Recipe | None = None
    user_errors: list[RecipeUserError] = strawberry.field(default_factory=list)


@strawberry.type
class RecipeEditPayload:
    recipe: Recipe | None = strawberry.field(
        default=None,
        description="The version holding the change (the latest, unchanged, if nothing changed).",
    )
    new_version: bool | None = strawberry.field(
        default=None, description="The change made this version (the latest was published)."
    )
    changed_fields: list[str] | None = None
    user_errors: list[RecipeUserError] = strawberry.field(default_factory=list)


@strawberry.type
class PromoteRecipeTestPayload:
    recipe: Recipe | None = strawberry.field(
        default=None, description="The source's version that now holds the test's content."
    )
    test: Recipe | None = None
    user_errors: list[RecipeUserError] = strawberry.field(default_factory=list)
