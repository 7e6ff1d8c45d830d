"""A newcomer's first run: a fresh clone, no configuration, `make run`, then a sign-up.

Only committed files are in the clone, so this checks what a newcomer really gets: the
Makefile installs .venv from requirements.lock, the server starts in the embedded mode
(SQLite under ./var, migrated on start) and serves the API.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import time
from pathlib import Path

import httpx
import pytest

from tests.api_helpers import PASSWORD, SIGN_UP, page_references
from tests.e2e.running import collect, free_port, newcomer_environment, stop, wait_until_healthy
from tests.timing import PATIENCE_SECONDS

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
# `make run` in a fresh clone took about 18 s on the development machine (pip cache warm);
# the budget leaves room for a cold cache and a slow CI runner.
HEALTHY_BUDGET_SECONDS = 300.0


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
            time_to_healthy = await wait_until_healthy(
                client,
                server,
                lines,
                started,
                budget_seconds=HEALTHY_BUDGET_SECONDS,
                what="`make run`",
            )
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

            # and GraphiQL's page and everything it loads come from the API itself (offline)
            page = await client.get("/graphql", headers={"Accept": "text/html"})
            assert page.status_code == 200
            for url in page_references(page.text):
                assert url.startswith("/"), url
                assert (await client.get(url)).status_code == 200, url
        assert (clone / "var" / "batchtrack.db").is_file()
    finally:
        await asyncio.to_thread(stop, server)
        await asyncio.wait_for(server.wait(), timeout=10)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
    shutil.rmtree(clone, ignore_errors=True)  # the clone's .venv is large
