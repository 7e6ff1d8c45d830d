"""Webhooks and the event log over GraphQL: wire shapes, the secret shown only at creation
and rotation, refusals as userErrors that change nothing, deliveries, replays, the
catalog, the event log for reconciliation, and /openapi.json.

Endpoints use a literal public address (no DNS here). Nothing waits for a delivery to be
sent: a delivery is PENDING until it succeeds, and its attempts are not asserted."""

from __future__ import annotations

import base64
import json
import re
from datetime import timedelta
from typing import Any

import httpx
import pytest

from services.db import unit_of_work, utcnow
from services.ids import parse_global_id
from services.webhooks.attempts import record_attempt
from services.webhooks.catalog import EVENT_TYPES
from services.webhooks.deliveries import AttemptResult
from tests.api_helpers import (
    Account,
    create_item,
    data,
    error_codes,
    gql,
    receive,
    reserve,
    sign_up,
)
from tests.json_schema_subset import errors

pytestmark = [pytest.mark.api, pytest.mark.webhooks]

HOOK_URL = "https://8.8.8.8/hooks"
ERRORS = "userErrors { field message code }"
ENDPOINT = """id url description eventTypes enabled disabledReason createdAt updatedAt
    failingSince secretRotatedUntil"""
DELIVERY = """id eventId eventType status attemptCount nextAttemptAt lastStatusCode lastError
    createdAt completedAt endpoint { id } attempts { attemptedAt durationMs statusCode
    responseBody error outcome }"""

CREATE = f"""mutation($input: CreateWebhookEndpointInput!) {{
  createWebhookEndpoint(input: $input) {{ webhookEndpoint {{ {ENDPOINT} }} secret {ERRORS} }}
}}"""
UPDATE = f"""mutation($input: UpdateWebhookEndpointInput!) {{
  updateWebhookEndpoint(input: $input) {{ webhookEndpoint {{ {ENDPOINT} }} {ERRORS} }}
}}"""
ROTATE = f"""mutation($id: ID!) {{
  rotateWebhookSecret(input: {{id: $id}}) {{ webhookEndpoint {{ {ENDPOINT} }} secret {ERRORS} }}
}}"""
DELETE = f"""mutation($id: ID!) {{
  deleteWebhookEndpoint(input: {{id: $id}}) {{ deletedWebhookEndpointId {ERRORS} }}
}}"""
SEND_TEST = f"""mutation($id: ID!) {{
  sendTestWebhook(input: {{id: $id}}) {{ delivery {{ {DELIVERY} }} {ERRORS} }}
}}"""
REDELIVER = f"""mutation($id: ID!) {{
  redeliverWebhook(input: {{id: $id}}) {{ delivery {{ {DELIVERY} }} {ERRORS} }}
}}"""
REPLAY = f"""mutation($input: ReplayWebhookEventsInput!) {{
  replayWebhookEvents(input: $input) {{ deliveryCount deliveries {{ id eventType }} {ERRORS} }}
}}"""
ENDPOINTS = f"{{ webhookEndpoints {{ nodes {{ {ENDPOINT} }} }} }}"
EVENTS = """query($types: [String!], $entityType: String, $entityId: ID,
    $afterPosition: UnsignedInt64, $after: String, $first: Int) {
  events(types: $types, entityType: $entityType, entityId: $entityId,
      afterPosition: $afterPosition, after: $after, first: $first) {
    edges { cursor node { id eventId type entityType entityId sequence apiVersion createdAt
      position data organizationId } }
    pageInfo { hasNextPage endCursor }
  }
}"""


def _is_secret(value: str) -> bool:
    if not value.startswith("whsec_"):
        return False
    return len(base64.b64decode(value.removeprefix("whsec_"), validate=True)) >= 24


async def _create(client: httpx.AsyncClient, token: str, **fields: Any) -> dict[str, Any]:
    values = {"url": HOOK_URL, "eventTypes": ["inventory.*"], **fields}
    result: dict[str, Any] = data(await gql(client, CREATE, {"input": values}, token))[
        "createWebhookEndpoint"
    ]
    return result


