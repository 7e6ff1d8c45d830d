"""The billing mutations against local Stripe: checkout input errors, click-to-cancel with
its exit survey, resume, and who may call them."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from resolvers.ids import decode_id
from services.billing.models import CancellationSurvey
from services.db import unit_of_work
from services.mail import OutboundEmail
from tests.api_helpers import data, error_codes, gql, join_with_role, sign_up
from tests.billing.conftest import Live
from tests.billing.test_stripe_events import CHECKOUT, account_now, subscribed
from tests.services.billing.givens import on_plan

pytestmark = [pytest.mark.billing]

CANCEL = """mutation($input: CancelSubscriptionInput!) { cancelSubscription(input: $input) {
  subscription { status cancelAtPeriodEnd plan } userErrors { field message code } } }"""
RESUME = """mutation { resumeSubscription { subscription { status cancelAtPeriodEnd }
  userErrors { field message code } } }"""


async def checkout(live: Live, token: str, values: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = data(await gql(live.client, CHECKOUT, {"input": values}, token))
    return found["createCheckoutSession"]  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"plan": "FREE", "interval": "MONTH"}, ["input", "plan"], "PLAN_NOT_SOLD"),
        ({"plan": "LOCAL", "interval": "YEAR"}, ["input", "plan"], "PLAN_NOT_SOLD"),
        (
            {"plan": "SOLO", "interval": "MONTH", "addOns": [{"key": "gold"}]},
            ["input", "addOns", "0", "key"],
            "PLAN_NOT_SOLD",
        ),
        (
            {
                "plan": "SOLO",
                "interval": "MONTH",
                "addOns": [{"key": "extra_users", "quantity": 0}],
            },
            ["input", "addOns", "0", "quantity"],
            "OUT_OF_RANGE",
        ),
    ],
)
async def test_a_checkout_of_something_not_sold_is_refused(live, values, field, code):
    owner = await sign_up(live.client)

    found = await checkout(live, owner.token, values)

    assert found["url"] is None
    assert [(e["field"], e["code"]) for e in found["userErrors"]] == [(field, code)]


async def test_a_second_checkout_while_subscribed_points_to_the_portal(live, stripe_peer):
    owner, _ = await subscribed(live, stripe_peer)

    found = await checkout(live, owner.token, {"plan": "TEAM", "interval": "YEAR"})

    assert [e["code"] for e in found["userErrors"]] == ["ALREADY_SUBSCRIBED"]
    assert "createBillingPortalSession" in found["userErrors"][0]["message"]


async def test_cancel_at_period_end_with_a_survey_then_resume(live, stripe_peer):
    owner, _account = await subscribed(live, stripe_peer)

    canceled = data(
        await gql(
            live.client,
            CANCEL,
            {"input": {"reason": "SEASONAL", "feedback": "Back in spring."}},
            owner.token,
        )
    )["cancelSubscription"]

    assert canceled["userErrors"] == []
    assert canceled["subscription"] == {
        "status": "ACTIVE",
        "cancelAtPeriodEnd": True,
        "plan": "TEAM",
    }
    async with unit_of_work(live.sessions, write=False) as session:
        [survey] = (await session.scalars(select(CancellationSurvey))).all()
        emails = (
            await session.scalars(
                select(OutboundEmail.subject).where(OutboundEmail.to_address == owner.email)
            )
        ).all()
    assert (survey.reason, survey.feedback, survey.at_period_end, survey.plan) == (
        "SEASONAL",
        "Back in spring.",
        True,
        "team",
    )
    assert any("canceled" in subject for subject in emails)

    resumed = data(await gql(live.client, RESUME, token=owner.token))["resumeSubscription"]

    assert resumed["userErrors"] == []
    assert resumed["subscription"] == {"status": "ACTIVE", "cancelAtPeriodEnd": False}


async def test_cancel_now_ends_it_and_restricts_but_deletes_nothing(live, stripe_peer):
    owner, account = await subscribed(live, stripe_peer)

    canceled = data(await gql(live.client, CANCEL, {"input": {"atPeriodEnd": False}}, owner.token))[
        "cancelSubscription"
    ]

    assert canceled["subscription"]["status"] == "CANCELED"
    refused = await gql(
        live.client,
        'mutation { createInventoryItem(input: {name: "Oil", type: INGREDIENT, baseUnit: "g"})'
        " { userErrors { code } } }",
        token=owner.token,
    )
    assert error_codes(refused) == ["PLAN_RESTRICTED"]
    again = data(await gql(live.client, RESUME, token=owner.token))["resumeSubscription"]
    assert [e["code"] for e in again["userErrors"]] == ["NO_SUBSCRIPTION"]
    now = await account_now(live, decode_id(owner.organization_id, "Organization"))
    assert now is not None
    assert now.stripe_customer_id == account.stripe_customer_id


async def test_only_owners_manage_billing(live, stripe_peer):
    owner = await sign_up(live.client)
    organization_id = decode_id(owner.organization_id, "Organization")
    await on_plan(live.sessions, organization_id, "team")  # Free has one user
    admin = await join_with_role(live.client, owner, "ADMIN")

    body = await gql(
        live.client, CHECKOUT, {"input": {"plan": "SOLO", "interval": "MONTH"}}, admin.token
    )

    assert error_codes(body) == ["FORBIDDEN"]
    assert "billing.manage" in body["errors"][0]["message"]


async def test_without_stripe_billing_mutations_say_so(client):
    owner = await sign_up(client)

    found = data(
        await gql(client, CHECKOUT, {"input": {"plan": "SOLO", "interval": "MONTH"}}, owner.token)
    )["createCheckoutSession"]
    portal = data(
        await gql(
            client,
            "mutation { createBillingPortalSession { url userErrors { code } } }",
            token=owner.token,
        )
    )["createBillingPortalSession"]

    assert [e["code"] for e in found["userErrors"]] == ["BILLING_NOT_CONFIGURED"]
    assert [e["code"] for e in portal["userErrors"]] == ["BILLING_NOT_CONFIGURED"]
