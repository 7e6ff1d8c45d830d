"""Webhook and event-log types: endpoints, deliveries and their attempts, the event log
and the catalog of event types, with the inputs and payloads of their mutations.

An endpoint's signing secret is never a field of the endpoint: it is returned once, by
createWebhookEndpoint and rotateWebhookSecret.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from resolvers import webhooks_loaders as loaders
from resolvers.context import Info
from schema.errors import WebhookUserError
from schema.relay import Connection, Node
from schema.row_fields import (
    Env,
    ValueField,
    column,
    enum_column,
    global_id,
    optional_enum_column,
)
from schema.scalars import JSON, UnsignedInt64
from services.db import utcnow
from services.events import Event as EventRow
from services.webhooks import endpoints, models
from services.webhooks.catalog import EventType


@strawberry.enum(description="Why an endpoint receives nothing.")
class WebhookEndpointDisabledReason(Enum):
    BY_USER = strawberry.enum_value("BY_USER", description="Disabled with updateWebhookEndpoint.")
    GONE = strawberry.enum_value("GONE", description="The endpoint answered 410 Gone.")
    FAILING = strawberry.enum_value(
        "FAILING", description="Every delivery failed for days; the owners were emailed."
    )


@strawberry.enum
class WebhookDeliveryStatus(Enum):
    PENDING = strawberry.enum_value(
        "PENDING", description="Not delivered yet; retried on schedule."
    )
    SUCCEEDED = strawberry.enum_value("SUCCEEDED", description="The endpoint answered 2xx.")
    FAILED = strawberry.enum_value(
        "FAILED", description="Out of retries, or the endpoint is gone (410)."
    )
    REDELIVERED = strawberry.enum_value(
        "REDELIVERED",
        description=(
            "Delivered by a redelivery (redeliverWebhook) of the same event, which succeeded "
            "(redeliveredBy); this delivery's own retries stopped."
        ),
    )


@strawberry.enum(description="What one attempt led to.")
class WebhookAttemptOutcome(Enum):
    SUCCEEDED = "SUCCEEDED"
    RETRY = strawberry.enum_value("RETRY", description="Failed; another attempt is scheduled.")
    FAILED = strawberry.enum_value("FAILED", description="Failed, and it was the last attempt.")
    GONE = strawberry.enum_value("GONE", description="The endpoint answered 410 Gone.")
    STALE = strawberry.enum_value(
        "STALE", description="Reported after another attempt had finished the delivery."
    )


@strawberry.type(
    description=(
        "An HTTPS URL that receives the events it subscribes to, signed with the Standard "
        "Webhooks scheme. The signing secret is shown only at creation and rotation."
    )
)
class WebhookEndpoint(Node):
    url: str
    description: str | None
    event_types: list[str] = strawberry.field(
        description="Exact types and prefix wildcards (inventory.*) it subscribes to."
    )
    enabled: bool
    disabled_reason: WebhookEndpointDisabledReason | None
    created_at: datetime
    updated_at: datetime
    failing_since: datetime | None = strawberry.field(
        description="The first failed attempt since the last success; null when healthy."
    )
    secret_rotated_until: datetime | None = strawberry.field(
        description=(
            "After rotateWebhookSecret, deliveries are also signed with the previous secret "
            "until this time; null when no previous secret is in use."
        )
    )
    key: strawberry.Private[int]

    @classmethod
    def from_row(cls, endpoint: models.WebhookEndpoint) -> WebhookEndpoint:
        values = {name: f.value(endpoint, NO_ENV) for name, f in WEBHOOK_ENDPOINT_FIELDS.items()}
        return cls(**values, key=endpoint.id)


@strawberry.type(description="One try to send a delivery. Immutable.")
class WebhookAttempt:
    attempted_at: datetime
    duration_ms: int
    status_code: int | None = strawberry.field(description="Null when no response came.")
    response_body: str | None = strawberry.field(description="The first 2 KiB of the answer.")
    error: str | None = strawberry.field(description="Why no usable response came.")
    outcome: WebhookAttemptOutcome

    @classmethod
    def from_row(cls, attempt: models.WebhookAttempt) -> WebhookAttempt:
        return cls(**{name: f.value(attempt, NO_ENV) for name, f in WEBHOOK_ATTEMPT_FIELDS.items()})


@strawberry.type(
    description=(
        "One event on its way to one endpoint, retried until it succeeds or runs out of "
        "attempts. Deliveries of one entity to one endpoint go in the event log's order."
    )
)
class WebhookDelivery(Node):
    event_id: str = strawberry.field(description="The event's id (evt_...), also webhook-id.")
    event_type: str
    status: WebhookDeliveryStatus
    attempt_count: int
    next_attempt_at: datetime | None = strawberry.field(description="Null once finished.")
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    completed_at: datetime | None = strawberry.field(
        description="When it succeeded, failed for good or was redelivered; null while pending."
    )
    key: strawberry.Private[int]
    endpoint_key: strawberry.Private[int]
    event_position: strawberry.Private[int]
    redelivery_of_key: strawberry.Private[int | None]
    redelivered_by_key: strawberry.Private[int | None]

    @classmethod
    def from_row(cls, delivery: models.WebhookDelivery) -> WebhookDelivery:
        return cls(
            **{name: f.value(delivery, NO_ENV) for name, f in WEBHOOK_DELIVERY_FIELDS.items()},
            key=delivery.id,
            endpoint_key=delivery.endpoint_id,
            event_position=delivery.event_position,
            redelivery_of_key=delivery.redelivery_of_id,
            redelivered_by_key=delivery.redelivered_by_id,
        )

    @strawberry.field(
        description="The delivery this one sends again, when redeliverWebhook made it."
    )
    async def redelivery_of(self, info: Info) -> WebhookDelivery | None:
        return await _delivery(info, self.redelivery_of_key)

    @strawberry.field(
        description="When REDELIVERED: the redelivery that reached the endpoint for it."
    )
    async def redelivered_by(self, info: Info) -> WebhookDelivery | None:
        return await _delivery(info, self.redelivered_by_key)

    @strawberry.field
    async def endpoint(self, info: Info) -> WebhookEndpoint:
        found = await loaders.endpoint_by_id(info).load(self.endpoint_key)
        assert found is not None, "a delivery's endpoint is in the same organization"
        return WebhookEndpoint.from_row(found)

    @strawberry.field(description="Every attempt so far, oldest first.")
    async def attempts(self, info: Info) -> list[WebhookAttempt]:
        found = await loaders.attempts_by_delivery(info).load(self.key)
        return [WebhookAttempt.from_row(attempt) for attempt in found]

    @strawberry.field(description="The event delivered (needs the events.read permission).")
    async def event(self, info: Info) -> Event | None:
        found = await loaders.event_by_position(info).load(self.event_position)
        return None if found is None else Event.from_row(found)


async def _delivery(info: Info, key: int | None) -> WebhookDelivery | None:
    found = None if key is None else await loaders.delivery_by_id(info).load(key)
    return None if found is None else WebhookDelivery.from_row(found)


@strawberry.type(
    description=(
        "One entry of the organization's event log: what a webhook delivers, kept for "
        "reconciliation. `sequence` numbers the events of one entity 1, 2, 3..."
    )
)
class Event(Node):
    event_id: str = strawberry.field(
        description="evt_...: the webhook body's id and its webhook-id header."
    )
    type: str
    entity_type: str = strawberry.field(description="The GraphQL type of the entity.")
    entity_id: strawberry.ID = strawberry.field(description="The entity's global ID.")
    sequence: int = strawberry.field(
        description="1, 2, 3... per entity: a gap or a step back means a missed or late event."
    )
    api_version: str
    created_at: datetime
    position: UnsignedInt64 = strawberry.field(
        description="The event's place in the log (increasing); `events(afterPosition:)`."
    )
    data: JSON = strawberry.field(
        description="The payload, as in the webhook body; its schema is in webhookEventTypes."
    )
    organization_id: strawberry.ID

    @classmethod
    def from_row(cls, event: EventRow) -> Event:
        return cls(**{name: f.value(event, NO_ENV) for name, f in EVENT_FIELDS.items()})


@strawberry.type(description="An event type an endpoint can subscribe to, with its data shape.")
class WebhookEventType:
    name: str
    description: str
    data_schema: JSON = strawberry.field(description="JSON Schema (2020-12) of the event's `data`.")
    example: JSON = strawberry.field(description="An example of the event's `data`.")

    @classmethod
    def from_catalog(cls, event_type: EventType) -> WebhookEventType:
        return cls(
            name=event_type.name,
            description=event_type.description,
            data_schema=JSON(event_type.data_schema),
            example=JSON(event_type.example),
        )


NO_ENV = Env(None)  # an event's fields read nothing beyond its row

# Event's fields from its row (schema/row_fields.py): `from_row` and the planned reads
# (resolvers/planned/events.py) both build from this table. The model's `id` column is
# the evt_... id; the global ID is of the position.
EVENT_FIELDS: dict[str, ValueField] = {
    "id": global_id("Event", "position"),
    "event_id": ValueField(("id",), lambda row, env: row.id, lambda row, env: row.id),
    "type": column("type"),
    "entity_type": column("entity_type"),
    "entity_id": column("entity_id"),
    "sequence": column("sequence"),
    "api_version": column("api_version"),
    "created_at": column("created_at"),
    "position": ValueField(
        ("position",),
        lambda row, env: UnsignedInt64(row.position),
        lambda row, env: row.position,
    ),
    # In SQL the stored json as it is (sql_values.py: JSON's SQL form is a json value).
    "data": ValueField(
        ("payload",), lambda row, env: JSON(row.payload), lambda row, env: row.payload
    ),
    "organization_id": global_id("Organization", "organization_id"),
}


# The webhook types' fields from their rows (schema/row_fields.py): `from_row` and the
# planned reads (resolvers/planned/webhooks.py) both build from these tables.
WEBHOOK_ENDPOINT_FIELDS: dict[str, ValueField] = {
    "id": global_id("WebhookEndpoint"),
    "url": column("url"),
    "description": column("description"),
    # A json array of strings: in SQL the stored json as it is.
    "event_types": ValueField(
        ("event_types",),
        lambda row, env: list(row.event_types),
        lambda row, env: row.event_types,
    ),
    "enabled": column("enabled"),
    "disabled_reason": optional_enum_column("disabled_reason", WebhookEndpointDisabledReason),
    "created_at": column("created_at"),
    "updated_at": column("updated_at"),
    "failing_since": column("failing_since"),
    "secret_rotated_until": ValueField(
        ("previous_secret_ciphertext", "previous_secret_expires_at"),
        lambda row, env: endpoints.previous_secret_expiry(row, utcnow()),
        lambda row, env: endpoints.previous_secret_expiry_sql(row),
    ),
}

WEBHOOK_ATTEMPT_FIELDS: dict[str, ValueField] = {
    "attempted_at": column("attempted_at"),
    "duration_ms": column("duration_ms"),
    "status_code": column("status_code"),
    "response_body": column("response_body"),
    "error": column("error"),
    "outcome": enum_column("outcome", WebhookAttemptOutcome),
}

WEBHOOK_DELIVERY_FIELDS: dict[str, ValueField] = {
    "id": global_id("WebhookDelivery"),
    "event_id": column("event_id"),
    "event_type": column("event_type"),
    "status": enum_column("status", WebhookDeliveryStatus),
    "attempt_count": column("attempt_count"),
    "next_attempt_at": column("next_attempt_at"),
    "last_status_code": column("last_status_code"),
    "last_error": column("last_error"),
    "created_at": column("created_at"),
    "completed_at": column("completed_at"),
}

WebhookEndpointConnection = Connection[WebhookEndpoint]
WebhookDeliveryConnection = Connection[WebhookDelivery]
EventConnection = Connection[Event]


# --- Inputs and payloads ------------------------------------------------------------


@strawberry.input
class CreateWebhookEndpointInput:
    url: str = strawberry.field(description="A public https:// URL.")
    event_types: list[str] = strawberry.field(
        description="Exact types (inventory.adjusted) or prefix wildcards (inventory.*, *)."
    )
    description: str | None = None


@strawberry.type
class CreateWebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None = None
    secret: str | None = strawberry.field(
        default=None,
        description="The signing secret (whsec_...), shown this once: store it now.",
    )
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)


@strawberry.input(
    description="Only the fields given change; a null description clears it, other nulls "
    "change nothing."
)
class UpdateWebhookEndpointInput:
    id: strawberry.ID
    url: str | None = strawberry.UNSET
    event_types: list[str] | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    enabled: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="Enabling clears the disabled reason and the failing state.",
    )


@strawberry.type
class UpdateWebhookEndpointPayload:
    webhook_endpoint: WebhookEndpoint | None = None
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)


@strawberry.input
class DeleteWebhookEndpointInput:
    id: strawberry.ID


@strawberry.type
class DeleteWebhookEndpointPayload:
    deleted_webhook_endpoint_id: strawberry.ID | None = None
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RotateWebhookSecretInput:
    id: strawberry.ID


@strawberry.type
class RotateWebhookSecretPayload:
    webhook_endpoint: WebhookEndpoint | None = None
    secret: str | None = strawberry.field(
        default=None,
        description=(
            "The new signing secret (whsec_...), shown this once. The previous one also "
            "signs until webhookEndpoint.secretRotatedUntil."
        ),
    )
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)


@strawberry.input
class SendTestWebhookInput:
    id: strawberry.ID = strawberry.field(description="The endpoint's ID.")


@strawberry.type
class SendTestWebhookPayload:
    delivery: WebhookDelivery | None = None
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)


@strawberry.input
class RedeliverWebhookInput:
    id: strawberry.ID = strawberry.field(description="The ID of the delivery to send again.")


@strawberry.type
class RedeliverWebhookPayload:
    delivery: WebhookDelivery | None = strawberry.field(
        default=None,
        description="A new delivery of the same event (same webhook-id), with fresh retries.",
    )
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)


@strawberry.input(description="Every subscribed event created in [since, until), again.")
class ReplayWebhookEventsInput:
    endpoint_id: strawberry.ID
    since: datetime
    until: datetime


@strawberry.type
class ReplayWebhookEventsPayload:
    delivery_count: int = 0
    deliveries: list[WebhookDelivery] = strawberry.field(
        default_factory=list,
        description="The first 50 new deliveries, in log order (see webhookDeliveries).",
    )
    user_errors: list[WebhookUserError] = strawberry.field(default_factory=list)
