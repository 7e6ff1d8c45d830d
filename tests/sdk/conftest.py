"""The SDKs' tests run them against `batchtrack serve` (tests/fuzz/live_server.py) on
each backend's test database: one server for the package (another for a module that
needs other settings), the database wiped after it; each test signs up its own
organization."""

from __future__ import annotations

import itertools
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from batchtrack_sdk import ApiKeyScope, Client, CreateApiKeyInput, SignUpInput

from services.db import create_engine
from tests.api_helpers import PASSWORD
from tests.conftest import _wipe
from tests.fuzz.live_server import LiveServer, server_settings
from tests.webhooks.conftest import receiver  # noqa: F401 - the local webhook receiver

REPOSITORY = Path(__file__).resolve().parents[2]
# The webhook tests' receiver listens on 127.0.0.1 over http.
WEBHOOKS_TO_THIS_MACHINE = {
    "WEBHOOK_ALLOW_HTTP": "true",
    "WEBHOOK_ALLOWED_HOSTS": json.dumps(["127.0.0.1"]),
}
_emails = itertools.count(1)


async def start_server(
    database_url: str, workdir: Path, **overrides: str
) -> AsyncIterator[LiveServer]:
    # Without Redis the server sends webhooks itself (no `batchtrack worker` to start) and
    # keeps the throttle buckets in memory: the SDK sees the same API either way.
    settings = server_settings(database_url, None, **WEBHOOKS_TO_THIS_MACHINE)
    settings.update(overrides)
    server = LiveServer(settings, workdir)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        engine = create_engine(database_url)
        await _wipe(engine)
        await engine.dispose()


@pytest.fixture(scope="package")
async def sdk_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[LiveServer]:
    async for server in start_server(database_url, tmp_path_factory.mktemp("sdk-server")):
        yield server


def graphql_url(server: LiveServer) -> str:
    return f"{server.base_url}/graphql"


def new_owner(server: LiveServer) -> str:
    """A new organization's owner, their address verified: their session token."""
    email = f"sdk{next(_emails)}@example.com"
    with Client(graphql_url(server)) as client:
        signed_up = client.sign_up(
            SignUpInput(email=email, password=PASSWORD, organizationName="SDK Workshop")
        )
    assert signed_up.token is not None
    server.verify_email(email)
    return signed_up.token


def api_key(server: LiveServer, owner: str, scopes: list[ApiKeyScope]) -> str:
    """An API key of the owner's organization with these scopes (bt_live_...)."""
    with Client(graphql_url(server), owner) as client:
        created = client.create_api_key(CreateApiKeyInput(name="sdk test", scopes=scopes))
    assert created.token is not None
    return created.token
