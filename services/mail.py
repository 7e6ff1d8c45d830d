"""Outgoing email as an outbox: a message is a row written in the caller's transaction,
so an invitation is never sent for a change that rolled back, nor lost if sending fails.
The server's mail dispatcher sends pending rows (SMTP, or the log in embedded mode).

Messages are rendered from templates (services/email_templates/: a subject, a plain-text
part and an HTML part per message) when they are queued, so what is sent is what was
decided in the transaction, whatever later changes to a template.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlalchemy import ColumnElement, ForeignKey, String, Text, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from services.accounts.secrets import EMAILED_TOKEN
from services.db import Base, IdMixin, IdType, TimestampMixin, UTCDateTime, utcnow


class OutboundEmail(IdMixin, TimestampMixin, Base):
    __tablename__ = "outbound_emails"

    organization_id: Mapped[int | None] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    # The HTML part (None: plain text only).
    html_body: Mapped[str | None] = mapped_column(Text, default=None)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    # Not before then: the next try after a failure (backoff), or the end of a sender's
    # claim. None: due now.
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)


TEMPLATES = Path(__file__).with_name("email_templates")
TEMPLATE_NAMES = (
    "welcome",
    "first_batch",
    "webhooks",
    "email_verification",
    "password_reset",
    "invitation",
    "payment_failed",
    "endpoint_disabled",
    "subscription_canceled",
)
# HTML parts escape what they are given; plain-text parts and subjects do not. A value a
# template does not receive is an error, never an empty string in a sent email.
_ENVIRONMENT = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(enabled_extensions=("html",), default=False),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


# The session.info key under which a transaction notes that it queued mail (read after
# its commit, services/db.py `CommitListener`, so the outbox is looked at only then).
_QUEUED = "mail.queued"


def mail_queued(info: dict[str, object]) -> bool:
    """Whether a committed transaction queued mail (from its session's info)."""
    return bool(info.get(_QUEUED))


def queue_email(
    session: AsyncSession,
    *,
    organization_id: int | None,
    to: str,
    subject: str,
    body: str,
    html_body: str | None = None,
) -> OutboundEmail:
    message = OutboundEmail(
        organization_id=organization_id,
        to_address=to,
        subject=subject,
        body=body,
        html_body=html_body,
    )
    session.add(message)
    session.info[_QUEUED] = True
    return message


def render(template: str, **values: Any) -> tuple[str, str, str]:
    """The subject, plain-text part and HTML part of a template with these values."""
    if template not in TEMPLATE_NAMES:
        raise ValueError(f"no email template {template!r}")
    subject = _ENVIRONMENT.get_template(f"{template}.subject.txt").render(values)
    text = _ENVIRONMENT.get_template(f"{template}.txt").render(values)
    html = _ENVIRONMENT.get_template(f"{template}.html").render(values)
    return " ".join(subject.split()), text, html


def queue_template(
    session: AsyncSession, *, organization_id: int | None, to: str, template: str, **values: Any
) -> OutboundEmail:
    subject, text, html = render(template, **values)
    return queue_email(
        session,
        organization_id=organization_id,
        to=to,
        subject=subject,
        body=text,
        html_body=html,
    )


MAX_ATTEMPTS = 10
# After the nth failed attempt, wait RETRY_DELAYS[n - 1] (the last one from then on):
# about two days from the first try to the tenth.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=6),
    timedelta(hours=12),
)
# How long a sender holds a message it is sending; past it, another may try.
CLAIM = timedelta(minutes=2)


def _due(now: datetime) -> ColumnElement[bool]:
    return and_(
        OutboundEmail.sent_at.is_(None),
        OutboundEmail.attempts < MAX_ATTEMPTS,
        or_(OutboundEmail.next_attempt_at.is_(None), OutboundEmail.next_attempt_at <= now),
    )


async def pending_emails(
    session: AsyncSession, *, limit: int = 50, now: datetime | None = None
) -> list[OutboundEmail]:
    """Messages due for sending, oldest first."""
    statement = (
        select(OutboundEmail).where(_due(now or utcnow())).order_by(OutboundEmail.id).limit(limit)
    )
    return list((await session.scalars(statement)).all())


async def claim(session: AsyncSession, message_id: int, *, now: datetime | None = None) -> bool:
    """Take a due message for sending (for CLAIM): False if it is not due or another
    sender has it, so two senders never send one message at once."""
    now = now or utcnow()
    taken = await session.execute(
        update(OutboundEmail)
        .where(OutboundEmail.id == message_id, _due(now))
        .values(next_attempt_at=now + CLAIM)
        .execution_options(synchronize_session=False)
    )
    return bool(getattr(taken, "rowcount", 0))


TOKEN_REMOVED = "[removed once sent]"


def record_attempt(
    message: OutboundEmail, error: str | None, *, now: datetime | None = None
) -> None:
    """Once a message is sent (or given up on), the one-time tokens in its parts are
    removed: the row stays as a record of what was sent, without a credential in it."""
    now = now or utcnow()
    message.attempts += 1
    if error is None:
        message.sent_at = now
        message.next_attempt_at = None
    else:
        message.last_error = error[:2000]
        delay = RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
        message.next_attempt_at = now + delay
    if message.sent_at is not None or message.attempts >= MAX_ATTEMPTS:
        message.body = _without_tokens(message.body)
        if message.html_body is not None:
            message.html_body = _without_tokens(message.html_body)


def _without_tokens(text: str) -> str:
    return EMAILED_TOKEN.sub(lambda m: m.group(1) + TOKEN_REMOVED, text)
