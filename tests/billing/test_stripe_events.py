"""Stripe's events at our endpoint, against local Stripe: replays and out-of-order arrivals
leave the organization as Stripe reports it now; a forged or stale signature is refused
with 400 and changes nothing."""

from __future__ import annotations

import io
import time

import pytest
from sqlalchemy import select

from resolvers.ids import decode_id
from server.cli import sync_catalog
from services.billing.models import BillingAccount, StripeEvent
from services.db import unit_of_work
from services.events import Event
from tests.api_helpers import Account, data, gql, sign_up
from tests.billing.stripe_peer import API_KEY, event_body, post_event, sign
from tests.timing import eventually

pytestmark = [pytest.mark.billing]

CHECKOUT = """mutation($input: CreateCheckoutSessionInput!) { createCheckoutSession(
  input: $input) { url userErrors { field message code } } }"""


async def subscribed(live, stripe_peer, plan: str = "TEAM") -> tuple[Account, BillingAccount]:
    owner = await sign_up(live.client)
    body = await gql(
        live.client, CHECKOUT, {"input": {"plan": plan, "interval": "MONTH"}}, owner.token
    )
    checkout = data(body)["createCheckoutSession"]
    assert checkout["userErrors"] == [], body
    await stripe_peer.complete_checkout(checkout["url"], live.webhook_url)
    organization_id = decode_id(owner.organization_id, "Organization")

    async def active() -> bool:
        account = await account_now(live, organization_id)
        return account is not None and account.status == "ACTIVE"

    await eventually(active, what="the subscription applied")
    account = await account_now(live, organization_id)
    assert account is not None
    return owner, account


async def account_now(live, organization_id: int) -> BillingAccount | None:
    async with unit_of_work(live.sessions, write=False) as session:
        return await session.get(BillingAccount, organization_id)


async def subscription_events(live, organization_id: int) -> list[tuple[str, str]]:
    async with unit_of_work(live.sessions, write=False) as session:
        return [
            (event.id, event.type)
            for event in (
                await session.scalars(
                    select(Event)
                    .where(
                        Event.organization_id == organization_id,
                        Event.entity_type == "Subscription",
                    )
                    .order_by(Event.position)
                )
            ).all()
        ]


async def stored(live, event_id: str) -> bool:
    async with unit_of_work(live.sessions, write=False) as session:
        return await session.get(StripeEvent, event_id) is not None


async def test_a_replayed_event_is_processed_once(live, stripe_peer):
    _owner, account = await subscribed(live, stripe_peer)
    remote = await stripe_peer.client().v1.subscriptions.retrieve_async(
        account.stripe_subscription_id
    )
    obj = remote.to_dict()
    body = event_body("customer.subscription.updated", obj, event_id="evt_replayed_once")
    headers = {"Stripe-Signature": sign(body)}
    before = await subscription_events(live, account.organization_id)

    first = await live.client.post("/billing/stripe/webhook", content=body, headers=headers)
    again = await live.client.post("/billing/stripe/webhook", content=body, headers=headers)

    assert (first.status_code, first.json()["result"]) == (200, "processed")
    assert (again.status_code, again.json()["result"]) == (200, "duplicate")
    assert await subscription_events(live, account.organization_id) == before  # no change


async def test_a_late_deletion_of_a_live_subscription_changes_nothing(live, stripe_peer):
    """customer.subscription.deleted arriving after the subscription was renewed (an old
    event, or one for a moment that has passed): Stripe reports it active, so it stays."""
    _owner, account = await subscribed(live, stripe_peer)
    remote = await stripe_peer.client().v1.subscriptions.retrieve_async(
        account.stripe_subscription_id
    )
    stale = dict(remote.to_dict(), status="canceled")

    response = await post_event(live.webhook_url, "customer.subscription.deleted", stale)

    assert response.status_code == 200
    now = await account_now(live, account.organization_id)
    assert now is not None
    assert (now.status, now.plan) == ("ACTIVE", "team")


async def test_a_payment_failure_reported_after_the_payment_went_through_alarms_no_one(
    live, stripe_peer
):
    _owner, account = await subscribed(live, stripe_peer)
    assert account.stripe_customer_id is not None
    invoices = await stripe_peer.client().v1.invoices.list_async(
        {"customer": account.stripe_customer_id}
    )
    paid = invoices.data[0].to_dict()
    late_failure = dict(paid, status="open", paid=False)

    response = await post_event(live.webhook_url, "invoice.payment_failed", late_failure)

    assert response.status_code == 200
    now = await account_now(live, account.organization_id)
    assert now is not None
    assert now.status == "ACTIVE"
    assert now.grace_ends_at is None
    types = [type for _, type in await subscription_events(live, account.organization_id)]
    assert "subscription.payment_failed" not in types


async def test_a_cancellation_applied_whatever_order_its_events_come_in(live, stripe_peer):
    _owner, account = await subscribed(live, stripe_peer)
    client = stripe_peer.client()
    subscription_id = account.stripe_subscription_id
    assert subscription_id is not None
    old = (await client.v1.subscriptions.retrieve_async(subscription_id)).to_dict()
    await client.v1.subscriptions.cancel_async(subscription_id)
    ended = (await client.v1.subscriptions.retrieve_async(subscription_id)).to_dict()

    # The deletion first, then the older "updated" (still active) snapshot.
    await post_event(live.webhook_url, "customer.subscription.deleted", ended)
    await post_event(live.webhook_url, "customer.subscription.updated", old)

    now = await account_now(live, account.organization_id)
    assert now is not None
    assert now.status == "CANCELED"


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param(lambda body: sign(body, secret="whsec_someone_else"), id="forged"),
        pytest.param(lambda body: sign(body, at=int(time.time()) - 3600), id="stale"),
        pytest.param(lambda body: "t=1,v1=00", id="garbage"),
    ],
)
async def test_a_forged_or_stale_signature_is_refused_and_changes_nothing(
    live, stripe_peer, signature
):
    _owner, account = await subscribed(live, stripe_peer)
    remote = await stripe_peer.client().v1.subscriptions.retrieve_async(
        account.stripe_subscription_id
    )
    ended = dict(remote.to_dict(), status="canceled")
    body = event_body("customer.subscription.deleted", ended, event_id="evt_forged")

    response = await live.client.post(
        "/billing/stripe/webhook", content=body, headers={"Stripe-Signature": signature(body)}
    )
    unsigned = await live.client.post("/billing/stripe/webhook", content=body)

    assert (response.status_code, unsigned.status_code) == (400, 400)
    assert not await stored(live, "evt_forged")
    now = await account_now(live, account.organization_id)
    assert now is not None
    assert now.status == "ACTIVE"


async def test_sync_catalog_is_idempotent(stripe_peer):
    """The session's peer was set up by sync-catalog; a second run creates nothing."""
    out = io.StringIO()

    assert await sync_catalog(API_KEY, stripe_peer.url, out) == 0

    assert "0 price(s) created, 12 already there" in out.getvalue()
    assert "exists   batchtrack_team_yearly" in out.getvalue()
