from datetime import datetime
from typing import Optional

from pydantic import Field

from .base_model import BaseModel
from .enums import (
    BillingInterval,
    BillingUserErrorCode,
    PlanKey,
    PlanLimit,
    SubscriptionStatus,
)


class CancelSubscription(BaseModel):
    cancel_subscription: "CancelSubscriptionCancelSubscription" = Field(
        alias="cancelSubscription"
    )


class CancelSubscriptionCancelSubscription(BaseModel):
    subscription: Optional["CancelSubscriptionCancelSubscriptionSubscription"]
    user_errors: list["CancelSubscriptionCancelSubscriptionUserErrors"] = Field(
        alias="userErrors"
    )


class CancelSubscriptionCancelSubscriptionSubscription(BaseModel):
    billing_configured: bool = Field(alias="billingConfigured")
    plan: PlanKey
    status: SubscriptionStatus
    interval: Optional[BillingInterval]
    add_ons: list["CancelSubscriptionCancelSubscriptionSubscriptionAddOns"] = Field(
        alias="addOns"
    )
    current_period_end: Optional[datetime] = Field(alias="currentPeriodEnd")
    cancel_at_period_end: bool = Field(alias="cancelAtPeriodEnd")
    grace_ends_at: Optional[datetime] = Field(alias="graceEndsAt")
    restricted: bool
    exempt: bool
    suspended: bool
    history_since: Optional[datetime] = Field(alias="historySince")
    entitlements: "CancelSubscriptionCancelSubscriptionSubscriptionEntitlements"
    usage: list["CancelSubscriptionCancelSubscriptionSubscriptionUsage"]


class CancelSubscriptionCancelSubscriptionSubscriptionAddOns(BaseModel):
    key: str
    quantity: int


class CancelSubscriptionCancelSubscriptionSubscriptionEntitlements(BaseModel):
    users: Optional[int]
    recipes: Optional[int]
    batches_per_month: Optional[int] = Field(alias="batchesPerMonth")
    webhook_endpoints: Optional[int] = Field(alias="webhookEndpoints")
    api_keys: Optional[int] = Field(alias="apiKeys")
    history_days: Optional[int] = Field(alias="historyDays")
    api_access: bool = Field(alias="apiAccess")
    advanced_reports: bool = Field(alias="advancedReports")


class CancelSubscriptionCancelSubscriptionSubscriptionUsage(BaseModel):
    limit: PlanLimit
    allowed: Optional[int]
    used: Optional[int]


class CancelSubscriptionCancelSubscriptionUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BillingUserErrorCode


CancelSubscription.model_rebuild()
CancelSubscriptionCancelSubscription.model_rebuild()
CancelSubscriptionCancelSubscriptionSubscription.model_rebuild()
