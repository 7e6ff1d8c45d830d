"""Entitlements at their boundaries: each creating service refuses the one past the plan's
limit with PLAN_LIMIT_REACHED (the limit and the usage in the message), whatever the
caller's role allows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts import service
from services.batches.start import start_batch
from services.billing.entitlements import COUNTED, PlanLimitReached, require_within, usage_of
from services.billing.models import SubscriptionStatus
from services.billing.plans import LOCAL, SOLO, TEAM, Limit
from services.db import unit_of_work
from services.errors import ApiAccessNotIncluded
from services.events import append_event
from services.permissions import Principal
from services.recipes.costing import ScaleRequest
from tests.services.accounts.givens import (
    add_member,
    create_api_key,
    invite,
    new_email,
    refused,
    sign_up,
)
from tests.services.accounts.givens import authenticate as authenticate_locally
from tests.services.billing.givens import MovableClock, billed, on_plan, principal_under
from tests.services.recipes.givens import create_recipe, creating, kitchen, soap_recipe
from tests.webhooks.givens import create_endpoint

pytestmark = pytest.mark.billing


async def test_the_51st_recipe_on_solo_is_refused_with_the_limit_and_the_usage(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo")
    principal = await principal_under(sessions, owner.token, billed())
    k = await kitchen(sessions, principal)
    for number in range(1, 51):
        await create_recipe(sessions, principal, **soap_recipe(k, name=f"Bar {number}"))

    problem = await refused(sessions, creating(principal, **soap_recipe(k, name="Bar 51")))

    assert problem.code == "PLAN_LIMIT_REACHED"
    assert problem.field == ("name",)
    assert "includes 50 recipes" in problem.message
    assert "has 50" in problem.message


async def test_an_archived_recipe_frees_its_place(sessions):
    from tests.services.recipes.givens import archiving, run

    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "free")
    principal = await principal_under(sessions, owner.token, billed())
    k = await kitchen(sessions, principal)
    made = [
        await create_recipe(sessions, principal, **soap_recipe(k, name=f"Bar {n}"))
        for n in range(10)
    ]
    await refused(sessions, creating(principal, **soap_recipe(k, name="Bar 11")))
    await run(sessions, archiving(principal, made[0].id))

    await create_recipe(sessions, principal, **soap_recipe(k, name="Bar 11"))


async def test_users_count_members_and_open_invitations_up_to_the_plan(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo")
    solo = await principal_under(sessions, owner.token, billed())

    problem = await refused(
        sessions, lambda s: invite_step(s, solo, new_email())
    )  # Solo: the owner is its one user

    assert problem.code == "PLAN_LIMIT_REACHED"
    assert problem.field == ("email",)
    assert "includes 1 users" in problem.message


async def test_an_add_on_adds_to_the_plan_per_unit(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo", add_ons={"extra_users": 1})
    principal = await principal_under(sessions, owner.token, billed())
    assert principal.standing.entitlements.users == 1 + 5

    await add_member(sessions, principal, role="maker")
    for _ in range(4):
        await invite(sessions, principal, email=new_email(), role="viewer")
    problem = await refused(sessions, lambda s: invite_step(s, principal, new_email()))

    assert problem.code == "PLAN_LIMIT_REACHED"
    assert "includes 6 users" in problem.message
    assert "has 6" in problem.message


async def invite_step(session: AsyncSession, principal: Principal, email: str) -> object:
    return await service.invite_member(session, principal, email=email, role="viewer")


async def test_api_keys_up_to_the_plan_and_none_on_free(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "free")
    free = await principal_under(sessions, owner.token, billed())
    problem = await refused(sessions, lambda s: key_step(s, free))
    assert problem.code == "PLAN_LIMIT_REACHED"
    assert "includes 0 active API keys" in problem.message

    await on_plan(sessions, owner.organization_id, "solo")
    solo = await principal_under(sessions, owner.token, billed())
    await create_api_key(sessions, solo, "inventory.read")
    await create_api_key(sessions, solo, "inventory.read")
    problem = await refused(sessions, lambda s: key_step(s, solo))
    assert problem.code == "PLAN_LIMIT_REACHED"
    assert problem.field == ("name",)


async def key_step(session: AsyncSession, principal: Principal) -> object:
    return await service.create_api_key(session, principal, name="k", scopes=["units.read"])


async def test_a_key_of_a_plan_without_api_access_is_refused(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo")
    token = await create_api_key(
        sessions, await principal_under(sessions, owner.token, billed()), "inventory.read"
    )
    await on_plan(sessions, owner.organization_id, "free")

    with pytest.raises(ApiAccessNotIncluded):
        await principal_under(sessions, token, billed())


async def test_webhook_endpoints_up_to_the_plan(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo")
    principal = await principal_under(sessions, owner.token, billed())
    await create_endpoint(sessions, principal, "http://127.0.0.1:9/a")
    await create_endpoint(sessions, principal, "http://127.0.0.1:9/b")

    with pytest.raises(PlanLimitReached) as raised:
        await create_endpoint(sessions, principal, "http://127.0.0.1:9/c")

    assert (raised.value.limit, raised.value.usage) == (2, 2)
    assert raised.value.problems[0].field == ("url",)


async def test_batches_per_month_count_the_months_batch_starts(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo")
    principal = await principal_under(sessions, owner.token, billed())
    async with unit_of_work(sessions) as session:
        for number in range(3):
            await append_event(
                session,
                organization_id=owner.organization_id,
                type="batch.started",
                entity_type="Batch",
                entity_id=f"batch-{number}",
                payload={},
            )
    async with unit_of_work(sessions, write=False) as session:
        assert await usage_of(session, owner.organization_id, Limit.BATCHES_PER_MONTH) == 3
        await require_within(
            session, principal, Limit.BATCHES_PER_MONTH, field=("recipe_id",), usage=199
        )
        with pytest.raises(PlanLimitReached) as raised:
            await require_within(
                session, principal, Limit.BATCHES_PER_MONTH, field=("recipe_id",), usage=200
            )
    assert (raised.value.limit, raised.value.usage) == (SOLO.entitlements.batches_per_month, 200)


async def test_without_billing_every_organization_runs_on_team_limits(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "free")  # ignored: billing is off

    principal = (await authenticate_locally(sessions, owner.token)).principal

    assert principal.standing.plan == LOCAL.key
    counted = {limit: TEAM.entitlements.limit(limit) for limit in COUNTED}
    assert {limit: principal.standing.entitlements.limit(limit) for limit in COUNTED} == counted
    # Nothing is sold there, so nothing is held back: all history, every report.
    assert principal.standing.history_since is None
    assert principal.standing.entitlements.advanced_reports is True
    assert principal.standing.restricted is False


async def test_past_due_is_restricted_only_after_grace_and_exempt_never(sessions):
    owner = await sign_up(sessions)
    clock = MovableClock()
    policy = billed(clock)
    await on_plan(
        sessions,
        owner.organization_id,
        "team",
        status=SubscriptionStatus.PAST_DUE,
        grace_ends_at=clock.now + timedelta(days=7),
    )
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is False

    clock.advance(timedelta(days=7))
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is True

    await on_plan(
        sessions,
        owner.organization_id,
        "team",
        status=SubscriptionStatus.PAST_DUE,
        grace_ends_at=clock.now - timedelta(days=1),
        exempt=True,
    )
    assert (await principal_under(sessions, owner.token, policy)).standing.restricted is False


@pytest.mark.parametrize(
    "status", [SubscriptionStatus.CANCELED, SubscriptionStatus.UNPAID, SubscriptionStatus.SUSPENDED]
)
async def test_canceled_unpaid_and_suspended_are_restricted(sessions, status):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "solo", status=status)

    assert (await principal_under(sessions, owner.token, billed())).standing.restricted is True


async def test_an_incomplete_checkout_grants_nothing_yet(sessions):
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "team", status=SubscriptionStatus.INCOMPLETE)

    standing = (await principal_under(sessions, owner.token, billed())).standing

    assert standing.plan == "free"
    assert standing.restricted is False


async def test_a_batch_start_on_free_is_refused_by_the_batch_service(sessions):
    # Free includes no batches: startBatch itself asks the plan, before anything moves
    owner = await sign_up(sessions)
    await on_plan(sessions, owner.organization_id, "free")
    principal = await principal_under(sessions, owner.token, billed())
    async with unit_of_work(sessions) as session:
        with pytest.raises(PlanLimitReached) as raised:
            await start_batch(session, principal, request=ScaleRequest(recipe_id=1))
    assert (raised.value.limit, raised.value.problems[0].field) == (0, ("recipe_id",))
