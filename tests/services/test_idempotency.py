"""Idempotency keys at the service: which first responses are kept for replays."""

from __future__ import annotations

import json
from typing import Any

import pytest

from services import idempotency
from services.db import unit_of_work
from tests.services.accounts.givens import Sessions

CALLER, KEY, DIGEST = "api_key:1", "retry-me", "a" * 64


async def _begin(sessions: Sessions) -> idempotency.Stored | None:
    async with unit_of_work(sessions) as session:
        return await idempotency.begin(session, caller=CALLER, key=KEY, digest=DIGEST)


async def _settle(sessions: Sessions, body: dict[str, Any], status: int = 200) -> None:
    async with unit_of_work(sessions) as session:
        await idempotency.settle(
            session, caller=CALLER, key=KEY, status_code=status, body=json.dumps(body).encode()
        )


async def test_a_completed_response_is_replayed(sessions):
    answer: dict[str, Any] = {"data": {"adjustInventory": {"userErrors": []}}}
    assert await _begin(sessions) is None
    await _settle(sessions, answer)
    assert await _begin(sessions) == idempotency.Stored(200, answer)


@pytest.mark.parametrize("code", ["THROTTLED", "SERVICE_BUSY", "INTERNAL_SERVER_ERROR"])
async def test_a_transient_failure_is_not_kept_so_the_retry_runs(sessions, code):
    failed: dict[str, Any] = {
        "data": None,
        "errors": [{"message": "later", "extensions": {"code": code}}],
    }
    assert await _begin(sessions) is None
    await _settle(sessions, failed)
    assert await _begin(sessions) is None


async def test_a_server_error_status_frees_the_key(sessions):
    assert await _begin(sessions) is None
    await _settle(sessions, {"errors": []}, status=503)
    assert await _begin(sessions) is None
