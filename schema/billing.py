"""Billing types: the plan catalog, the subscription with its entitlements and usage, and
the inputs and payloads of the billing mutations."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import Enum

import strawberry

from schema.errors import BillingUserError
from schema.money import CurrencyCode, Money
from services.billing import models
from services.billing.plans import Interval, Limit


@strawberry.enum(description="A plan an organization runs on.")
class PlanKey(Enum):
    FREE = "free"
    SOLO = "solo"
    TEAM = "team"
    ENTERPRISE = "enterprise"
    LOCAL = strawberry.enum_value(
        "local", description="Billing is not configured on this server: Team's limits."
    )


# The domain's own enums, as the schema shows them.
BillingInterval = strawberry.enum(Interval, name="BillingInterval")
SubscriptionStatus = strawberry.enum(
    models.SubscriptionStatus,
    name="SubscriptionStatus",
    description=(
        "PAST_DUE: a payment failed, everything works until graceEndsAt. INCOMPLETE: the "
        "first payment is not through, Free until it is. UNPAID, CANCELED and SUSPENDED "
        "(paused) are restricted."
    ),
)
PlanLimit = strawberry.enum(Limit, name="PlanLimit", description="A limit of a plan.")
CancellationReason = strawberry.enum(
    models.CancellationReason,
    name="CancellationReason",
    description="Why a customer cancels (the exit survey).",
)


@strawberry.type(description="What a plan includes; null is unlimited.")
class Entitlements:
    users: int | None
    recipes: int | None
    batches_per_month: int | None
    webhook_endpoints: int | None
    api_keys: int | None
    history_days: int | None = strawberry.field(
        description="How far back history and reports reach (older rows are kept)."
    )
    api_access: bool
    advanced_reports: bool


@strawberry.type
class ThrottleSize:
    maximum_available: int
    restore_rate: float


@strawberry.type
class Price:
    interval: BillingInterval  # type: ignore[valid-type]
    price: Money
    lookup_key: str = strawberry.field(description="The Stripe price lookup key.")


@strawberry.type(description="A plan that can be bought.")
class Plan:
    key: PlanKey
    name: str
    entitlements: Entitlements
    throttle: ThrottleSize
    prices: list[Price]


@strawberry.type(description="Bought beside a plan; adds to its entitlements per unit.")
class PlanAddOn:
    key: str
    name: str
    description: str
    prices: list[Price]


@strawberry.type
class Plans:
    plans: list[Plan]
    add_ons: list[PlanAddOn]


@strawberry.type
class AddOnQuantity:
    key: str
    quantity: int


@strawberry.type(description="One limit: what the plan allows (null: unlimited) and uses.")
class LimitUsage:
    limit: PlanLimit  # type: ignore[valid-type]
    allowed: int | None
    used: int | None = strawberry.field(description="Null for limits that are not counted.")


@strawberry.type(description="The organization's plan and subscription.")
class Subscription:
    billing_configured: bool = strawberry.field(
        description="False: this server has no Stripe settings; the local plan applies."
    )
    plan: PlanKey
    status: SubscriptionStatus  # type: ignore[valid-type]
    interval: BillingInterval | None  # type: ignore[valid-type]
    add_ons: list[AddOnQuantity]
    current_period_end: datetime | None
    cancel_at_period_end: bool
    grace_ends_at: datetime | None = strawberry.field(
        description="A past-due organization keeps working until then."
    )
    restricted: bool = strawberry.field(
        description="Changes are refused (PLAN_RESTRICTED) until it pays; reads work."
    )
    exempt: bool = strawberry.field(description="Never restricted (set by BatchTrack).")
    suspended: bool = strawberry.field(
        description="Suspended by BatchTrack (status SUSPENDED, restricted) until reinstated."
    )
    history_since: datetime | None = strawberry.field(
        description=(
            "History reads (inventoryHistory, purchaseHistory, events) and reports reach back "
            "to here under the plan; older rows are kept and show again with a plan or add-on "
            "that reaches further. Null: all history."
        )
    )
    entitlements: Entitlements
    usage: list[LimitUsage]


@strawberry.input
class AddOnInput:
    key: str
    quantity: int = 1


@strawberry.input
class CreateCheckoutSessionInput:
    plan: PlanKey
    interval: BillingInterval  # type: ignore[valid-type]
    add_ons: list[AddOnInput] = strawberry.field(default_factory=list)


@strawberry.type
class CreateCheckoutSessionPayload:
    url: str | None = None
    user_errors: list[BillingUserError] = strawberry.field(default_factory=list)


@strawberry.type
class CreateBillingPortalSessionPayload:
    url: str | None = None
    user_errors: list[BillingUserError] = strawberry.field(default_factory=list)


@strawberry.input
class CancelSubscriptionInput:
    reason: CancellationReason | None = None  # type: ignore[valid-type]
    feedback: str | None = strawberry.field(default=None, description="Free text, kept.")
    at_period_end: bool = strawberry.field(
        default=True, description="Keep the plan until the paid period ends (the default)."
    )


@strawberry.type
class CancelSubscriptionPayload:
    subscription: Subscription | None = None
    user_errors: list[BillingUserError] = strawberry.field(default_factory=list)


@strawberry.type
class ResumeSubscriptionPayload:
    subscription: Subscription | None = None
    user_errors: list[BillingUserError] = strawberry.field(default_factory=list)


def money(cents: int) -> Money:
    return Money(amount=Decimal(cents).scaleb(-2), currency_code=CurrencyCode("USD"))
