"""GraphiQL in a real browser: headless Chromium opens /graphql on a running server (nothing
configured, as after `make run`), loads nothing from another host, breaks no CSP rule, and
a query sent with the token pasted in the Headers tab answers as that user.

Skipped where no Chromium is installed: CI does not require one. To run it, install one
(`apt-get install chromium-headless-shell`, or `chromium`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import shutil
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect

from tests.api_helpers import sign_up
from tests.e2e.running import collect, free_port, newcomer_environment, stop, wait_until_healthy

pytestmark = pytest.mark.slow

BROWSERS = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")
STARTUP_BUDGET_SECONDS = 60.0
PAGE_BUDGET_SECONDS = 30.0

# The page's editors are CodeMirror 5 instances, reachable from their wrapper element.
HEADERS_EDITOR = 'section[aria-label="Headers"] .graphiql-editor:not(.hidden) .CodeMirror'
QUERY_EDITOR = ".graphiql-query-editor .CodeMirror"
RESPONSE_EDITOR = ".graphiql-response .CodeMirror"


def browser() -> str | None:
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


class DevTools:
    """The Chrome DevTools Protocol over one page's socket: commands answered in order,
    and the events that arrive meanwhile kept in `events`."""

    def __init__(self, socket: ClientConnection) -> None:
        self.socket = socket
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        command_id = next(self.ids)
        await self.socket.send(json.dumps({"id": command_id, "method": method, "params": params}))
        while True:
            message: dict[str, Any] = json.loads(await self.socket.recv())
            if message.get("id") == command_id:
                assert "error" not in message, message
                result: dict[str, Any] = message["result"]
                return result
            self.events.append(message)

    async def evaluate(self, expression: str) -> Any:
        answer = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        assert "exceptionDetails" not in answer, answer["exceptionDetails"]
        return answer["result"].get("value")

    async def wait_for(self, expression: str, what: str) -> Any:
        deadline = time.monotonic() + PAGE_BUDGET_SECONDS
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.1)
        logged = [entry["entry"]["text"] for entry in self.named("Log.entryAdded")]
        pytest.fail(f"{what} within {PAGE_BUDGET_SECONDS:.0f} s; the page logged {logged}")

    def named(self, method: str) -> list[dict[str, Any]]:
        return [event["params"] for event in self.events if event.get("method") == method]


@contextlib.asynccontextmanager
async def running(
    command: list[str], cwd: Path, env: dict[str, str]
) -> AsyncIterator[tuple[asyncio.subprocess.Process, list[str]]]:
    lines: list[str] = []
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=cwd,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )
    reader = asyncio.create_task(collect(process.stdout, lines))
    try:
        yield process, lines
    finally:
        await asyncio.to_thread(stop, process)
        await asyncio.wait_for(process.wait(), timeout=10)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


@contextlib.asynccontextmanager
async def browser_page(chromium: str, profile: Path) -> AsyncIterator[DevTools]:
    """A headless browser's blank page, its network, log and console watched."""
    port = free_port()
    command = [
        chromium,
        "--headless",
        "--no-sandbox",  # the tests may run as root
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--remote-debugging-address=127.0.0.1",
        f"--remote-debugging-port={port}",
        "about:blank",
    ]
    async with (
        running(command, profile.parent, dict(os.environ)) as (process, lines),
        httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=10) as client,
    ):
        socket_url = await page_socket(client, process, lines)
        async with connect(socket_url, max_size=None) as socket:
            page = DevTools(socket)
            for domain in ("Network", "Log", "Runtime", "Page"):
                await page.call(f"{domain}.enable")
            yield page


async def page_socket(
    client: httpx.AsyncClient, process: asyncio.subprocess.Process, lines: list[str]
) -> str:
    """The DevTools socket of the browser's first page, once the browser listens."""
    deadline = time.monotonic() + STARTUP_BUDGET_SECONDS
    while time.monotonic() < deadline and process.returncode is None:
        with contextlib.suppress(httpx.TransportError):
            targets = (await client.get("/json/list")).json()
            pages = [t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page"]
            if pages:
                return str(pages[0])
        await asyncio.sleep(0.2)
    log = "\n".join(lines[-40:])
    pytest.fail(f"the browser's DevTools endpoint did not answer:\n{log}")


async def test_graphiql_runs_offline_in_a_browser_with_the_headers_tab(tmp_path: Path) -> None:
    chromium = browser()
    if chromium is None:
        pytest.skip("no Chromium installed (apt-get install chromium-headless-shell)")

    # given the server running as after `make run`, and an account's token
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    serve = [str(Path(sys.executable).parent / "batchtrack"), "serve"]
    async with (
        running(serve, tmp_path, newcomer_environment(port)) as (server, server_lines),
        httpx.AsyncClient(base_url=base_url, timeout=10) as client,
    ):
        await wait_until_healthy(
            client,
            server,
            server_lines,
            time.monotonic(),
            budget_seconds=STARTUP_BUDGET_SECONDS,
            what="`batchtrack serve`",
        )
        account = await sign_up(client)

        # when a browser opens GraphiQL
        async with browser_page(chromium, tmp_path / "browser") as page:
            await page.call("Page.navigate", url=f"{base_url}/graphql")
            await page.wait_for(
                f"document.querySelector({json.dumps(HEADERS_EDITOR)}) !== null",
                "GraphiQL did not render with its Headers tab open",
            )

            # and pastes the token in the Headers tab, then runs the query the page opens with
            headers = json.dumps({"Authorization": f"Bearer {account.token}"})
            await page.evaluate(
                f"document.querySelector({json.dumps(HEADERS_EDITOR)})"
                f".CodeMirror.setValue({json.dumps(headers)})"
            )
            opening_query = await page.evaluate(
                f"document.querySelector({json.dumps(QUERY_EDITOR)}).CodeMirror.getValue()"
            )
            assert "viewer" in opening_query
            await page.evaluate("document.querySelector('.graphiql-execute-button').click()")
            answer = await page.wait_for(
                "(() => { const text = document.querySelector("
                f"{json.dumps(RESPONSE_EDITOR)}).CodeMirror.getValue();"
                f" return text.includes({json.dumps(account.email)}) ? text : null; }})()",
                "the query's answer did not show",
            )

            # and opens a dialog (GraphiQL injects <style> for it) and the explorer plugin
            await page.evaluate(
                "document.querySelector('[aria-label=\"Open settings dialog\"]').click()"
            )
            await page.wait_for("document.querySelector('[role=dialog]') !== null", "no dialog")
            await page.evaluate(
                "document.querySelector('[aria-label=\"Show GraphiQL Explorer\"]').click()"
            )
            await page.wait_for(
                "document.querySelector('.graphiql-explorer-root') !== null", "no explorer"
            )

    # then the query ran as the account whose token was in the Headers tab
    assert json.loads(answer)["data"]["viewer"]["user"]["email"] == account.email
    # and everything the page loaded came from the API
    requested = [event["request"]["url"] for event in page.named("Network.requestWillBeSent")]
    assert f"{base_url}/graphiql/static/graphiql.min.js" in requested
    assert [url for url in requested if not url.startswith((base_url + "/", "data:"))] == []
    # with no CSP violation, script error or failed load on the way
    logged = [entry["entry"] for entry in page.named("Log.entryAdded")]
    assert [entry for entry in logged if entry["level"] == "error"] == []
    assert page.named("Runtime.exceptionThrown") == []
    console = page.named("Runtime.consoleAPICalled")
    assert [call for call in console if call["type"] in ("error", "assert")] == []
