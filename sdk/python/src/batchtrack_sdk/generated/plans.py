from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import BillingInterval, PlanKey
from .fragments import MoneyFields


class Plans(BaseModel):
    plans: "PlansPlans"


class PlansPlans(BaseModel):
    plans: list["PlansPlansPlans"]
    add_ons: list["PlansPlansAddOns"] = Field(alias="addOns")


class PlansPlansPlans(BaseModel):
    key: PlanKey
    name: str
    entitlements: "PlansPlansPlansEntitlements"
    throttle: "PlansPlansPlansThrottle"
    prices: list["PlansPlansPlansPrices"]


class PlansPlansPlansEntitlements(BaseModel):
    users: Optional[int]
    recipes: Optional[int]
    batches_per_month: Optional[int] = Field(alias="batchesPerMonth")
    webhook_endpoints: Optional[int] = Field(alias="webhookEndpoints")
    api_keys: Optional[int] = Field(alias="apiKeys")
    history_days: Optional[int] = Field(alias="historyDays")
    api_access: bool = Field(alias="apiAccess")
    advanced_reports: bool = Field(alias="advancedReports")


class PlansPlansPlansThrottle(BaseModel):
    maximum_available: int = Field(alias="maximumAvailable")
    restore_rate: float = Field(alias="restoreRate")


class PlansPlansPlansPrices(BaseModel):
    interval: BillingInterval
    price: "PlansPlansPlansPricesPrice"
    lookup_key: str = Field(alias="lookupKey")


PlansPlansPlansPricesPrice = MoneyFields


class PlansPlansAddOns(BaseModel):
    key: str
    name: str
    description: str
    prices: list["PlansPlansAddOnsPrices"]


class PlansPlansAddOnsPrices(BaseModel):
    interval: BillingInterval
    price: "PlansPlansAddOnsPricesPrice"
    lookup_key: str = Field(alias="lookupKey")


PlansPlansAddOnsPricesPrice = MoneyFields
Plans.model_rebuild()
PlansPlans.model_rebuild()
PlansPlansPlans.model_rebuild()
PlansPlansPlansPrices.model_rebuild()
PlansPlansAddOns.model_rebuild()
PlansPlansAddOnsPrices.model_rebuild()