async def _endpoint(client: httpx.AsyncClient, owner: Account, **fields: Any) -> str:
    created = await _create(client, owner.token, **fields)
    assert created["userErrors"] == [], created["userErrors"]
    endpoint_id: str = created["webhookEndpoint"]["id"]
    return endpoint_id


async def test_an_endpoint_is_created_with_its_secret_shown_once(client):
    owner = await sign_up(client)
    # when an endpoint is created
    created = await _create(
        client, owner.token, eventTypes=["inventory.adjusted", "inventory.*"], description="Shop"
    )
    # then it carries its settings and a Standard Webhooks secret
    assert created["userErrors"] == []
    endpoint = created["webhookEndpoint"]
    assert endpoint["url"] == HOOK_URL
    assert endpoint["eventTypes"] == ["inventory.*", "inventory.adjusted"]
    assert endpoint["description"] == "Shop"
    assert (endpoint["enabled"], endpoint["disabledReason"], endpoint["failingSince"]) == (
        True,
        None,
        None,
    )
    assert endpoint["secretRotatedUntil"] is None
    assert endpoint["createdAt"].endswith("Z")
    assert _is_secret(created["secret"])
    # and the secret is never readable again
    listing = await gql(client, ENDPOINTS, token=owner.token)
    assert data(listing)["webhookEndpoints"]["nodes"] == [endpoint]
    node = await gql(
        client,
        "query($id: ID!) { node(id: $id) { id ... on WebhookEndpoint { url } } }",
        {"id": endpoint["id"]},
        owner.token,
    )
    assert data(node)["node"] == {"id": endpoint["id"], "url": HOOK_URL}
    assert created["secret"] not in json.dumps(listing) + json.dumps(node)


async def test_rotating_returns_a_new_secret_and_keeps_the_old_one_for_a_day(client):
    owner = await sign_up(client)
    created = await _create(client, owner.token)
    endpoint_id = created["webhookEndpoint"]["id"]
    rotated = data(await gql(client, ROTATE, {"id": endpoint_id}, owner.token))[
        "rotateWebhookSecret"
    ]
    assert rotated["userErrors"] == []
    assert _is_secret(rotated["secret"])
    assert rotated["secret"] != created["secret"]
    until = rotated["webhookEndpoint"]["secretRotatedUntil"]
    assert until is not None
    assert until > (utcnow() + timedelta(hours=23)).isoformat()
    listing = json.dumps(await gql(client, ENDPOINTS, token=owner.token))
    assert rotated["secret"] not in listing
    assert created["secret"] not in listing


REFUSED = [
    ({"eventTypes": ["inventory.nothing"]}, "UNKNOWN_EVENT_TYPE", ["input", "eventTypes"]),
    ({"eventTypes": []}, "BLANK", ["input", "eventTypes"]),
    ({"url": "http://8.8.8.8/hooks"}, "HTTPS_REQUIRED", ["input", "url"]),
    ({"url": "https://127.0.0.1/hook"}, "URL_NOT_ALLOWED", ["input", "url"]),
    ({"url": "https://169.254.169.254/"}, "URL_NOT_ALLOWED", ["input", "url"]),
    ({"url": "https://10.0.0.5/hook"}, "URL_NOT_ALLOWED", ["input", "url"]),
    ({"url": "https://user:pw@8.8.8.8/hook"}, "INVALID_URL", ["input", "url"]),
    ({"url": "not a url"}, "INVALID_URL", ["input", "url"]),
]


