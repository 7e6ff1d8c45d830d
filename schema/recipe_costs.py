"""A recipe version scaled and priced: `Recipe.scaled` and `Recipe.plannedCost`
(services/recipes/costing.py)."""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

import strawberry

from resolvers import inventory_loaders, recipe_costs
from resolvers.context import Info
from schema.accounts import CostMethod
from schema.inventory import InventoryItem, InventoryLot, item_node
from schema.money import CurrencyCode, Money
from schema.units import Quantity
from services.inventory.planning import DrawQuote
from services.recipes import costing
from services.recipes.lines import ResolvedQuantity
from services.recipes.models import LineKind


@strawberry.enum(description="Why a line of a planned cost is not priced in full.")
class UnpricedReason(Enum):
    NO_CONVERSION = strawberry.enum_value(
        "NO_CONVERSION",
        description="Its unit does not convert to the item's base unit now (say, a density "
        "was cleared); nothing of it is priced.",
    )
    NO_STOCK = strawberry.enum_value(
        "NO_STOCK", description="Nothing of the item can be drawn now; nothing of it is priced."
    )
    INSUFFICIENT_STOCK = strawberry.enum_value(
        "INSUFFICIENT_STOCK",
        description="Part of it can be drawn and is priced; `short` is the rest.",
    )


def _capacity(quantity: ResolvedQuantity) -> Quantity:
    """In the output's base unit; as entered when that does not convert now."""
    if quantity.base_amount is None:
        return Quantity(amount=quantity.amount, unit=quantity.unit)
    return Quantity(amount=quantity.base_amount, unit=quantity.base_unit)


def _money(amount: Decimal, currency: str) -> Money:
    return Money(amount=amount, currency_code=CurrencyCode(currency))


@strawberry.type(description="An amount of a recipe scaled, and what a batch would draw of it.")
class ScaledQuantity:
    amount: Decimal = strawberry.field(description="Scaled, in the unit the recipe gives.")
    unit: str
    exact: bool = strawberry.field(
        description="False when the factor's decimal expansion does not end and `amount` is "
        "rounded half-even to 9 places."
    )
    base_quantity: Quantity | None = strawberry.field(
        description="In the item's base unit at its precision (rounded half-even): what a "
        "batch draws. Null when the unit does not convert now (`problem` says why)."
    )
    problem: str | None

    @classmethod
    def of(cls, quantity: costing.ScaledQuantity) -> ScaledQuantity:
        base = quantity.base_amount
        return cls(
            amount=quantity.amount,
            unit=quantity.unit,
            exact=quantity.exact,
            base_quantity=None if base is None else Quantity(amount=base, unit=quantity.base_unit),
            problem=quantity.problem,
        )


@strawberry.type(description="An ingredient or consumable line, scaled.")
class ScaledRecipeLine:
    position: int
    quantity: ScaledQuantity
    note: str | None
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)

    @classmethod
    def of(cls, line: costing.ScaledLine) -> ScaledRecipeLine:
        return cls(
            position=line.line.position,
            quantity=ScaledQuantity.of(line.quantity),
            note=line.line.note,
            item_key=line.line.item.id,
        )


@strawberry.type(description="Of one lot: what the next draw would take and its cost.")
class PlannedLotDraw:
    quantity: Quantity
    cost: Money
    lot: InventoryLot


@strawberry.type(description="A line priced at what the next draw of it would cost now.")
class PlannedLineCost:
    position: int
    is_consumable: bool
    quantity: Quantity | None = strawberry.field(
        description="What a batch would draw, in the item's base unit (null: no conversion)."
    )
    cost: Money = strawberry.field(description="Of what can be drawn now.")
    available: Quantity | None = strawberry.field(
        description="Usable now (unexpired, unreserved), in the base unit."
    )
    short: Quantity | None = strawberry.field(description="What cannot be drawn now.")
    lots: list[PlannedLotDraw] = strawberry.field(
        description="The lots the draw would take, in the order it takes them (FIFO or FEFO)."
    )
    unpriced: UnpricedReason | None = strawberry.field(
        description="Null when the line is priced in full."
    )
    reason: str | None
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(description="Holding the whole yield in one allowed container.")
class PlannedContainerCost:
    capacity: Quantity = strawberry.field(
        description="Of one, in the output's base unit (as entered if it does not convert)."
    )
    count: int | None = strawberry.field(
        description="How many the yield fills (the last may be part full); null when the "
        "capacity or the yield does not convert."
    )
    cost: Money
    unpriced: UnpricedReason | None
    reason: str | None
    item_key: strawberry.Private[int]

    @strawberry.field(description="Needs inventory.read.")
    async def item(self, info: Info) -> InventoryItem:
        return await item_node(info, self.item_key)


