"""The sweeper: every couple of seconds, and at once when woken after a commit, it finds
the deliveries that are due and has them sent.

- Embedded mode (no Redis): sent here, in-process, several at a time (a bounded pool
  shared by all endpoints, and at most a few per endpoint, so a slow endpoint cannot
  take every slot and hold the others up).
- With Redis: each due delivery becomes a Dramatiq message (webhooks/actors.py) and the
  workers send it. A delivery enqueued twice is harmless: the first sender leases it and
  the second finds nothing to do.

The database is the queue of record: a lost message, a flushed Redis or a dead sender
only delays a delivery until the next sweep after its lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable, Callable

import httpx
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work, utcnow
from services.webhooks.deliveries import due_by_endpoint
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from webhooks.sender import TIMEOUT_SECONDS, Clock, deliver, new_client

log = logging.getLogger("batchtrack.webhooks")

SWEEP_SECONDS = 2.0
# Wake-ups closer together than this share one sweep: a burst of commits then costs a
# few due-deliveries queries a second, not one per commit, for at most this much delay.
MIN_SWEEP_GAP = 0.05
CONCURRENCY = 8
PER_ENDPOINT = 2
BATCH = 500

# Hands due delivery ids to the workers; returns how many it enqueued.
Enqueue = Callable[[list[int]], Awaitable[int]]


class WebhookDispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        policy: TargetPolicy,
        box: SecretBox,
        enqueue: Enqueue | None = None,
        concurrency: int = CONCURRENCY,
        per_endpoint: int = PER_ENDPOINT,
        interval: float = SWEEP_SECONDS,
        time_limit: float = TIMEOUT_SECONDS,
        clock: Clock = utcnow,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.box = box
        self.enqueue = enqueue
        self.per_endpoint = per_endpoint
        self.interval = interval
        self.time_limit = time_limit
        self.clock = clock
        self._slots = asyncio.Semaphore(concurrency)
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._client: httpx.AsyncClient | None = None
        self._in_flight: set[int] = set()
        self._by_endpoint: Counter[int] = Counter()
        self._tasks: set[asyncio.Task[None]] = set()
        # Due deliveries the last sweep left for later because their endpoint was busy.
        self._held_back = False
        # Sweeps finished by run_forever (so a test can wait for one instead of guessing).
        self.sweeps = 0

    @property
    def embedded(self) -> bool:
        return self.enqueue is None

    async def wake(self) -> None:
        self._wake.set()

    async def sweep_once(self) -> int:
        """Send (or enqueue) what is due now; returns how many deliveries it started."""
        async with unit_of_work(self.sessions, write=False) as session:
            due = await due_by_endpoint(session, now=self.clock(), limit=BATCH)
        if self.enqueue is not None:
            return await self.enqueue([delivery_id for delivery_id, _ in due]) if due else 0
        started = 0
        self._held_back = False
        for delivery_id, endpoint_id in due:
            if delivery_id in self._in_flight:
                continue
            if self._by_endpoint[endpoint_id] >= self.per_endpoint:
                self._held_back = True
                continue
            self._in_flight.add(delivery_id)
            self._by_endpoint[endpoint_id] += 1
            task = asyncio.create_task(self._send(delivery_id, endpoint_id))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            started += 1
        return started

    async def _send(self, delivery_id: int, endpoint_id: int) -> None:
        try:
            async with self._slots:
                if self._stop.is_set():
                    return
                if self._client is None:
                    self._client = new_client()
                outcome = await deliver(
                    self.sessions,
                    delivery_id,
                    policy=self.policy,
                    box=self.box,
                    client=self._client,
                    time_limit=self.time_limit,
                    clock=self.clock,
                    stop=self._stop,
                )
            if outcome.next_delivery_id is not None or self._held_back:
                # The entity's next delivery may go now, or this endpoint has a free slot.
                self._wake.set()
        except Exception:
            log.exception("webhooks.delivery.crashed", extra={"fields": {"id": delivery_id}})
        finally:
            self._in_flight.discard(delivery_id)
            self._by_endpoint[endpoint_id] -= 1
            if self._by_endpoint[endpoint_id] <= 0:
                del self._by_endpoint[endpoint_id]

    async def drain(self) -> None:
        """Wait for the sends in flight (tests and a graceful stop)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        """Stop: requests in flight are abandoned at once (and recorded as failed
        attempts); database work in progress is let finish, never cut off halfway."""
        self._stop.set()
        await self.drain()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    async def run_forever(self) -> None:
        """Sweep at once (what a previous process left is due), then every `interval`
        seconds or when woken, until cancelled."""
        sweep: asyncio.Future[int] | None = None
        try:
            while True:
                self._wake.clear()
                # Shielded: a cancellation waits for the sweep's query to end (below).
                sweep = asyncio.ensure_future(self.sweep_once())
                try:
                    await asyncio.shield(sweep)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("webhooks.sweep.failed")
                self.sweeps += 1
                # asyncio.timeout, not wait_for: on Python 3.11 wait_for can swallow a
                # cancellation that races the wake-up, and shutdown then waits forever.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self.interval):
                        await self._wake.wait()
                        await asyncio.sleep(min(MIN_SWEEP_GAP, self.interval))
        finally:
            if sweep is not None and not sweep.done():
                with contextlib.suppress(Exception):
                    await sweep
            await self.aclose()


def build_dispatcher(
    sessions: async_sessionmaker[AsyncSession],
    *,
    redis_url: str | None,
    policy: TargetPolicy,
    box: SecretBox,
) -> WebhookDispatcher:
    """Embedded (sends in-process) without Redis; with Redis, enqueues for the workers."""
    if not redis_url:
        return WebhookDispatcher(sessions, policy=policy, box=box)
    from webhooks import actors

    actors.configure(redis_url, sessions, policy, box)
    return WebhookDispatcher(sessions, policy=policy, box=box, enqueue=actors.enqueue)
