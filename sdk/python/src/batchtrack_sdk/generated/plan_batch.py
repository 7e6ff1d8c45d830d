from decimal import Decimal
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BatchUserErrorCode, CostMethod, UnpricedReason
from .fragments import InventoryItemFields, MoneyFields, QuantityFields


class PlanBatch(BaseModel):
    plan_batch: "PlanBatchPlanBatch" = Field(alias="planBatch")


class PlanBatchPlanBatch(BaseModel):
    plan: Optional["PlanBatchPlanBatchPlan"]
    user_errors: list["PlanBatchPlanBatchUserErrors"] = Field(alias="userErrors")


class PlanBatchPlanBatchPlan(BaseModel):
    scaled: "PlanBatchPlanBatchPlanScaled"
    planned_cost: "PlanBatchPlanBatchPlanPlannedCost" = Field(alias="plannedCost")
    shortages: list["PlanBatchPlanBatchPlanShortages"]


class PlanBatchPlanBatchPlanScaled(BaseModel):
    factor: Decimal
    factor_exact: bool = Field(alias="factorExact")
    predicted_yield: "PlanBatchPlanBatchPlanScaledPredictedYield" = Field(
        alias="predictedYield"
    )
    ingredients: list["PlanBatchPlanBatchPlanScaledIngredients"]
    consumables: list["PlanBatchPlanBatchPlanScaledConsumables"]
    portion_count: Optional[Decimal] = Field(alias="portionCount")
    planned_cost: "PlanBatchPlanBatchPlanScaledPlannedCost" = Field(alias="plannedCost")


class PlanBatchPlanBatchPlanScaledPredictedYield(BaseModel):
    amount: Decimal
    unit: str
    exact: bool
    base_quantity: Optional[
        "PlanBatchPlanBatchPlanScaledPredictedYieldBaseQuantity"
    ] = Field(alias="baseQuantity")
    problem: Optional[str]


PlanBatchPlanBatchPlanScaledPredictedYieldBaseQuantity = QuantityFields


class PlanBatchPlanBatchPlanScaledIngredients(BaseModel):
    position: int
    quantity: "PlanBatchPlanBatchPlanScaledIngredientsQuantity"
    note: Optional[str]
    item: "PlanBatchPlanBatchPlanScaledIngredientsItem"


class PlanBatchPlanBatchPlanScaledIngredientsQuantity(BaseModel):
    amount: Decimal
    unit: str
    exact: bool
    problem: Optional[str]


PlanBatchPlanBatchPlanScaledIngredientsItem = InventoryItemFields


class PlanBatchPlanBatchPlanScaledConsumables(BaseModel):
    position: int
    quantity: "PlanBatchPlanBatchPlanScaledConsumablesQuantity"
    note: Optional[str]
    item: "PlanBatchPlanBatchPlanScaledConsumablesItem"


class PlanBatchPlanBatchPlanScaledConsumablesQuantity(BaseModel):
    amount: Decimal
    unit: str
    exact: bool
    problem: Optional[str]


PlanBatchPlanBatchPlanScaledConsumablesItem = InventoryItemFields


class PlanBatchPlanBatchPlanScaledPlannedCost(BaseModel):
    total: "PlanBatchPlanBatchPlanScaledPlannedCostTotal"
    complete: bool
    sufficient: bool
    cost_per_output_unit: Optional[
        "PlanBatchPlanBatchPlanScaledPlannedCostCostPerOutputUnit"
    ] = Field(alias="costPerOutputUnit")
    cost_per_portion: Optional[
        "PlanBatchPlanBatchPlanScaledPlannedCostCostPerPortion"
    ] = Field(alias="costPerPortion")
    lines: list["PlanBatchPlanBatchPlanScaledPlannedCostLines"]
    containers: list["PlanBatchPlanBatchPlanScaledPlannedCostContainers"]
    cost_method: CostMethod = Field(alias="costMethod")


PlanBatchPlanBatchPlanScaledPlannedCostTotal = MoneyFields
PlanBatchPlanBatchPlanScaledPlannedCostCostPerOutputUnit = MoneyFields
PlanBatchPlanBatchPlanScaledPlannedCostCostPerPortion = MoneyFields


class PlanBatchPlanBatchPlanScaledPlannedCostLines(BaseModel):
    position: int
    is_consumable: bool = Field(alias="isConsumable")
    unpriced: Optional[UnpricedReason]
    reason: Optional[str]


