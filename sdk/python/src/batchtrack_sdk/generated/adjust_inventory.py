from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryAdjustmentFields, InventoryItemFields, QuantityFields


class AdjustInventory(BaseModel):
    adjust_inventory: "AdjustInventoryAdjustInventory" = Field(alias="adjustInventory")


class AdjustInventoryAdjustInventory(BaseModel):
    adjustment: Optional["AdjustInventoryAdjustInventoryAdjustment"]
    inventory_item: Optional["AdjustInventoryAdjustInventoryInventoryItem"] = Field(
        alias="inventoryItem"
    )
    shortages: list["AdjustInventoryAdjustInventoryShortages"]
    entered_quantity: Optional["AdjustInventoryAdjustInventoryEnteredQuantity"] = Field(
        alias="enteredQuantity"
    )
    recorded_quantity: Optional["AdjustInventoryAdjustInventoryRecordedQuantity"] = (
        Field(alias="recordedQuantity")
    )
    user_errors: list["AdjustInventoryAdjustInventoryUserErrors"] = Field(
        alias="userErrors"
    )


AdjustInventoryAdjustInventoryAdjustment = InventoryAdjustmentFields
AdjustInventoryAdjustInventoryInventoryItem = InventoryItemFields


class AdjustInventoryAdjustInventoryShortages(BaseModel):
    requested: "AdjustInventoryAdjustInventoryShortagesRequested"
    available: "AdjustInventoryAdjustInventoryShortagesAvailable"
    item: "AdjustInventoryAdjustInventoryShortagesItem"


AdjustInventoryAdjustInventoryShortagesRequested = QuantityFields
AdjustInventoryAdjustInventoryShortagesAvailable = QuantityFields
AdjustInventoryAdjustInventoryShortagesItem = InventoryItemFields
AdjustInventoryAdjustInventoryEnteredQuantity = QuantityFields
AdjustInventoryAdjustInventoryRecordedQuantity = QuantityFields


class AdjustInventoryAdjustInventoryUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


AdjustInventory.model_rebuild()
AdjustInventoryAdjustInventory.model_rebuild()
AdjustInventoryAdjustInventoryShortages.model_rebuild()
