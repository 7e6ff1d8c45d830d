"""An organization's standing: the plan it runs on, what that grants, and whether it is
restricted. Worked out once per request, when the caller is authenticated, and carried by
the principal, so the entitlement checks, the restriction of changes and the throttle
read it without another query.

Restricted (every change refused with PLAN_RESTRICTED, reads and billing untouched): a
payment failed and the grace period is over, or the subscription is canceled, unpaid or
suspended. Exempt organizations never are; nothing is ever deleted either way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from services.billing.models import BillingAccount, SubscriptionStatus
from services.billing.plans import FREE, LOCAL, PLANS, Entitlements, ThrottleSize, with_add_ons
from services.db import utcnow

DEFAULT_GRACE_DAYS = 7


@dataclass(frozen=True)
class BillingPolicy:
    """How billing runs here, from the settings (server/settings.py) and passed down.
    Not configured (no Stripe key): every organization runs on the local plan."""

    configured: bool = False
    grace: timedelta = timedelta(days=DEFAULT_GRACE_DAYS)
    # The time now; a test moves it past the grace period instead of waiting.
    clock: Callable[[], datetime] = field(default=utcnow, compare=False)


LOCAL_POLICY = BillingPolicy()

_ALWAYS_RESTRICTED = {
    SubscriptionStatus.CANCELED,
    SubscriptionStatus.SUSPENDED,
    SubscriptionStatus.UNPAID,
}


@dataclass(frozen=True)
class Standing:
    plan: str
    status: SubscriptionStatus
    entitlements: Entitlements
    restricted: bool
    # None: the throttle the settings give (the local plan, and anonymous callers).
    throttle: ThrottleSize | None


LOCAL_STANDING = Standing(
    LOCAL.key, SubscriptionStatus.ACTIVE, LOCAL.entitlements, restricted=False, throttle=None
)


@dataclass(frozen=True)
class BillingRow:
    """The billing columns authentication reads (all None: no billing account yet)."""

    plan: str | None = None
    status: str | None = None
    add_ons: dict[str, int] | None = None
    grace_ends_at: datetime | None = None
    exempt: bool | None = None

    @classmethod
    def of(cls, account: BillingAccount | None) -> BillingRow:
        if account is None:
            return cls()
        return cls(
            account.plan, account.status, account.add_ons, account.grace_ends_at, account.exempt
        )


def is_restricted(row: BillingRow, status: SubscriptionStatus, now: datetime) -> bool:
    if row.exempt:
        return False
    if status in _ALWAYS_RESTRICTED:
        return True
    return (
        status is SubscriptionStatus.PAST_DUE
        and row.grace_ends_at is not None
        and now >= row.grace_ends_at
    )


def standing_of(row: BillingRow, policy: BillingPolicy) -> Standing:
    if not policy.configured:
        return LOCAL_STANDING
    status = SubscriptionStatus(row.status or SubscriptionStatus.ACTIVE)
    # An incomplete checkout grants nothing yet: the organization stays on Free.
    plan = PLANS.get(row.plan or FREE.key, FREE)
    if status is SubscriptionStatus.INCOMPLETE:
        plan = FREE
    return Standing(
        plan.key,
        status,
        with_add_ons(plan.entitlements, row.add_ons or {}),
        restricted=is_restricted(row, status, policy.clock()),
        throttle=plan.throttle,
    )
