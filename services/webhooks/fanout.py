"""Fan-out: in the event's own transaction, one delivery per subscribed, enabled endpoint
of the organization. The sweeper (webhooks/) sends them after commit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ColumnElement, ScalarSelect, and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import utcnow
from services.webhooks.catalog import subscribes
from services.webhooks.heads import NewDelivery, add_deliveries
from services.webhooks.models import WebhookEndpoint

if TYPE_CHECKING:
    # The event log imports this module (it fans out what it appends).
    from services.events import Event

# An enabled endpoint of the organization: its id and the event types it subscribes to.
Subscriber = tuple[int, list[str]]


def subscribers(organization_id: ColumnElement[int], dialect: str) -> ScalarSelect[Any]:
    """The organization's enabled endpoints as one JSON value, [[id, event_types], ...]
    (null, or [] on SQLite, when it has none). The event log reads it in the statement
    that writes the event, so the fan-out costs no query of its own (and none at all for
    an organization without webhooks, most of them), and reads it afresh with every
    event: an endpoint created, changed or disabled, even earlier in the same
    transaction, counts for the next event, in every process, with no cache to
    invalidate."""
    endpoint = WebhookEndpoint.__table__.c
    aggregate = (
        func.json_agg(func.json_build_array(endpoint.id, endpoint.event_types), type_=JSON)
        if dialect == "postgresql"
        else func.json_group_array(
            func.json_array(endpoint.id, func.json(endpoint.event_types)), type_=JSON
        )
    )
    return (
        select(aggregate)
        .where(and_(endpoint.organization_id == organization_id, endpoint.enabled.is_(True)))
        .scalar_subquery()
    )


def entity_key(entity_type: str, entity_id: str) -> str:
    return f"{entity_type}:{entity_id}"


async def fan_out(
    session: AsyncSession,
    *,
    organization_id: int,
    events: Sequence[Event],
    endpoints: Sequence[Subscriber],
) -> list[int]:
    """One delivery per event and subscribed endpoint (`endpoints`, as `subscribers`
    read them in the events' own statement), in one statement on PostgreSQL whatever
    their number; returns their ids."""
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
