"""Sentry: an internal fault reaches a real (local) Sentry receiver exactly once, tagged
with the organization and scrubbed of secrets; a caller's mistake sends nothing."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import sentry_sdk
from sqlalchemy.ext.asyncio import AsyncEngine

from resolvers.ids import parse_global_id
from services.accounts import service as accounts_service
from tests.api_helpers import PASSWORD, error_codes, gql, sign_up
from tests.conftest import make_settings
from tests.server.conftest import AppClient
from tests.timing import PATIENCE_SECONDS

pytestmark = pytest.mark.api


@dataclass
class Envelope:
    path: str
    raw: bytes
    items: list[tuple[dict[str, Any], bytes]] = field(default_factory=list)

    def payloads(self, item_type: str) -> list[dict[str, Any]]:
        return [json.loads(body) for header, body in self.items if header["type"] == item_type]


def parse_envelope(path: str, raw: bytes) -> Envelope:
    """Sentry's envelope format: a header line, then per item a header line and a payload
    of `length` bytes (or up to the next newline when the header has no length)."""
    envelope = Envelope(path, raw)
    _header, _, rest = raw.partition(b"\n")
    while rest.strip():
        item_line, _, rest = rest.partition(b"\n")
        item_header = json.loads(item_line)
        if "length" in item_header:
            length = item_header["length"]
            payload, rest = rest[:length], rest[length:]
            rest = rest.removeprefix(b"\n")
        else:
            payload, _, rest = rest.partition(b"\n")
        envelope.items.append((item_header, payload))
    return envelope


class SentryReceiver:
    """A tiny threaded HTTP server standing in for Sentry's ingestion endpoint."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.other_requests: list[str] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                encoding = self.headers.get("Content-Encoding", "identity")
                if encoding == "gzip":
                    body = gzip.decompress(body)
                elif encoding not in ("identity", ""):
                    raise AssertionError(f"unexpected Content-Encoding {encoding}")
                if self.path.endswith("/envelope/"):
                    receiver.envelopes.append(parse_envelope(self.path, body))
                else:
                    receiver.other_requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def dsn(self) -> str:
        return f"http://publickey@127.0.0.1:{self.port}/1"

    def events(self) -> list[dict[str, Any]]:
        return [event for envelope in self.envelopes for event in envelope.payloads("event")]

    def raw_text(self) -> str:
        return "\n".join(envelope.raw.decode("utf-8", "replace") for envelope in self.envelopes)


@pytest.fixture
def receiver() -> Iterator[SentryReceiver]:
    receiver = SentryReceiver()
    receiver.thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


def organization_key(global_id: str) -> int:
    parsed = parse_global_id(global_id)
    assert parsed is not None, global_id
    assert parsed[0] == "Organization", global_id
    return parsed[1]


async def test_internal_fault_reaches_sentry_once_tagged_and_scrubbed(
    database_url: str,
    engine: AsyncEngine,
    receiver: SentryReceiver,
    app_client: AppClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = make_settings(database_url, sentry_dsn=receiver.dsn)
    async with app_client(settings) as client:
        # given a signed-up user
        account = await sign_up(client)
        secret_part = account.token.removeprefix("bt_sess_")
        assert account.token.startswith("bt_sess_")
        assert len(secret_part) >= 20

        # and a service that fails with a message carrying the caller's token
        async def broken_get_viewer(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("boom " + account.token)

        monkeypatch.setattr(accounts_service, "get_viewer", broken_get_viewer)

        # when the user queries their viewer, with a password among the variables
        body = await gql(
            client,
            "{ viewer { organization { id } } }",
            {"password": PASSWORD, "input": {"note": PASSWORD}},
            token=account.token,
        )

    # then the caller sees one masked internal error with a request id
    assert error_codes(body) == ["INTERNAL_SERVER_ERROR"]
    error = body["errors"][0]
    assert "boom" not in error["message"]
    assert account.token not in json.dumps(body)
    assert secret_part not in json.dumps(body)
    assert error["extensions"]["requestId"]

    # and Sentry receives exactly one event, tagged with the organization, with no secrets
    assert sentry_sdk.flush(timeout=PATIENCE_SECONDS) is None
    events = receiver.events()
    assert len(events) == 1, [event.get("logger") or event.get("exception") for event in events]
    event = events[0]
    assert event["tags"]["organization_id"] == str(organization_key(account.organization_id))
    assert event["tags"]["request_id"] == error["extensions"]["requestId"]
    assert event["level"] == "error"
    exception_types = [value["type"] for value in event["exception"]["values"]]
    assert "RuntimeError" in exception_types
    raw = receiver.raw_text()
    assert account.token not in raw
    assert secret_part not in raw
    assert PASSWORD not in raw
    assert "bt_sess_[redacted]" in raw  # the message was scrubbed, not dropped


async def test_unauthenticated_request_sends_nothing_to_sentry(
    database_url: str,
    engine: AsyncEngine,
    receiver: SentryReceiver,
    app_client: AppClient,
) -> None:
    settings = make_settings(database_url, sentry_dsn=receiver.dsn)
    async with app_client(settings) as client:
        # when a caller without a token asks for its viewer
        body = await gql(client, "{ viewer { user { id } } }")

    # then it is told it is unauthenticated, and Sentry hears nothing of it
    assert error_codes(body) == ["UNAUTHENTICATED"]
    sentry_sdk.flush(timeout=PATIENCE_SECONDS)
    assert receiver.events() == []
