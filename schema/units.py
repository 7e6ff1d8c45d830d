from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry

from schema.errors import UnitUserError
from schema.relay import Node
from services.units.catalog import CONVERSION_SCALE


@strawberry.enum(
    description=(
        "What a unit measures. Units convert within a dimension; weight and volume also "
        "convert into each other through an inventory item's density (g/ml)."
    )
)
class UnitDimension(Enum):
    WEIGHT = "weight"
    VOLUME = "volume"
    COUNT = "count"
    LENGTH = "length"


@strawberry.type(description="An exact amount of a unit, such as 30 g.")
class Quantity:
    amount: Decimal
    unit: str = strawberry.field(description="A unit name, as listed by `units`.")


@strawberry.input(description='An amount of a unit, such as { amount: "30", unit: "g" }.')
class QuantityInput:
    amount: Decimal
    unit: str = strawberry.field(description="A built-in or custom unit name (any case).")


@strawberry.interface(
    description=(
        "A unit of measure: built-in (g, ml, each, mm and their multiples) or defined "
        "by the organization (CustomUnit)."
    )
)
class Unit:
    name: str
    dimension: UnitDimension
    is_custom: bool
    factor_to_base: Decimal = strawberry.field(
        description="How many base units make one of this unit, exactly."
    )
    base_unit: str = strawberry.field(
        description="The unit the dimension converts through: g, ml, each or mm."
    )
    defined_as: Quantity | None = strawberry.field(
        description="For a custom unit, the quantity it was defined as; null if built in."
    )


@strawberry.type(description="A unit every organization has; its factor is exact by definition.")
class BuiltInUnit(Unit):
    pass


@strawberry.type(description="A unit the organization defined, such as scoop = 30 g.")
class CustomUnit(Node, Unit):
    created_at: datetime


@strawberry.type(description="The result of convertQuantity.")
class ConvertQuantityResult:
    quantity: Quantity | None = None
    exact: bool | None = strawberry.field(
        default=None,
        description=(
            "False when the exact result does not terminate and the amount is rounded "
            f"half-even to {CONVERSION_SCALE} fractional digits."
        ),
    )
    user_errors: list[UnitUserError] = strawberry.field(default_factory=list)


@strawberry.input
class CreateCustomUnitInput:
    name: str = strawberry.field(
        description="Unique in the organization ignoring case; not a built-in unit's name."
    )
    defined_as: QuantityInput = strawberry.field(
        description="What one of the new unit is, in a built-in or another custom unit."
    )


@strawberry.type
class CreateCustomUnitPayload:
    custom_unit: CustomUnit | None = None
    user_errors: list[UnitUserError] = strawberry.field(default_factory=list)


@strawberry.input
class SetItemDensityInput:
    item_id: strawberry.ID
    density: Decimal | None = strawberry.field(
        description="Grams per millilitre, such as 0.91 for olive oil; null clears it."
    )
