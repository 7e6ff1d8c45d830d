"""The whole failed-payment path against local Stripe: subscribe through Checkout, pay;
a declined recurring payment makes the organization PAST_DUE (the owners emailed, the
organization's webhook endpoints told); past the grace period it is restricted; paying
restores it at once."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from services.billing.models import BillingAccount
from services.db import unit_of_work
from services.mail import OutboundEmail
from tests.api_helpers import data, error_codes, gql, sign_up
from tests.billing.conftest import Live
from tests.billing.stripe_peer import DECLINING_CARD, GOOD_CARD
from tests.timing import eventually

pytestmark = [pytest.mark.billing, pytest.mark.slow]

SUBSCRIPTION = "{ subscription { plan status interval restricted graceEndsAt } }"
CHECKOUT = """mutation($input: CreateCheckoutSessionInput!) { createCheckoutSession(
  input: $input) { url userErrors { field message code } } }"""
PORTAL = "mutation { createBillingPortalSession { url userErrors { code } } }"
CREATE_ITEM = """mutation($name: String!) { createInventoryItem(input: {name: $name,
  type: INGREDIENT, baseUnit: "g"}) { userErrors { code } } }"""
ENDPOINT = """mutation($url: String!) { createWebhookEndpoint(input: {url: $url,
  eventTypes: ["subscription.*"]}) { userErrors { code message } } }"""


async def subscription(live: Live, token: str) -> dict[str, Any]:
    found: dict[str, Any] = data(await gql(live.client, SUBSCRIPTION, token=token))
    return found["subscription"]  # type: ignore[no-any-return]


async def account(live: Live, organization_id: str) -> BillingAccount:
    from resolvers.ids import decode_id

    async with unit_of_work(live.sessions, write=False) as session:
        return await session.get_one(BillingAccount, decode_id(organization_id, "Organization"))


async def test_declined_payment_grace_restriction_and_payment(live, stripe_peer, receiver):
    owner = await sign_up(live.client)

    # Subscribe: Checkout (a URL), then Stripe's events; the plan comes from the refetch.
    checkout = data(
        await gql(
            live.client,
            CHECKOUT,
            {"input": {"plan": "SOLO", "interval": "MONTH"}},
            token=owner.token,
        )
    )["createCheckoutSession"]
    assert checkout["userErrors"] == []
    assert checkout["url"].startswith("https://checkout.stripe.com/c/pay/cs_test_")
    await stripe_peer.complete_checkout(checkout["url"], live.webhook_url)

    async def on_solo() -> bool:
        return bool((await subscription(live, owner.token))["plan"] == "SOLO")

    await eventually(on_solo, what="the subscription applied")
    assert (await subscription(live, owner.token))["status"] == "ACTIVE"
    portal = data(await gql(live.client, PORTAL, token=owner.token))
    assert portal["createBillingPortalSession"]["url"].startswith("https://billing.stripe.com/")

    path = receiver.new_path()
    made = data(await gql(live.client, ENDPOINT, {"url": receiver.url(path)}, owner.token))
    assert made["createWebhookEndpoint"]["userErrors"] == []

    # A declined recurring payment: the card is declined on the next invoice.
    billing = await account(live, owner.organization_id)
    assert billing.stripe_customer_id is not None
    assert billing.stripe_subscription_id
    await stripe_peer.set_card(billing.stripe_customer_id, DECLINING_CARD)
    client = stripe_peer.client()
    remote = await client.v1.subscriptions.retrieve_async(billing.stripe_subscription_id)
    await client.v1.subscriptions.update_async(
        billing.stripe_subscription_id,
        {"items": [{"id": remote["items"].data[0].id, "plan": "batchtrack_solo_yearly"}]},
    )

    [unpaid] = await stripe_peer.open_invoices(billing.stripe_customer_id)
    await stripe_peer.report_failed_payment(unpaid, live.webhook_url)
    found = await subscription(live, owner.token)
    assert found["status"] == "PAST_DUE"
    assert found["restricted"] is False  # during grace everything works
    assert found["graceEndsAt"] is not None
    assert error_codes(await gql(live.client, CREATE_ITEM, {"name": "Oil"}, owner.token)) == []

    # The owner's email and the organization's webhook event (Stripe's events arrive in
    # any order: PAST_DUE may come from customer.subscription.updated first).
    async def payment_failed_emails() -> list[OutboundEmail]:
        async with unit_of_work(live.sessions, write=False) as session:
            emails = (
                await session.scalars(
                    select(OutboundEmail).where(OutboundEmail.to_address == owner.email)
                )
            ).all()
        return [e for e in emails if e.subject.startswith("Payment failed")]

    async def emailed() -> bool:
        return len(await payment_failed_emails()) >= 1

    await eventually(emailed, what="the payment-failed email queued")
    failed = await payment_failed_emails()
    assert len(failed) == 1
    assert "https://billing.stripe.com/" in failed[0].body
    assert failed[0].html_body is not None
    assert "billing.stripe.com" in failed[0].html_body
    deliveries = await receiver.wait_for(path, 1)

    async def told() -> bool:
        types = [json.loads(r.body)["type"] for r in receiver.at(path)]
        return "subscription.payment_failed" in types

    await eventually(told, what="subscription.payment_failed delivered")
    deliveries = receiver.at(path)
    event = next(
        json.loads(r.body)
        for r in deliveries
        if json.loads(r.body)["type"] == "subscription.payment_failed"
    )
    assert event["data"]["subscription"]["status"] == "PAST_DUE"

    # Past the grace period: changes wait; reads work.
    live.clock.advance(timedelta(days=7, minutes=1))
    refused = await gql(live.client, CREATE_ITEM, {"name": "Lye"}, owner.token)
    assert error_codes(refused) == ["PLAN_RESTRICTED"]
    assert (await subscription(live, owner.token))["restricted"] is True
    items = data(await gql(live.client, "{ inventoryItems { nodes { name } } }", token=owner.token))
    assert [n["name"] for n in items["inventoryItems"]["nodes"]] == ["Oil"]
    assert data(await gql(live.client, PORTAL, token=owner.token))  # billing stays reachable

    # Pay: a good card, the open invoice paid; restored at once.
    await stripe_peer.set_card(billing.stripe_customer_id, GOOD_CARD)
    for invoice in await stripe_peer.open_invoices(billing.stripe_customer_id):
        await stripe_peer.pay(invoice)

    async def restored() -> bool:
        return bool((await subscription(live, owner.token))["status"] == "ACTIVE")

    await eventually(restored, what="ACTIVE after paying")
    assert (await subscription(live, owner.token))["restricted"] is False
    assert error_codes(await gql(live.client, CREATE_ITEM, {"name": "Lye"}, owner.token)) == []
