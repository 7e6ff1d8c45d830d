from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InventoryItemFields


class InventoryItem(BaseModel):
    inventory_item: Optional["InventoryItemInventoryItem"] = Field(
        alias="inventoryItem"
    )


InventoryItemInventoryItem = InventoryItemFields
InventoryItem.model_rebuild()
