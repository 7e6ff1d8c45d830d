"""Dramatiq, with Redis: the sweeper enqueues one `deliver_webhook` message per due
delivery and `batchtrack worker` processes send them.

The retry schedule lives in the database (services/webhooks/deliveries.py), so Dramatiq's
own retries are off. A message only carries a delivery id; the actor opens its own
sessions. Messages are cheap to lose or duplicate: the sweeper enqueues again whatever is
still due, and the claim (a lease on the row) lets only one sender attempt a delivery.

Nothing here reads the environment: the server calls `configure` with what it read.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

import dramatiq
import httpx
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware.asyncio import AsyncIO
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from webhooks.sender import deliver, new_client

log = logging.getLogger("batchtrack.webhooks")

QUEUE = "webhooks"
ACTOR_NAME = "deliver_webhook"
# While this marker exists the sweeper does not enqueue the delivery again. The actor
# removes it when it starts; if the message is lost (Redis flushed, or a worker died
# holding it) the marker expires and the next sweep enqueues the delivery anew.
MARKER_PREFIX = "batchtrack:webhooks:queued:"
MARKER_SECONDS = 60
# Longer than one attempt can take (claim, 10 s send, record), far shorter than Dramatiq's
# default of 10 minutes.
ACTOR_TIME_LIMIT_MS = 120_000


@dataclass
class _Runtime:
    broker: RedisBroker
    actor: dramatiq.Actor[[int], None]
    sessions: async_sessionmaker[AsyncSession]
    policy: TargetPolicy
    box: SecretBox
    # The actor runs on the worker's event-loop thread; its HTTP client belongs there.
    clients: dict[int, httpx.AsyncClient] = field(default_factory=dict)

    def client(self) -> httpx.AsyncClient:
        loop_id = id(asyncio.get_running_loop())
        if loop_id not in self.clients:
            self.clients[loop_id] = new_client()
        return self.clients[loop_id]


_runtime: _Runtime | None = None
# The actor, once `configure` has declared it.
deliver_webhook: dramatiq.Actor[[int], None] | None = None


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
    global _runtime, deliver_webhook
    broker = RedisBroker(url=redis_url)  # type: ignore[no-untyped-call]
    broker.add_middleware(AsyncIO())
    dramatiq.set_broker(broker)
    declare = dramatiq.actor(
        broker=broker,
        actor_name=ACTOR_NAME,
        queue_name=QUEUE,
        max_retries=0,
        time_limit=ACTOR_TIME_LIMIT_MS,
    )
    actor: dramatiq.Actor[[int], None] = declare(_deliver_webhook)
    _runtime = _Runtime(broker, actor, sessions, policy, box)
    deliver_webhook = actor
    return broker


def _enqueue_now(runtime: _Runtime, delivery_ids: list[int]) -> int:
    client: Any = runtime.broker.client
    pipeline = client.pipeline(transaction=False)
    for delivery_id in delivery_ids:
        pipeline.set(f"{MARKER_PREFIX}{delivery_id}", 1, nx=True, ex=MARKER_SECONDS)
    answers = pipeline.execute()
    fresh = [key for key, was_set in zip(delivery_ids, answers, strict=True) if was_set]
    for delivery_id in fresh:
        runtime.actor.send(delivery_id)
    return len(fresh)


async def enqueue(delivery_ids: list[int]) -> int:
    """One message per delivery not already waiting in the queue; returns how many."""
    runtime = _require()
    return await asyncio.to_thread(_enqueue_now, runtime, delivery_ids)


async def _deliver_webhook(delivery_id: int) -> None:
    runtime = _require()
    try:
        await asyncio.to_thread(runtime.broker.client.delete, f"{MARKER_PREFIX}{delivery_id}")
        outcome = await deliver(
            runtime.sessions,
            delivery_id,
            policy=runtime.policy,
            box=runtime.box,
            client=runtime.client(),
        )
        if outcome.next_delivery_id is not None:
            await enqueue([outcome.next_delivery_id])
    except Exception:
        # Logged, never raised: Dramatiq would only dead-letter it, and the sweeper
        # enqueues the delivery again once its lease runs out.
        log.exception("webhooks.actor.failed", extra={"fields": {"delivery_id": delivery_id}})
