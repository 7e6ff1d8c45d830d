"""Leaky-bucket throttling by query cost, as Shopify does: each caller has a bucket of
`maximum` points that refills at `restore_rate` points per second. In memory for the
embedded mode; in Redis (one atomic script, server clock) when several processes serve,
each process holding a small leased share of a caller's points (RedisBucket).

Both take an optional clock (seconds; only differences matter), so that a test drives
the time a rule is about instead of racing it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import weakref
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


log = logging.getLogger("batchtrack.throttle")

# KEYS[1] bucket; ARGV: maximum, restore rate, points given back (a lease's rest), cost,
# the most to lease beyond it, then for an injected clock the time now and the seconds to
# keep the key (both '' for Redis's own clock and a key kept until its bucket would be
# full again). Returns allowed, the points leased beyond the cost, and the points left in
# Redis after that.
_TAKE = """
local now = tonumber(ARGV[6])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local maximum = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'available', 'at')
local available = tonumber(state[1]) or maximum
local at = tonumber(state[2]) or now
-- A time before the last one (clocks of different processes) restores nothing.
available = math.min(maximum, available + math.max(0, now - at) * rate + tonumber(ARGV[3]))
local allowed = 0
local leased = 0
if cost <= available then
  allowed = 1
  leased = math.max(0, math.min(tonumber(ARGV[5]), available - cost))
  available = math.min(maximum, available - cost - leased)
end
redis.call('HSET', KEYS[1], 'available', tostring(available), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[7]) or math.ceil(maximum / rate) + 5)
return {allowed, tostring(leased), tostring(available)}
"""


# Under an injected clock Redis cannot tell when a bucket is full again, so its key is
# kept this long (real seconds) rather than for the refill time.
KEEP_UNDER_INJECTED_CLOCK = 3600


# The share of a bucket a process leases beyond a request's cost, and how long an unused
# lease is kept before its points go back to Redis.
LEASE_SHARE = 0.1
LEASE_SECONDS = 1.0
# Round trips for one key go one at a time (a burst's requests then share the first
# one's lease instead of each leasing, and refusing, on its own); keys share these locks.
KEY_LOCKS = 64


@dataclass
class _Lease:
    points: float  # leased from Redis, spent and refunded here
    redis_level: float  # what Redis held after the last round trip
    at: float  # when that was, on the bucket's clock
    used: float  # when the lease was last used, on the event loop's clock


class RedisBucket:
    """One bucket per caller shared by every API process. Its time is Redis's clock
    (TIME, inside the script), the same for all processes, unless `clock` is given.

    A round trip to Redis per request (and another to refund) cost a quarter of a planned
    read's throughput, so a process leases a share of a caller's points (LEASE_SHARE of
    the maximum, at most what is there) with the points a request takes, in the same
    script. Requests then spend and refund from the lease with no round trip until it
    runs short; the next round trip gives back what is left of it before taking again, so
    the points across processes never exceed the bucket: a caller is never allowed more,
    and one process can hold at most LEASE_SHARE of the maximum that another cannot spend
    for LEASE_SECONDS (an idle lease is then returned). `available` is Redis's level plus
    the lease, refilled to now."""

    def __init__(
        self, redis: Redis, maximum: int, restore_rate: float, *, clock: Clock | None = None
    ) -> None:
        self.redis = redis
        self.maximum = maximum
        self.restore_rate = restore_rate
        self.clock = clock
        self._script = redis.register_script(_TAKE)
        self._leases: dict[str, _Lease] = {}
        self._returning: asyncio.Task[None] | None = None
        self._locks = [asyncio.Lock() for _ in range(KEY_LOCKS)]
        _LIVE.add(self)

    def _lock(self, key: str) -> asyncio.Lock:
        return self._locks[hash(key) % KEY_LOCKS]

    def _now(self) -> float:
        return self.clock() if self.clock is not None else time.monotonic()

    def _available(self, lease: _Lease) -> float:
        refilled = lease.redis_level + (self._now() - lease.at) * self.restore_rate
        return min(float(self.maximum), refilled + lease.points)

    async def _round_trip(self, key: str, cost: float, lease_up_to: float) -> BucketState:
        lease = self._leases.pop(key, None)
        given_back = lease.points if lease is not None else 0.0
        try:
            allowed, leased, level = await self._script(
                keys=[f"batchtrack:cost:{key}"],
                args=[
                    self.maximum,
                    self.restore_rate,
                    repr(given_back),
                    cost,
                    repr(lease_up_to),
                    "" if self.clock is None else repr(self.clock()),
                    "" if self.clock is None else KEEP_UNDER_INJECTED_CLOCK,
                ],
            )
        except BaseException:
            if lease is not None:  # not given back: still ours
                self._leases.setdefault(key, lease)
            raise
        # Refunds may have come meanwhile: they stay with the new lease.
        meanwhile = self._leases.get(key)
        points = float(leased) + (meanwhile.points if meanwhile is not None else 0.0)
        kept = _Lease(points, float(level), self._now(), _loop_time())
        self._leases[key] = kept
        self._return_idle_later()
        return BucketState(bool(int(allowed)), self._available(kept))

    def _spend(self, key: str, cost: int) -> BucketState | None:
        lease = self._leases.get(key)
        if lease is None or cost > lease.points:
            return None
        lease.points -= cost
        lease.used = _loop_time()
        return BucketState(True, self._available(lease))

    async def take(self, key: str, cost: int) -> BucketState:
        spent = self._spend(key, cost)
        if spent is not None:
            return spent
        async with self._lock(key):
            # Another request's round trip may have leased enough while this one waited.
            spent = self._spend(key, cost)
            if spent is not None:
                return spent
            return await self._round_trip(key, cost, self.maximum * LEASE_SHARE)

    async def refund(self, key: str, points: int) -> float:
        lease = self._leases.get(key)
        if lease is None:
            async with self._lock(key):
                return (await self._round_trip(key, -points, 0.0)).available
        lease.points += points
        lease.used = _loop_time()
        return self._available(lease)

    def _return_idle_later(self) -> None:
        if self._returning is None or self._returning.done():
            self._returning = asyncio.get_running_loop().create_task(self._return_idle())

    async def _return_idle(self) -> None:
        """Gives idle leases back to Redis, until none is left."""
        while self._leases:
            await asyncio.sleep(LEASE_SECONDS)
            due = _loop_time() - LEASE_SECONDS
            for key in [k for k, lease in self._leases.items() if lease.used <= due]:
                try:
                    async with self._lock(key):
                        await self._round_trip(key, 0, 0.0)
                except Exception:  # Redis gone (shutdown): the points restore anyway
                    log.debug("could not return a lease", exc_info=True)
                    return
                with contextlib.suppress(KeyError):
                    if self._leases[key].points == 0:
                        del self._leases[key]

    async def release(self) -> None:
        """Gives every lease back now (a process stopping): others may spend them."""
        if self._returning is not None:
            self._returning.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._returning
        for key in list(self._leases):
            with contextlib.suppress(Exception):
                async with self._lock(key):
                    await self._round_trip(key, 0, 0.0)
            self._leases.pop(key, None)
        if self._returning is not None:
            self._returning.cancel()


_LIVE: weakref.WeakSet[RedisBucket] = weakref.WeakSet()


async def release_leases(redis: Redis) -> None:
    """Gives back the leases of every bucket on this Redis client, before it closes."""
    for bucket in [b for b in _LIVE if b.redis is redis]:
        await bucket.release()


def _loop_time() -> float:
    return asyncio.get_running_loop().time()


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
