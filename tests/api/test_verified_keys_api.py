"""A verified API key is kept a moment per process (server/verified_keys.py); revoking or
rotating it still takes effect at once in the process that did it, and within the cache's
few seconds in any other."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.settings import Settings
from server.verified_keys import DEFAULT_TTL
from services.db import ServiceClock
from tests.api_helpers import CREATE_API_KEY, data, gql, sign_up

pytestmark = [pytest.mark.api, pytest.mark.auth]

MEMBERS = "{ members { nodes { id } } }"
REVOKE = "mutation($id: ID!) { revokeApiKey(input: {id: $id}) { userErrors { code } } }"
ROTATE = """mutation($id: ID!) {
  rotateApiKey(input: {id: $id, overlapSeconds: 0}) { token userErrors { code } } }"""


async def _new_key(client: httpx.AsyncClient, owner_token: str) -> dict[str, Any]:
    body = await gql(
        client, CREATE_API_KEY, {"input": {"name": "k", "scopes": ["MEMBERS_READ"]}}, owner_token
    )
    created: dict[str, Any] = data(body)["createApiKey"]
    return created


async def _status(client: httpx.AsyncClient, token: str) -> int:
    response = await client.post(
        "/graphql", json={"query": MEMBERS}, headers={"Authorization": f"Bearer {token}"}
    )
    return response.status_code


@pytest.fixture
async def other_process(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A second API process on the same database, with its own cache."""
    app = create_app(settings)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client,
    ):
        yield client


async def test_a_revoked_key_is_refused_at_once_by_the_process_that_revoked_it(client):
    # given a key in use (so it is kept)
    owner = await sign_up(client)
    created = await _new_key(client, owner.token)
    assert [await _status(client, created["token"]) for _ in range(2)] == [200, 200]

    # when it is revoked
    revoked = data(await gql(client, REVOKE, {"id": created["apiKey"]["id"]}, owner.token))
    assert revoked["revokeApiKey"]["userErrors"] == []

    # then its next request is refused
    assert await _status(client, created["token"]) == 401


async def test_a_rotated_secret_is_refused_at_once_without_overlap(client):
    owner = await sign_up(client)
    created = await _new_key(client, owner.token)
    assert await _status(client, created["token"]) == 200
    rotated = data(await gql(client, ROTATE, {"id": created["apiKey"]["id"]}, owner.token))
    assert rotated["rotateApiKey"]["userErrors"] == []
    assert await _status(client, created["token"]) == 401
    assert await _status(client, rotated["rotateApiKey"]["token"]) == 200


async def test_another_process_refuses_a_revoked_key_once_its_entry_is_due(
    client, other_process, clock: type[ServiceClock]
):
    # given a key the other process has verified
    owner = await sign_up(client)
    created = await _new_key(client, owner.token)
    assert await _status(other_process, created["token"]) == 200

    # when this process revokes it and the other's entry comes due
    data(await gql(client, REVOKE, {"id": created["apiKey"]["id"]}, owner.token))
    clock.advance(DEFAULT_TTL + timedelta(milliseconds=1))

    # then the other process looks it up again and refuses it
    assert await _status(other_process, created["token"]) == 401
