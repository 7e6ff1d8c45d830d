"""Dramatiq, with Redis: `send_email` sends one message of the outbox in a worker. Its
own retries are off: the backoff lives in the database (services/mail.py), and the
dispatcher claims each message as it enqueues it, so a sweep does not enqueue it twice,
and one whose queue message is lost is due again when the claim runs out."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import dramatiq
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from server.mailer import Transport, send_one

log = logging.getLogger("batchtrack.mail")

QUEUE = "mail"
ACTOR_NAME = "send_email"
ACTOR_TIME_LIMIT_MS = 120_000


@dataclass
class _Runtime:
    actor: dramatiq.Actor[[int], None]
    sessions: async_sessionmaker[AsyncSession]
    transport: Transport


_runtime: _Runtime | None = None


def configure(
    broker: dramatiq.Broker,
    sessions: async_sessionmaker[AsyncSession],
    transport: Transport,
) -> None:
    """Declare the actor on `broker` (the one webhooks/actors.py made, with its AsyncIO
    middleware). `sessions` are used on the worker's event-loop thread only."""
    global _runtime
    declare = dramatiq.actor(
        broker=broker,
        actor_name=ACTOR_NAME,
        queue_name=QUEUE,
        max_retries=0,
        time_limit=ACTOR_TIME_LIMIT_MS,
    )
    _runtime = _Runtime(declare(_send_email), sessions, transport)


async def enqueue(message_ids: list[int]) -> int:
    if _runtime is None:
        raise RuntimeError("server.mail_actor.configure() has not been called")
    for message_id in message_ids:
        _runtime.actor.send(message_id)
    return len(message_ids)


async def _send_email(message_id: int) -> None:
    assert _runtime is not None
    try:
        await send_one(_runtime.sessions, _runtime.transport, message_id, claimed=True)
    except Exception:
        # Logged, never raised: the dispatcher enqueues it again once its claim runs out.
        log.exception("mail.actor.failed", extra={"fields": {"message_id": message_id}})
