"""Webhook endpoints and deliveries on planned reads: `webhookDeliveries` with its filters
and pages, `webhookEndpoints`, and a delivery's endpoint, attempts, event and the
deliveries that redelivered it or that it redelivers, read through the same services with
the same arguments as resolvers/webhooks.py and its loaders (webhooks.manage; a
delivery's event under events.read, however old, as the standard resolver reads it). The
plain fields come from schema/webhooks.py's field tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from resolvers.planned.events import CATALOG as EVENTS
from resolvers.planned.inventory import page_argument, same_env
from resolvers.planned.plan import (
    Caller,
    Catalog,
    RelationField,
    RootField,
    RowType,
    Scope,
    SqlRows,
    by_graphql_name,
)
from resolvers.webhooks import delivery_filter
from schema.row_fields import Env, Row
from schema.webhooks import (
    NO_ENV,
    WEBHOOK_ATTEMPT_FIELDS,
    WEBHOOK_DELIVERY_FIELDS,
    WEBHOOK_ENDPOINT_FIELDS,
)
from services import events
from services.pagination import Page
from services.webhooks import deliveries, endpoints
from services.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

Columns = tuple[str, ...]


def _filter(args: dict[str, Any]) -> deliveries.DeliveryFilter:
    return delivery_filter(args.get("endpointId"), args.get("status"), args.get("eventType"))


async def _deliveries(scope: Scope, args: dict[str, Any], columns: Columns) -> Page[Row]:
    return await deliveries.list_deliveries(
        scope.session,
        scope.principal,
        filters=_filter(args),
        page=page_argument(args),
        columns=columns,
    )


def _deliveries_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = deliveries.delivery_rows(scope.principal, _filter(args), columns)
    return SqlRows(statement, WebhookDelivery.id, page_argument(args))


async def _endpoints(scope: Scope, args: dict[str, Any], columns: Columns) -> Page[Row]:
    return await endpoints.list_endpoints(
        scope.session, scope.principal, page=page_argument(args), columns=columns
    )


def _endpoints_rows(scope: Caller, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = endpoints.endpoint_rows(scope.principal, columns)
    return SqlRows(statement, WebhookEndpoint.id, page_argument(args))


async def _env(scope: Scope) -> Env:
    return NO_ENV


def _sql_env(scope: Caller) -> Env:
    return NO_ENV


ByKeys = Callable[[Scope, Sequence[int], Columns], Any]
ByKey = Callable[[Caller, Any, Columns], Any]


def _one_of(column: str, target: str, by_keys: ByKeys, by_key: ByKey, key: str) -> RelationField:
    """The row (of `target`, found by its `key` column) that a delivery names in `column`,
    or None when it names none or the caller may not see it."""

    async def load(
        scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
    ) -> list[Row | None]:
        keys = [getattr(parent, column) for parent in parents]
        present = [key for key in keys if key is not None]
        # As the standard resolvers: no lookup (and no permission asked) for no key.
        found = await by_keys(scope, present, columns) if present else {}
        return [None if key is None else found.get(key) for key in keys]

    def rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
        return SqlRows(by_key(scope, getattr(parent, column), columns))

    return RelationField((column,), target, load, same_env, (key,), rows=rows)


async def _endpoints_by_id(scope: Scope, keys: Sequence[int], columns: Columns) -> Any:
    return await endpoints.endpoints_by_id(scope.session, scope.principal, keys, columns)


async def _deliveries_by_id(scope: Scope, keys: Sequence[int], columns: Columns) -> Any:
    return await deliveries.deliveries_by_id(scope.session, scope.principal, keys, columns)


async def _events_at(scope: Scope, keys: Sequence[int], columns: Columns) -> Any:
    return await events.get_events(scope.session, scope.principal, keys, columns)


def _delivery_of(column: str) -> RelationField:
    return _one_of(
        column,
        "WebhookDelivery",
        _deliveries_by_id,
        lambda scope, key, columns: deliveries.delivery_by_key(scope.principal, key, columns),
        "id",
    )


async def _attempts(
    scope: Scope, parents: Sequence[Row], args: dict[str, Any], columns: Columns
) -> list[list[Row]]:
    keys = [parent.id for parent in parents]
    found = await deliveries.attempts_of(scope.session, scope.principal, keys, columns)
    return [found[key] for key in keys]


def _attempts_rows(scope: Caller, parent: Row, args: dict[str, Any], columns: Columns) -> SqlRows:
    statement = deliveries.attempts_of_delivery(scope.principal, parent.id, columns)
    return SqlRows(statement, WebhookAttempt.id)


CATALOG = Catalog(
    roots={
        "webhookDeliveries": RootField(
            "WebhookDelivery", _deliveries, _env, rows=_deliveries_rows, sql_env=_sql_env
        ),
        "webhookEndpoints": RootField(
            "WebhookEndpoint", _endpoints, _env, rows=_endpoints_rows, sql_env=_sql_env
        ),
    },
    types={
        "WebhookDelivery": RowType(
            "WebhookDelivery",
            {
                **by_graphql_name(WEBHOOK_DELIVERY_FIELDS),
                "endpoint": _one_of(
                    "endpoint_id",
                    "WebhookEndpoint",
                    _endpoints_by_id,
                    lambda scope, key, columns: endpoints.endpoint_by_key(
                        scope.principal, key, columns
                    ),
                    "id",
                ),
                "event": _one_of(
                    "event_position",
                    "Event",
                    _events_at,
                    lambda scope, key, columns: events.event_at(scope.principal, key, columns),
                    "position",
                ),
                "redeliveryOf": _delivery_of("redelivery_of_id"),
                "redeliveredBy": _delivery_of("redelivered_by_id"),
                "attempts": RelationField(
                    (),
                    "WebhookAttempt",
                    _attempts,
                    same_env,
                    ("id", "delivery_id"),
                    rows=_attempts_rows,
                    many=True,
                ),
            },
        ),
        "WebhookEndpoint": RowType("WebhookEndpoint", by_graphql_name(WEBHOOK_ENDPOINT_FIELDS)),
        "WebhookAttempt": RowType("WebhookAttempt", by_graphql_name(WEBHOOK_ATTEMPT_FIELDS)),
        # A delivery's event: the event log's own type and fields.
        "Event": EVENTS.types["Event"],
    },
)
