"""Planned reads of webhook deliveries and endpoints answer exactly what the standard
executor answers: every delivery field, with its endpoint, its attempts, its event and the
deliveries it redelivers or was redelivered by; the SDK's own WebhookDeliveries and
WebhookEndpoints operations; each filter, pages both ways; another organization's
deliveries never seen; and a caller refused (no webhooks.manage, no events.read for the
event, a malformed ID or cursor) is refused by the plan too, for the standard executor to
report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from graphql import parse

from resolvers.planned.catalog import CATALOG
from resolvers.planned.compiler import compile_plan
from resolvers.planned.plan import NotPlannable
from services.db import unit_of_work, utcnow
from services.ids import to_global_id
from services.permissions import Principal
from services.webhooks.attempts import record_attempt
from services.webhooks.deliveries import AttemptResult
from tests.resolvers.planned.differential import (
    SCHEMA,
    answered_alike,
    both,
    on_postgresql,
    refused_alike,
    sdk_operation,
)
from tests.services.accounts.givens import Sessions, create_api_key, principal_of, sign_up
from tests.services.inventory.givens import adjust, create_item, receive
from tests.webhooks.givens import create_endpoint, deliveries, redeliver, rotate

pytestmark = pytest.mark.webhooks

ENDPOINT = (
    "id url description eventTypes enabled disabledReason createdAt updatedAt failingSince"
    " secretRotatedUntil __typename"
)
ATTEMPT = "attemptedAt durationMs statusCode responseBody error outcome __typename"
EVENT = "id eventId type entityType entityId sequence apiVersion createdAt position data"
DELIVERY = (
    "id eventId eventType status attemptCount nextAttemptAt lastStatusCode lastError"
    " createdAt completedAt __typename"
)
PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }"
LIST = (
    "query($endpointId: ID, $status: WebhookDeliveryStatus, $eventType: String, $first: Int,"
    " $after: String, $last: Int, $before: String) { webhookDeliveries(endpointId:"
    " $endpointId, status: $status, eventType: $eventType, first: $first, after: $after,"
    f" last: $last, before: $before) {{ edges {{ cursor node {{ {DELIVERY} endpoint {{"
    f" {ENDPOINT} }} attempts {{ {ATTEMPT} }} event {{ {EVENT} }} redeliveryOf {{ id status"
    f" redeliveredBy {{ id }} }} redeliveredBy {{ {DELIVERY} attempts {{ outcome }} }} }} }}"
    f" {PAGE_INFO} __typename }} }}"
)
ENDPOINTS = (
    "query($first: Int, $after: String, $last: Int, $before: String) { webhookEndpoints("
    f"first: $first, after: $after, last: $last, before: $before) {{ nodes {{ {ENDPOINT} }}"
    f" edges {{ cursor }} {PAGE_INFO} }} }}"
)


@dataclass
class World:
    owner: Principal
    manager: Principal  # an API key with webhooks.manage and events.read
    ids: dict[str, int]


def ok(status: int) -> AttemptResult:
    return AttemptResult(status_code=status, duration_ms=12, response_body=f"answer {status}")


async def _attempt(sessions: Sessions, delivery_id: int, result: AttemptResult) -> None:
    async with unit_of_work(sessions) as session:
        await record_attempt(session, delivery_id, result, at=utcnow(), jitter=lambda: 0.5)


async def _world(sessions: Sessions) -> World:
    owner = (await sign_up(sessions)).principal
    every = (await create_endpoint(sessions, owner, "http://127.0.0.1:9/all")).endpoint.id
    lots = await create_endpoint(
        sessions, owner, "http://127.0.0.1:9/lots", event_types=["inventory.lot.*", "batch.*"]
    )
    await rotate(sessions, owner, lots.endpoint.id)
    oil = await create_item(sessions, owner, "Olive oil")
    await receive(sessions, owner, oil.id, "1000", total_cost="9", lot_code="OLD")
    await adjust(sessions, owner, oil.id, "SPOIL", "100", note="spilt")
    to_all = await deliveries(sessions, every)
    [to_lots] = await deliveries(sessions, lots.endpoint.id)
    created, received, adjusted = to_all
    # the item's creation: a 500 then a success
    await _attempt(sessions, created.id, ok(500))
    await _attempt(sessions, created.id, AttemptResult(None, 30_000, error="timed out"))
    await _attempt(sessions, created.id, ok(204))
    # the receipt: a 500, then redelivered, and the redelivery succeeds
    await _attempt(sessions, received.id, ok(500))
    again = await redeliver(sessions, owner, received.id)
    await _attempt(sessions, again.id, ok(200))
    # the lots endpoint is gone: its delivery fails, the endpoint is disabled
    await _attempt(sessions, to_lots.id, ok(410))
    other = (await sign_up(sessions)).principal
    foreign = (await create_endpoint(sessions, other, "http://127.0.0.1:9/x")).endpoint.id
    await create_item(sessions, other, "Foreign oil")
    manager = await principal_of(
        sessions, await create_api_key(sessions, owner, "webhooks.manage", "events.read")
    )
    ids = {
        "ALL": every,
        "LOTS": lots.endpoint.id,
        "FOREIGN": foreign,
        "created": created.id,
        "received": received.id,
        "adjusted": adjusted.id,
        "again": again.id,
        "to_lots": to_lots.id,
    }
    return World(owner, manager, ids)


CORPUS: list[tuple[str, dict[str, Any]]] = [
    (LIST, {}),
    (LIST, {"first": 2}),
    (LIST, {"first": 2, "after": "CURSOR_created"}),
    (LIST, {"last": 2}),
    (LIST, {"last": 2, "before": "CURSOR_again"}),
    (LIST, {"first": 0}),
    (LIST, {"endpointId": "ALL"}),
    (LIST, {"endpointId": "LOTS", "status": "FAILED"}),
    (LIST, {"endpointId": "FOREIGN"}),  # another organization's: nothing
    (LIST, {"endpointId": ""}),
    *((LIST, {"status": status}) for status in ("PENDING", "SUCCEEDED", "REDELIVERED")),
    (LIST, {"eventType": "inventory.lot.received", "last": 1}),
    (LIST, {"eventType": "nothing.such"}),
    (ENDPOINTS, {}),
    (ENDPOINTS, {"first": 1}),
    (ENDPOINTS, {"last": 1, "before": "CURSOR_LOTS"}),
    (sdk_operation("WebhookDeliveries"), {"first": 50}),
    (sdk_operation("WebhookDeliveries"), {"endpointId": "ALL", "last": 2}),
    (sdk_operation("WebhookEndpoints"), {}),
    (
        "{ a: webhookDeliveries(first: 1) { nodes { ...D } } b: webhookDeliveries(status:"
        " SUCCEEDED) { nodes { ...D endpoint { url } } pageInfo { hasNextPage } } }"
        " fragment D on WebhookDelivery { status attempts { outcome statusCode } }",
        {},
    ),
]


def _name(value: Any, world: World) -> Any:
    if isinstance(value, dict):
        return {key: _name(given, world) for key, given in value.items()}
    if not isinstance(value, str) or (value not in world.ids and not value.startswith("CURSOR_")):
        return value
    if value.startswith("CURSOR_"):
        return to_global_id("cursor", world.ids[value.removeprefix("CURSOR_")])
    if value.isupper():
        return to_global_id("WebhookEndpoint", world.ids[value])
    return to_global_id("WebhookDelivery", world.ids[value])


async def test_every_webhook_query_of_the_corpus_answers_as_the_standard_executor(
    sessions: Sessions,
) -> None:
    world = await _world(sessions)
    principals = [world.owner, world.manager]
    in_sql = await answered_alike(sessions, principals, CORPUS, lambda v: _name(v, world))
    if on_postgresql(sessions):
        assert in_sql == 2 * len(CORPUS)


async def test_the_deliveries_are_the_organizations_own_with_their_attempts_and_redeliveries(
    sessions: Sessions,
) -> None:
    # a check that the corpus's answers are the log's own, not two equal mistakes
    world = await _world(sessions)
    _, planned = await both(sessions, world.owner, LIST, {})
    assert planned.count('"cursor": ') == 5  # 3 + 1 + the redelivery
    assert '"status": "REDELIVERED"' in planned
    assert '"outcome": "RETRY"' in planned
    assert '"error": "timed out"' in planned
    assert '"disabledReason": "GONE"' in planned
    assert '"redeliveredBy": {"id": "' in planned
    assert '"eventTypes": ["batch.*", "inventory.lot.*"]' in planned
    assert planned.count('"secretRotatedUntil": null') == 4  # to the first endpoint
    assert planned.count('"secretRotatedUntil": "') == 1  # to the rotated one
    _, foreign = await both(sessions, world.owner, LIST, _name({"endpointId": "FOREIGN"}, world))
    assert '"edges": []' in foreign


async def test_a_refused_caller_is_refused_by_the_plan_too(sessions: Sessions) -> None:
    world = await _world(sessions)
    events_only = await principal_of(
        sessions, await create_api_key(sessions, world.owner, "events.read")
    )
    manage_only = await principal_of(
        sessions, await create_api_key(sessions, world.owner, "webhooks.manage")
    )
    cases: list[tuple[Principal, str, dict[str, Any], str]] = [
        (events_only, LIST, {}, "webhooks.manage"),
        (events_only, ENDPOINTS, {}, "webhooks.manage"),
        (manage_only, LIST, {}, "events.read"),  # a delivery's event
        (world.owner, LIST, {"endpointId": "not an id"}, "WebhookEndpoint"),
        (world.owner, LIST, {"endpointId": _name("created", world)}, "WebhookEndpoint"),
        (world.owner, LIST, {"after": "not a cursor"}, "cursor"),
        (world.owner, LIST, {"first": 251}, "between 0 and 250"),
        (world.owner, ENDPOINTS, {"first": 1, "last": 1}, "either first or last"),
    ]
    for principal, query, variables, why in cases:
        messages = await refused_alike(sessions, principal, query, variables)
        assert any(why in message for message in messages), (variables, messages)


def test_the_event_types_catalog_is_left_to_the_standard_executor() -> None:
    with pytest.raises(NotPlannable):
        compile_plan(SCHEMA._schema, CATALOG, parse("{ webhookEventTypes { name } }"), None)
