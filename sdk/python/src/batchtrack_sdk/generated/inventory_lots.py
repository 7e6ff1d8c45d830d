from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InventoryLotFields


class InventoryLots(BaseModel):
    inventory_lots: "InventoryLotsInventoryLots" = Field(alias="inventoryLots")


class InventoryLotsInventoryLots(BaseModel):
    nodes: list["InventoryLotsInventoryLotsNodes"]
    page_info: "InventoryLotsInventoryLotsPageInfo" = Field(alias="pageInfo")


InventoryLotsInventoryLotsNodes = InventoryLotFields


class InventoryLotsInventoryLotsPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


InventoryLots.model_rebuild()
InventoryLotsInventoryLots.model_rebuild()
