from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import InventoryLedgerEntryFields


class InventoryHistory(BaseModel):
    inventory_history: "InventoryHistoryInventoryHistory" = Field(
        alias="inventoryHistory"
    )


class InventoryHistoryInventoryHistory(BaseModel):
    nodes: list["InventoryHistoryInventoryHistoryNodes"]
    page_info: "InventoryHistoryInventoryHistoryPageInfo" = Field(alias="pageInfo")


InventoryHistoryInventoryHistoryNodes = InventoryLedgerEntryFields


class InventoryHistoryInventoryHistoryPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


InventoryHistory.model_rebuild()
InventoryHistoryInventoryHistory.model_rebuild()
