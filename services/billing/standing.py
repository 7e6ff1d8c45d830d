"""An organization's standing: the plan it runs on, what that grants, and whether it is
restricted. Worked out once per request, when the caller is authenticated, and carried by
the principal, so the entitlement checks, the restriction of changes and the throttle
read it without another query.

Restricted (every change refused with PLAN_RESTRICTED, reads and billing untouched): a
payment failed and the grace period is over, the subscription is canceled, unpaid or
paused, or an operator suspended the organization (that one holds on the local plan too).
Exempt organizations never are; nothing is ever deleted either way.

The standing also fixes how far back history reads reach: from the start of the UTC day
`history_days` ago, so the bound is a property of the caller for the whole day (a planned
read's statement keyed by the caller stays right) and never a clock read in a query."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
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
    # History reads (ledger, purchases, events, reports) reach back to here; None: all.
    history_since: datetime | None = None
    # Suspended by an operator (`batchtrack billing suspend`), not for want of payment.
    suspended: bool = False


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
    suspended_at: datetime | None = None

    @classmethod
    def of(cls, account: BillingAccount | None) -> BillingRow:
        if account is None:
            return cls()
        return cls(
            account.plan,
            account.status,
            account.add_ons,
            account.grace_ends_at,
            account.exempt,
            account.suspended_at,
        )


def is_restricted(row: BillingRow, status: SubscriptionStatus, now: datetime) -> bool:
    if row.exempt:
        return False
    if row.suspended_at is not None:
        return True
    if status in _ALWAYS_RESTRICTED:
        return True
    return (
        status is SubscriptionStatus.PAST_DUE
        and row.grace_ends_at is not None
        and now >= row.grace_ends_at
    )


def history_since(entitlements: Entitlements, now: datetime) -> datetime | None:
    if entitlements.history_days is None:
        return None
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return day_start - timedelta(days=entitlements.history_days)


def standing_of(row: BillingRow, policy: BillingPolicy) -> Standing:
    suspended = row.suspended_at is not None and not row.exempt
    if not policy.configured:
        if not suspended:
            return LOCAL_STANDING
        return replace(
            LOCAL_STANDING, status=SubscriptionStatus.SUSPENDED, restricted=True, suspended=True
        )
    status = SubscriptionStatus(row.status or SubscriptionStatus.ACTIVE)
    # An incomplete checkout grants nothing yet: the organization stays on Free.
    plan = PLANS.get(row.plan or FREE.key, FREE)
    if status is SubscriptionStatus.INCOMPLETE:
        plan = FREE
    now = policy.clock()
    entitlements = with_add_ons(plan.entitlements, row.add_ons or {})
    return Standing(
        plan.key,
        SubscriptionStatus.SUSPENDED if suspended else status,
        entitlements,
        restricted=is_restricted(row, status, now),
        throttle=plan.throttle,
        history_since=history_since(entitlements, now),
        suspended=suspended,
    )
