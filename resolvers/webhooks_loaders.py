"""Per-request DataLoaders of the webhook domain: a page of deliveries with their
endpoints, attempts and events costs one lookup per level, not one per delivery."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.dataloader import DataLoader

from resolvers.common import request_loader
from resolvers.context import Context, Info
from services import events
from services.events import Event
from services.webhooks import deliveries, endpoints
from services.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint


async def _endpoints(context: Context, keys: Sequence[int]) -> list[WebhookEndpoint | None]:
    async with context.reading() as session:
        found = await endpoints.endpoints_by_id(session, context.principal, keys)
    return [found.get(key) for key in keys]


async def _attempts(context: Context, keys: Sequence[int]) -> list[list[WebhookAttempt]]:
    async with context.reading() as session:
        found = await deliveries.attempts_of(session, context.principal, keys)
    return [found.get(key, []) for key in keys]


async def _deliveries(context: Context, keys: Sequence[int]) -> list[WebhookDelivery | None]:
    async with context.reading() as session:
        found = await deliveries.deliveries_by_id(session, context.principal, keys)
    return [found.get(key) for key in keys]


async def _events(context: Context, keys: Sequence[int]) -> list[Event | None]:
    async with context.reading() as session:
        found = await events.get_events(session, context.principal, keys)
    return [found.get(key) for key in keys]


def endpoint_by_id(info: Info) -> DataLoader[int, WebhookEndpoint | None]:
    return request_loader(info, "WebhookEndpointByIdLoader", _endpoints)


def attempts_by_delivery(info: Info) -> DataLoader[int, list[WebhookAttempt]]:
    return request_loader(info, "WebhookAttemptsByDeliveryLoader", _attempts)


def event_by_position(info: Info) -> DataLoader[int, Event | None]:
    return request_loader(info, "EventByPositionLoader", _events)


def delivery_by_id(info: Info) -> DataLoader[int, WebhookDelivery | None]:
    return request_loader(info, "WebhookDeliveryByIdLoader", _deliveries)
