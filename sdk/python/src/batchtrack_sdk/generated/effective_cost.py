from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MoneyFields, QuantityFields


class EffectiveCost(BaseModel):
    effective_cost: Optional["EffectiveCostEffectiveCost"] = Field(
        alias="effectiveCost"
    )


class EffectiveCostEffectiveCost(BaseModel):
    item_id: str = Field(alias="itemId")
    item_name: str = Field(alias="itemName")
    period_start: datetime = Field(alias="periodStart")
    period_end: datetime = Field(alias="periodEnd")
    spent: "EffectiveCostEffectiveCostSpent"
    purchased_quantity: "EffectiveCostEffectiveCostPurchasedQuantity" = Field(
        alias="purchasedQuantity"
    )
    wasted_quantity: "EffectiveCostEffectiveCostWastedQuantity" = Field(
        alias="wastedQuantity"
    )
    waste_cost: "EffectiveCostEffectiveCostWasteCost" = Field(alias="wasteCost")
    used_quantity: "EffectiveCostEffectiveCostUsedQuantity" = Field(
        alias="usedQuantity"
    )
    effective_cost_per_unit: Optional[
        "EffectiveCostEffectiveCostEffectiveCostPerUnit"
    ] = Field(alias="effectiveCostPerUnit")
    purchase_cost_per_unit: Optional[
        "EffectiveCostEffectiveCostPurchaseCostPerUnit"
    ] = Field(alias="purchaseCostPerUnit")
    average_cost_per_unit: Optional["EffectiveCostEffectiveCostAverageCostPerUnit"] = (
        Field(alias="averageCostPerUnit")
    )


EffectiveCostEffectiveCostSpent = MoneyFields
EffectiveCostEffectiveCostPurchasedQuantity = QuantityFields
EffectiveCostEffectiveCostWastedQuantity = QuantityFields
EffectiveCostEffectiveCostWasteCost = MoneyFields
EffectiveCostEffectiveCostUsedQuantity = QuantityFields
EffectiveCostEffectiveCostEffectiveCostPerUnit = MoneyFields
EffectiveCostEffectiveCostPurchaseCostPerUnit = MoneyFields
EffectiveCostEffectiveCostAverageCostPerUnit = MoneyFields
EffectiveCost.model_rebuild()
EffectiveCostEffectiveCost.model_rebuild()
