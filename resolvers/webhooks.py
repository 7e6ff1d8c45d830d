"""Webhooks and the event log: GraphQL input -> services.webhooks / services.events ->
GraphQL types."""

from __future__ import annotations

from dataclasses import replace

import strawberry

from resolvers.common import connection, mutation, page_request
from resolvers.context import Info
from resolvers.ids import decode_id, to_global_id
from schema import webhooks as gql
from schema.scalars import UnsignedInt64
from services import events
from services.error_codes import ErrorCode
from services.errors import UserInputError
from services.pagination import PageRequest
from services.webhooks import catalog, deliveries, endpoints
from services.webhooks.secrets import SecretBox

REPLAY_SHOWN = 50


def _endpoint_key(value: strawberry.ID, field: str = "id") -> int:
    return decode_id(value, "WebhookEndpoint", (field,))


def _box(info: Info) -> SecretBox:
    box = info.context.secret_box
    assert box is not None, "the server gives every request the secret box"
    return box


def events_page(
    first: int | None, after: str | None, last: int | None, before: str | None, position: int | None
) -> PageRequest:
    """The page, resuming after a cursor or, as a consumer that kept it would, a position."""
    request = page_request(first, after, last, before)
    if position is None:
        return request
    if request.after is not None:
        raise UserInputError(
            ErrorCode.INVALID_PAGINATION,
            "Pass either after or afterPosition, not both.",
            ("after",),
        )
    return replace(request, after=position)


def event_filter(
    types: list[str] | None, entity_type: str | None, entity_id: str | None
) -> events.EventFilter:
    return events.EventFilter(
        types=tuple(types or ()), entity_type=entity_type, entity_id=entity_id
    )


def delivery_filter(
    endpoint_id: strawberry.ID | None,
    status: gql.WebhookDeliveryStatus | None,
    event_type: str | None,
) -> deliveries.DeliveryFilter:
    return deliveries.DeliveryFilter(
        endpoint_id=_endpoint_key(endpoint_id, "endpoint_id") if endpoint_id else None,
        status=status.name if status else None,
        event_type=event_type,
    )