@strawberry.type(
    description="What a batch would cost now: each line at the lots its next FIFO (or FEFO) "
    "draw would take, from today's open lots, unexpired and unreserved."
)
class PlannedCost:
    total: Money = strawberry.field(
        description="Of the ingredients and consumables priced (containers are apart)."
    )
    complete: bool = strawberry.field(description="Every line is priced in full.")
    sufficient: bool = strawberry.field(description="Every line can be drawn in full now.")
    cost_per_output_unit: Money | None = strawberry.field(
        description="The total per base unit of the output item (null when the yield does "
        "not convert)."
    )
    cost_per_portion: Money | None = strawberry.field(
        description="The total per portion, for a portioned recipe."
    )
    lines: list[PlannedLineCost] = strawberry.field(
        description="The ingredients, then the consumables, in order."
    )
    containers: list[PlannedContainerCost]
    cost_method: CostMethod = strawberry.field(
        description="The organization's cost method the lines are priced by: FIFO (the lots "
        "the draw would take) or AVERAGE (what can be drawn, at the item's average cost)."
    )

    @classmethod
    def of(cls, planned: costing.PlannedCost, currency: str) -> PlannedCost:
        def lots(quote: DrawQuote | None) -> list[PlannedLotDraw]:
            if quote is None:
                return []
            unit = quote.item.base_unit
            return [
                PlannedLotDraw(
                    quantity=Quantity(amount=draw.quantity, unit=unit),
                    cost=_money(draw.cost, currency),
                    lot=InventoryLot.from_row(draw.lot, unit, currency),
                )
                for draw in quote.draws
            ]

        def base(quote: DrawQuote | None, amount: Decimal | None) -> Quantity | None:
            if quote is None or amount is None:
                return None
            return Quantity(amount=amount, unit=quote.item.base_unit)

        per_unit, per_portion = planned.per_output_unit, planned.per_portion
        return cls(
            total=_money(planned.total, currency),
            complete=planned.complete,
            sufficient=planned.sufficient,
            cost_per_output_unit=None if per_unit is None else _money(per_unit, currency),
            cost_per_portion=None if per_portion is None else _money(per_portion, currency),
            lines=[
                PlannedLineCost(
                    position=line.scaled.line.position,
                    is_consumable=line.scaled.line.kind is LineKind.CONSUMABLE,
                    quantity=ScaledQuantity.of(line.scaled.quantity).base_quantity,
                    cost=_money(line.cost, currency),
                    available=base(line.quote, line.quote.available if line.quote else None),
                    short=base(line.quote, line.quote.short if line.quote else None),
                    lots=lots(line.quote),
                    unpriced=UnpricedReason(line.unpriced.value) if line.unpriced else None,
                    reason=line.reason,
                    item_key=line.scaled.line.item.id,
                )
                for line in planned.lines
            ],
            cost_method=CostMethod(planned.method),
            containers=[
                PlannedContainerCost(
                    capacity=_capacity(container.line.quantity),
                    count=container.count,
                    cost=_money(container.quote.cost if container.quote else Decimal(0), currency),
                    unpriced=(
                        UnpricedReason(container.unpriced.value) if container.unpriced else None
                    ),
                    reason=container.reason,
                    item_key=container.line.item.id,
                )
                for container in planned.containers
            ],
        )


@strawberry.type(description="A recipe version at a factor of its size.")
class ScaledRecipe:
    factor: Decimal
    factor_exact: bool = strawberry.field(
        description="False when the factor (from a target yield) is rounded to 9 places; "
        "the amounts are then computed from the exact factor and rounded once."
    )
    predicted_yield: ScaledQuantity
    ingredients: list[ScaledRecipeLine]
    consumables: list[ScaledRecipeLine]
    portion_count: Decimal | None = strawberry.field(
        description="Portions scale with the batch (and may not be whole); each stays its size."
    )
    scaled: strawberry.Private[costing.Scaled]

    @classmethod
    def of(cls, scaled: costing.Scaled) -> ScaledRecipe:
        return cls(
            factor=scaled.factor,
            factor_exact=scaled.factor_exact,
            predicted_yield=ScaledQuantity.of(scaled.predicted_yield),
            ingredients=[ScaledRecipeLine.of(line) for line in scaled.ingredients],
            consumables=[ScaledRecipeLine.of(line) for line in scaled.consumables],
            portion_count=scaled.portion_count,
            scaled=scaled,
        )

    @strawberry.field(description="What a batch of this size would cost now.")
    async def planned_cost(self, info: Info) -> PlannedCost:
        planned = await recipe_costs.planned_cost(info, self.scaled)
        return PlannedCost.of(planned, await inventory_loaders.currency_code(info))
