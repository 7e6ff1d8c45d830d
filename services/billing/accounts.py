"""An organization's billing account as Stripe reports it now: the one write path of
billing state. Every Stripe event and every billing mutation ends here with the
subscription refetched from Stripe, so the state never depends on the order events
arrive in, and a replay changes nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Membership, User
from services.billing.models import BillingAccount, SubscriptionStatus
from services.billing.plans import FREE, PRICES, Plan
from services.billing.standing import BillingPolicy, BillingRow, standing_of
from services.billing.stripe_gateway import RemoteSubscription
from services.db import utcnow
from services.events import append_event
from services.ids import to_global_id
from services.naming import camel_case
from services.permissions import Role

STATUS_FROM_STRIPE = {
    "active": SubscriptionStatus.ACTIVE,
    "trialing": SubscriptionStatus.TRIALING,
    "past_due": SubscriptionStatus.PAST_DUE,
    "unpaid": SubscriptionStatus.UNPAID,
    "incomplete": SubscriptionStatus.INCOMPLETE,
    "incomplete_expired": SubscriptionStatus.CANCELED,
    "canceled": SubscriptionStatus.CANCELED,
    "paused": SubscriptionStatus.SUSPENDED,
}
_PAID_UP = {SubscriptionStatus.ACTIVE, SubscriptionStatus.TRIALING}
# The fields a subscription.updated event reports as changed.
_WATCHED = (
    "plan",
    "interval",
    "status",
    "add_ons",
    "cancel_at_period_end",
    "current_period_end",
    "grace_ends_at",
    "exempt",
    "suspended_at",
)


async def account_for(
    session: AsyncSession, organization_id: int, *, lock: bool = True
) -> BillingAccount:
    """The organization's billing account, made on first use (on Free), locked for the
    change about to be made."""
    statement = select(BillingAccount).where(BillingAccount.organization_id == organization_id)
    if lock:
        statement = statement.with_for_update().execution_options(populate_existing=True)
    account = await session.scalar(statement)
    if account is None:
        account = BillingAccount(
            organization_id=organization_id,
            plan=FREE.key,
            status=SubscriptionStatus.ACTIVE.value,
            add_ons={},
            cancel_at_period_end=False,
            exempt=False,
            updated_at=utcnow(),
        )
        session.add(account)
        await session.flush()
    return account


async def account_of_customer(session: AsyncSession, customer: str) -> BillingAccount | None:
    return await session.scalar(
        select(BillingAccount)
        .where(BillingAccount.stripe_customer_id == customer)
        .with_for_update()
        .execution_options(populate_existing=True)
    )


def subscription_payload(account: BillingAccount, policy: BillingPolicy) -> dict[str, Any]:
    """As `Subscription` in the GraphQL API, for event payloads."""
    standing = standing_of(BillingRow.of(account), policy)
    return {
        "organizationId": to_global_id("Organization", account.organization_id),
        "plan": account.plan.upper(),
        "status": standing.status.value if standing.suspended else account.status,
        "interval": account.interval.upper() if account.interval else None,
        "cancelAtPeriodEnd": account.cancel_at_period_end,
        "currentPeriodEnd": _iso(account.current_period_end),
        "graceEndsAt": _iso(account.grace_ends_at),
        "restricted": standing.restricted,
    }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _grant(remote: RemoteSubscription) -> tuple[str, str | None, dict[str, int]]:
    """The plan, interval and add-ons the subscription's items are priced by."""
    plan, interval = FREE.key, None
    add_ons: dict[str, int] = {}
    for lookup_key, quantity in remote.items:
        sold = PRICES.get(lookup_key)
        if sold is None:
            continue  # a price we do not sell (retired): grants nothing
        item, item_interval = sold
        if isinstance(item, Plan):
            plan, interval = item.key, item_interval.value
        else:
            add_ons[item.key] = add_ons.get(item.key, 0) + quantity
    return plan, interval, add_ons


async def apply_remote(
    session: AsyncSession,
    account: BillingAccount,
    remote: RemoteSubscription | None,
    policy: BillingPolicy,
) -> list[str]:
    """Make the account what Stripe reports now (None: Stripe has no such subscription,
    so it is canceled); append `subscription.updated` if anything changed. Returns the
    changed fields."""
    before = watched(account)
    if remote is None:
        account.status = SubscriptionStatus.CANCELED.value
        account.cancel_at_period_end = False
    else:
        status = STATUS_FROM_STRIPE.get(remote.status, SubscriptionStatus.SUSPENDED)
        account.stripe_customer_id = remote.customer
        account.stripe_subscription_id = remote.id
        if status is not SubscriptionStatus.CANCELED:
            account.plan, account.interval, account.add_ons = _grant(remote)
        account.status = status.value
        account.current_period_end = remote.current_period_end
        account.cancel_at_period_end = remote.cancel_at_period_end
    status = SubscriptionStatus(account.status)
    if status is SubscriptionStatus.PAST_DUE and account.grace_ends_at is None:
        account.grace_ends_at = policy.clock() + policy.grace
    elif status in _PAID_UP:
        account.grace_ends_at = None
    return await record_changes(session, account, before, policy)


def watched(account: BillingAccount) -> dict[str, Any]:
    """The fields whose change `record_changes` reports, as they are now."""
    return {name: getattr(account, name) for name in _WATCHED}


async def record_changes(
    session: AsyncSession, account: BillingAccount, before: dict[str, Any], policy: BillingPolicy
) -> list[str]:
    """Append `subscription.updated` if the account changed since `before` (`watched`);
    the changed fields."""
    changed = [name for name in _WATCHED if getattr(account, name) != before[name]]
    if changed:
        account.updated_at = utcnow()
        await session.flush()
        await append_subscription_event(
            session,
            account,
            "subscription.updated",
            {
                "subscription": subscription_payload(account, policy),
                "changedFields": sorted(camel_case(name) for name in changed),
            },
        )
    return changed


async def append_subscription_event(
    session: AsyncSession, account: BillingAccount, type: str, payload: dict[str, Any]
) -> None:
    await append_event(
        session,
        organization_id=account.organization_id,
        type=type,
        entity_type="Subscription",
        entity_id=to_global_id("Organization", account.organization_id),
        payload=payload,
    )


async def record_payment_failure(
    session: AsyncSession, account: BillingAccount, policy: BillingPolicy, invoice_id: str
) -> None:
    """`subscription.payment_failed` for the organization's webhook endpoints."""
    await append_subscription_event(
        session,
        account,
        "subscription.payment_failed",
        {"subscription": subscription_payload(account, policy), "invoiceId": invoice_id},
    )


async def owner_emails(session: AsyncSession, organization_id: int) -> list[str]:
    rows = await session.scalars(
        select(User.email)
        .join(Membership, Membership.user_id == User.id)
        .where(
            Membership.organization_id == organization_id,
            Membership.role == Role.OWNER.value,
        )
        .order_by(User.id)
    )
    return list(rows)
