"""The batched engine: a batch of mixed outcomes recorded exactly, two senders draining
one endpoint at once without ever sending a delivery twice, and each entity's events in
order through batches and retries."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from services.db import create_engine, create_session_factory, utcnow
from tests.timing import ManualUTC
from tests.webhooks.conftest import Reply
from tests.webhooks.givens import (
    BOX,
    POLICY,
    append_events,
    attempts,
    create_endpoint,
    deliveries,
    no_jitter,
    sequences_by_entity,
)
from webhooks.engine import Engine
from webhooks.sender import ClientPool, Clock

pytestmark = pytest.mark.webhooks


def engine_on(
    sessions: async_sessionmaker[AsyncSession],
    clients: ClientPool,
    *,
    time_limit: float = 30.0,
    clock: Clock = utcnow,
) -> Engine:
    return Engine(
        sessions,
        policy=POLICY,
        box=BOX,
        clients=clients,
        time_limit=time_limit,
        jitter=no_jitter,
        clock=clock,
    )


async def test_a_batch_of_successes_failures_and_a_timeout_is_recorded_exactly(
    sessions, owner, receiver
):
    never = threading.Event()
    # Answered in the order the requests arrive: two 500s, one never answered, then 200s.
    path = receiver.new_path(Reply(500), Reply(500), Reply(hold=never))
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await append_events(sessions, owner, entities=10, each=1)

    try:
        async with ClientPool(16) as clients:
            made = await engine_on(sessions, clients, time_limit=1.0).drain(hook.endpoint.id)
    finally:
        never.set()

    found = await deliveries(sessions, hook.endpoint.id)
    logged = {d.id: await attempts(sessions, d.id) for d in found}
    assert made == 10 == len(receiver.at(path))
    assert all(len(rows) == 1 for rows in logged.values())
    outcomes = sorted(
        (rows[0].outcome, rows[0].status_code or 0, rows[0].error or "") for rows in logged.values()
    )
    assert outcomes == [
        ("RETRY", 0, "timed out after 1 s"),
        ("RETRY", 500, "HTTP 500"),
        ("RETRY", 500, "HTTP 500"),
        *[("SUCCEEDED", 200, "")] * 7,
    ]
    by_status = sorted((d.status, d.attempt_count, d.leased_until is None) for d in found)
    assert by_status == [("PENDING", 1, True)] * 3 + [("SUCCEEDED", 1, True)] * 7


async def test_two_senders_draining_one_endpoint_never_send_a_delivery_twice(
    backend, database_url, sessions, owner, receiver
):
    path = receiver.new_path()
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await append_events(sessions, owner, entities=500, each=4)
    # A second database engine: its own connections, as a second worker process has.
    other_engine = create_engine(database_url)
    other = create_session_factory(other_engine)

    try:
        async with ClientPool(16) as first, ClientPool(16) as second:
            made = await asyncio.gather(
                engine_on(sessions, first).drain(hook.endpoint.id),
                engine_on(other, second).drain(hook.endpoint.id),
            )
    finally:
        await other_engine.dispose()

    ids = [request.webhook_id for request in receiver.at(path)]
    assert sum(made) == len(ids) == len(set(ids)) == 2000
    if backend == "postgresql":
        assert min(made) > 0  # both really sent, side by side
    assert {d.status for d in await deliveries(sessions, hook.endpoint.id)} == {"SUCCEEDED"}
    assert all(seen == [1, 2, 3, 4] for seen in sequences_by_entity(receiver, path).values())


async def test_each_entity_s_events_arrive_in_order_through_batches_and_retries(
    sessions, owner, receiver
):
    # Every fifth request fails at first; each failure holds its entity's later events
    # back until its retry succeeds.
    script = [Reply(500) if n % 5 == 0 else Reply() for n in range(60)]
    path = receiver.new_path(*script)
    hook = await create_endpoint(sessions, owner.principal, receiver.url(path))
    await append_events(sessions, owner, entities=20, each=10)
    clock = ManualUTC()

    async with ClientPool(16) as clients:
        engine = engine_on(sessions, clients, clock=clock)
        for _ in range(30):
            await engine.drain(hook.endpoint.id)
            pending = [
                d for d in await deliveries(sessions, hook.endpoint.id) if d.status == "PENDING"
            ]
            if not pending:
                break
            clock.advance(timedelta(seconds=10))  # the retries' 5 s have passed

    seen = sequences_by_entity(receiver, path)
    assert pending == []
    assert len(seen) == 20
    for entity, sequences in seen.items():
        assert sequences == sorted(sequences), entity
        assert sorted(set(sequences)) == list(range(1, 11)), entity
    assert len(receiver.at(path)) == 200 + sum(1 for reply in script if reply.status == 500)
