"""Billing over GraphQL: the public plan catalog, the subscription with usage, the plan's
throttle, and a restricted organization (reads work, changes are refused with
PLAN_RESTRICTED, billing and logging out stay reachable)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import httpx
import pytest

from server.app import create_app
from services.billing.models import SubscriptionStatus
from services.billing.plans import SOLO
from tests.api_helpers import data, error_codes, gql, join_with_role, open_mailbox, sign_up
from tests.conftest import flush_test_redis, make_settings
from tests.services.billing.givens import MovableClock, on_plan

pytestmark = [pytest.mark.api, pytest.mark.billing]

PLANS = """{ plans { plans { key name entitlements { recipes apiAccess }
  throttle { maximumAvailable restoreRate }
  prices { interval lookupKey price { amount currencyCode } } }
  addOns { key prices { lookupKey } } } }"""
SUBSCRIPTION = """{ subscription { billingConfigured plan status restricted graceEndsAt
  entitlements { users recipes } usage { limit allowed used } } }"""
CREATE_ITEM = """mutation { createInventoryItem(input: {name: "Oil", type: INGREDIENT,
  baseUnit: "g"}) { userErrors { code } } }"""


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


@pytest.fixture
async def billed_client(database_url, engine, clock) -> AsyncIterator[httpx.AsyncClient]:
    """A server with billing configured (Stripe itself is not called by these tests)."""
    await flush_test_redis()
    settings = make_settings(database_url, stripe_api_key="sk_test_unused")
    app = create_app(settings, billing_clock=clock)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client,
    ):
        client.app = app  # type: ignore[attr-defined]
        open_mailbox(client, app)  # sign_up verifies the address from its mail
        yield client


def _sessions(client: httpx.AsyncClient):
    return client.app.state.sessions  # type: ignore[attr-defined]


async def test_the_plan_catalog_is_public_with_prices_and_lookup_keys(client):
    body = data(await gql(client, PLANS))["plans"]

    solo = next(p for p in body["plans"] if p["key"] == "SOLO")
    assert solo["entitlements"] == {"recipes": 50, "apiAccess": True}
    assert {p["lookupKey"] for p in solo["prices"]} == {
        "batchtrack_solo_monthly",
        "batchtrack_solo_yearly",
    }
    assert {"interval": "MONTH", "amount": "19", "currencyCode": "USD"} in [
        {"interval": p["interval"], **p["price"]} for p in solo["prices"]
    ]
    assert solo["throttle"] == {"maximumAvailable": 1000, "restoreRate": 50.0}
    assert {a["key"] for a in body["addOns"]} == {
        "extra_users",
        "extended_history",
        "advanced_reports",
    }


async def test_without_stripe_the_subscription_is_the_local_plan(client):
    owner = await sign_up(client)

    found = data(await gql(client, SUBSCRIPTION, token=owner.token))["subscription"]

    assert found["billingConfigured"] is False
    assert (found["plan"], found["status"], found["restricted"]) == ("LOCAL", "ACTIVE", False)
    assert found["entitlements"] == {"users": 10, "recipes": 200}
    users = next(u for u in found["usage"] if u["limit"] == "USERS")
    assert users == {"limit": "USERS", "allowed": 10, "used": 1}


async def test_a_new_organization_is_on_free_when_billing_is_configured(billed_client):
    owner = await sign_up(billed_client)

    found = data(await gql(billed_client, SUBSCRIPTION, token=owner.token))["subscription"]

    assert (found["billingConfigured"], found["plan"]) == (True, "FREE")
    recipes = next(u for u in found["usage"] if u["limit"] == "RECIPES")
    assert recipes == {"limit": "RECIPES", "allowed": 10, "used": 0}


async def test_the_throttle_is_the_plans(billed_client):
    owner = await sign_up(billed_client)
    await on_plan(_sessions(billed_client), int_id(owner.organization_id), "solo")

    body = await gql(billed_client, "{ viewer { user { id } } }", token=owner.token)

    status = body["extensions"]["cost"]["throttleStatus"]
    assert status["maximumAvailable"] == SOLO.throttle.maximum
    assert status["restoreRate"] == SOLO.throttle.restore_rate


async def test_past_grace_changes_are_refused_and_reads_and_billing_stay(billed_client, clock):
    owner = await sign_up(billed_client)
    org = int_id(owner.organization_id)
    await on_plan(
        _sessions(billed_client),
        org,
        "team",
        status=SubscriptionStatus.PAST_DUE,
        grace_ends_at=clock.now + timedelta(days=7),
    )
    during_grace = await gql(billed_client, CREATE_ITEM, token=owner.token)
    assert error_codes(during_grace) == []

    clock.advance(timedelta(days=7, seconds=1))
    refused = await gql(billed_client, CREATE_ITEM, token=owner.token)
    assert error_codes(refused) == ["PLAN_RESTRICTED"]
    assert "createBillingPortalSession" in refused["errors"][0]["message"]
    reads = data(
        await gql(billed_client, "{ inventoryItems { nodes { name } } }", token=owner.token)
    )
    assert reads["inventoryItems"]["nodes"] == [{"name": "Oil"}]  # nothing was deleted
    found = data(await gql(billed_client, SUBSCRIPTION, token=owner.token))["subscription"]
    assert (found["status"], found["restricted"]) == ("PAST_DUE", True)
    logged_out = await gql(billed_client, "mutation { logOut { loggedOut } }", token=owner.token)
    assert error_codes(logged_out) == []


async def test_an_exempt_organization_is_never_restricted(billed_client, clock):
    owner = await sign_up(billed_client)
    await on_plan(
        _sessions(billed_client),
        int_id(owner.organization_id),
        "team",
        status=SubscriptionStatus.CANCELED,
        exempt=True,
    )

    assert error_codes(await gql(billed_client, CREATE_ITEM, token=owner.token)) == []


async def test_billing_read_is_the_owners_and_admins(billed_client):
    owner = await sign_up(billed_client)
    await on_plan(_sessions(billed_client), int_id(owner.organization_id), "team")
    maker = await join_with_role(billed_client, owner, "MAKER")

    body = await gql(billed_client, SUBSCRIPTION, token=maker.token)

    assert error_codes(body) == ["FORBIDDEN"]


async def test_each_organization_sees_its_own_subscription(billed_client):
    solo, team = await sign_up(billed_client), await sign_up(billed_client)
    await on_plan(_sessions(billed_client), int_id(solo.organization_id), "solo")
    await on_plan(_sessions(billed_client), int_id(team.organization_id), "team")

    plans = [
        data(await gql(billed_client, SUBSCRIPTION, token=who.token))["subscription"]["plan"]
        for who in (solo, team)
    ]

    assert plans == ["SOLO", "TEAM"]


def int_id(global_id: str) -> int:
    from resolvers.ids import decode_id

    return decode_id(global_id, "Organization")
