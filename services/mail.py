"""Outgoing email as an outbox: a message is a row written in the caller's transaction,
so an invitation is never sent for a change that rolled back, nor lost if sending fails.
The server's mail dispatcher sends pending rows (SMTP, or the log in embedded mode).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, select
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
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)


def queue_email(
    session: AsyncSession, *, organization_id: int | None, to: str, subject: str, body: str
) -> OutboundEmail:
    message = OutboundEmail(
        organization_id=organization_id, to_address=to, subject=subject, body=body
    )
    session.add(message)
    return message


async def pending_emails(session: AsyncSession, *, limit: int = 50) -> list[OutboundEmail]:
    statement = (
        select(OutboundEmail)
        .where(OutboundEmail.sent_at.is_(None), OutboundEmail.attempts < MAX_ATTEMPTS)
        .order_by(OutboundEmail.id)
        .limit(limit)
    )
    return list((await session.scalars(statement)).all())


MAX_ATTEMPTS = 10
TOKEN_REMOVED = "[removed once sent]"


def record_attempt(message: OutboundEmail, error: str | None) -> None:
    """Once a message is sent (or given up on), the one-time tokens in its body are
    removed: the row stays as a record of what was sent, without a credential in it."""
    message.attempts += 1
    if error is None:
        message.sent_at = utcnow()
    else:
        message.last_error = error[:2000]
    if message.sent_at is not None or message.attempts >= MAX_ATTEMPTS:
        message.body = EMAILED_TOKEN.sub(lambda m: m.group(1) + TOKEN_REMOVED, message.body)
