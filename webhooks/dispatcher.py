"""The sweeper: every couple of seconds, and at once when woken after a commit, it finds
the endpoints with deliveries that may go now and has them drained. A commit that gave
endpoints deliveries names them (`committed`, a services.db CommitListener), and they are
handed on at once, with no query and no wait for a sweep.

- Embedded mode (no Redis): drained here, in-process, by the engine (webhooks/engine.py),
  one task per endpoint with at most `per_endpoint` requests in flight, so a slow
  endpoint only holds up itself.
- With Redis: one Dramatiq message per endpoint (webhooks/actors.py), and the workers
  drain it. An endpoint enqueued twice is harmless: the claims skip what another sender
  holds.

The database is the queue of record: a lost message, a flushed Redis or a dead sender
only delays a delivery until the next sweep after its lease runs out. Now and then the
sweep also advances entity heads a dead sender left behind (services/webhooks/heads.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work, utcnow
from services.webhooks.attempts import due_endpoints
from services.webhooks.heads import advance_heads, endpoints_to_send, stuck_heads
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from webhooks.engine import Engine
from webhooks.sender import TIMEOUT_SECONDS, ClientPool, Clock

log = logging.getLogger("batchtrack.webhooks")

SWEEP_SECONDS = 2.0
# Wake-ups closer together than this share one sweep: a burst of commits then costs a
# few queries a second, not one per commit, for at most this much delay.
MIN_SWEEP_GAP = 0.05
PER_ENDPOINT = 2
REPAIR_SECONDS = 30.0


class Enqueue(Protocol):
    """Hands endpoint ids with due deliveries to the workers; returns how many messages it
    sent. `nudge`: an endpoint already being drained is told there is more (its drain
    then need not end and be enqueued anew)."""

    async def __call__(self, endpoint_ids: list[int], *, nudge: bool = False) -> int: ...


class WebhookDispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        policy: TargetPolicy,
        box: SecretBox,
        enqueue: Enqueue | None = None,
        per_endpoint: int = PER_ENDPOINT,
        interval: float = SWEEP_SECONDS,
        time_limit: float = TIMEOUT_SECONDS,
        clock: Clock = utcnow,
    ) -> None:
        self.sessions = sessions
        self.enqueue = enqueue
        self.interval = interval
        self.clock = clock
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._clients = ClientPool(per_endpoint)
        self.engine = Engine(
            sessions,
            policy=policy,
            box=box,
            clients=self._clients,
            time_limit=time_limit,
            clock=clock,
            stop=self._stop,
        )
        self._draining: dict[int, asyncio.Task[None]] = {}
        # Embedded: endpoints given deliveries while their drain ran; it drains again.
        self._again: set[int] = set()
        # Endpoints commits named, not yet handed on, and the task handing them on.
        self._named: set[int] = set()
        self._handing: asyncio.Task[None] | None = None
        self._repaired_at = 0.0
        # Sweeps finished by run_forever (so a test can wait for one instead of guessing).
        self.sweeps = 0

    @property
    def embedded(self) -> bool:
        return self.enqueue is None

    async def wake(self) -> None:
        self._wake.set()

    def committed(self, info: dict[str, Any]) -> None:
        """After a commit (services.db CommitListener): the endpoints it gave deliveries
        (or enabled again) are handed on at once. Commits close together share one
        hand-off: while one is under way, what the next commits name waits for it, not
        for a timer."""
        named = endpoints_to_send(info)
        if not named or self._stop.is_set():
            return
        self._named |= named
        if self._handing is None:
            self._handing = asyncio.get_running_loop().create_task(self._hand_on())

    async def _hand_on(self) -> None:
        try:
            while self._named and not self._stop.is_set():
                endpoints = sorted(self._named)
                self._named.clear()
                if self.enqueue is None:
                    self._start_drains(endpoints)
                    continue
                try:
                    await self.enqueue(endpoints, nudge=True)
                except Exception:
                    # Redis unreachable: the sweep enqueues them once it is back.
                    log.exception("webhooks.hand_on.failed")
        finally:
            self._handing = None

    def _start_drains(self, endpoints: Iterable[int]) -> int:
        """Embedded: a drain task per endpoint; one already draining drains again after."""
        started = 0
        for endpoint_id in endpoints:
            if self._stop.is_set():
                break
            if endpoint_id in self._draining:
                self._again.add(endpoint_id)
                continue
            self._draining[endpoint_id] = asyncio.create_task(self._drain(endpoint_id))
            started += 1
        return started

    async def _repair(self) -> None:
        if time.monotonic() - self._repaired_at < REPAIR_SECONDS:
            return
        self._repaired_at = time.monotonic()
        async with unit_of_work(self.sessions, write=False) as session:
            stuck = await stuck_heads(session)
        for pair in stuck:
            async with unit_of_work(self.sessions) as session:
                await advance_heads(session, [pair], wait=True)
        if stuck:
            log.warning("webhooks.heads.repaired", extra={"fields": {"pairs": len(stuck)}})

    async def sweep_once(self) -> int:
        """Drain (or enqueue) the endpoints with deliveries that may go now; returns how
        many it started."""
        await self._repair()
        async with unit_of_work(self.sessions, write=False) as session:
            endpoints = await due_endpoints(session, now=self.clock())
        if self.enqueue is not None:
            return await self.enqueue(endpoints) if endpoints else 0
        return self._start_drains(e for e in endpoints if e not in self._draining)

    async def _drain(self, endpoint_id: int) -> None:
        attempted = 0
        try:
            while True:
                self._again.discard(endpoint_id)
                attempted += await self.engine.drain(endpoint_id)
                if endpoint_id not in self._again or self._stop.is_set():
                    break
        except Exception:
            log.exception("webhooks.drain.crashed", extra={"fields": {"endpoint_id": endpoint_id}})
        finally:
            del self._draining[endpoint_id]
            self._again.discard(endpoint_id)
            if attempted:
                # What was committed after its last claim is looked for at once.
                self._wake.set()

    async def drain(self) -> None:
        """Wait for the drains in progress (tests and a graceful stop)."""
        while self._draining:
            await asyncio.gather(*list(self._draining.values()), return_exceptions=True)

    async def aclose(self) -> None:
        """Stop: requests in flight are abandoned at once (and recorded as failed
        attempts); database work in progress is let finish, never cut off halfway."""
        self._stop.set()
        if self._handing is not None:
            await asyncio.gather(self._handing, return_exceptions=True)
        await self.drain()
        await self._clients.aclose()

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