@pytest.mark.parametrize(("fields", "code", "field"), REFUSED, ids=lambda v: str(v))
async def test_bad_endpoints_are_refused_as_user_errors_and_change_nothing(
    client, fields, code, field
):
    owner = await sign_up(client)
    kept = await _endpoint(client, owner)
    before = data(await gql(client, ENDPOINTS, token=owner.token))
    # when creating, or changing the kept endpoint to, the bad value
    created = await _create(client, owner.token, **fields)
    updated = data(await gql(client, UPDATE, {"input": {"id": kept, **fields}}, owner.token))
    # then each is refused with the field and code, and nothing changed
    assert created["webhookEndpoint"] is None
    assert created["secret"] is None
    for result in (created, updated["updateWebhookEndpoint"]):
        assert [(e["code"], e["field"]) for e in result["userErrors"]] == [(code, field)]
    assert data(await gql(client, ENDPOINTS, token=owner.token)) == before


async def test_updating_changes_only_the_given_fields(client):
    owner = await sign_up(client)
    created = await _create(client, owner.token, description="Shop")
    endpoint_id = created["webhookEndpoint"]["id"]

    def update(**fields: Any) -> dict[str, Any]:
        return {"input": {"id": endpoint_id, **fields}}

    body = await gql(client, UPDATE, update(eventTypes=["inventory.low_stock"]), owner.token)
    first = data(body)["updateWebhookEndpoint"]["webhookEndpoint"]
    assert first["eventTypes"] == ["inventory.low_stock"]
    assert (first["url"], first["description"]) == (HOOK_URL, "Shop")
    body = await gql(client, UPDATE, update(enabled=False, description=None), owner.token)
    second = data(body)["updateWebhookEndpoint"]["webhookEndpoint"]
    assert (second["enabled"], second["disabledReason"], second["description"]) == (
        False,
        "BY_USER",
        None,
    )
    assert second["eventTypes"] == ["inventory.low_stock"]
    # a disabled endpoint takes no test, then takes one once enabled again
    refused = data(await gql(client, SEND_TEST, {"id": endpoint_id}, owner.token))
    assert [e["code"] for e in refused["sendTestWebhook"]["userErrors"]] == ["ENDPOINT_DISABLED"]
    body = await gql(client, UPDATE, update(enabled=True), owner.token)
    third = data(body)["updateWebhookEndpoint"]["webhookEndpoint"]
    assert (third["enabled"], third["disabledReason"]) == (True, None)


async def test_a_test_webhook_becomes_a_delivery_that_can_be_sent_again(client):
    owner = await sign_up(client)
    endpoint_id = await _endpoint(client, owner)
    # when a test is sent
    sent = data(await gql(client, SEND_TEST, {"id": endpoint_id}, owner.token))["sendTestWebhook"]
    # then it is a delivery of a webhook.test event to this endpoint
    assert sent["userErrors"] == []
    delivery = sent["delivery"]
    assert delivery["eventType"] == "webhook.test"
    assert re.fullmatch(r"evt_[0-9a-f]{32}", delivery["eventId"])
    assert delivery["status"] == "PENDING"
    assert delivery["endpoint"] == {"id": endpoint_id}
    assert isinstance(delivery["attempts"], list)
    # and it is in the log, with its event
    query = """query($id: ID!) { webhookDeliveries(endpointId: $id) { nodes { id eventId
        event { eventId type entityType entityId data } } } }"""
    listed = data(await gql(client, query, {"id": endpoint_id}, owner.token))
    [node] = listed["webhookDeliveries"]["nodes"]
    assert node["event"] == {
        "eventId": delivery["eventId"],
        "type": "webhook.test",
        "entityType": "WebhookEndpoint",
        "entityId": endpoint_id,
        "data": {"endpointId": endpoint_id, "message": "A test delivery from BatchTrack."},
    }
    # when it is redelivered, a new delivery carries the same event id
    again = data(await gql(client, REDELIVER, {"id": delivery["id"]}, owner.token))
    redelivered = again["redeliverWebhook"]["delivery"]
    assert again["redeliverWebhook"]["userErrors"] == []
    assert redelivered["id"] != delivery["id"]
    assert redelivered["eventId"] == delivery["eventId"]
    filtered = await gql(
        client,
        """query($id: ID!) { webhookDeliveries(endpointId: $id, eventType: "webhook.test",
            status: PENDING, last: 1) { nodes { id } } }""",
        {"id": endpoint_id},
        owner.token,
    )
    assert data(filtered)["webhookDeliveries"]["nodes"] == [{"id": redelivered["id"]}]


