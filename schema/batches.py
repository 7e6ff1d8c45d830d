"""Batch types: a batch with its lines, the lots each drew, its frozen instructions, and
(once finished) its outputs; with the inputs and payloads of the batch operations.

`batch_node` makes a `Batch` from its row with the output item's unit and the
organization's currency, which its quantities and amounts are in."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry

from resolvers import batches_loaders, inventory_loaders, recipes_loaders
from resolvers.context import Info
from schema.accounts import CostMethod
from schema.errors import BatchUserError
from schema.inventory import (
    InventoryItem,
    InventoryLot,
    amount_field,
    cost_field,
    item_node,
    optional_amount_field,
    optional_cost_field,
)
from schema.money import CurrencyCode, Money
from schema.recipe_costs import PlannedCost, ScaledRecipe
from schema.recipes import Recipe, Temperature, TemperatureUnit
from schema.relay import Connection, Node
from schema.row_fields import Env, ValueField, column, enum_column, global_id
from schema.units import Quantity, QuantityInput
from services.batches import models, report


@strawberry.enum(description="Where a batch is in its life.")
class BatchStatus(Enum):
    IN_PROGRESS = strawberry.enum_value("IN_PROGRESS", description="Started: its lines drawn.")
    FINISHED = strawberry.enum_value("FINISHED", description="Its output lots made.")
    CANCELLED = strawberry.enum_value(
        "CANCELLED", description="Every draw given back to the lot it came from."
    )
    FAILED = strawberry.enum_value("FAILED", description="Lost: its draws are kept as the loss.")


@strawberry.enum(description="Why a batch drew an item.")
class BatchLineKind(Enum):
    INGREDIENT = strawberry.enum_value("INGREDIENT", description="An ingredient of the recipe.")
    CONSUMABLE = strawberry.enum_value("CONSUMABLE", description="A consumable of the recipe.")
    ADDED = strawberry.enum_value(
        "ADDED", description="Added to the batch (addBatchIngredients) or to a variation."
    )
    CONTAINER = strawberry.enum_value("CONTAINER", description="Containers filled at finish.")


def _money(amount: Decimal, currency: str) -> Money:
    return Money(amount=amount, currency_code=CurrencyCode(currency))


def _optional_money(amount: Decimal | None, currency: str) -> Money | None:
    return None if amount is None else _money(amount, currency)


@strawberry.type(description="Of one line, what one lot gave: the exact quantity and value.")
class BatchDraw:
    quantity: Quantity
    value: Money = strawberry.field(description="The lot's value taken (its own cost).")
    lot_key: strawberry.Private[int]
    unit: strawberry.Private[str]
    currency: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: models.BatchDraw, unit: str, currency: str) -> BatchDraw:
        values = {name: f.value(row, Env(currency, unit)) for name, f in DRAW_FIELDS.items()}
        return cls(lot_key=row.lot_id, unit=unit, currency=currency, **values)

    @strawberry.field(description="The lot drawn from: code, vendor, received and expiry dates.")
    async def lot(self, info: Info) -> InventoryLot:
        found = await inventory_loaders.lot_by_id(info).load(self.lot_key)
        assert found is not None, "a draw's lot is in the batch's organization"
        return InventoryLot.from_row(found, self.unit, self.currency)


@strawberry.type(description="An item a batch drew, or meant to: needed, drawn, skipped, cost.")
class BatchLine:
    position: int
    kind: BatchLineKind
    needed: Quantity = strawberry.field(description="In the item's base unit.")
    drawn: Quantity
    skipped: Quantity = strawberry.field(
        description="Needed but not drawn: a forced start skipped the line, short of stock."
    )
    cost: Money = strawberry.field(description="By the batch's cost method.")
    tracked: bool = strawberry.field(
        description="False: an untracked item, costed at its set cost, no lot drawn."
    )
    note: str | None
    draws: list[BatchDraw] = strawberry.field(description="The lots drawn, in the order drawn.")
    item_key: strawberry.Private[int]

    @classmethod
    def from_row(
        cls, row: models.BatchLine, unit: str, currency: str, draws: list[BatchDraw]
    ) -> BatchLine:
        values = {name: f.value(row, Env(currency, unit)) for name, f in LINE_FIELDS.items()}
        return cls(draws=draws, item_key=row.item_id, **values)

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(description="A step of the recipe version as it read when the batch started.")
class BatchStep:
    position: int
    key: str
    text: str
    duration_minutes: int | None
    temperature: Temperature | None


@strawberry.type(
    description="What a maker needs on the floor: the steps of the exact recipe version (and "
    "variation) the batch is made from, with their overrides, and the ingredient checklist "
    "with the lots drawn (lot code, vendor, expiry)."
)
class BatchInstructions:
    steps: list[BatchStep]
    checklist: list[BatchLine]


@strawberry.type(description="An output lot a finish made: bulk, or one container size filled.")
class BatchOutput:
    quantity: Quantity = strawberry.field(description="Of the output, in its base unit.")
    cost: Money = strawberry.field(
        description="The lot's share of the batch cost (by quantity) plus its containers'."
    )
    container_count: int | None = strawberry.field(description="Null for the bulk.")
    container_cost: Money
    lot_key: strawberry.Private[int]
    container_key: strawberry.Private[int | None]
    unit: strawberry.Private[str]
    currency: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: models.BatchOutput, unit: str, currency: str) -> BatchOutput:
        values = {name: f.value(row, Env(currency, unit)) for name, f in OUTPUT_FIELDS.items()}
        return cls(
            lot_key=row.lot_id,
            container_key=row.container_item_id,
            unit=unit,
            currency=currency,
            **values,
        )

    @strawberry.field(description="The lot made (lot code, expiry, unit cost).")
    async def lot(self, info: Info) -> InventoryLot:
        found = await inventory_loaders.lot_by_id(info).load(self.lot_key)
        assert found is not None, "an output lot is in the batch's organization"
        return InventoryLot.from_row(found, self.unit, self.currency)

    @strawberry.field(description="The container filled; null for the bulk.")
    async def container(self, info: Info) -> InventoryItem | None:
        return None if self.container_key is None else await item_node(info, self.container_key)


@strawberry.type(
    description="The batch's actual against its plan. Money in the organization's currency."
)
class BatchComparison:
    planned_cost: Money
    actual_cost: Money | None
    planned_yield: Quantity | None
    actual_yield: Quantity | None
    yield_variance_percent: Decimal | None = strawberry.field(
        description="(actual - planned yield) / planned, in percent to 2 places."
    )
    cost_per_output_unit: Money | None = strawberry.field(
        description="Actual cost per base unit of the output."
    )
    cost_per_portion: Money | None = strawberry.field(
        description="Actual cost per portion, when the finish gave portions."
    )
    sale_value: Money | None = strawberry.field(
        description="The yield at the output item's sale price (null without one)."
    )
    margin: Money | None = strawberry.field(description="saleValue - actualCost.")
    margin_percent: Decimal | None = strawberry.field(description="margin / saleValue, %.")


def _draws(
    rows: list[models.BatchDraw], units: dict[int, str], currency: str
) -> dict[int, list[BatchDraw]]:
    by_line: dict[int, list[BatchDraw]] = {}
    for row in rows:
        draw = BatchDraw.from_row(row, units[row.item_id], currency)
        by_line.setdefault(row.line_id, []).append(draw)
    return by_line


@strawberry.type(
    description="One making of a recipe version: what it drew from which lots at what cost, "
    "the steps it was made by, and what it made. Quantities of the output are in the output "
    "item's base unit; money in the organization's currency."
)
class Batch(Node):
    label: str = strawberry.field(
        description="<PREFIX>-<year>-<seq>, unique in the organization (a variation's "
        "sub-label appends its letter and name: SOAP-2026-0101A-Lavender); its output lots "
        "carry it as their lot code."
    )
    status: BatchStatus
    cost_method: CostMethod = strawberry.field(description="Locked at start.")
    factor: Decimal = strawberry.field(description="The recipe's scale (2 is twice).")
    planned_yield: Quantity | None = strawberry.field(
        description="The predicted yield at this scale (null: the yield does not convert)."
    )
    planned_portions: Decimal | None
    planned_cost: Money = strawberry.field(
        description="What the recipe at this scale cost to draw at start, by the cost method "
        "(lines a forced start skipped priced at what was there)."
    )
    ingredient_cost: Money = strawberry.field(
        description="What was drawn: the lines by the cost method, added ingredients included."
    )
    actual_cost: Money | None = strawberry.field(
        description="Of the finished batch: its ingredients (a variation: its share of its "
        "parent's plus its own) and the containers filled."
    )
    forced: bool = strawberry.field(description="Started with force, and a line was skipped.")
    shortage_summary: str | None
    started_at: datetime
    finished_at: datetime | None
    cancelled_at: datetime | None
    failed_at: datetime | None
    failure_reason: str | None
    actual_yield: Quantity | None
    portions: int | None
    variation_name: str | None
    percentage: Decimal | None = strawberry.field(
        description="A variation's share of its parent's yield, in percent."
    )
    key: strawberry.Private[int]
    recipe_key: strawberry.Private[int]
    output_item_key: strawberry.Private[int]
    parent_key: strawberry.Private[int | None]
    unit: strawberry.Private[str]
    currency: strawberry.Private[str]

    @classmethod
    def from_row(cls, row: models.Batch, unit: str, currency: str) -> Batch:
        values = {name: f.value(row, Env(currency, unit)) for name, f in BATCH_FIELDS.items()}
        return cls(
            **values,
            key=row.id,
            recipe_key=row.recipe_id,
            output_item_key=row.output_item_id,
            parent_key=row.parent_batch_id,
            unit=unit,
            currency=currency,
        )

    @strawberry.field(description="The exact recipe version made. Needs recipes.read.")
    async def recipe(self, info: Info) -> Recipe:
        found = await recipes_loaders.recipe_by_id(info).load(self.recipe_key)
        assert found is not None, "a batch's recipe is in its organization"
        return Recipe.from_row(found)

    @strawberry.field(description="What the batch makes. Needs inventory.read.")
    async def output_item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.output_item_key)

    @strawberry.field(description="Every line drawn (or skipped), in order, with its lots.")
    async def consumption(self, info: Info) -> list[BatchLine]:
        rows = await batches_loaders.lines_by_batch(info).load(self.key)
        draws = await batches_loaders.draws_by_batch(info).load(self.key)
        items = await inventory_loaders.item_by_id(info).load_many([r.item_id for r in rows])
        units = {item.id: item.base_unit for item in items if item is not None}
        by_line = _draws(draws, units, self.currency)
        return [
            BatchLine.from_row(row, units[row.item_id], self.currency, by_line.get(row.id, []))
            for row in rows
        ]

    @strawberry.field(description="The steps and the ingredient checklist, for the floor.")
    async def instructions(self, info: Info) -> BatchInstructions:
        rows = await batches_loaders.steps_by_batch(info).load(self.key)
        return BatchInstructions(
            steps=[
                BatchStep(
                    position=row.position,
                    key=row.key,
                    text=row.text,
                    duration_minutes=row.duration_minutes,
                    temperature=None
                    if row.temperature is None or row.temperature_unit is None
                    else Temperature(
                        value=row.temperature, unit=TemperatureUnit(row.temperature_unit)
                    ),
                )
                for row in rows
            ],
            checklist=await self.consumption(info),
        )

    @strawberry.field(description="The lots a finish made, container sizes first, then bulk.")
    async def outputs(self, info: Info) -> list[BatchOutput]:
        rows = await batches_loaders.outputs_by_batch(info).load(self.key)
        return [BatchOutput.from_row(row, self.unit, self.currency) for row in rows]

    @strawberry.field(description="Actual against planned: cost, yield, per unit and portion.")
    async def comparison(self, info: Info) -> BatchComparison:
        row = await batches_loaders.batch_by_id(info).load(self.key)
        output = await inventory_loaders.item_by_id(info).load(self.output_item_key)
        assert row is not None
        assert output is not None
        found = report.compare(row, output)

        def quantity(amount: Decimal | None) -> Quantity | None:
            return None if amount is None else Quantity(amount=amount, unit=self.unit)

        def money(amount: Decimal | None) -> Money | None:
            return _optional_money(amount, self.currency)

        return BatchComparison(
            planned_cost=_money(found.planned_cost, self.currency),
            actual_cost=money(found.actual_cost),
            planned_yield=quantity(found.planned_yield),
            actual_yield=quantity(found.actual_yield),
            yield_variance_percent=found.yield_variance_percent,
            cost_per_output_unit=money(found.cost_per_output_unit),
            cost_per_portion=money(found.cost_per_portion),
            sale_value=money(found.sale_value),
            margin=money(found.margin),
            margin_percent=found.margin_percent,
        )

    @strawberry.field(description="The batch a variation was split from.")
    async def parent(self, info: Info) -> Batch | None:
        if self.parent_key is None:
            return None
        found = await batches_loaders.batch_by_id(info).load(self.parent_key)
        return None if found is None else await batch_node(info, found)

    @strawberry.field(description="A split's variations, in the order made.")
    async def variations(self, info: Info) -> list[Batch]:
        rows = await batches_loaders.variations_by_batch(info).load(self.key)
        return [Batch.from_row(row, self.unit, self.currency) for row in rows]


async def batch_node(info: Info, row: models.Batch) -> Batch:
    output = await inventory_loaders.item_by_id(info).load(row.output_item_id)
    assert output is not None, "a batch's output item is in its organization"
    return Batch.from_row(row, output.base_unit, await inventory_loaders.currency_code(info))


BatchConnection = Connection[Batch]


# The batch types' fields from their rows (schema/row_fields.py): `from_row` and the
# planned reads (resolvers/planned/batches.py) both build from these tables. Amounts are
# in the Env's unit: the output item's for a batch and its outputs, the line's item's for
# a line and its draws.
BATCH_FIELDS: dict[str, ValueField] = {
    "id": global_id("Batch"),
    "label": column("label"),
    "status": enum_column("status", BatchStatus),
    "cost_method": enum_column("cost_method", CostMethod),
    "factor": column("factor"),
    "planned_yield": optional_amount_field("planned_yield"),
    "planned_portions": column("planned_portions"),
    "planned_cost": cost_field("planned_cost"),
    "ingredient_cost": cost_field("ingredient_cost"),
    "actual_cost": optional_cost_field("actual_cost"),
    "forced": column("forced"),
    "shortage_summary": column("shortage_summary"),
    "started_at": column("started_at"),
    "finished_at": column("finished_at"),
    "cancelled_at": column("cancelled_at"),
    "failed_at": column("failed_at"),
    "failure_reason": column("failure_reason"),
    "actual_yield": optional_amount_field("actual_yield"),
    "portions": column("portions"),
    "variation_name": column("variation_name"),
    "percentage": column("percentage"),
}
LINE_FIELDS: dict[str, ValueField] = {
    "position": column("position"),
    "kind": enum_column("kind", BatchLineKind),
    "needed": amount_field("needed"),
    "drawn": amount_field("drawn"),
    "skipped": amount_field("skipped"),
    "cost": cost_field("cost"),
    "tracked": column("tracked"),
    "note": column("note"),
}
DRAW_FIELDS: dict[str, ValueField] = {
    "quantity": amount_field("quantity"),
    "value": cost_field("value"),
}
OUTPUT_FIELDS: dict[str, ValueField] = {
    "quantity": amount_field("quantity"),
    "cost": cost_field("cost"),
    "container_count": column("container_count"),
    "container_cost": cost_field("container_cost"),
}


@strawberry.input
class BatchFilter:
    status: BatchStatus | None = None
    recipe_id: strawberry.ID | None = None
    output_item_id: strawberry.ID | None = None
    include_variations: bool = strawberry.field(
        default=False, description="A split's variations too (else only under their parent)."
    )


@strawberry.input(
    description="A recipe version at a scale: `scale` (2 is twice) or `targetYield` in any "
    "unit that converts to the output item's; neither is the recipe as it is."
)
class PlanBatchInput:
    recipe_id: strawberry.ID
    scale: Decimal | None = None
    target_yield: QuantityInput | None = None


@strawberry.input
class StartBatchInput:
    recipe_id: strawberry.ID = strawberry.field(description="The exact version to make.")
    scale: Decimal | None = None
    target_yield: QuantityInput | None = None
    force: bool = strawberry.field(
        default=False,
        description="Start even if lines are short: those lines are skipped and recorded.",
    )


@strawberry.input
class BatchIngredientInput:
    item_id: strawberry.ID
    quantity: QuantityInput
    note: str | None = None


@strawberry.input
class AddBatchIngredientsInput:
    batch_id: strawberry.ID
    lines: list[BatchIngredientInput]
    force: bool = strawberry.field(default=False, description="Skip the lines that are short.")


@strawberry.input(description='A container size to fill: "20 x 4 oz jars".')
class ContainerFillInput:
    item_id: strawberry.ID = strawberry.field(description="A CONTAINER item with a capacity.")
    count: int


@strawberry.input
class FinishBatchInput:
    id: strawberry.ID
    actual_yield: QuantityInput = strawberry.field(
        description="What was made, in any unit that converts to the output item's (more "
        "than 0: a batch that made nothing is failed with failBatch)."
    )
    portions: int | None = strawberry.field(default=None, description="At least 1.")
    containers: list[ContainerFillInput] = strawberry.field(
        default_factory=list,
        description="Container sizes to fill, drawn FIFO; the rest of the yield is bulk.",
    )


@strawberry.input
class BatchVariationInput:
    name: str = strawberry.field(description="Unique in the batch; ends its sub-label.")
    percentage: Decimal = strawberry.field(
        description="Its share of the batch (more than 0; the variations of a batch sum to "
        "at most 100, the rest stays base)."
    )
    ingredients: list[BatchIngredientInput] = strawberry.field(
        default_factory=list, description="Added to it, drawn FIFO."
    )


@strawberry.input
class SplitBatchInput:
    id: strawberry.ID
    variations: list[BatchVariationInput]


@strawberry.type
class SplitBatchPayload:
    batch: Batch | None = None
    variations: list[Batch] = strawberry.field(default_factory=list)
    shortages: list[BatchShortage] = strawberry.field(default_factory=list)
    user_errors: list[BatchUserError] = strawberry.field(default_factory=list)


@strawberry.input
class CancelBatchInput:
    id: strawberry.ID


@strawberry.input
class FailBatchInput:
    id: strawberry.ID
    reason: str = strawberry.field(description="Why it failed (up to 2,000 characters).")


@strawberry.type(description="A line short of stock: how much was needed and is available.")
class BatchShortage:
    needed: Quantity
    available: Quantity
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(description="What a batch would draw and cost now; nothing changes.")
class BatchPlan:
    scaled: ScaledRecipe
    planned_cost: PlannedCost
    shortages: list[BatchShortage] = strawberry.field(
        description="Every line that cannot be drawn in full now."
    )


@strawberry.type
class PlanBatchPayload:
    plan: BatchPlan | None = None
    user_errors: list[BatchUserError] = strawberry.field(default_factory=list)


@strawberry.type
class BatchPayload:
    batch: Batch | None = None
    shortages: list[BatchShortage] = strawberry.field(
        default_factory=list,
        description="With INSUFFICIENT_STOCK: every short line (item, needed, available).",
    )
    user_errors: list[BatchUserError] = strawberry.field(default_factory=list)
