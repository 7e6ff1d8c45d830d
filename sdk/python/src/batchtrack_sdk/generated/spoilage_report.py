from datetime import datetime
from decimal import Decimal
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import MoneyFields, QuantityFields


class SpoilageReport(BaseModel):
    spoilage_report: "SpoilageReportSpoilageReport" = Field(alias="spoilageReport")


class SpoilageReportSpoilageReport(BaseModel):
    period_start: datetime = Field(alias="periodStart")
    period_end: datetime = Field(alias="periodEnd")
    months: list["SpoilageReportSpoilageReportMonths"]
    total_cost: "SpoilageReportSpoilageReportTotalCost" = Field(alias="totalCost")


class SpoilageReportSpoilageReportMonths(BaseModel):
    item_id: str = Field(alias="itemId")
    item_name: str = Field(alias="itemName")
    month: str
    spoiled_quantity: "SpoilageReportSpoilageReportMonthsSpoiledQuantity" = Field(
        alias="spoiledQuantity"
    )
    trashed_quantity: "SpoilageReportSpoilageReportMonthsTrashedQuantity" = Field(
        alias="trashedQuantity"
    )
    expired_quantity: "SpoilageReportSpoilageReportMonthsExpiredQuantity" = Field(
        alias="expiredQuantity"
    )
    wasted_quantity: "SpoilageReportSpoilageReportMonthsWastedQuantity" = Field(
        alias="wastedQuantity"
    )
    purchased_quantity: "SpoilageReportSpoilageReportMonthsPurchasedQuantity" = Field(
        alias="purchasedQuantity"
    )
    share_of_purchased: Optional[Decimal] = Field(alias="shareOfPurchased")
    cost: "SpoilageReportSpoilageReportMonthsCost"


SpoilageReportSpoilageReportMonthsSpoiledQuantity = QuantityFields
SpoilageReportSpoilageReportMonthsTrashedQuantity = QuantityFields
SpoilageReportSpoilageReportMonthsExpiredQuantity = QuantityFields
SpoilageReportSpoilageReportMonthsWastedQuantity = QuantityFields
SpoilageReportSpoilageReportMonthsPurchasedQuantity = QuantityFields
SpoilageReportSpoilageReportMonthsCost = MoneyFields
SpoilageReportSpoilageReportTotalCost = MoneyFields
SpoilageReport.model_rebuild()
SpoilageReportSpoilageReport.model_rebuild()
SpoilageReportSpoilageReportMonths.model_rebuild()