async def test_a_redelivery_names_its_original_and_settles_it_once_it_succeeds(client):
    owner = await sign_up(client)
    endpoint_id = await _endpoint(client, owner)
    sent = data(await gql(client, SEND_TEST, {"id": endpoint_id}, owner.token))
    original_id = sent["sendTestWebhook"]["delivery"]["id"]
    links = "id status nextAttemptAt redeliveryOf { id } redeliveredBy { id status }"
    # when the delivery is redelivered, the new one names it
    again = await gql(
        client,
        f"""mutation($id: ID!) {{ redeliverWebhook(input: {{id: $id}}) {{
            delivery {{ {links} }} {ERRORS} }} }}""",
        {"id": original_id},
        owner.token,
    )
    redelivery = data(again)["redeliverWebhook"]["delivery"]
    assert (redelivery["redeliveryOf"], redelivery["redeliveredBy"]) == ({"id": original_id}, None)
    # and once the redelivery succeeds (recorded as its sender would)
    parsed = parse_global_id(redelivery["id"])
    assert parsed is not None
    async with unit_of_work(client.app.state.sessions) as session:
        await record_attempt(session, parsed[1], AttemptResult(200, 12), at=utcnow())
    # then the original reads as REDELIVERED by it, and the status filter finds it
    query = f"""query($id: ID!) {{ node(id: $id) {{ ... on WebhookDelivery {{ {links} }} }}
        webhookDeliveries(status: REDELIVERED) {{ nodes {{ id }} }} }}"""
    read = data(await gql(client, query, {"id": original_id}, owner.token))
    assert read["node"] == {
        "id": original_id,
        "status": "REDELIVERED",
        "nextAttemptAt": None,
        "redeliveryOf": None,
        "redeliveredBy": {"id": redelivery["id"], "status": "SUCCEEDED"},
    }
    assert read["webhookDeliveries"]["nodes"] == [{"id": original_id}]


async def test_events_become_deliveries_and_can_be_replayed(client):
    owner = await sign_up(client)
    endpoint_id = await _endpoint(client, owner, eventTypes=["inventory.lot.*"])
    since = utcnow().isoformat()
    # given an item that received two lots (two lot events, one item event)
    item = await create_item(client, owner.token, "Shea butter")
    await receive(client, owner.token, item, "100")
    await receive(client, owner.token, item, "50")
    listed = data(
        await gql(client, "{ webhookDeliveries { nodes { eventType } } }", token=owner.token)
    )
    assert [d["eventType"] for d in listed["webhookDeliveries"]["nodes"]] == [
        "inventory.lot.received",
        "inventory.lot.received",
    ]
    # when they are replayed
    period = {"endpointId": endpoint_id, "since": since, "until": utcnow().isoformat()}
    replayed = data(await gql(client, REPLAY, {"input": period}, owner.token))
    # then each subscribed event is delivered again
    result = replayed["replayWebhookEvents"]
    assert result["userErrors"] == []
    assert result["deliveryCount"] == 2
    assert [d["eventType"] for d in result["deliveries"]] == ["inventory.lot.received"] * 2
    # and a backwards period is refused
    backwards = {**period, "since": period["until"], "until": since}
    refused = data(await gql(client, REPLAY, {"input": backwards}, owner.token))
    assert refused["replayWebhookEvents"]["userErrors"] == [
        {
            "field": ["input", "until"],
            "message": "until must be after since.",
            "code": "INVALID_PERIOD",
        }
    ]