class PlanBatchPlanBatchPlanScaledPlannedCostContainers(BaseModel):
    count: Optional[int]
    unpriced: Optional[UnpricedReason]
    reason: Optional[str]


class PlanBatchPlanBatchPlanPlannedCost(BaseModel):
    total: "PlanBatchPlanBatchPlanPlannedCostTotal"
    complete: bool
    sufficient: bool
    cost_per_output_unit: Optional[
        "PlanBatchPlanBatchPlanPlannedCostCostPerOutputUnit"
    ] = Field(alias="costPerOutputUnit")
    cost_per_portion: Optional["PlanBatchPlanBatchPlanPlannedCostCostPerPortion"] = (
        Field(alias="costPerPortion")
    )
    lines: list["PlanBatchPlanBatchPlanPlannedCostLines"]
    containers: list["PlanBatchPlanBatchPlanPlannedCostContainers"]
    cost_method: CostMethod = Field(alias="costMethod")


PlanBatchPlanBatchPlanPlannedCostTotal = MoneyFields
PlanBatchPlanBatchPlanPlannedCostCostPerOutputUnit = MoneyFields
PlanBatchPlanBatchPlanPlannedCostCostPerPortion = MoneyFields


class PlanBatchPlanBatchPlanPlannedCostLines(BaseModel):
    position: int
    is_consumable: bool = Field(alias="isConsumable")
    quantity: Optional["PlanBatchPlanBatchPlanPlannedCostLinesQuantity"]
    cost: "PlanBatchPlanBatchPlanPlannedCostLinesCost"
    available: Optional["PlanBatchPlanBatchPlanPlannedCostLinesAvailable"]
    short: Optional["PlanBatchPlanBatchPlanPlannedCostLinesShort"]
    unpriced: Optional[UnpricedReason]
    reason: Optional[str]
    item: "PlanBatchPlanBatchPlanPlannedCostLinesItem"


PlanBatchPlanBatchPlanPlannedCostLinesQuantity = QuantityFields
PlanBatchPlanBatchPlanPlannedCostLinesCost = MoneyFields
PlanBatchPlanBatchPlanPlannedCostLinesAvailable = QuantityFields
PlanBatchPlanBatchPlanPlannedCostLinesShort = QuantityFields
PlanBatchPlanBatchPlanPlannedCostLinesItem = InventoryItemFields


class PlanBatchPlanBatchPlanPlannedCostContainers(BaseModel):
    capacity: "PlanBatchPlanBatchPlanPlannedCostContainersCapacity"
    count: Optional[int]
    cost: "PlanBatchPlanBatchPlanPlannedCostContainersCost"
    unpriced: Optional[UnpricedReason]
    reason: Optional[str]
    item: "PlanBatchPlanBatchPlanPlannedCostContainersItem"


PlanBatchPlanBatchPlanPlannedCostContainersCapacity = QuantityFields
PlanBatchPlanBatchPlanPlannedCostContainersCost = MoneyFields
PlanBatchPlanBatchPlanPlannedCostContainersItem = InventoryItemFields


class PlanBatchPlanBatchPlanShortages(BaseModel):
    needed: "PlanBatchPlanBatchPlanShortagesNeeded"
    available: "PlanBatchPlanBatchPlanShortagesAvailable"
    item: "PlanBatchPlanBatchPlanShortagesItem"


PlanBatchPlanBatchPlanShortagesNeeded = QuantityFields
PlanBatchPlanBatchPlanShortagesAvailable = QuantityFields
PlanBatchPlanBatchPlanShortagesItem = InventoryItemFields


class PlanBatchPlanBatchUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BatchUserErrorCode


PlanBatch.model_rebuild()
PlanBatchPlanBatch.model_rebuild()
PlanBatchPlanBatchPlan.model_rebuild()
PlanBatchPlanBatchPlanScaled.model_rebuild()
PlanBatchPlanBatchPlanScaledPredictedYield.model_rebuild()
PlanBatchPlanBatchPlanScaledIngredients.model_rebuild()
PlanBatchPlanBatchPlanScaledConsumables.model_rebuild()
PlanBatchPlanBatchPlanScaledPlannedCost.model_rebuild()
PlanBatchPlanBatchPlanPlannedCost.model_rebuild()
PlanBatchPlanBatchPlanPlannedCostLines.model_rebuild()
PlanBatchPlanBatchPlanPlannedCostContainers.model_rebuild()
PlanBatchPlanBatchPlanShortages.model_rebuild()
