"""The delivery engine: a batch at a time, many requests in flight from one event loop.

`Engine.drain(endpoint_id)` sends everything of one endpoint that may go now, as a
pipeline: it claims up to twice `per_endpoint` deliveries in one statement
(services/webhooks/attempts.py; leased, so a killed sender's batch is retried when the
lease runs out), checks the endpoint's URL under the SSRF rules once per claim and pins
the requests to the addresses that passed, signs with keys derived once per endpoint,
sends with at most `per_endpoint` requests in flight on the endpoint's keep-alive
session, and records whatever has finished in one transaction (gathering completions
for a few milliseconds, so a batch records together) before it claims again. A
delivery released by one that finished (its entity's next) is claimed on the next turn.

To stop an engine, set its `stop` event rather than cancel it: requests in flight are
then abandoned and recorded as failed attempts, but a transaction is never cut off
halfway (on SQLite that would leave the write lock held).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import unit_of_work, utcnow
from services.errors import UserInputError
from services.webhooks.attempts import Claimed, Recorded, claim, record
from services.webhooks.deliveries import AttemptResult, RandomSource, webhook_body
from services.webhooks.endpoints import SealedSecrets, signing_secrets
from services.webhooks.heads import advance_heads
from services.webhooks.models import DeliveryStatus
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import Target, TargetPolicy, resolve
from webhooks.sender import TIMEOUT_SECONDS, ClientPool, Clock, post
from webhooks.signing import encode_body, sign, signing_keys

log = logging.getLogger("batchtrack.webhooks")

PER_ENDPOINT = 16
# After the first request of a turn finishes, wait this long for more before recording.
GATHER_SECONDS = 0.005
INTERRUPTED = "interrupted: the sender shut down"


@dataclass(frozen=True)
class Outcome:
    """What became of one call of `deliver`."""

    delivery_id: int
    # False when there was nothing to do: not due, held by another sender, waiting behind
    # an earlier delivery of its entity, its endpoint disabled, or already finished.
    attempted: bool
    # The delivery's status after the attempt.
    status: str | None = None
    # The delivery the attempt released: its entity's next, free to go now.
    next_delivery_id: int | None = None


@dataclass(frozen=True)
class _Batch:
    claimed: list[Claimed]
    endpoint_id: int = 0
    url: str = ""
    keys: tuple[bytes, ...] = ()


class Engine:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        policy: TargetPolicy,
        box: SecretBox,
        clients: ClientPool,
        time_limit: float = TIMEOUT_SECONDS,
        clock: Clock = utcnow,
        jitter: RandomSource = random.random,
        stop: asyncio.Event | None = None,
    ) -> None:
        self.sessions = sessions
        self.policy = policy
        self.box = box
        self.clients = clients
        self.time_limit = time_limit
        self.clock = clock
        self.jitter = jitter
        self.stop = stop or asyncio.Event()
        self._slots: dict[int, asyncio.Semaphore] = {}
        self._keys: dict[int, tuple[tuple[str, str | None], tuple[bytes, ...]]] = {}

    def _keys_of(self, endpoint: SealedSecrets, now: datetime) -> tuple[bytes, ...]:
        """The endpoint's signing keys, decrypted and decoded once per secret."""
        expires = endpoint.previous_secret_expires_at
        previous = endpoint.previous_secret_ciphertext
        version = (endpoint.secret_ciphertext, previous if expires and expires > now else None)
        cached = self._keys.get(endpoint.id)
        if cached is None or cached[0] != version:
            cached = (version, signing_keys(signing_secrets(endpoint, self.box)))
            self._keys[endpoint.id] = cached
        return cached[1]

    async def _claim(self, limit: int, **only: int) -> _Batch:
        async with unit_of_work(self.sessions, single_statement=True) as session:
            leased = await claim(session, now=self.clock(), limit=limit, **only)
            claimed, endpoint = leased.claimed, leased.endpoint
            if endpoint is None:
                return _Batch([])
            try:
                keys = self._keys_of(endpoint, utcnow())
            except RuntimeError:
                # SECRET_KEY changed: every attempt fails (and is retried on schedule)
                # until an operator restores it or the owner rotates the secret.
                log.exception("webhooks.secret.unreadable", extra={"fields": {"id": endpoint.id}})
                keys = ()
            return _Batch(claimed, endpoint.id, endpoint.url, keys)

    async def _target(self, batch: _Batch) -> Target | str:
        """Where the batch goes, checked now; or why it may not go (a failed attempt)."""
        try:
            return await resolve(batch.url, self.policy)
        except UserInputError as refused:
            return f"refused: {refused.message}"

    async def _attempt(
        self, claimed: Claimed, batch: _Batch, target: Target | str
    ) -> AttemptResult:
        slots = self._slots.setdefault(
            batch.endpoint_id, asyncio.Semaphore(self.clients.per_endpoint)
        )
        async with slots:
            started = time.monotonic()
            if isinstance(target, str):
                return AttemptResult(None, 0, error=target)
            if not batch.keys:
                return AttemptResult(None, 0, error="internal error: the secret cannot be read")
            try:
                body = encode_body(webhook_body(claimed.event))
                headers = sign(batch.keys, message_id=claimed.event.id, body=body)
                session = self.clients.session(batch.endpoint_id)
                return await post(
                    session, target, body, headers, time_limit=self.time_limit, clock=self.clock
                )
            except Exception as failure:
                log.exception("webhooks.delivery.error", extra={"fields": {"id": claimed.id}})
                elapsed = int((time.monotonic() - started) * 1000)
                return AttemptResult(
                    None, elapsed, error=f"internal error: {type(failure).__name__}"
                )

    async def _record(
        self, batch: _Batch, results: Sequence[tuple[Claimed, AttemptResult]], *, wait: bool
    ) -> Recorded:
        async with unit_of_work(self.sessions) as session:
            recorded = await record(
                session, results, at=self.clock(), jitter=self.jitter, wait_for_heads=wait
            )
        released = list(recorded.released)
        for pair in recorded.contended:
            # Held by a producer appending to the entity at this moment: now that this
            # transaction no longer holds anything, wait for it.
            async with unit_of_work(self.sessions) as session:
                more, _ = await advance_heads(session, [pair], wait=True)
            released.extend(more)
        failed = sum(
            outcome not in ("SUCCEEDED", "STALE") for outcome in recorded.outcomes.values()
        )
        log.info(
            "webhooks.batch.recorded",
            extra={
                "fields": {
                    "endpoint_id": batch.endpoint_id,
                    "url": batch.url,
                    "attempts": len(results),
                    "failed": failed,
                }
            },
        )
        return Recorded(recorded.outcomes, released, [])

    async def _settle(
        self, in_flight: dict[asyncio.Task[AttemptResult], Claimed]
    ) -> set[asyncio.Task[AttemptResult]]:
        """Wait for the first request to finish and gather what finishes soon after; when
        stopped, abandon the rest (the caller records them as interrupted)."""
        stopping: asyncio.Future[Any] = asyncio.ensure_future(self.stop.wait())
        waiting: set[asyncio.Future[Any]] = {stopping, *in_flight}
        try:
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
            if not self.stop.is_set() and len(done) < len(in_flight):
                more, _ = await asyncio.wait(waiting - done, timeout=GATHER_SECONDS)
                done |= more
        finally:
            stopping.cancel()
        if self.stop.is_set():
            for task in in_flight:
                task.cancel()
            await asyncio.gather(*in_flight, return_exceptions=True)
            return set(in_flight)
        return {task for task in in_flight if task in done}

    @staticmethod
    def _result_of(task: asyncio.Task[AttemptResult]) -> AttemptResult:
        if task.cancelled():
            return AttemptResult(None, 0, error=INTERRUPTED)
        return task.result()

    async def drain(
        self, endpoint_id: int, heartbeat: Callable[[], Awaitable[None]] | None = None
    ) -> int:
        """Send what may go now to the endpoint until nothing is left; returns how many
        attempts it made. `heartbeat` is awaited on every turn (the actor keeps its
        marker alive with it)."""
        window = 2 * self.clients.per_endpoint
        in_flight: dict[asyncio.Task[AttemptResult], Claimed] = {}
        batch_of: dict[int, _Batch] = {}
        attempted = 0
        # Whether to claim on this turn: always while requests are in flight (so the
        # pipeline stays full); once none is, only if the last claim got all it asked
        # for or a recorded attempt released an entity's next delivery.
        more = True
        while True:
            if heartbeat is not None:
                await heartbeat()
            if more and not self.stop.is_set() and len(in_flight) < window:
                asked = window - len(in_flight)
                batch = await self._claim(asked, endpoint_id=endpoint_id)
                more = len(batch.claimed) == asked
                if batch.claimed:
                    target = await self._target(batch)
                    for claimed in batch.claimed:
                        task = asyncio.create_task(self._attempt(claimed, batch, target))
                        in_flight[task] = claimed
                        batch_of[claimed.id] = batch
            if not in_flight:
                return attempted
            done = await self._settle(in_flight)
            results = [(in_flight.pop(task), self._result_of(task)) for task in done]
            attempted += len(results)
            recorded = await self._record(batch_of[results[0][0].id], results, wait=False)
            # What commits added meanwhile is not looked for here: their hand-off tells
            # the caller (a nudge, or a drain again), and the sweep finds what fell due.
            more = more or bool(recorded.released) or bool(in_flight)
            for claimed, _ in results:
                batch_of.pop(claimed.id, None)

    async def deliver(self, delivery_id: int) -> Outcome:
        """One attempt at one delivery, if it may go now."""
        batch = await self._claim(1, delivery_id=delivery_id)
        if not batch.claimed:
            return Outcome(delivery_id, attempted=False)
        [claimed] = batch.claimed
        task = asyncio.create_task(self._attempt(claimed, batch, await self._target(batch)))
        await self._settle({task: claimed})
        recorded = await self._record(batch, [(claimed, self._result_of(task))], wait=True)
        outcome = recorded.outcomes.get(delivery_id)
        status = {
            "SUCCEEDED": DeliveryStatus.SUCCEEDED.value,
            "RETRY": DeliveryStatus.PENDING.value,
            "FAILED": DeliveryStatus.FAILED.value,
            "GONE": DeliveryStatus.FAILED.value,
        }.get(outcome or "")
        following = recorded.released[0] if recorded.released else None
        return Outcome(delivery_id, attempted=True, status=status, next_delivery_id=following)


async def deliver(
    sessions: async_sessionmaker[AsyncSession],
    delivery_id: int,
    *,
    policy: TargetPolicy,
    box: SecretBox,
    client: ClientPool,
    time_limit: float = TIMEOUT_SECONDS,
    clock: Clock = utcnow,
    stop: asyncio.Event | None = None,
    jitter: RandomSource = random.random,
) -> Outcome:
    """One attempt at a delivery if it is due and first in line (see `Engine.deliver`)."""
    engine = Engine(
        sessions,
        policy=policy,
        box=box,
        clients=client,
        time_limit=time_limit,
        clock=clock,
        jitter=jitter,
        stop=stop,
    )
    return await engine.deliver(delivery_id)