async def test_deleting_an_endpoint_removes_it(client):
    owner = await sign_up(client)
    endpoint_id = await _endpoint(client, owner)
    deleted = data(await gql(client, DELETE, {"id": endpoint_id}, owner.token))
    assert deleted["deleteWebhookEndpoint"] == {
        "deletedWebhookEndpointId": endpoint_id,
        "userErrors": [],
    }
    again = data(await gql(client, DELETE, {"id": endpoint_id}, owner.token))
    assert [e["code"] for e in again["deleteWebhookEndpoint"]["userErrors"]] == ["NOT_FOUND"]
    assert data(await gql(client, ENDPOINTS, token=owner.token))["webhookEndpoints"]["nodes"] == []


async def test_the_event_type_catalog_is_listed_with_schemas(client):
    owner = await sign_up(client)
    query = "{ webhookEventTypes { name description dataSchema example } }"
    listed = data(await gql(client, query, token=owner.token))["webhookEventTypes"]
    assert [t["name"] for t in listed] == list(EVENT_TYPES)
    for event_type in listed:
        assert errors(event_type["dataSchema"], event_type["example"], strict=True) == []
    anonymous = await gql(client, query, expect_status=None)
    assert error_codes(anonymous) == ["UNAUTHENTICATED"]


async def test_the_event_log_is_served_in_order_with_sequences_and_filters(client):
    owner = await sign_up(client)
    # given an item created, received twice and adjusted; and another item
    item = await create_item(client, owner.token, "Beeswax")
    first_lot = (await receive(client, owner.token, item, "100"))["lot"]["id"]
    await receive(client, owner.token, item, "50")
    adjust = """mutation($id: ID!) { adjustInventory(input: {itemId: $id, changeType: USE,
        quantity: {amount: "30", unit: "g"}}) { userErrors { code } } }"""
    assert data(await gql(client, adjust, {"id": item}, owner.token))
    other = await create_item(client, owner.token, "Lye")

    async def events(**variables: Any) -> list[dict[str, Any]]:
        body = data(await gql(client, EVENTS, variables, owner.token))
        return [edge["node"] for edge in body["events"]["edges"]]

    # then the whole log comes in order of position
    everything = await events()
    assert [(e["type"], e["entityId"]) for e in everything] == [
        ("inventory.item.created", item),
        ("inventory.lot.received", item),
        ("inventory.lot.received", item),
        ("inventory.adjusted", item),
        ("inventory.item.created", other),
    ]
    assert everything[1]["data"]["lot"]["id"] == first_lot
    positions = [int(e["position"]) for e in everything]
    assert positions == sorted(positions)
    assert all(isinstance(e["position"], str) for e in everything)
    first = everything[0]
    assert re.fullmatch(r"evt_[0-9a-f]{32}", first["eventId"])
    assert first["organizationId"] == owner.organization_id
    assert first["data"]["item"]["id"] == item
    assert first["apiVersion"]
    # each entity's events are numbered 1, 2, 3... (an inventory event's entity is its item)
    of_item = await events(entityType="InventoryItem", entityId=item)
    assert [(e["type"], e["sequence"]) for e in of_item] == [
        ("inventory.item.created", 1),
        ("inventory.lot.received", 2),
        ("inventory.lot.received", 3),
        ("inventory.adjusted", 4),
    ]
    # types filter by exact name or prefix wildcard
    lots = await events(types=["inventory.lot.*"])
    assert [e["type"] for e in lots] == ["inventory.lot.received"] * 2
    assert [e["sequence"] for e in lots] == [2, 3]
    mixed = await events(types=["inventory.adjusted", "inventory.item.*"])
    assert [e["type"] for e in mixed] == [
        "inventory.item.created",
        "inventory.adjusted",
        "inventory.item.created",
    ]
    assert await events(types=["*"]) == everything
    # and a consumer resumes after the last position (or cursor) it saw
    assert await events(afterPosition=everything[2]["position"]) == everything[3:]
    page = data(await gql(client, EVENTS, {"first": 2}, owner.token))["events"]
    assert page["pageInfo"]["hasNextPage"] is True
    assert await events(after=page["pageInfo"]["endCursor"]) == everything[2:]
    # and a node fetch finds one event
    node = await gql(
        client,
        "query($id: ID!) { node(id: $id) { ... on Event { eventId sequence } } }",
        {"id": first["id"]},
        owner.token,
    )
    assert data(node)["node"] == {"eventId": first["eventId"], "sequence": 1}


