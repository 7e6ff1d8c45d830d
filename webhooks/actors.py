"""Dramatiq, with Redis: the sweeper enqueues one `deliver_webhooks` message per endpoint
with deliveries that may go now, and `batchtrack worker` processes drain it with the
engine (webhooks/engine.py), many requests in flight on one event loop.

A drained endpoint's actor lingers a moment, waiting on a Redis list for a commit's
nudge (`enqueue(..., nudge=True)`), so an endpoint with steady traffic is served by one
message and one waiting actor instead of a message, a poll and a hand-off per commit;
when nudged often it waits a little before draining again, so a busy endpoint's commits
go out in batches (DRAIN_SPACING_SECONDS).

The retry schedule lives in the database (services/webhooks/), so Dramatiq's own retries
are off. A message only carries an endpoint id; the actor opens its own sessions.
Messages are cheap to lose or duplicate: the sweeper enqueues again whatever is still
due, and the claims (leases, `SKIP LOCKED`) let only one sender attempt a delivery.

Nothing here reads the environment: the server calls `configure` with what it read.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import dramatiq
import redis.asyncio
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware.asyncio import AsyncIO
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from webhooks.engine import PER_ENDPOINT, Engine
from webhooks.sender import ClientPool

log = logging.getLogger("batchtrack.webhooks")

QUEUE = "webhooks"
ACTOR_NAME = "deliver_webhooks"
# While this marker exists the sweeper does not enqueue the endpoint again. The actor
# draining it keeps it alive, removes it once the endpoint is drained, then drains once
# more (what was committed meanwhile); if the message is lost (Redis flushed, or a
# worker died holding it) the marker expires and the next sweep enqueues the endpoint
# anew.
MARKER_PREFIX = "batchtrack:webhooks:endpoint:"
MARKER_SECONDS = 10
HEARTBEAT_SECONDS = 3.0
# A nudge: a commit gave a drained (or draining) endpoint more. At most one waits.
NUDGE_PREFIX = "batchtrack:webhooks:nudge:"
# How long a drained endpoint's actor waits for a nudge before it lets the endpoint go,
# and how long one message may keep an endpoint in all (then another takes over, so one
# busy endpoint never holds a thread for good).
LINGER_SECONDS = 1.0
HOLD_SECONDS = 60.0
# Longer than a drain of a burst can take, far shorter than Dramatiq's default of 10 min.
ACTOR_TIME_LIMIT_MS = 600_000
# Dramatiq's consumer sleeps up to its worker timeout (1 s by default) between polls of
# an empty queue; the first message after a quiet spell would wait that long. Polling
# costs an idle worker CPU (measured here: 0.5 % of a core at 1 s, 4.7 % at 50 ms, 11.6 %
# at 20 ms); 50 ms bounds the added latency well inside the 150 ms p99 aimed at 50/s.
IDLE_POLL_MS = 50
# Each thread drains one endpoint at a time (its requests in flight on the one event
# loop), so this many endpoints go at once per worker; fewer than the endpoints with
# traffic makes the others queue behind them.
WORKER_THREADS = 16
# Lingering actors hold their threads; this many threads are kept for new messages.
THREADS_NOT_LINGERING = 4
# A busy endpoint (this many drains begun within the last second) is drained at most
# once per DRAIN_SPACING_SECONDS: what its commits add meanwhile goes out together,
# claimed and recorded as one batch, instead of a claim and a record transaction per
# commit. Quieter endpoints are drained the moment they are nudged.
BUSY_DRAINS_PER_SECOND = 10
DRAIN_SPACING_SECONDS = 0.1


@dataclass
class _Runtime:
    broker: RedisBroker
    actor: dramatiq.Actor[[int], None]
    sessions: async_sessionmaker[AsyncSession]
    policy: TargetPolicy
    box: SecretBox
    # The actor runs on the worker's event-loop thread; its engine and HTTP sessions
    # belong to that loop.
    engines: dict[int, Engine] = field(default_factory=dict)
    redis_url: str = ""
    clients: dict[int, redis.asyncio.Redis] = field(default_factory=dict)
    lingering: int = 0
    mark_or_nudge: Any = None  # the registered _MARK_OR_NUDGE script
    # Set when the worker begins to shut down: no actor lingers from then on.
    stopping: bool = False

    def engine(self) -> Engine:
        loop_id = id(asyncio.get_running_loop())
        if loop_id not in self.engines:
            self.engines[loop_id] = Engine(
                self.sessions, policy=self.policy, box=self.box, clients=ClientPool(PER_ENDPOINT)
            )
        return self.engines[loop_id]

    def redis(self) -> redis.asyncio.Redis:
        """An asyncio client of the running loop's, for waiting on nudges without
        holding a thread of the loop's executor."""
        loop_id = id(asyncio.get_running_loop())
        if loop_id not in self.clients:
            self.clients[loop_id] = redis.asyncio.Redis.from_url(self.redis_url)
        return self.clients[loop_id]


class _StopLingering(dramatiq.Middleware):
    """A worker shutting down lets its endpoints go at once: a lingering actor would
    otherwise hold one as long as nudges keep coming."""

    def before_worker_shutdown(self, broker: dramatiq.Broker, worker: dramatiq.Worker) -> None:
        if _runtime is not None:
            _runtime.stopping = True


_runtime: _Runtime | None = None
# The actor, once `configure` has declared it.
deliver_webhooks: dramatiq.Actor[[int], None] | None = None


def _require() -> _Runtime:
    if _runtime is None:
        raise RuntimeError("webhooks.actors.configure() has not been called")
    return _runtime


