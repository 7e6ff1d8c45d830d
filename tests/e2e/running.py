"""Running the server as a process for the end-to-end tests: a free port, the environment
of a machine with nothing configured, its output, waiting for /healthz, stopping it."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time

import httpx
import pytest

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
    """Ends the process group the process leads (`make run`: make, and the server it
    started)."""
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


async def wait_until_healthy(
    client: httpx.AsyncClient,
    server: asyncio.subprocess.Process,
    lines: list[str],
    started: float,
    *,
    budget_seconds: float,
    what: str,
) -> float:
    """Seconds from `started` until /healthz answers; fails the test, with the server's last
    lines, if `what` exits or the budget runs out first."""
    while time.monotonic() - started < budget_seconds:
        if server.returncode is not None:
            log = "\n".join(lines[-40:])
            pytest.fail(f"{what} exited with {server.returncode}:\n{log}")
        with contextlib.suppress(httpx.TransportError):
            response = await client.get("/healthz")
            if response.status_code == 200 and response.json() == {"status": "ok"}:
                return time.monotonic() - started
        await asyncio.sleep(0.5)
    log = "\n".join(lines[-40:])
    pytest.fail(f"/healthz did not answer within {budget_seconds:.0f} s:\n{log}")
