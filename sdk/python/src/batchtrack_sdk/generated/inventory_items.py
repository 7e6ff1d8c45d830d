from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InventoryItemFields


class InventoryItems(BaseModel):
    inventory_items: "InventoryItemsInventoryItems" = Field(alias="inventoryItems")


class InventoryItemsInventoryItems(BaseModel):
    nodes: list["InventoryItemsInventoryItemsNodes"]
    page_info: "InventoryItemsInventoryItemsPageInfo" = Field(alias="pageInfo")


InventoryItemsInventoryItemsNodes = InventoryItemFields


class InventoryItemsInventoryItemsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


InventoryItems.model_rebuild()
InventoryItemsInventoryItems.model_rebuild()
