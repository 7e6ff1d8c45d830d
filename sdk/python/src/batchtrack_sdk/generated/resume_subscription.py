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


class ResumeSubscription(BaseModel):
    resume_subscription: "ResumeSubscriptionResumeSubscription" = Field(
        alias="resumeSubscription"
    )


class ResumeSubscriptionResumeSubscription(BaseModel):
    subscription: Optional["ResumeSubscriptionResumeSubscriptionSubscription"]
    user_errors: list["ResumeSubscriptionResumeSubscriptionUserErrors"] = Field(
        alias="userErrors"
    )


class ResumeSubscriptionResumeSubscriptionSubscription(BaseModel):
    billing_configured: bool = Field(alias="billingConfigured")
    plan: PlanKey
    status: SubscriptionStatus
    interval: Optional[BillingInterval]
    add_ons: list["ResumeSubscriptionResumeSubscriptionSubscriptionAddOns"] = Field(
        alias="addOns"
    )
    current_period_end: Optional[datetime] = Field(alias="currentPeriodEnd")
    cancel_at_period_end: bool = Field(alias="cancelAtPeriodEnd")
    grace_ends_at: Optional[datetime] = Field(alias="graceEndsAt")
    restricted: bool
    exempt: bool
    suspended: bool
    history_since: Optional[datetime] = Field(alias="historySince")
    entitlements: "ResumeSubscriptionResumeSubscriptionSubscriptionEntitlements"
    usage: list["ResumeSubscriptionResumeSubscriptionSubscriptionUsage"]


class ResumeSubscriptionResumeSubscriptionSubscriptionAddOns(BaseModel):
    key: str
    quantity: int


class ResumeSubscriptionResumeSubscriptionSubscriptionEntitlements(BaseModel):
    users: Optional[int]
    recipes: Optional[int]
    batches_per_month: Optional[int] = Field(alias="batchesPerMonth")
    webhook_endpoints: Optional[int] = Field(alias="webhookEndpoints")
    api_keys: Optional[int] = Field(alias="apiKeys")
    history_days: Optional[int] = Field(alias="historyDays")
    api_access: bool = Field(alias="apiAccess")
    advanced_reports: bool = Field(alias="advancedReports")


class ResumeSubscriptionResumeSubscriptionSubscriptionUsage(BaseModel):
    limit: PlanLimit
    allowed: Optional[int]
    used: Optional[int]


class ResumeSubscriptionResumeSubscriptionUserErrors(BaseModel):
    field: Optional[list[str]]
    message: str
    code: BillingUserErrorCode


ResumeSubscription.model_rebuild()
ResumeSubscriptionResumeSubscription.model_rebuild()
ResumeSubscriptionResumeSubscriptionSubscription.model_rebuild()
