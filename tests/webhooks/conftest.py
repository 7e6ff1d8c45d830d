"""A real HTTP receiver for the webhook tests: uvicorn on 127.0.0.1 in a thread, recording
every request and answering as each test scripts it (status, headers, or holding the
request open until the test releases it: a slow peer is one that has not answered yet,
never a timed delay)."""

from __future__ import annotations

import asyncio
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import uvicorn

from tests.services.accounts.givens import Actor, Sessions, sign_up
from tests.timing import PATIENCE_SECONDS, eventually


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b"ok"
    # Hold the request open until this event is set.
    hold: threading.Event | None = None


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


class Receiver:
    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._scripts: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self._paths = itertools.count(1)
        self.port = 0

    def new_path(self, *replies: Reply) -> str:
        """A fresh path, answered by `replies` in turn and then by 200."""
        path = f"/hook/{next(self._paths)}"
        with self._lock:
            self._scripts[path] = list(replies)
        return path

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def at(self, path: str) -> list[Received]:
        return [request for request in list(self.requests) if request.path == path]

    async def wait_for(self, path: str, count: int) -> list[Received]:
        """The requests to `path` once there are at least `count` of them."""
        await eventually(
            lambda: len(self.at(path)) >= count,
            what=f"{count} requests to {path} (have {len(self.at(path))})",
        )
        return self.at(path)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            message = await receive()
            while message["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
                message = await receive()
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {key.decode().lower(): value.decode() for key, value in scope["headers"]}
        self.requests.append(Received(scope["path"], headers, body))
        with self._lock:
            script = self._scripts.get(scope["path"], [])
            reply = script.pop(0) if script else Reply()
        if reply.hold is not None:
            # A threading.Event (the test thread sets it): polled, it cannot be awaited.
            while not reply.hold.is_set():  # noqa: ASYNC110
                await asyncio.sleep(0.02)
        await send(
            {
                "type": "http.response.start",
                "status": reply.status,
                "headers": [(k.encode(), v.encode()) for k, v in reply.headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": reply.body})


@pytest.fixture(scope="session")
def receiver() -> Iterator[Receiver]:
    app = Receiver()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    app.port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="critical", access_log=False, timeout_graceful_shutdown=1)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test receiver did not start")
        time.sleep(0.01)
    yield app
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture
async def owner(sessions: Sessions) -> Actor:
    """An organization's owner (the fault tests override this with one that also needs
    PostgreSQL and Redis)."""
    return await sign_up(sessions)
