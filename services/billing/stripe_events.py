"""Stripe's webhook events: each verified on its raw body, stored by id and processed
once. An event only says *which* subscription to look at: its state is refetched from
Stripe and applied (services/billing/accounts.py), so events arriving twice or out of
order leave the account as Stripe has it now."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import stripe
from sqlalchemy.ext.asyncio import AsyncSession

from services.billing import notices
from services.billing.accounts import (
    account_for,
    account_of_customer,
    apply_remote,
    record_payment_failure,
)
from services.billing.models import BillingAccount, StripeEvent, SubscriptionStatus
from services.billing.standing import BillingPolicy
from services.billing.stripe_gateway import PaymentProviderUnavailable, StripeGateway

HANDLED = frozenset(
    {
        "checkout.session.completed",
        "customer.subscription.created",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "invoice.paid",
        # Sent beside invoice.paid (and alone by older API versions and local peers).
        "invoice.payment_succeeded",
        "invoice.payment_failed",
    }
)


@dataclass(frozen=True)
class Outcome:
    event_id: str
    result: str  # processed | duplicate | ignored


@dataclass(frozen=True)
class _Names:
    subscription: str | None
    customer: str | None
    organization_id: int | None


def _names(event_type: str, obj: dict[str, Any]) -> _Names:
    """Which subscription, customer and organization an event is about."""
    if event_type.startswith("customer.subscription."):
        subscription = obj.get("id")
    else:
        subscription = obj.get("subscription")
    if isinstance(subscription, dict):
        subscription = subscription.get("id")
    customer = obj.get("customer")
    if isinstance(customer, dict):
        customer = customer.get("id")
    reference = obj.get("client_reference_id") or (obj.get("metadata") or {}).get("organization_id")
    return _Names(
        str(subscription) if subscription else None,
        str(customer) if customer else None,
        int(reference) if reference and str(reference).isdigit() else None,
    )


async def _account(session: AsyncSession, names: _Names) -> BillingAccount | None:
    """The account by its Stripe customer; else by the organization the event names, if
    that organization has no other customer (a checkout that made the customer)."""
    account = await account_of_customer(session, names.customer) if names.customer else None
    if account is None and names.organization_id is not None:
        account = await account_for(session, names.organization_id)
        if account.stripe_customer_id is None:
            account.stripe_customer_id = names.customer
        elif account.stripe_customer_id != names.customer:
            return None
    return account


async def _pay_url(
    gateway: StripeGateway, account: BillingAccount, invoice: dict[str, Any], return_url: str
) -> str:
    """Where the owners pay: the invoice's own page, else a billing portal session, else
    the app's billing page (a failed portal call must not lose the notice)."""
    if invoice.get("hosted_invoice_url"):
        return str(invoice["hosted_invoice_url"])
    if account.stripe_customer_id:
        try:
            return await gateway.portal_url(
                customer=account.stripe_customer_id, return_url=return_url
            )
        except PaymentProviderUnavailable:
            pass
    return return_url


async def process_event(
    session: AsyncSession,
    *,
    event: stripe.Event,
    gateway: StripeGateway,
    policy: BillingPolicy,
    return_url: str,
) -> Outcome:
    """Process one verified event once (a second delivery of its id is a duplicate)."""
    if await session.get(StripeEvent, event.id) is not None:
        return Outcome(event.id, "duplicate")
    record = StripeEvent(id=event.id, type=event.type)
    session.add(record)
    await session.flush()  # a concurrent delivery of the same id fails here, whole
    if event.type not in HANDLED:
        return Outcome(event.id, "ignored")
    obj = event.data.object.to_dict()
    names = _names(event.type, obj)
    account = await _account(session, names)
    subscription_id = names.subscription or (account.stripe_subscription_id if account else None)
    if account is None or subscription_id is None:
        return Outcome(event.id, "ignored")
    record.organization_id = account.organization_id
    remote = await gateway.subscription(subscription_id)
    if remote is None and subscription_id != account.stripe_subscription_id:
        return Outcome(event.id, "ignored")  # gone, and not the organization's own
    if remote is not None and remote.organization_id not in (None, account.organization_id):
        return Outcome(event.id, "ignored")  # not this organization's subscription
    if (
        remote is not None
        and account.stripe_subscription_id not in (None, remote.id)
        and remote.status in ("canceled", "incomplete_expired")
    ):
        # An older subscription ending does not end the one the organization has now.
        return Outcome(event.id, "processed")
    await apply_remote(session, account, remote, policy)
    # Notified only if Stripe still reports the failure: a payment that went through
    # since (an event that arrived late) alarms no one.
    if event.type == "invoice.payment_failed" and account.status == SubscriptionStatus.PAST_DUE:
        await record_payment_failure(session, account, policy, str(obj["id"]))
        await notices.payment_failed(
            session, account, pay_url=await _pay_url(gateway, account, obj, return_url)
        )
    await session.flush()
    return Outcome(event.id, "processed")
