from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MoneyFields, QuantityFields


class PurchaseHistory(BaseModel):
    purchase_history: Optional["PurchaseHistoryPurchaseHistory"] = Field(
        alias="purchaseHistory"
    )


class PurchaseHistoryPurchaseHistory(BaseModel):
    nodes: list["PurchaseHistoryPurchaseHistoryNodes"]
    page_info: "PurchaseHistoryPurchaseHistoryPageInfo" = Field(alias="pageInfo")


class PurchaseHistoryPurchaseHistoryNodes(BaseModel):
    lot_id: str = Field(alias="lotId")
    lot_code: str = Field(alias="lotCode")
    received_at: datetime = Field(alias="receivedAt")
    vendor: Optional[str]
    quantity: "PurchaseHistoryPurchaseHistoryNodesQuantity"
    unit_cost: "PurchaseHistoryPurchaseHistoryNodesUnitCost" = Field(alias="unitCost")
    total_cost: "PurchaseHistoryPurchaseHistoryNodesTotalCost" = Field(
        alias="totalCost"
    )


PurchaseHistoryPurchaseHistoryNodesQuantity = QuantityFields
PurchaseHistoryPurchaseHistoryNodesUnitCost = MoneyFields
PurchaseHistoryPurchaseHistoryNodesTotalCost = MoneyFields


class PurchaseHistoryPurchaseHistoryPageInfo(BaseModel):
    has_next_page: bool = Field(alias="hasNextPage")
    end_cursor: Optional[str] = Field(alias="endCursor")


PurchaseHistory.model_rebuild()
PurchaseHistoryPurchaseHistory.model_rebuild()
PurchaseHistoryPurchaseHistoryNodes.model_rebuild()
