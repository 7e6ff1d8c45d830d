"""The event log's write side: one statement appends an event with its entity's next
sequence number, the event comes back as the session's own row, and it fans out to the
organization's subscribed, enabled endpoints (as they stand in the same transaction),
and to nobody in an organization without endpoints."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from sqlalchemy import event, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.db import unit_of_work
from services.events import Event, NewEvent, append_event, append_events
from services.webhooks import endpoints
from services.webhooks.models import WebhookDelivery, WebhookEndpoint
from services.webhooks.secrets import SecretBox
from services.webhooks.targets import TargetPolicy
from tests.services.accounts.givens import Actor, sign_up

pytestmark = pytest.mark.webhooks


@pytest.fixture
async def owner(sessions) -> Actor:
    return await sign_up(sessions)


async def _append(session: AsyncSession, actor: Actor, entity_id: str, **payload: Any) -> Event:
    return await append_event(
        session,
        organization_id=actor.organization_id,
        type="inventory.adjusted",
        entity_type="InventoryItem",
        entity_id=entity_id,
        payload=payload,
    )


async def _endpoint(session: AsyncSession, actor: Actor, event_types: list[str]) -> WebhookEndpoint:
    created = await endpoints.create_endpoint(
        session,
        actor.principal,
        url="https://8.8.8.8/hooks",
        event_types=event_types,
        description=None,
        policy=TargetPolicy(),
        box=SecretBox("test"),
    )
    return created.endpoint


async def _deliveries(session: AsyncSession, event: Event) -> list[int]:
    """The endpoint ids the event was fanned out to."""
    rows = await session.scalars(
        select(WebhookDelivery.endpoint_id)
        .where(WebhookDelivery.event_position == event.position)
        .order_by(WebhookDelivery.endpoint_id)
    )
    return list(rows)


async def test_each_entity_numbers_its_events_and_each_event_is_the_written_row(sessions, owner):
    # when two entities' events are appended, interleaved, in one transaction
    async with unit_of_work(sessions) as session:
        first = await _append(session, owner, "a", n=1)
        other = await _append(session, owner, "b", n=2)
        second = await _append(session, owner, "a", n=3)
        # then each entity counts its own, positions follow the order of appending, and
        # each event is a persistent object of the session, not a pending one
        assert [(e.entity_id, e.sequence) for e in (first, other, second)] == [
            ("a", 1),
            ("b", 1),
            ("a", 2),
        ]
        assert first.position < other.position < second.position
        assert all(e in session and e not in session.new for e in (first, other, second))
    # and what was returned is what was stored
    async with unit_of_work(sessions, write=False) as session:
        stored = await session.get_one(Event, second.position)
        assert (stored.id, stored.sequence, stored.payload, stored.created_at) == (
            second.id,
            2,
            {"n": 3},
            second.created_at,
        )


async def test_an_event_fans_out_to_each_enabled_subscribed_endpoint_only(sessions, owner):
    other = await sign_up(sessions)
    async with unit_of_work(sessions) as session:
        # given endpoints subscribed to everything, to another type only, and one disabled
        everything = await _endpoint(session, owner, ["inventory.*"])
        await _endpoint(session, owner, ["inventory.low_stock"])
        disabled = await _endpoint(session, owner, ["inventory.adjusted"])
        await endpoints.update_endpoint(
            session, owner.principal, endpoint_id=disabled.id, enabled=False, policy=TargetPolicy()
        )
        # when an event is appended, and one in an organization without endpoints
        event = await _append(session, owner, "a")
        unheard = await _append(session, other, "a")
        # then one delivery, to the endpoint that subscribes and is enabled; none elsewhere
        assert await _deliveries(session, event) == [everything.id]
        assert await _deliveries(session, unheard) == []


async def test_the_fan_out_sees_endpoint_changes_of_its_own_transaction(sessions, owner):
    async with unit_of_work(sessions) as session:
        # given an endpoint disabled, then enabled again, not yet flushed
        endpoint = await _endpoint(session, owner, ["inventory.*"])
        endpoint.enabled = False
        silenced = await _append(session, owner, "a")
        endpoint.enabled = True
        heard = await _append(session, owner, "a")
        # then the event appended while it was disabled went nowhere, the next one to it
        assert await _deliveries(session, silenced) == []
        assert await _deliveries(session, heard) == [endpoint.id]


async def test_many_events_append_in_one_statement_each_entity_in_order(engine, sessions, owner):
    async with unit_of_work(sessions) as session:
        endpoint = await _endpoint(session, owner, ["*"])
        await _append(session, owner, "item-2")  # item-2 has a pending delivery already
    # a batch drawing 50 items, two of them twice (a second event for the same item)
    wanted = [f"item-{n}" for n in range(50)] + ["item-1", "item-2"]
    statements: list[str] = []

    def counted(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", counted)
    try:
        async with unit_of_work(sessions) as session:
            appended = await append_events(
                session,
                organization_id=owner.organization_id,
                events=[NewEvent("inventory.adjusted", "InventoryItem", e, {}) for e in wanted],
            )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counted)

    async with unit_of_work(sessions, write=False) as session:
        rows = (
            await session.execute(
                select(WebhookDelivery.event_id, WebhookDelivery.held_back).where(
                    WebhookDelivery.endpoint_id == endpoint.id
                )
            )
        ).all()
    held = {event_id for event_id, held_back in rows if held_back}
    sequences = [(e.entity_id, e.sequence) for e in appended]
    assert [entity for entity, _ in sequences] == wanted
    assert sequences[1:3] == [("item-1", 1), ("item-2", 2)]
    assert sequences[-2:] == [("item-1", 2), ("item-2", 3)]
    # positions follow the order given, so each entity's later event is later in the log
    positions = [e.position for e in appended]
    assert positions == sorted(positions)
    assert len(rows) == 53  # every event fanned out, the earlier item-2 event's too
    # behind an earlier pending event of their item: the second item-1, both new item-2s
    assert held == {appended[2].id, appended[-2].id, appended[-1].id}
    # one INSERT of all the events (the repeated items' second events too), which reads
    # the subscribers, then the heads and the deliveries (one statement on PostgreSQL,
    # two on SQLite), and the transaction's own statements
    inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT INTO EVENTS")]
    assert len(inserts) == 1
    assert len(statements) <= 5, sorted(Counter(s[:40] for s in statements).items())


async def test_a_subscription_changed_in_another_transaction_counts_for_the_next_event(
    sessions, owner
):
    # given an endpoint subscribed to batch events only, and an event it does not hear
    async with unit_of_work(sessions) as session:
        endpoint = await _endpoint(session, owner, ["batch.*"])
    async with unit_of_work(sessions) as session:
        before = await _append(session, owner, "a")
    # when its subscription changes to inventory events, then it is disabled
    async with unit_of_work(sessions) as session:
        await endpoints.update_endpoint(
            session,
            owner.principal,
            endpoint_id=endpoint.id,
            event_types=["inventory.*"],
            policy=TargetPolicy(),
        )
    async with unit_of_work(sessions) as session:
        heard = await _append(session, owner, "a")
    async with unit_of_work(sessions) as session:
        await endpoints.update_endpoint(
            session, owner.principal, endpoint_id=endpoint.id, enabled=False, policy=TargetPolicy()
        )
    async with unit_of_work(sessions) as session:
        silenced = await _append(session, owner, "a")
        # then each event went where the subscriptions stood when it was appended
        assert await _deliveries(session, before) == []
        assert await _deliveries(session, heard) == [endpoint.id]
        assert await _deliveries(session, silenced) == []


async def test_one_event_is_one_statement_and_its_fan_out_one_more(engine, sessions, owner):
    # given two endpoints that hear the event and one that does not
    async with unit_of_work(sessions) as session:
        heard = [await _endpoint(session, owner, types) for types in (["*"], ["inventory.*"])]
        await _endpoint(session, owner, ["batch.*"])
    other = await sign_up(sessions)
    statements: list[str] = []

    def counted(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        statements.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", counted)
    try:
        async with unit_of_work(sessions) as session:
            appended = await _append(session, owner, "a")
            alone = await append_event(
                session,
                organization_id=other.organization_id,
                type="inventory.adjusted",
                entity_type="InventoryItem",
                entity_id="a",
                payload={},
            )
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", counted)
    writes = [s for s in statements if s.lstrip().upper().startswith(("INSERT", "WITH"))]
    # the event (which reads the subscriptions too), then its deliveries with their heads:
    # one statement on PostgreSQL, two on SQLite; the event of an organization without
    # endpoints alone
    fan_out = 1 if engine.dialect.name == "postgresql" else 2
    assert len(writes) == 1 + fan_out + 1, writes
    async with unit_of_work(sessions, write=False) as session:
        assert await _deliveries(session, appended) == sorted(e.id for e in heard)
        assert await _deliveries(session, alone) == []
