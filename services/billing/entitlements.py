"""Entitlements enforced where things are created: each creating service asks
`require_within` before it adds one more. The plan is the ceiling over roles: a role
that grants creating something does not grant it past what the plan includes.

The plan comes from the principal (worked out at authentication), so a check costs one
count query, or none where the caller already knows its usage."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, distinct, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import ApiKey, Invitation, Membership
from services.billing.plans import LOCAL, PLANS, Limit
from services.db import utcnow
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.events import Event
from services.permissions import Principal
from services.recipes.models import Recipe, RecipeStatus
from services.webhooks.models import WebhookEndpoint

# What one of each limit is called in a message.
_NOUNS = {
    Limit.USERS: "users (members and open invitations)",
    Limit.RECIPES: "recipes (archived ones do not count)",
    Limit.BATCHES_PER_MONTH: "batches started this month",
    Limit.WEBHOOK_ENDPOINTS: "webhook endpoints",
    Limit.API_KEYS: "active API keys",
}
COUNTED = tuple(_NOUNS)
# The event a batch start appends: batches this month are counted from the event log.
BATCH_STARTED = "batch.started"


class PlanLimitReached(UserInputError):
    """One more would pass what the plan includes; `limit` and `usage` are the numbers."""

    def __init__(
        self, which: Limit, *, plan: str, limit: int, usage: int, field: Sequence[str]
    ) -> None:
        name = PLANS.get(plan, LOCAL).name
        super().__init__(
            ErrorCode.PLAN_LIMIT_REACHED,
            f"The {name} plan includes {limit} {_NOUNS[which]} and the organization has "
            f"{usage}: upgrade the plan (createCheckoutSession) or buy an add-on, or "
            "remove one first.",
            field,
        )
        self.which = which
        self.limit = limit
        self.usage = usage


def month_start(now: datetime) -> datetime:
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


async def usage_of(
    session: AsyncSession, organization_id: int, which: Limit, *, now: datetime | None = None
) -> int:
    """How many the organization has now of a counted limit."""
    now = now or utcnow()
    statement: Select[int]
    if which is Limit.USERS:
        # One statement for both counts: this runs on every invitation.
        members = (
            select(func.count(Membership.id))
            .where(Membership.organization_id == organization_id)
            .scalar_subquery()
        )
        invited = (
            select(func.count(Invitation.id))
            .where(
                Invitation.organization_id == organization_id,
                Invitation.accepted_at.is_(None),
                Invitation.expires_at > now,
            )
            .scalar_subquery()
        )
        statement = select(members + invited)
    elif which is Limit.RECIPES:
        statement = select(func.count(distinct(Recipe.lineage_id))).where(
            Recipe.organization_id == organization_id,
            Recipe.status != RecipeStatus.ARCHIVED.value,
        )
    elif which is Limit.BATCHES_PER_MONTH:
        statement = select(func.count(Event.position)).where(
            Event.organization_id == organization_id,
            Event.type == BATCH_STARTED,
            Event.created_at >= month_start(now),
        )
    elif which is Limit.WEBHOOK_ENDPOINTS:
        statement = select(func.count(WebhookEndpoint.id)).where(
            WebhookEndpoint.organization_id == organization_id
        )
    elif which is Limit.API_KEYS:
        statement = select(func.count(ApiKey.id)).where(
            ApiKey.organization_id == organization_id, ApiKey.revoked_at.is_(None)
        )
    else:
        raise ValueError(f"{which} is not counted")
    return (await session.scalar(statement)) or 0


async def require_within(
    session: AsyncSession,
    principal: Principal,
    which: Limit,
    *,
    field: Sequence[str],
    usage: int | None = None,
    adding: int = 1,
) -> None:
    """Refuse (PLAN_LIMIT_REACHED, naming `field`) if `adding` more would pass the plan's
    limit. `usage`: what the organization has now, if the caller knows it."""
    limit = principal.standing.entitlements.limit(which)
    if limit is None:
        return
    if usage is None:
        usage = await usage_of(session, principal.organization_id, which)
    if usage + adding > limit:
        raise PlanLimitReached(
            which, plan=principal.standing.plan, limit=limit, usage=usage, field=field
        )
