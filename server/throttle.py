"""Leaky-bucket throttling by query cost, as Shopify does: each caller has a bucket of
`maximum` points that refills at `restore_rate` points per second. In memory for the
embedded mode; in Redis (one atomic script, server clock) when several processes serve.

Both take an optional clock (seconds; only differences matter), so that a test drives
the time a rule is about instead of racing it."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis

from services.permissions import Principal


@dataclass(frozen=True)
class BucketState:
    allowed: bool
    available: float


Clock = Callable[[], float]


class CostBucket(Protocol):
    maximum: int
    restore_rate: float

    async def take(self, key: str, cost: int) -> BucketState: ...

    async def refund(self, key: str, points: int) -> float: ...


class MemoryBucket:
    def __init__(self, maximum: int, restore_rate: float, *, clock: Clock = time.monotonic) -> None:
        self.maximum = maximum
        self.restore_rate = restore_rate
        self.clock = clock
        self._levels: dict[str, tuple[float, float]] = {}

    def _level(self, key: str, now: float) -> float:
        available, at = self._levels.get(key, (float(self.maximum), now))
        return min(float(self.maximum), available + (now - at) * self.restore_rate)

    async def take(self, key: str, cost: int) -> BucketState:
        now = self.clock()
        available = self._level(key, now)
        allowed = cost <= available
        if allowed:
            available -= cost
        self._levels[key] = (available, now)
        return BucketState(allowed, available)

    async def refund(self, key: str, points: int) -> float:
        now = self.clock()
        available = min(float(self.maximum), self._level(key, now) + points)
        self._levels[key] = (available, now)
        return available


# KEYS[1] bucket; ARGV: maximum, restore rate, cost (negative = refund), only_if_enough,
# then for an injected clock the time now and the seconds to keep the key (both '' for
# Redis's own clock and a key kept until its bucket would be full again).
_TAKE = """
local now = tonumber(ARGV[5])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local maximum = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = tonumber(state[1]) or maximum
local at = tonumber(state[2]) or now
available = math.min(maximum, available + (now - at) * rate)
local allowed = 0
if cost <= available or ARGV[4] == '0' then
  available = math.min(maximum, available - cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[6]) or math.ceil(maximum / rate) + 5)
return {allowed, tostring(available)}
"""


# Under an injected clock Redis cannot tell when a bucket is full again, so its key is
# kept this long (real seconds) rather than for the refill time.
KEEP_UNDER_INJECTED_CLOCK = 3600


class RedisBucket:
    """One bucket per caller shared by every API process. Its time is Redis's clock
    (TIME, inside the script), the same for all processes, unless `clock` is given."""

    def __init__(
        self, redis: Redis, maximum: int, restore_rate: float, *, clock: Clock | None = None
    ) -> None:
        self.redis = redis
        self.maximum = maximum
        self.restore_rate = restore_rate
        self.clock = clock
        self._script = redis.register_script(_TAKE)

    async def _run(self, key: str, cost: int, only_if_enough: bool) -> BucketState:
        allowed, available = await self._script(
            keys=[f"batchtrack:cost:{key}"],
            args=[
                self.maximum,
                self.restore_rate,
                cost,
                "1" if only_if_enough else "0",
                "" if self.clock is None else repr(self.clock()),
                "" if self.clock is None else KEEP_UNDER_INJECTED_CLOCK,
            ],
        )
        return BucketState(bool(int(allowed)), float(available))

    async def take(self, key: str, cost: int) -> BucketState:
        return await self._run(key, cost, only_if_enough=True)

    async def refund(self, key: str, points: int) -> float:
        return (await self._run(key, -points, only_if_enough=False)).available


class Throttle:
    """Each caller's bucket, sized by the plan of its organization (the principal's
    standing); anonymous callers and the local plan get the settings' `default`. A bucket
    keeps its level per caller key, so a caller whose plan changes starts a full bucket
    of the new size."""

    def __init__(self, default: CostBucket, make: Callable[[int, float], CostBucket]) -> None:
        self.default = default
        self.make = make
        self._sized: dict[tuple[int, float], CostBucket] = {}

    def bucket_for(self, principal: Principal | None) -> CostBucket:
        size = principal.standing.throttle if principal is not None else None
        if size is None:
            return self.default
        key = (size.maximum, size.restore_rate)
        found = self._sized.get(key)
        if found is None:
            found = self._sized[key] = self.make(*key)
        return found
