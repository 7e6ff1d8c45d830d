"""Time in tests, without racing it: clocks the test moves by hand, and waiting on a
condition with a generous deadline (a loaded machine makes a test slower, never wrong).

A test of a time-based rule injects one of these clocks; a test that waits for work done
elsewhere (a sender, a sweeper, a worker process) waits with `eventually`, never with a
fixed pause."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from services.db import utcnow

# Long enough for any condition on a loaded machine; only a broken test waits this long.
PATIENCE_SECONDS = 60.0
POLL_SECONDS = 0.02


async def eventually(
    condition: Callable[[], bool | Awaitable[bool]],
    *,
    within: float = PATIENCE_SECONDS,
    what: str | None = None,
) -> None:
    """Return as soon as `condition()` (a function or a coroutine function) is true;
    fail after `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        result = condition()
        if inspect.isawaitable(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {within:g} s: {what or condition}")
        await asyncio.sleep(POLL_SECONDS)


class ManualClock:
    """Seconds that pass only when the test says so (a stand-in for time.monotonic)."""

    def __init__(self, start: float = 1_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class ManualUTC:
    """A timezone-aware UTC clock that moves only when the test says so (a stand-in
    for services.db.utcnow)."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta
