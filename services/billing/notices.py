"""Billing emails to an organization's owners, queued in the caller's transaction (the
mail outbox), so a notice exists exactly when its change does."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from services import mail
from services.accounts.models import Organization
from services.billing.accounts import owner_emails
from services.billing.models import BillingAccount


def _day(value: datetime | None) -> str | None:
    return value.strftime("%d %B %Y") if value else None


async def _tell_owners(
    session: AsyncSession, account: BillingAccount, template: str, **values: Any
) -> None:
    organization = await session.get_one(Organization, account.organization_id)
    for email in await owner_emails(session, account.organization_id):
        mail.queue_template(
            session,
            organization_id=account.organization_id,
            to=email,
            template=template,
            organization=organization.name,
            **values,
        )


async def payment_failed(session: AsyncSession, account: BillingAccount, *, pay_url: str) -> None:
    await _tell_owners(
        session,
        account,
        "payment_failed",
        pay_url=pay_url,
        grace_ends_at=_day(account.grace_ends_at),
    )


async def subscription_canceled(
    session: AsyncSession, account: BillingAccount, *, return_url: str
) -> None:
    ends = account.current_period_end if account.cancel_at_period_end else None
    await _tell_owners(
        session, account, "subscription_canceled", resume_url=return_url, ends_at=_day(ends)
    )
