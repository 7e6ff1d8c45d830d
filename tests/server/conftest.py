"""Fixtures for the server tests: clients of apps built from custom settings."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

import httpx
import pytest

from server.app import create_app
from server.settings import Settings
from tests.api_helpers import open_mailbox

AppClient = Callable[[Settings], AbstractAsyncContextManager[httpx.AsyncClient]]


@asynccontextmanager
async def _app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app built from `settings`, inside the app's lifespan (so its
    engine, Redis client and background tasks are started and closed as in production)."""
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://testserver") as client,
    ):
        open_mailbox(client, app)
        yield client


@pytest.fixture
def app_client() -> AppClient:
    return _app_client
