"""Fan-out: in the event's own transaction, one delivery per subscribed, enabled endpoint
of the organization. The sweeper (webhooks/) sends them after commit."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.webhooks.catalog import subscribes
from services.webhooks.models import WebhookDelivery, WebhookEndpoint


def entity_key(entity_type: str, entity_id: str) -> str:
    return f"{entity_type}:{entity_id}"


async def fan_out(
    session: AsyncSession,
    *,
    organization_id: int,
    event_position: int,
    event_id: str,
    event_type: str,
    entity: str,
) -> list[WebhookDelivery]:
    endpoints = await session.scalars(
        select(WebhookEndpoint).where(
            WebhookEndpoint.organization_id == organization_id,
            WebhookEndpoint.enabled.is_(True),
        )
    )
    now = utcnow()
    deliveries = [
        WebhookDelivery(
            organization_id=organization_id,
            endpoint_id=endpoint.id,
            event_position=event_position,
            event_id=event_id,
            event_type=event_type,
            entity_key=entity,
            next_attempt_at=now,
            created_at=now,
        )
        for endpoint in endpoints
        if subscribes(endpoint.event_types, event_type)
    ]
    session.add_all(deliveries)
    return deliveries
