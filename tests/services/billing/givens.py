"""Givens for the billing tests: an organization put on a plan (its billing account as
Stripe's events would leave it), principals worked out under a configured billing
policy, and a clock the test moves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from services.accounts import service
from services.billing.models import BillingAccount, SubscriptionStatus
from services.billing.standing import BillingPolicy
from services.db import unit_of_work
from services.permissions import Principal
from tests.services.accounts.givens import Sessions


@dataclass
class MovableClock:
    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, by: timedelta) -> None:
        self.now += by


def billed(clock: MovableClock | None = None, grace_days: int = 7) -> BillingPolicy:
    return BillingPolicy(
        configured=True, grace=timedelta(days=grace_days), clock=clock or MovableClock()
    )


async def on_plan(
    sessions: Sessions,
    organization_id: int,
    plan: str,
    *,
    status: SubscriptionStatus = SubscriptionStatus.ACTIVE,
    **values: Any,
) -> None:
    """The organization's billing account as it would be after Stripe's events."""
    async with unit_of_work(sessions) as session:
        account = await session.get(BillingAccount, organization_id)
        if account is None:
            account = BillingAccount(organization_id=organization_id, add_ons={})
            session.add(account)
        account.plan = plan
        account.status = status.value
        account.cancel_at_period_end = False
        account.exempt = values.pop("exempt", False)
        for key, value in values.items():
            setattr(account, key, value)


async def principal_under(sessions: Sessions, token: str, policy: BillingPolicy) -> Principal:
    """The principal a request with `token` acts as on a server with billing configured."""
    async with unit_of_work(sessions, write=False) as session:
        return (await service.authenticate(session, token, policy)).principal
