"""The event log: the one way a domain change is announced. `append_event` writes the
event in the caller's transaction, so there is no event without its change and no change
without its event. Webhook delivery (webhooks/) reads this log after commit.

Each event names the entity it is about and carries that entity's sequence number (1, 2,
3, ... per entity), so a consumer can spot a gap or an out-of-order delivery. Writers of
one entity are serialised by the domain's own row locks, and a unique constraint refuses
a duplicate sequence rather than let it pass.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from services.db import Base, IdType, UTCDateTime, utcnow

API_VERSION = "2026-11"


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("organization_id", "entity_type", "entity_id", "sequence"),
        Index("ix_events_org_position", "organization_id", "position"),
        Index("ix_events_org_type_position", "organization_id", "type", "position"),
    )

    # Position in the log: increasing in commit-independent insert order, used as cursor.
    position: Mapped[int] = mapped_column(IdType, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    organization_id: Mapped[int] = mapped_column(
        IdType, ForeignKey("organizations.id", ondelete="CASCADE")
    )
    type: Mapped[str] = mapped_column(String(80))
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(100))
    sequence: Mapped[int]
    api_version: Mapped[str] = mapped_column(String(20))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def new_event_id() -> str:
    return "evt_" + uuid.uuid4().hex


async def append_event(
    session: AsyncSession,
    *,
    organization_id: int,
    type: str,
    entity_type: str,
    entity_id: str,
    payload: dict[str, Any],
) -> Event:
    """Append one event; `entity_id` is the entity's public (global) ID."""
    last = await session.scalar(
        select(func.max(Event.sequence)).where(
            Event.organization_id == organization_id,
            Event.entity_type == entity_type,
            Event.entity_id == entity_id,
        )
    )
    event = Event(
        id=new_event_id(),
        organization_id=organization_id,
        type=type,
        entity_type=entity_type,
        entity_id=entity_id,
        sequence=(last or 0) + 1,
        api_version=API_VERSION,
        payload=payload,
        created_at=utcnow(),
    )
    session.add(event)
    await session.flush()
    return event