async def test_event_quantities_are_what_the_graphql_api_answers(client):
    # given an item kept to 3 places under a 10 g threshold, received and reserved until
    # its available stock is low
    owner = await sign_up(client)
    item = await create_item(
        client, owner.token, "Olive oil", quantityPrecision=3, lowStockThreshold="10"
    )
    await receive(client, owner.token, item, "12.5")
    reservation = await reserve(client, owner.token, item, "5.25", "#1001")
    quantity = "{ amount unit }"
    read = f"""query($item: ID!, $reservation: ID!) {{
        inventoryItem(id: $item) {{ onHand {quantity} reserved {quantity}
            available {quantity} lowStockThreshold {quantity} }}
        inventoryLots(itemId: $item) {{ nodes {{ quantityReceived {quantity}
            remaining {quantity} }} }}
        node(id: $reservation) {{ ... on InventoryReservation {{ quantity {quantity}
            fulfilled {quantity} remaining {quantity} }} }} }}"""
    answered = data(
        await gql(client, read, {"item": item, "reservation": reservation}, owner.token)
    )
    listed = data(await gql(client, EVENTS, {}, owner.token))["events"]["edges"]
    by_type = {edge["node"]["type"]: edge["node"]["data"] for edge in listed}

    # then each event states each quantity once, as {amount, unit} in the API's own form
    as_graphql = answered["inventoryItem"]
    assert by_type["inventory.low_stock"] == {"item": by_type["inventory.low_stock"]["item"]}
    low = by_type["inventory.low_stock"]["item"]
    assert {name: low[name] for name in as_graphql} == as_graphql
    assert as_graphql["lowStockThreshold"] == {"amount": "10", "unit": "g"}
    [lot] = answered["inventoryLots"]["nodes"]
    received = by_type["inventory.lot.received"]["lot"]
    assert {name: received[name] for name in lot} == lot
    held = by_type["inventory.reservation.created"]["reservation"]
    assert {name: held[name] for name in answered["node"]} == answered["node"]


async def test_a_malformed_type_pattern_is_refused(client):
    owner = await sign_up(client)
    body = await gql(client, EVENTS, {"types": ["inventory.*.created"]}, owner.token)
    assert error_codes(body) == ["BAD_REQUEST"]


async def test_openapi_documents_the_rest_endpoints_and_every_webhook(client):
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1.")
    assert document["info"]["title"]
    assert document["info"]["version"]
    assert set(document["paths"]) >= {"/healthz", "/readyz", "/graphql"}
    assert set(document["paths"]["/graphql"]) == {"get", "post"}
    assert set(document["webhooks"]) == set(EVENT_TYPES)
    for name, hook in document["webhooks"].items():
        operation = hook["post"]
        headers = {p["name"] for p in operation["parameters"] if p["in"] == "header"}
        assert headers == {"webhook-id", "webhook-timestamp", "webhook-signature"}
        body = operation["requestBody"]["content"]["application/json"]
        schema = body["schema"]
        assert schema["required"] == [
            "id",
            "type",
            "timestamp",
            "createdAt",
            "apiVersion",
            "organizationId",
            "entity",
            "data",
        ]
        data_schema = dict(EVENT_TYPES[name].data_schema)
        data_schema.pop("$schema")
        assert schema["properties"]["data"] == data_schema
        assert errors(schema, body["example"], strict=True) == [], name
    # every local $ref resolves
    for ref in re.findall(r'"\$ref": "#/([^"]+)"', json.dumps(document)):
        target: Any = document
        for part in ref.split("/"):
            target = target[part]
        assert isinstance(target, dict), ref
