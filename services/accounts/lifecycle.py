"""The emails of a new organization's first week: welcome at once, the first batch on day
3, webhooks on day 7. Queued at sign-up into the outbox, each with the time it is due:
the dispatcher (or, with Redis, the workers' send_email) sends each once it is due, never
from a request, and a restart loses none of them (they are rows, not timers)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from services import mail
from services.accounts.models import Organization, User

FIRST_WEEK = (
    ("welcome", timedelta(0)),
    ("first_batch", timedelta(days=3)),
    ("webhooks", timedelta(days=7)),
)


def queue_first_week(
    session: AsyncSession, user: User, organization: Organization, *, at: datetime
) -> list[mail.OutboundEmail]:
    queued = []
    for template, after in FIRST_WEEK:
        message = mail.queue_template(
            session,
            organization_id=organization.id,
            to=user.email,
            template=template,
            name=user.name,
            email=user.email,
            organization=organization.name,
            start_url=None,
        )
        if after:
            message.next_attempt_at = at + after
        queued.append(message)
    return queued
