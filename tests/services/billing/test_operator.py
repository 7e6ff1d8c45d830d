"""An operator's hand on billing (`batchtrack billing exempt|unexempt|suspend|reinstate`):
a suspension restricts whatever Stripe reports and holds until reinstated, on the local
plan too; an exempt organization is never restricted; each change is an event."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from server.cli import operate_billing
from services.billing import operator
from services.billing.accounts import account_for, apply_remote
from services.billing.models import SubscriptionStatus
from services.billing.restriction import refuse_if_restricted
from services.billing.standing import LOCAL_POLICY
from services.billing.stripe_gateway import RemoteSubscription
from services.db import unit_of_work
from services.errors import PlanRestricted
from services.events import Event
from tests.services.accounts.givens import Sessions, sign_up
from tests.services.accounts.givens import authenticate as authenticate_locally
from tests.services.billing.givens import billed, on_plan, principal_under

pytestmark = pytest.mark.billing


async def _updates(sessions: Sessions, organization_id: int) -> list[list[str]]:
    async with unit_of_work(sessions, write=False) as session:
        rows = await session.scalars(
            select(Event)
            .where(
                Event.organization_id == organization_id,
                Event.type == "subscription.updated",
            )
            .order_by(Event.position)
        )
        return [event.payload["changedFields"] for event in rows]


async def test_a_suspension_holds_against_stripe_until_reinstated(database_url, sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "team", stripe_subscription_id="sub_1")
    policy = billed()
    out = io.StringIO()

    assert (
        await operate_billing(
            database_url, policy, "suspend", owner.organization_id, reason="chargebacks", out=out
        )
        == 0
    )
    suspended = await principal_under(sessions, owner.token, policy)
    assert suspended.standing.status is SubscriptionStatus.SUSPENDED
    assert suspended.standing.restricted is True
    with pytest.raises(PlanRestricted, match="contact BatchTrack support"):
        refuse_if_restricted(suspended)

    # Stripe still reports the subscription active: that does not lift the suspension.
    active = RemoteSubscription(
        id="sub_1",
        customer="cus_1",
        status="active",
        items=(("batchtrack_team_monthly", 1),),
        current_period_end=datetime(2027, 1, 1, tzinfo=UTC),
        cancel_at_period_end=False,
        organization_id=owner.organization_id,
    )
    async with unit_of_work(sessions) as session:
        account = await account_for(session, owner.organization_id)
        await apply_remote(session, account, active, policy)
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is True

    assert (
        await operate_billing(database_url, policy, "reinstate", owner.organization_id, out=out)
        == 0
    )
    reinstated = await principal_under(sessions, owner.token, policy)
    assert reinstated.standing.restricted is False
    assert reinstated.standing.status is SubscriptionStatus.ACTIVE
    assert "suspend: changed suspended_at" in out.getvalue()

    updates = await _updates(sessions, owner.organization_id)
    assert ["suspendedAt"] in updates
    assert updates[-1] == ["suspendedAt"]


async def test_an_exempt_organization_is_never_restricted_and_the_flag_comes_off(
    database_url, sessions
):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo", status=SubscriptionStatus.UNPAID)
    policy = billed()
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is True

    assert await operate_billing(database_url, policy, "exempt", owner.organization_id) == 0
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is False
    async with unit_of_work(sessions) as session:  # again: already so, no second event
        assert await operator.set_exempt(session, owner.organization_id, True, policy) == []

    assert await operate_billing(database_url, policy, "unexempt", owner.organization_id) == 0
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is True
    assert await _updates(sessions, owner.organization_id) == [["exempt"], ["exempt"]]


async def test_a_suspension_restricts_on_the_local_plan_too(sessions):
    owner = await sign_up(sessions)
    async with unit_of_work(sessions) as session:
        await operator.suspend(session, owner.organization_id, "abuse", LOCAL_POLICY)

    principal = (await authenticate_locally(sessions, owner.token)).principal
    assert principal.standing.restricted is True
    assert principal.standing.status is SubscriptionStatus.SUSPENDED


async def test_an_unknown_organization_changes_nothing(database_url):
    out = io.StringIO()

    assert (
        await operate_billing(database_url, billed(), "suspend", 987654, reason="x", out=out) == 1
    )
    assert "organization 987654: no such organization" in out.getvalue()
