"""A newcomer's first run: a fresh clone, no configuration, `make run`, then a sign-up.

Only committed files are in the clone, so this checks what a newcomer really gets: the
Makefile installs .venv from requirements.lock, the server starts in the embedded mode
(SQLite under ./var, migrated on start) and serves the API.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.api_helpers import PASSWORD, SIGN_UP
from tests.timing import PATIENCE_SECONDS

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
# `make run` in a fresh clone took about 18 s on the development machine (pip cache warm);
# the budget leaves room for a cold cache and a slow CI runner.
HEALTHY_BUDGET_SECONDS = 300.0
# The Settings fields are read from these variables: a newcomer has none of them set.
CONFIGURATION_VARIABLES = {
    "DATABASE_URL",
    "TEST_DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "SENTRY_DSN",
    "SENTRY_ENVIRONMENT",
    "CORS_ORIGINS",
    "LOG_LEVEL",
    "GRAPHIQL",
    "INTROSPECTION",
    "AUTO_MIGRATE",
    "SMTP_URL",
    "MAIL_FROM",
    "TRUST_FORWARDED_PROTO",
    "REQUIRE_SERVICES",
    "VIRTUAL_ENV",
    "MAKEFLAGS",
    "MFLAGS",
    "MAKELEVEL",
}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def base_python() -> str:
    """The interpreter behind the test's venv, as a newcomer's `python3` would be."""
    return getattr(sys, "_base_executable", None) or sys.executable


def newcomer_environment(port: int) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key.upper() not in CONFIGURATION_VARIABLES and not key.upper().startswith("PYTEST")
    }
    env.update({"PORT": str(port), "HOST": "127.0.0.1", "PYTHON": base_python()})
    return env


async def collect(stream: asyncio.StreamReader | None, lines: list[str]) -> None:
    if stream is None:
        return
    async for line in stream:
        lines.append(line.decode(errors="replace").rstrip())


def stop(process: asyncio.subprocess.Process) -> None:
    """Ends the process group `make run` leads (make, and the server it started)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)


async def test_fresh_clone_serves_with_make_run(tmp_path: Path) -> None:
    for tool in ("git", "make"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")

    # given a fresh clone of the repository and nothing configured
    clone = tmp_path / "batchtrack"
    cloning = await asyncio.create_subprocess_exec(
        "git",
        "clone",
        "--quiet",
        str(REPO_ROOT),
        str(clone),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(cloning.communicate(), timeout=120)
    assert cloning.returncode == 0, output.decode(errors="replace")
    assert not (clone / ".venv").exists()
    assert not (clone / "var").exists()

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    lines: list[str] = []
    started = time.monotonic()
    # when the newcomer types `make run`
    server = await asyncio.create_subprocess_exec(
        "make",
        "run",
        cwd=clone,
        env=newcomer_environment(port),
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )
    reader = asyncio.create_task(collect(server.stdout, lines))
    try:
        async with httpx.AsyncClient(base_url=base_url, timeout=PATIENCE_SECONDS) as client:
            time_to_healthy = await wait_until_healthy(client, server, lines, started)
            print(f"\nmake run in a fresh clone: healthy after {time_to_healthy:.1f} s")

            # then the API answers a sign-up, stored in the embedded SQLite database
            response = await client.post(
                "/graphql",
                json={
                    "query": SIGN_UP,
                    "variables": {
                        "input": {
                            "email": "newcomer@example.com",
                            "password": PASSWORD,
                            "organizationName": "First Workshop",
                        }
                    },
                },
            )
            assert response.status_code == 200, response.text
            result = response.json()["data"]["signUp"]
            assert result["userErrors"] == []
            assert result["token"].startswith("bt_sess_")
            assert result["organization"]["name"] == "First Workshop"

            viewer = await client.post(
                "/graphql",
                json={"query": "{ viewer { user { email } } }"},
                headers={"Authorization": f"Bearer {result['token']}"},
            )
            assert viewer.json()["data"]["viewer"]["user"]["email"] == "newcomer@example.com"
        assert (clone / "var" / "batchtrack.db").is_file()
    finally:
        await asyncio.to_thread(stop, server)
        await asyncio.wait_for(server.wait(), timeout=10)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
    shutil.rmtree(clone, ignore_errors=True)  # the clone's .venv is large


async def wait_until_healthy(
    client: httpx.AsyncClient,
    server: asyncio.subprocess.Process,
    lines: list[str],
    started: float,
) -> float:
    while time.monotonic() - started < HEALTHY_BUDGET_SECONDS:
        if server.returncode is not None:
            log = "\n".join(lines[-40:])
            pytest.fail(f"`make run` exited with {server.returncode}:\n{log}")
        with contextlib.suppress(httpx.TransportError):
            response = await client.get("/healthz")
            if response.status_code == 200 and response.json() == {"status": "ok"}:
                return time.monotonic() - started
        await asyncio.sleep(0.5)
    log = "\n".join(lines[-40:])
    pytest.fail(f"/healthz did not answer within {HEALTHY_BUDGET_SECONDS:.0f} s:\n{log}")
