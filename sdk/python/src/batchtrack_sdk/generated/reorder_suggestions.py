from decimal import Decimal
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .fragments import QuantityFields


class ReorderSuggestions(BaseModel):
    reorder_suggestions: list["ReorderSuggestionsReorderSuggestions"] = Field(
        alias="reorderSuggestions"
    )


class ReorderSuggestionsReorderSuggestions(BaseModel):
    item_id: str = Field(alias="itemId")
    item_name: str = Field(alias="itemName")
    available: "ReorderSuggestionsReorderSuggestionsAvailable"
    usable: "ReorderSuggestionsReorderSuggestionsUsable"
    low_stock_threshold: "ReorderSuggestionsReorderSuggestionsLowStockThreshold" = (
        Field(alias="lowStockThreshold")
    )
    usage: "ReorderSuggestionsReorderSuggestionsUsage"
    average_daily_usage: "ReorderSuggestionsReorderSuggestionsAverageDailyUsage" = (
        Field(alias="averageDailyUsage")
    )
    lookback_days: int = Field(alias="lookbackDays")
    lead_time_days: int = Field(alias="leadTimeDays")
    days_of_cover: Optional[Decimal] = Field(alias="daysOfCover")
    suggested_quantity: "ReorderSuggestionsReorderSuggestionsSuggestedQuantity" = Field(
        alias="suggestedQuantity"
    )


ReorderSuggestionsReorderSuggestionsAvailable = QuantityFields
ReorderSuggestionsReorderSuggestionsUsable = QuantityFields
ReorderSuggestionsReorderSuggestionsLowStockThreshold = QuantityFields
ReorderSuggestionsReorderSuggestionsUsage = QuantityFields
ReorderSuggestionsReorderSuggestionsAverageDailyUsage = QuantityFields
ReorderSuggestionsReorderSuggestionsSuggestedQuantity = QuantityFields
ReorderSuggestions.model_rebuild()
ReorderSuggestionsReorderSuggestions.model_rebuild()
