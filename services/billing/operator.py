"""What an operator of the service does to an organization's billing by hand (the
`batchtrack billing` commands, never the public API): exempt it from restriction (partners,
internal accounts), suspend it (abuse, a customer's request) and reinstate it. Each is
recorded as `subscription.updated`, like every other change of the account."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.accounts.models import Organization
from services.billing.accounts import account_for, record_changes, watched
from services.billing.models import BillingAccount
from services.billing.standing import BillingPolicy
from services.db import utcnow

REASON_MAX_LENGTH = 500


class UnknownOrganization(LookupError):
    pass


async def _account(session: AsyncSession, organization_id: int) -> BillingAccount:
    found = await session.scalar(select(Organization.id).where(Organization.id == organization_id))
    if found is None:
        raise UnknownOrganization(organization_id)
    return await account_for(session, organization_id)


async def set_exempt(
    session: AsyncSession, organization_id: int, exempt: bool, policy: BillingPolicy
) -> list[str]:
    """Exempt (never restricted, whatever Stripe reports) or not; the changed fields."""
    account = await _account(session, organization_id)
    before = watched(account)
    account.exempt = exempt
    return await record_changes(session, account, before, policy)


async def suspend(
    session: AsyncSession, organization_id: int, reason: str, policy: BillingPolicy
) -> list[str]:
    """Restrict the organization until reinstated (reads keep working, nothing is
    deleted). Suspending a suspended organization keeps its first date."""
    account = await _account(session, organization_id)
    before = watched(account)
    if account.suspended_at is None:
        account.suspended_at = utcnow()
    account.suspension_reason = reason.strip()[:REASON_MAX_LENGTH] or None
    return await record_changes(session, account, before, policy)


async def reinstate(
    session: AsyncSession, organization_id: int, policy: BillingPolicy
) -> list[str]:
    account = await _account(session, organization_id)
    before = watched(account)
    account.suspended_at = None
    account.suspension_reason = None
    return await record_changes(session, account, before, policy)
