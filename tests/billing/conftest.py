"""The billing tests' peers: local Stripe (tests/billing/stripe_peer.py) for the session,
our server on a real port per test (Stripe's webhooks must reach it over HTTP), its
billing clock moved by hand, and the webhook receiver of tests/webhooks."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import uvicorn
from starlette.applications import Starlette

from server.app import create_app
from server.cli import sync_catalog
from tests.api_helpers import open_mailbox
from tests.billing.stripe_peer import API_KEY, WEBHOOK_SECRET, StripePeer
from tests.conftest import flush_test_redis, make_settings
from tests.services.billing.givens import MovableClock
from tests.timing import PATIENCE_SECONDS, eventually
from tests.webhooks.conftest import Receiver
from tests.webhooks.conftest import receiver as receiver  # the session's HTTP receiver

__all__ = ["Receiver"]


@pytest.fixture(scope="session")
def stripe_peer() -> StripePeer:
    peer = StripePeer()
    peer.start()
    # A new Stripe account is set up by one command.
    assert asyncio.run(sync_catalog(API_KEY, peer.url)) == 0
    return peer


@dataclass
class Live:
    url: str
    app: Starlette
    client: httpx.AsyncClient
    clock: MovableClock

    @property
    def webhook_url(self) -> str:
        return f"{self.url}/billing/stripe/webhook"

    @property
    def sessions(self) -> Any:
        return self.app.state.sessions


@pytest.fixture
async def live(database_url, engine, stripe_peer) -> AsyncIterator[Live]:
    """Our server, billing configured against the local Stripe, on 127.0.0.1."""
    await flush_test_redis()
    settings = make_settings(
        database_url,
        stripe_api_key=API_KEY,
        stripe_api_base=stripe_peer.url,
        stripe_webhook_secret=WEBHOOK_SECRET,
        webhook_allow_http=True,
        webhook_allowed_hosts=["127.0.0.1"],
        # Webhooks and mail sent by the server itself: no worker runs beside it here.
        redis_url=None,
    )
    clock = MovableClock()
    app = create_app(settings, billing_clock=clock)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_config=None, access_log=False, timeout_graceful_shutdown=1)
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    await eventually(lambda: server.started, what="our server started")
    url = f"http://127.0.0.1:{port}"
    # The previous test's events are sent to its own server, not this one (organization
    # ids start again at 1 in each test).
    await eventually(stripe_peer.quiet, what="local Stripe sent what it had to")
    await stripe_peer.send_webhooks_to(f"{url}/billing/stripe/webhook")
    async with httpx.AsyncClient(base_url=url, timeout=PATIENCE_SECONDS) as client:
        client.app = app  # type: ignore[attr-defined]  # as tests/conftest.py's client
        open_mailbox(client, app)  # sign_up verifies the address from its mail
        yield Live(url, app, client, clock)
    await eventually(stripe_peer.quiet, what="local Stripe sent what it had to")
    server.should_exit = True
    with contextlib.suppress(asyncio.CancelledError):
        await task
