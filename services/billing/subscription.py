"""Reading billing: the public plan catalog, and an organization's subscription with its
entitlements and current usage against each limit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from services.billing.entitlements import COUNTED, usage_of
from services.billing.models import BillingAccount, SubscriptionStatus
from services.billing.plans import ADD_ONS, PLANS, AddOn, Entitlements, Limit, Plan
from services.billing.standing import Standing
from services.permissions import Principal, require_permission


@dataclass(frozen=True)
class Catalog:
    plans: list[Plan]
    add_ons: list[AddOn]


def list_plans() -> Catalog:
    """Public: what is sold, for a pricing page before any sign-up."""
    return Catalog(list(PLANS.values()), list(ADD_ONS.values()))


@dataclass(frozen=True)
class LimitUsage:
    limit: Limit
    allowed: int | None  # None: unlimited
    used: int | None  # None: not counted (history reach)


@dataclass(frozen=True)
class Subscription:
    billing_configured: bool
    plan: str
    status: SubscriptionStatus
    interval: str | None
    add_ons: dict[str, int]
    current_period_end: datetime | None
    cancel_at_period_end: bool
    grace_ends_at: datetime | None
    restricted: bool
    exempt: bool
    suspended: bool
    history_since: datetime | None
    entitlements: Entitlements
    usage: list[LimitUsage]


async def get_subscription(
    session: AsyncSession, principal: Principal | None, *, billing_configured: bool
) -> Subscription:
    acting = require_permission(principal, "billing.read")
    account = await session.get(BillingAccount, acting.organization_id)
    return await describe(
        session, acting.organization_id, account, acting.standing, billing_configured
    )


async def describe(
    session: AsyncSession,
    organization_id: int,
    account: BillingAccount | None,
    standing: Standing,
    billing_configured: bool,
) -> Subscription:
    """The subscription of an organization whose standing and account are these."""
    usage = [
        LimitUsage(
            limit,
            standing.entitlements.limit(limit),
            await usage_of(session, organization_id, limit) if limit in COUNTED else None,
        )
        for limit in Limit
    ]
    return Subscription(
        billing_configured=billing_configured,
        plan=standing.plan,
        status=standing.status,
        interval=account.interval if account else None,
        add_ons=dict(account.add_ons) if account else {},
        current_period_end=account.current_period_end if account else None,
        cancel_at_period_end=account.cancel_at_period_end if account else False,
        grace_ends_at=account.grace_ends_at if account else None,
        restricted=standing.restricted,
        exempt=account.exempt if account else False,
        suspended=standing.suspended,
        history_since=standing.history_since,
        entitlements=standing.entitlements,
        usage=usage,
    )
