"""Pacing from `extensions.cost`: every answer says what the query cost and how many
points the caller's bucket holds (`throttleStatus`). Before sending an operation again,
wait until the bucket, refilling at `restoreRate` per second, holds what that operation
cost last time, so a bulk sync slows down rather than being refused. An operation's
first call has no cost to go by, and another process spending the same bucket is not
seen: then a THROTTLED answer says how long to wait, and the transport waits that long
and retries. Either way no call fails for the budget."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any


class Pacer:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._costs: dict[str, float] = {}
        self._available: float | None = None
        self._maximum = 0.0
        self._restore_rate = 0.0
        self._seen_at = 0.0

    def observe(self, operation: str | None, extensions: Mapping[str, Any] | None) -> None:
        cost = (extensions or {}).get("cost")
        if not isinstance(cost, Mapping):
            return
        requested = cost.get("requestedQueryCost")
        if operation and isinstance(requested, int | float):
            self._costs[operation] = float(requested)
        status = cost.get("throttleStatus")
        if isinstance(status, Mapping):
            self._available = float(status.get("currentlyAvailable", 0))
            self._maximum = float(status.get("maximumAvailable", 0))
            self._restore_rate = float(status.get("restoreRate", 0))
            self._seen_at = self._clock()

    def available(self) -> float | None:
        """The bucket now, as last reported and refilled since."""
        if self._available is None:
            return None
        refilled = self._available + (self._clock() - self._seen_at) * self._restore_rate
        return min(self._maximum, refilled)

    def delay(self, operation: str | None) -> float:
        """Seconds to wait before sending `operation` so its cost is in the bucket."""
        available = self.available()
        needed = self._costs.get(operation or "", 0.0)
        if available is None or available >= needed or self._restore_rate <= 0:
            return 0.0
        return (needed - available) / self._restore_rate
