"""The billing mutations: start a checkout, open the billing portal, cancel (click to
cancel, with an optional exit survey) and resume. Each needs `billing.manage` and a
configured Stripe; each stays reachable while the organization is restricted."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Organization, User
from services.billing import notices
from services.billing.accounts import account_for, apply_remote
from services.billing.models import (
    BillingAccount,
    CancellationReason,
    CancellationSurvey,
    SubscriptionStatus,
)
from services.billing.plans import ADD_ONS, PAID_PLANS, Interval
from services.billing.standing import LOCAL_POLICY, BillingPolicy
from services.billing.stripe_gateway import StripeGateway
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.permissions import Principal, require_permission
from services.validation import clean_text

MAX_ADD_ON_QUANTITY = 100
FEEDBACK_MAX_LENGTH = 2000
_LIVE = {
    SubscriptionStatus.ACTIVE.value,
    SubscriptionStatus.TRIALING.value,
    SubscriptionStatus.PAST_DUE.value,
    SubscriptionStatus.UNPAID.value,
    SubscriptionStatus.SUSPENDED.value,
}


@dataclass(frozen=True)
class Billing:
    """What the billing mutations run with, from the settings: Stripe (None: billing is
    not configured), the policy, and where Stripe sends the customer back."""

    gateway: StripeGateway | None
    policy: BillingPolicy
    return_url: str


UNCONFIGURED = Billing(None, LOCAL_POLICY, "http://localhost:8000/")


def _gateway(billing: Billing) -> StripeGateway:
    if billing.gateway is None:
        raise UserInputError(
            ErrorCode.BILLING_NOT_CONFIGURED,
            "Billing is not configured on this server (no Stripe settings); every "
            "organization runs on the local plan.",
            (),
        )
    return billing.gateway


def _has_subscription(account: BillingAccount) -> bool:
    return account.stripe_subscription_id is not None and account.status in _LIVE


async def create_checkout_session(
    session: AsyncSession,
    principal: Principal | None,
    *,
    billing: Billing,
    plan: str,
    interval: Interval,
    add_ons: Mapping[str, int],
) -> str:
    """A Stripe Checkout URL for subscribing to `plan` with `add_ons`."""
    acting = require_permission(principal, "billing.manage")
    gateway = _gateway(billing)
    sold = {p.key: p for p in PAID_PLANS}.get(plan)
    if sold is None or interval not in sold.prices:
        names = ", ".join(p.key.upper() for p in PAID_PLANS)
        raise UserInputError(ErrorCode.PLAN_NOT_SOLD, f"Choose one of {names}.", ("plan",))
    keys = [sold.lookup_key(interval)]
    quantities = [1]
    for index, (key, quantity) in enumerate(add_ons.items()):
        field = ("add_ons", str(index))
        if key not in ADD_ONS:
            names = ", ".join(ADD_ONS)
            raise UserInputError(ErrorCode.PLAN_NOT_SOLD, f"Add-ons are {names}.", (*field, "key"))
        if not 1 <= quantity <= MAX_ADD_ON_QUANTITY:
            raise UserInputError(
                ErrorCode.OUT_OF_RANGE,
                f"quantity must be from 1 to {MAX_ADD_ON_QUANTITY}.",
                (*field, "quantity"),
            )
        keys.append(ADD_ONS[key].lookup_key(interval))
        quantities.append(quantity)
    account = await account_for(session, acting.organization_id)
    if _has_subscription(account):
        raise UserInputError(
            ErrorCode.ALREADY_SUBSCRIBED,
            "The organization has a subscription: change its plan or add-ons in the "
            "billing portal (createBillingPortalSession).",
            ("plan",),
        )
    prices = await gateway.price_ids(keys)
    missing = [key for key in keys if key not in prices]
    if missing:
        raise UserInputError(
            ErrorCode.PLAN_NOT_SOLD,
            f"Stripe has no price {', '.join(missing)} yet (batchtrack billing sync-catalog).",
            ("plan",),
        )
    if account.stripe_customer_id is None:
        organization = await session.get_one(Organization, acting.organization_id)
        user = await session.get(User, acting.user_id) if acting.user_id else None
        account.stripe_customer_id = await gateway.create_customer(
            acting.organization_id, organization.name, user.email if user else ""
        )
        await session.flush()
    return await gateway.checkout_url(
        customer=account.stripe_customer_id,
        organization_id=acting.organization_id,
        line_items=[(prices[key], q) for key, q in zip(keys, quantities, strict=True)],
        return_url=billing.return_url,
    )


async def create_billing_portal_session(
    session: AsyncSession, principal: Principal | None, *, billing: Billing
) -> str:
    """A Stripe billing portal URL: pay, change plan, update the card, see invoices."""
    acting = require_permission(principal, "billing.manage")
    gateway = _gateway(billing)
    account = await account_for(session, acting.organization_id, lock=False)
    if account.stripe_customer_id is None:
        raise UserInputError(
            ErrorCode.NO_SUBSCRIPTION,
            "The organization has never subscribed: start with createCheckoutSession.",
            (),
        )
    return await gateway.portal_url(
        customer=account.stripe_customer_id, return_url=billing.return_url
    )


async def cancel_subscription(
    session: AsyncSession,
    principal: Principal | None,
    *,
    billing: Billing,
    reason: CancellationReason | None,
    feedback: str | None,
    at_period_end: bool,
) -> BillingAccount:
    """Click to cancel, in one call: at the end of the paid period (the default) or now.
    The exit survey, if answered, is kept; nothing of the organization is deleted."""
    acting = require_permission(principal, "billing.manage")
    gateway = _gateway(billing)
    if feedback is not None:
        feedback = clean_text(feedback, ("feedback",), max_length=FEEDBACK_MAX_LENGTH, min_length=0)
    account = await account_for(session, acting.organization_id)
    if not _has_subscription(account):
        raise UserInputError(
            ErrorCode.NO_SUBSCRIPTION, "The organization has no subscription to cancel.", ()
        )
    assert account.stripe_subscription_id is not None
    session.add(
        CancellationSurvey(
            organization_id=acting.organization_id,
            user_id=acting.user_id,
            plan=account.plan,
            reason=reason.value if reason else None,
            feedback=feedback or None,
            at_period_end=at_period_end,
        )
    )
    if at_period_end:
        remote = await gateway.set_cancel_at_period_end(account.stripe_subscription_id, True)
    else:
        remote = await gateway.cancel_now(account.stripe_subscription_id)
    await apply_remote(session, account, remote, billing.policy)
    await notices.subscription_canceled(session, account, return_url=billing.return_url)
    return account


async def resume_subscription(
    session: AsyncSession, principal: Principal | None, *, billing: Billing
) -> BillingAccount:
    """Undo a cancellation at period end, before the period ends."""
    acting = require_permission(principal, "billing.manage")
    gateway = _gateway(billing)
    account = await account_for(session, acting.organization_id)
    if not (_has_subscription(account) and account.cancel_at_period_end):
        raise UserInputError(
            ErrorCode.NO_SUBSCRIPTION,
            "There is no cancellation to undo: the subscription is not ending, or has "
            "ended (subscribe again with createCheckoutSession).",
            (),
        )
    assert account.stripe_subscription_id is not None
    remote = await gateway.set_cancel_at_period_end(account.stripe_subscription_id, False)
    await apply_remote(session, account, remote, billing.policy)
    return account
