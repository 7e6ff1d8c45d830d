from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MoneyFields


class VendorPriceHistory(BaseModel):
    vendor_price_history: Optional[list["VendorPriceHistoryVendorPriceHistory"]] = (
        Field(alias="vendorPriceHistory")
    )


class VendorPriceHistoryVendorPriceHistory(BaseModel):
    vendor: Optional[str]
    unit: str
    purchase_count: int = Field(alias="purchaseCount")
    first_purchased_at: datetime = Field(alias="firstPurchasedAt")
    last_purchased_at: datetime = Field(alias="lastPurchasedAt")
    first_unit_cost: "VendorPriceHistoryVendorPriceHistoryFirstUnitCost" = Field(
        alias="firstUnitCost"
    )
    last_unit_cost: "VendorPriceHistoryVendorPriceHistoryLastUnitCost" = Field(
        alias="lastUnitCost"
    )
    min_unit_cost: "VendorPriceHistoryVendorPriceHistoryMinUnitCost" = Field(
        alias="minUnitCost"
    )
    max_unit_cost: "VendorPriceHistoryVendorPriceHistoryMaxUnitCost" = Field(
        alias="maxUnitCost"
    )


VendorPriceHistoryVendorPriceHistoryFirstUnitCost = MoneyFields
VendorPriceHistoryVendorPriceHistoryLastUnitCost = MoneyFields
VendorPriceHistoryVendorPriceHistoryMinUnitCost = MoneyFields
VendorPriceHistoryVendorPriceHistoryMaxUnitCost = MoneyFields
VendorPriceHistory.model_rebuild()
VendorPriceHistoryVendorPriceHistory.model_rebuild()
