"""A live server per fuzz test, on the test database of the backend, and its callers."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from schema.accounts import scope_name
from services.accounts import tokens
from services.accounts.models import User
from services.db import create_session_factory, unit_of_work
from services.permissions import PERMISSIONS
from tests.api_helpers import CREATE_API_KEY, CREATE_ITEM, PASSWORD, RECEIVE, SIGN_UP
from tests.conftest import flush_test_redis, redis_url
from tests.fuzz.harness import Principal
from tests.fuzz.live_server import LiveServer, server_settings

FIXED_SEED = 20261124
READ_SCOPES = sorted(scope_name(p) for p in PERMISSIONS if p.endswith(".read"))


def random_seed() -> int:
    """FUZZ_SEED=<n> replays a run whose random seed was printed with its failures."""
    return int(os.environ.get("FUZZ_SEED") or secrets.randbits(32))


@pytest.fixture
async def live_server(
    database_url: str, engine: AsyncEngine, tmp_path: Path
) -> AsyncIterator[LiveServer]:
    """`batchtrack serve` on this backend's test database (wiped after the test, as every
    database test's), with the throttle out of the way so no request is wasted on it."""
    await flush_test_redis()
    settings = server_settings(database_url, redis_url(), SECRET_KEY="fuzz-secret")
    server = LiveServer(settings, tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _call(
    client: httpx.Client, query: str, variables: dict[str, Any], token: str | None = None
) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    result: dict[str, Any] = next(iter(body["data"].values()))
    assert result["userErrors"] == [], result
    return result


@dataclass(frozen=True)
class Workshop:
    owner: Principal
    reader: Principal  # a read-only API key of the owner's
    item_id: str  # an item with a lot in stock


async def _verify_address(engine: AsyncEngine, email: str) -> None:
    """What following the mailed link does (the live server's mail goes to its log, with
    the token redacted): a fresh verification token, used."""
    async with unit_of_work(create_session_factory(engine)) as session:
        user = await session.scalar(select(User).where(User.email == email))
        assert user is not None
        token = await tokens.send_verification(session, user)
        await tokens.verify_email(session, None, token=token)


@pytest.fixture
async def workshop(live_server: LiveServer, engine: AsyncEngine) -> Workshop:
    """The owner of a workshop with an item in stock, and a read-only API key of theirs."""
    with httpx.Client(base_url=live_server.base_url, timeout=30) as client:
        signed_up = _call(
            client,
            SIGN_UP,
            {
                "input": {
                    "email": "fuzz-owner@example.com",
                    "password": PASSWORD,
                    "organizationName": "Fuzz Workshop",
                }
            },
        )
        owner = signed_up["token"]
        item = _call(
            client,
            CREATE_ITEM,
            {"input": {"name": "Olive oil", "type": "INGREDIENT", "baseUnit": "g"}},
            owner,
        )["inventoryItem"]["id"]
        stock = {"itemId": item, "quantity": {"amount": "1000", "unit": "g"}, "unitCost": "0.01"}
        _call(client, RECEIVE, {"input": stock}, owner)
        await _verify_address(engine, "fuzz-owner@example.com")
        key = _call(
            client, CREATE_API_KEY, {"input": {"name": "read-only", "scopes": READ_SCOPES}}, owner
        )["token"]
    return Workshop(Principal("owner", owner), Principal("read-only key", key), item)
