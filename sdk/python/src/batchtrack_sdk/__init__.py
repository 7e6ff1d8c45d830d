"""The BatchTrack API from Python: `AsyncClient` and `Client` are generated from the
schema and sdk/operations.graphql (one method per operation, typed inputs and answers,
shared by both clients, all importable from here); the rest is small and hand-written:
pagination, pacing, idempotency keys, typed errors, webhook verification."""

from batchtrack_sdk.errors import (
    BadRequest,
    BatchTrackError,
    Forbidden,
    GraphQLError,
    InternalServerError,
    QueryTooComplex,
    ServiceBusy,
    Throttled,
    TransportError,
    Unauthenticated,
    UserError,
    UserErrors,
)
from batchtrack_sdk.generated import *  # noqa: F403 - inputs, enums and answer models
from batchtrack_sdk.generated import __all__ as _generated
from batchtrack_sdk.generated.async_client import AsyncClient
from batchtrack_sdk.generated.sync_client import Client
from batchtrack_sdk.pagination import iter_nodes, iter_pages, paginate, paginate_pages
from batchtrack_sdk.webhooks import InvalidWebhook, WebhookEntity, WebhookEvent, WebhookVerifier

__all__ = [
    *_generated,
    "AsyncClient",
    "BadRequest",
    "BatchTrackError",
    "Client",
    "Forbidden",
    "GraphQLError",
    "InternalServerError",
    "InvalidWebhook",
    "QueryTooComplex",
    "ServiceBusy",
    "Throttled",
    "TransportError",
    "Unauthenticated",
    "UserError",
    "UserErrors",
    "WebhookEntity",
    "WebhookEvent",
    "WebhookVerifier",
    "iter_nodes",
    "iter_pages",
    "paginate",
    "paginate_pages",
]
