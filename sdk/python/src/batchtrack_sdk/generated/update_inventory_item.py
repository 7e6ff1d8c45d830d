from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryItemFields


class UpdateInventoryItem(BaseModel):
    update_inventory_item: "UpdateInventoryItemUpdateInventoryItem" = Field(
        alias="updateInventoryItem"
    )


class UpdateInventoryItemUpdateInventoryItem(BaseModel):
    inventory_item: Optional["UpdateInventoryItemUpdateInventoryItemInventoryItem"] = (
        Field(alias="inventoryItem")
    )
    user_errors: list["UpdateInventoryItemUpdateInventoryItemUserErrors"] = Field(
        alias="userErrors"
    )


UpdateInventoryItemUpdateInventoryItemInventoryItem = InventoryItemFields


class UpdateInventoryItemUpdateInventoryItemUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


UpdateInventoryItem.model_rebuild()
UpdateInventoryItemUpdateInventoryItem.model_rebuild()
