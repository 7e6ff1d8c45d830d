"""Fan-out: in the event's own transaction, one delivery per subscribed, enabled endpoint
of the organization. The sweeper (webhooks/) sends them after commit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Exists, and_, bindparam, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.webhooks.catalog import subscribes
from services.webhooks.heads import NewDelivery, add_deliveries
from services.webhooks.models import WebhookEndpoint

if TYPE_CHECKING:
    # The event log imports this module (it fans out what it appends).
    from services.events import Event


def _enabled_endpoints_of(organization_id: ColumnElement[int]) -> ColumnElement[bool]:
    return and_(
        WebhookEndpoint.organization_id == organization_id, WebhookEndpoint.enabled.is_(True)
    )


# Only the two columns the fan-out reads, as plain rows: this runs for every event, and an
# endpoint object would also load (and track) its secrets and settings. Built once, at
# import, for the same reason.
_SUBSCRIBERS = select(WebhookEndpoint.id, WebhookEndpoint.event_types).where(
    _enabled_endpoints_of(bindparam("organization_id"))
)


def has_endpoints(organization_id: ColumnElement[int]) -> Exists:
    """Whether the organization has an enabled endpoint at all. The event log asks it in
    the statement that writes the event, and fans out only when it does, so an event of an
    organization without webhooks (most of them) costs no query here."""
    return exists().where(_enabled_endpoints_of(organization_id))


def entity_key(entity_type: str, entity_id: str) -> str:
    return f"{entity_type}:{entity_id}"


async def fan_out(
    session: AsyncSession, *, organization_id: int, events: Sequence[Event]
) -> list[int]:
    """One delivery per event and subscribed endpoint, in two statements whatever their
    number; returns their ids."""
    endpoints = (await session.execute(_SUBSCRIBERS, {"organization_id": organization_id})).all()
    rows = [
        NewDelivery(
            organization_id=organization_id,
            endpoint_id=endpoint_id,
            event_position=event.position,
            event_id=event.id,
            event_type=event.type,
            entity_key=entity_key(event.entity_type, event.entity_id),
        )
        for event in events
        for endpoint_id, event_types in endpoints
        if subscribes(event_types, event.type)
    ]
    return await add_deliveries(session, rows, now=utcnow())
