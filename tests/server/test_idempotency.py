"""Idempotency-Key on POST /graphql: a retry gets the first response without a second
change; another body under the same key is refused; keys belong to one caller."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api_helpers import api_key, create_item, data, sign_up

pytestmark = [pytest.mark.api]

RECEIVE = """mutation($id: ID!, $amount: Decimal!) {
  receiveInventory(input: {itemId: $id, unitCost: "1", quantity: {amount: $amount, unit: "g"}}) {
    inventoryItem { onHand { amount } } userErrors { code } } }"""
ON_HAND = "query($id: ID!) { inventoryItem(id: $id) { onHand { amount } } }"


async def _post(
    client: httpx.AsyncClient, token: str, key: str | None, variables: dict[str, Any]
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    if key is not None:
        headers["Idempotency-Key"] = key
    return await client.post(
        "/graphql", json={"query": RECEIVE, "variables": variables}, headers=headers
    )


async def _on_hand(client: httpx.AsyncClient, token: str, item: str) -> str:
    response = await client.post(
        "/graphql",
        json={"query": ON_HAND, "variables": {"id": item}},
        headers={"Authorization": f"Bearer {token}"},
    )
    amount: str = data(response.json())["inventoryItem"]["onHand"]["amount"]
    return amount


async def test_a_retry_with_the_same_key_returns_the_first_response_and_changes_nothing(client):
    owner = await sign_up(client)
    item = await create_item(client, owner.token, "Oil")
    variables = {"id": item, "amount": "100"}

    first = await _post(client, owner.token, "order-42-receipt", variables)
    retry = await _post(client, owner.token, "order-42-receipt", variables)

    assert first.status_code == retry.status_code == 200
    assert retry.json() == first.json()
    assert retry.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert await _on_hand(client, owner.token, item) == "100"


async def test_the_same_key_with_another_body_is_refused_and_changes_nothing(client):
    owner = await sign_up(client)
    item = await create_item(client, owner.token, "Oil")
    await _post(client, owner.token, "k1", {"id": item, "amount": "100"})

    other = await _post(client, owner.token, "k1", {"id": item, "amount": "999"})

    assert other.status_code == 422
    [error] = other.json()["errors"]
    assert error["extensions"] == {"code": "BAD_REQUEST", "reason": "IDEMPOTENCY_KEY_REUSED"}
    assert await _on_hand(client, owner.token, item) == "100"


async def test_without_a_key_or_with_a_new_key_each_request_runs(client):
    owner = await sign_up(client)
    item = await create_item(client, owner.token, "Oil")
    variables = {"id": item, "amount": "10"}
    for key in (None, None, "a", "b"):
        assert (await _post(client, owner.token, key, variables)).status_code == 200
    assert await _on_hand(client, owner.token, item) == "40"


async def test_keys_belong_to_one_caller(client):
    owner = await sign_up(client)
    item = await create_item(client, owner.token, "Oil")
    key = await api_key(client, owner.token, ["inventory.adjust", "inventory.read"])
    variables = {"id": item, "amount": "10"}

    await _post(client, owner.token, "shared-key", variables)
    as_key = await _post(client, key, "shared-key", variables)

    assert "idempotent-replayed" not in as_key.headers, as_key.json()
    assert data(as_key.json())["receiveInventory"]["userErrors"] == [], as_key.json()
    assert await _on_hand(client, owner.token, item) == "20"


async def test_a_malformed_key_is_a_bad_request(client):
    owner = await sign_up(client)
    item = await create_item(client, owner.token, "Oil")
    response = await _post(client, owner.token, "x" * 300, {"id": item, "amount": "1"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["reason"] == "IDEMPOTENCY_KEY_INVALID"
    assert await _on_hand(client, owner.token, item) == "0"


async def test_a_retry_sent_the_moment_the_answer_ends_gets_the_replay(client):
    """The answer is stored before its last byte leaves: a client that sends the key
    again as soon as it has read the answer (the SDK after a lost connection) gets the
    replay, never IDEMPOTENCY_KEY_IN_USE."""
    owner = await sign_up(client)
    item = await create_item(client, owner.token, "Oil")
    variables = {"id": item, "amount": "100"}
    app = client.app
    again: list[httpx.Response] = []

    async def retry_at_the_last_byte(scope: Any, receive: Any, send: Any) -> None:
        async def send_then_retry(message: Any) -> None:
            ends = message["type"] == "http.response.body" and not message.get("more_body")
            if ends and not again:
                again.append(await _post(client, owner.token, "order-7", variables))
            await send(message)

        await app(scope, receive, send_then_retry)

    transport = httpx.ASGITransport(app=retry_at_the_last_byte)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as first:
        answer = await _post(first, owner.token, "order-7", variables)

    [retry] = again
    assert answer.status_code == retry.status_code == 200
    assert retry.headers["idempotent-replayed"] == "true"
    assert retry.json() == answer.json()
    assert await _on_hand(client, owner.token, item) == "100"