@strawberry.type
class WebhooksQuery:
    @strawberry.field(description="The organization's webhook endpoints, oldest first.")
    async def webhook_endpoints(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.WebhookEndpointConnection:
        request = page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await endpoints.list_endpoints(session, info.context.principal, page=request)
        return connection(page, gql.WebhookEndpoint.from_row)

    @strawberry.field(description="Deliveries, oldest first (`last: n` gives the latest).")
    async def webhook_deliveries(
        self,
        info: Info,
        endpoint_id: strawberry.ID | None = None,
        status: gql.WebhookDeliveryStatus | None = None,
        event_type: str | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.WebhookDeliveryConnection:
        filters = delivery_filter(endpoint_id, status, event_type)
        request = page_request(first, after, last, before)
        async with info.context.reading() as session:
            page = await deliveries.list_deliveries(
                session, info.context.principal, filters=filters, page=request
            )
        return connection(page, gql.WebhookDelivery.from_row)

    @strawberry.field(description="Every event type an endpoint can subscribe to.")
    def webhook_event_types(self, info: Info) -> list[gql.WebhookEventType]:
        found = catalog.list_event_types(info.context.principal)
        return [gql.WebhookEventType.from_catalog(event_type) for event_type in found]

    @strawberry.field(
        description=(
            "The event log in order, for reconciliation: resume after the last event seen "
            "with `after` (a cursor) or `afterPosition`. `types` takes exact types and "
            "prefix wildcards (inventory.*)."
        )
    )
    async def events(
        self,
        info: Info,
        types: list[str] | None = None,
        entity_type: str | None = None,
        entity_id: strawberry.ID | None = None,
        after_position: UnsignedInt64 | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> gql.EventConnection:
        request = events_page(first, after, last, before, after_position)
        filters = event_filter(types, entity_type, entity_id)
        async with info.context.reading() as session:
            page = await events.list_events(
                session, info.context.principal, filters=filters, page=request
            )
        return connection(page, gql.Event.from_row)


@strawberry.type
class WebhooksMutation:
    @strawberry.mutation(
        description="Add an endpoint; the payload carries its signing secret, shown once."
    )
    @mutation(gql.CreateWebhookEndpointPayload)
    async def create_webhook_endpoint(
        self, info: Info, input: gql.CreateWebhookEndpointInput
    ) -> gql.CreateWebhookEndpointPayload:
        async with info.context.writing() as session:
            created = await endpoints.create_endpoint(
                session,
                info.context.principal,
                url=input.url,
                event_types=input.event_types,
                description=input.description,
                policy=info.context.webhook_policy,
                box=_box(info),
            )
            node = gql.WebhookEndpoint.from_row(created.endpoint)
        return gql.CreateWebhookEndpointPayload(webhook_endpoint=node, secret=created.secret)

    @strawberry.mutation(description="Change an endpoint; only the given fields change.")
    @mutation(gql.UpdateWebhookEndpointPayload)
    async def update_webhook_endpoint(
        self, info: Info, input: gql.UpdateWebhookEndpointInput
    ) -> gql.UpdateWebhookEndpointPayload:
        key = _endpoint_key(input.id)
        given = {k: v for k, v in vars(input).items() if v is not strawberry.UNSET and k != "id"}
        async with info.context.writing() as session:
            endpoint = await endpoints.update_endpoint(
                session,
                info.context.principal,
                endpoint_id=key,
                url=given.get("url"),
                event_types=given.get("event_types"),
                description=given.get("description"),
                clear_description="description" in given and given["description"] is None,
                enabled=given.get("enabled"),
                policy=info.context.webhook_policy,
            )
            node = gql.WebhookEndpoint.from_row(endpoint)
        return gql.UpdateWebhookEndpointPayload(webhook_endpoint=node)

    @strawberry.mutation(description="Delete an endpoint with its delivery log.")
    @mutation(gql.DeleteWebhookEndpointPayload)
    async def delete_webhook_endpoint(
        self, info: Info, input: gql.DeleteWebhookEndpointInput
    ) -> gql.DeleteWebhookEndpointPayload:
        key = _endpoint_key(input.id)
        async with info.context.writing() as session:
            await endpoints.delete_endpoint(session, info.context.principal, endpoint_id=key)
        return gql.DeleteWebhookEndpointPayload(
            deleted_webhook_endpoint_id=strawberry.ID(to_global_id("WebhookEndpoint", key))
        )

    @strawberry.mutation(
        description=(
            "A new signing secret, shown once; the previous one keeps signing for 24 hours "
            "so receivers can switch without losing deliveries."
        )
    )
    @mutation(gql.RotateWebhookSecretPayload)
    async def rotate_webhook_secret(
        self, info: Info, input: gql.RotateWebhookSecretInput
    ) -> gql.RotateWebhookSecretPayload:
        key = _endpoint_key(input.id)
        async with info.context.writing() as session:
            rotated = await endpoints.rotate_secret(
                session, info.context.principal, endpoint_id=key, box=_box(info)
            )
            node = gql.WebhookEndpoint.from_row(rotated.endpoint)
        return gql.RotateWebhookSecretPayload(webhook_endpoint=node, secret=rotated.secret)

    @strawberry.mutation(description="Send a webhook.test event to this endpoint only.")
    @mutation(gql.SendTestWebhookPayload)
    async def send_test_webhook(
        self, info: Info, input: gql.SendTestWebhookInput
    ) -> gql.SendTestWebhookPayload:
        key = _endpoint_key(input.id)
        async with info.context.writing() as session:
            delivery = await deliveries.send_test(session, info.context.principal, endpoint_id=key)
            node = gql.WebhookDelivery.from_row(delivery)
        return gql.SendTestWebhookPayload(delivery=node)

    @strawberry.mutation(description="Send a delivery's event again, as a new delivery.")
    @mutation(gql.RedeliverWebhookPayload)
    async def redeliver_webhook(
        self, info: Info, input: gql.RedeliverWebhookInput
    ) -> gql.RedeliverWebhookPayload:
        key = decode_id(input.id, "WebhookDelivery")
        async with info.context.writing() as session:
            delivery = await deliveries.redeliver(session, info.context.principal, delivery_id=key)
            node = gql.WebhookDelivery.from_row(delivery)
        return gql.RedeliverWebhookPayload(delivery=node)

    @strawberry.mutation(
        description=(
            "After an outage: deliver again every subscribed event created in "
            "[since, until), in log order."
        )
    )
    @mutation(gql.ReplayWebhookEventsPayload)
    async def replay_webhook_events(
        self, info: Info, input: gql.ReplayWebhookEventsInput
    ) -> gql.ReplayWebhookEventsPayload:
        key = _endpoint_key(input.endpoint_id, "endpoint_id")
        async with info.context.writing() as session:
            created = await deliveries.replay(
                session,
                info.context.principal,
                endpoint_id=key,
                since=input.since,
                until=input.until,
            )
            shown = [gql.WebhookDelivery.from_row(found) for found in created[:REPLAY_SHOWN]]
        return gql.ReplayWebhookEventsPayload(delivery_count=len(created), deliveries=shown)
