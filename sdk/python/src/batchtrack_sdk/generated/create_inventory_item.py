from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import InventoryUserErrorCode
from .fragments import InventoryItemFields


class CreateInventoryItem(BaseModel):
    create_inventory_item: "CreateInventoryItemCreateInventoryItem" = Field(
        alias="createInventoryItem"
    )


class CreateInventoryItemCreateInventoryItem(BaseModel):
    inventory_item: Optional["CreateInventoryItemCreateInventoryItemInventoryItem"] = (
        Field(alias="inventoryItem")
    )
    user_errors: list["CreateInventoryItemCreateInventoryItemUserErrors"] = Field(
        alias="userErrors"
    )


CreateInventoryItemCreateInventoryItemInventoryItem = InventoryItemFields


class CreateInventoryItemCreateInventoryItemUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: InventoryUserErrorCode


CreateInventoryItem.model_rebuild()
CreateInventoryItemCreateInventoryItem.model_rebuild()
