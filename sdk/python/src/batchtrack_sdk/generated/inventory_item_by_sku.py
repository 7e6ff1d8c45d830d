from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InventoryItemFields


class InventoryItemBySku(BaseModel):
    inventory_item_by_sku: Optional["InventoryItemBySkuInventoryItemBySku"] = Field(
        alias="inventoryItemBySku"
    )


InventoryItemBySkuInventoryItemBySku = InventoryItemFields
InventoryItemBySku.model_rebuild()
