"""Leaky-bucket throttling by query cost, as Shopify does: each caller has a bucket of
`maximum` points that refills at `restore_rate` points per second. In memory for the
embedded mode; in Redis (one atomic script, server clock) when several processes serve."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol

from redis.asyncio import Redis


@dataclass(frozen=True)
class BucketState:
    allowed: bool
    available: float


class CostBucket(Protocol):
    maximum: int
    restore_rate: float

    async def take(self, key: str, cost: int) -> BucketState: ...

    async def refund(self, key: str, points: int) -> float: ...


class MemoryBucket:
    def __init__(self, maximum: int, restore_rate: float) -> None:
        self.maximum = maximum
        self.restore_rate = restore_rate
        self._levels: dict[str, tuple[float, float]] = {}

    def _level(self, key: str, now: float) -> float:
        available, at = self._levels.get(key, (float(self.maximum), now))
        return min(float(self.maximum), available + (now - at) * self.restore_rate)

    async def take(self, key: str, cost: int) -> BucketState:
        now = time.monotonic()
        available = self._level(key, now)
        allowed = cost <= available
        if allowed:
            available -= cost
        self._levels[key] = (available, now)
        return BucketState(allowed, available)

    async def refund(self, key: str, points: int) -> float:
        now = time.monotonic()
        available = min(float(self.maximum), self._level(key, now) + points)
        self._levels[key] = (available, now)
        return available


# KEYS[1] bucket; ARGV: maximum, restore rate, cost (negative = refund), only_if_enough.
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
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
redis.call('EXPIRE', KEYS[1], math.ceil(maximum / rate) + 5)
return {allowed, tostring(available)}
"""


class RedisBucket:
    def __init__(self, redis: Redis, maximum: int, restore_rate: float) -> None:
        self.redis = redis
        self.maximum = maximum
        self.restore_rate = restore_rate
        self._script = redis.register_script(_TAKE)

    async def _run(self, key: str, cost: int, only_if_enough: bool) -> BucketState:
        allowed, available = await self._script(
            keys=[f"batchtrack:cost:{key}"],
            args=[self.maximum, self.restore_rate, cost, "1" if only_if_enough else "0"],
        )
        return BucketState(bool(int(allowed)), float(available))

    async def take(self, key: str, cost: int) -> BucketState:
        return await self._run(key, cost, only_if_enough=True)

    async def refund(self, key: str, points: int) -> float:
        return (await self._run(key, -points, only_if_enough=False)).available