def configure(
    redis_url: str,
    sessions: async_sessionmaker[AsyncSession],
    policy: TargetPolicy,
    box: SecretBox,
) -> RedisBroker:
    """Make the Redis broker and declare the actor on it. `sessions` are used by the
    actor only, on the worker's event-loop thread: give it an engine of its own."""
    global _runtime, deliver_webhooks
    broker = RedisBroker(url=redis_url)  # type: ignore[no-untyped-call]
    broker.add_middleware(AsyncIO())
    broker.add_middleware(_StopLingering())
    dramatiq.set_broker(broker)
    declare = dramatiq.actor(
        broker=broker,
        actor_name=ACTOR_NAME,
        queue_name=QUEUE,
        max_retries=0,
        time_limit=ACTOR_TIME_LIMIT_MS,
    )
    actor: dramatiq.Actor[[int], None] = declare(_deliver_webhooks)
    _runtime = _Runtime(broker, actor, sessions, policy, box, redis_url=redis_url)
    deliver_webhooks = actor
    return broker


# Marks each endpoint as queued (KEYS[1..n]) unless it is already; with ARGV[2] = 1,
# nudges (KEYS[n+1..2n]) those already queued, draining or lingering. Returns the
# 1-based indexes of those newly marked, which need a message. One round trip.
_MARK_OR_NUDGE = """
local n = #KEYS / 2
local fresh = {}
for i = 1, n do
    if redis.call('SET', KEYS[i], 1, 'NX', 'EX', ARGV[1]) then
        fresh[#fresh + 1] = i
    elseif ARGV[2] == '1' then
        redis.call('RPUSH', KEYS[n + i], 1)
        redis.call('LTRIM', KEYS[n + i], -1, -1)
        redis.call('EXPIRE', KEYS[n + i], ARGV[1])
    end
end
return fresh
"""


def _enqueue_now(runtime: _Runtime, endpoint_ids: list[int], nudge: bool) -> int:
    if runtime.mark_or_nudge is None:
        runtime.mark_or_nudge = runtime.broker.client.register_script(_MARK_OR_NUDGE)
    keys = [f"{MARKER_PREFIX}{endpoint_id}" for endpoint_id in endpoint_ids]
    keys += [f"{NUDGE_PREFIX}{endpoint_id}" for endpoint_id in endpoint_ids]
    fresh = runtime.mark_or_nudge(keys=keys, args=[MARKER_SECONDS, int(nudge)])
    for index in fresh:
        runtime.actor.send(endpoint_ids[int(index) - 1])
    return len(fresh)


async def enqueue(endpoint_ids: list[int], *, nudge: bool = False) -> int:
    """One message per endpoint not already waiting or being drained; returns how many.
    With `nudge` (after a commit that gave them deliveries), an endpoint being drained or
    lingering is told so."""
    runtime = _require()
    return await asyncio.to_thread(_enqueue_now, runtime, endpoint_ids, nudge)


async def _nudged(runtime: _Runtime, endpoint_id: int, until: float) -> bool:
    """Wait up to LINGER_SECONDS for a nudge; False at once when too many actors linger
    already (new messages need the threads) or the message has held the endpoint long
    enough."""
    if (
        runtime.stopping
        or runtime.lingering >= WORKER_THREADS - THREADS_NOT_LINGERING
        or time.monotonic() > until
    ):
        return False
    runtime.lingering += 1
    try:
        found = await runtime.redis().blpop([f"{NUDGE_PREFIX}{endpoint_id}"], LINGER_SECONDS)
    finally:
        runtime.lingering -= 1
    return found is not None


class _Pace:
    """When a nudged endpoint's next drain may begin (see DRAIN_SPACING_SECONDS)."""

    def __init__(self) -> None:
        self.begun: deque[float] = deque(maxlen=BUSY_DRAINS_PER_SECOND)

    def wait(self, now: float) -> float:
        """Seconds to wait before draining again, at `now` (time.monotonic)."""
        busy = len(self.begun) == self.begun.maxlen and now - self.begun[0] < 1.0
        return max(0.0, self.begun[-1] + DRAIN_SPACING_SECONDS - now) if busy else 0.0

    def begin(self, now: float) -> None:
        self.begun.append(now)


async def _deliver_webhooks(endpoint_id: int) -> None:
    runtime = _require()
    engine = runtime.engine()
    marker = f"{MARKER_PREFIX}{endpoint_id}"
    beaten = time.monotonic()

    async def heartbeat() -> None:
        nonlocal beaten
        if time.monotonic() - beaten >= HEARTBEAT_SECONDS:
            beaten = time.monotonic()
            await asyncio.to_thread(runtime.broker.client.set, marker, 1, ex=MARKER_SECONDS)

    until = time.monotonic() + HOLD_SECONDS
    pace = _Pace()
    try:
        pace.begin(time.monotonic())
        await engine.drain(endpoint_id, heartbeat)
        while await _nudged(runtime, endpoint_id, until):
            if (wait := pace.wait(time.monotonic())) > 0:
                await asyncio.sleep(wait)
            pace.begin(time.monotonic())
            await engine.drain(endpoint_id, heartbeat)
        await runtime.redis().delete(marker, f"{NUDGE_PREFIX}{endpoint_id}")
        # A commit made while the marker still stood is claimed here.
        await engine.drain(endpoint_id)
    except Exception:
        # Logged, never raised: Dramatiq would only dead-letter it, and the sweeper
        # enqueues the endpoint again (its deliveries once their leases run out).
        log.exception("webhooks.actor.failed", extra={"fields": {"endpoint_id": endpoint_id}})
